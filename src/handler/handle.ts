import type { Expression } from '../ast/index.js';
import { type CollectionQuerySuccess, parseCollectionQuery } from '../collection/parse-collection.js';
import type { Sorter } from '../collection/sorters.js';
import { compilePredicate, type RecordPredicate } from '../compile/predicate/compile-predicate.js';
import { sqlDialect } from '../compile/sql/dialects.js';
import { toSqlOrderBy } from '../compile/sql/order-by.js';
import type { SqlChunks, SqlDialectName, SqlFragment } from '../compile/sql/types.js';
import type { Schema } from '../schema/types.js';
import type { ParameterDiagnostic } from '../v3-error/locate.js';
import { toV3ErrorResponse } from '../v3-error/response.js';
import { generateTrackingId } from '../v3-error/tracking-id.js';
import { checkHandlerOptions, checkSqlTarget } from './check-options.js';
import { type CollectionRejection, CollectionSqlError, JSON_HEADERS } from './errors.js';
import type { CollectionHandlerOptions } from './options.js';
import { FilterSql } from './where.js';

export type { CollectionHandlerOptions } from './options.js';

/** Options of {@link CollectionRequest.where}. */
export interface WhereOptions {
  /** How many placeholders come before the fragment in its statement; default: the handler's. */
  readonly parameterOffset?: number;
  /** A table name or alias to qualify the columns with; default: the handler's `table`. */
  readonly table?: string;
}

/** Options of {@link CollectionRequest.orderBy}. */
export interface RequestOrderByOptions {
  /** A table name or alias to qualify the columns with; default: the handler's `table`. */
  readonly table?: string;
}

/** A valid collection request, typed, with its filter ready for SQL or for records in memory. */
export interface CollectionRequest {
  readonly ok: true;
  /** The validated filter; undefined when `filters` is absent or empty. */
  readonly filter: Expression | undefined;
  /** The sort keys, in order (names, not columns): the requested ones, else `defaultSorters`. */
  readonly sorters: readonly Sorter[];
  readonly limit: number;
  readonly offset: number;
  /** Whether the client asked for the total (`count=true`: send `X-Total-Count`). */
  readonly count: boolean;
  /** The decoded value of each standard parameter given, by name. */
  readonly parameters: Readonly<Record<string, string>>;
  /** Warnings only (e.g. `filter=` for `filters=`); they did not reject the request. */
  readonly diagnostics: readonly ParameterDiagnostic[];
  /**
   * The filter as a parameterized `WHERE` fragment for `dialect` (from `compileSql`): values
   * bound, columns quoted from the schema. Without a filter: `TRUE` (PostgreSQL) or `1`
   * (SQLite) and no params, so `WHERE ${sql}` always reads. Throws {@link CollectionSqlError}
   * (status 400, with the answer to send) when the filter cannot be written for `dialect`,
   * which cannot happen when the handler's `dialect` option names this dialect.
   */
  where(dialect: SqlDialectName, options?: WhereOptions): SqlFragment;
  /**
   * The same filter before its placeholders are written (`compileSqlChunks`): text and value
   * chunks to splice into a statement composed as chunks (rendered once, with `renderSqlChunks`,
   * whatever comes before it) or to hand to a query builder. Without a filter: the dialect's
   * constant true. Throws {@link CollectionSqlError} where `where` does.
   */
  whereChunks(dialect: SqlDialectName, options?: RequestOrderByOptions): SqlChunks;
  /** The filter as a test of records in memory (`compilePredicate`); without a filter, always true. */
  predicate(): RecordPredicate;
  /** The `ORDER BY` clause from `sorters` and the tiebreaker (see {@link toSqlOrderBy}). */
  orderBy(dialect: SqlDialectName, options?: RequestOrderByOptions): string;
}

/** What the handler answers: a typed request, or the 400 to send. */
export type CollectionHandlerResult = CollectionRequest | CollectionRejection;

/** A collection endpoint's handler: a request's query string in, a typed request or a 400 out. */
export type CollectionHandler = (query: string | URLSearchParams) => CollectionHandlerResult;

function reject(
  diagnostics: readonly ParameterDiagnostic[],
  texts: Readonly<Record<string, string>>,
  options: CollectionHandlerOptions,
): CollectionRejection {
  // Every option given explicitly, so nothing is read off a polluted Object.prototype.
  const body = toV3ErrorResponse(diagnostics, {
    text: texts,
    trackingId: options.trackingId ? String(options.trackingId()) : generateTrackingId(),
    maxMessages: options.maxMessages ?? 20,
    locale: 'en-US',
    localeOrigin: 'DEFAULT',
    severities: ['error'],
  });
  return { ok: false, status: 400, headers: JSON_HEADERS, body, diagnostics };
}

/** What one handler shares between its requests. */
interface HandlerState {
  readonly schema: Schema;
  readonly options: CollectionHandlerOptions;
  /** The `dialect`/table pairs already checked, so `where` checks each once. */
  readonly checkedTargets: Set<string>;
}

function checkTarget(state: HandlerState, dialect: SqlDialectName, table: string | undefined): void {
  const key = JSON.stringify([dialect, table ?? null]);
  if (state.checkedTargets.has(key)) return;
  checkSqlTarget(dialect, { ...state.options, ...(table !== undefined ? { table } : {}) });
  state.checkedTargets.add(key);
}

function request(
  state: HandlerState,
  query: CollectionQuerySuccess,
  compiled?: FilterSql,
): CollectionRequest {
  const { schema, options } = state;
  const filter = query.filters;
  const filterSql = filter === undefined ? undefined : (compiled ?? new FilterSql(filter, schema));
  const sorters = query.sorters.length > 0 ? query.sorters : (options.defaultSorters ?? []);
  let predicate: RecordPredicate | undefined;
  return {
    ok: true,
    filter,
    sorters,
    limit: query.limit,
    offset: query.offset,
    count: query.count,
    parameters: query.parameters,
    diagnostics: query.diagnostics,
    where(dialect, where) {
      const table = where?.table ?? options.table;
      checkTarget(state, dialect, table);
      if (filterSql === undefined) return { sql: sqlDialect(dialect)!.trueSql, params: [] };
      // Compiled once per dialect and table; only the placeholders depend on the offset.
      const target = { dialect, table, caseFolding: options.caseFolding, storage: options.storage };
      const rendered = filterSql.render(target, where?.parameterOffset ?? options.parameterOffset);
      if ('fragment' in rendered) return rendered.fragment;
      const texts = { filters: query.parameters.filters ?? '' };
      throw new CollectionSqlError(reject(rendered.problems, texts, options));
    },
    whereChunks(dialect, where) {
      const table = where?.table ?? options.table;
      checkTarget(state, dialect, table);
      if (filterSql === undefined) return { dialect, chunks: [sqlDialect(dialect)!.trueSql] };
      const compiled = filterSql.chunks({
        dialect,
        table,
        caseFolding: options.caseFolding,
        storage: options.storage,
      });
      if ('chunks' in compiled) return compiled.chunks;
      const texts = { filters: query.parameters.filters ?? '' };
      throw new CollectionSqlError(reject(compiled.problems, texts, options));
    },
    predicate() {
      predicate ??=
        filter === undefined
          ? () => true
          : compilePredicate(filter, {
              schema,
              ...(options.caseFolding !== undefined ? { caseFolding: options.caseFolding } : {}),
            });
      return predicate;
    },
    orderBy(dialect, orderBy) {
      const table = orderBy?.table ?? options.table;
      return toSqlOrderBy(sorters, schema, dialect, {
        ...(options.columns !== undefined ? { columns: options.columns } : {}),
        ...(options.tiebreaker !== undefined ? { tiebreaker: options.tiebreaker } : {}),
        ...(table !== undefined ? { table } : {}),
      });
    },
  };
}

/**
 * Creates the handler of one collection endpoint: it reads a request's query string (the raw
 * text after `?`, or `URLSearchParams`) with `parseCollectionQuery` and answers either the V3
 * 400 (`{ ok: false, status: 400, headers, body }`, the seed's body with a `trackingId`) or a
 * typed {@link CollectionRequest} whose `where`, `orderBy` and `predicate` give the SQL and the
 * in-memory test. The handler never throws, whatever the query string holds.
 *
 * The schema and every option are checked once, here, and read into a frozen copy the requests
 * use: a schema with errors (as `loadSchema` reports them), an unknown or misspelt option, a
 * value of the wrong type or out of range (`parameterOffset: -1`, `limits: { maxLength: 1e15 }`,
 * `tiebreaker: 'id'`, `trackingId: 'abc'`), an unusable column or table name, an unknown
 * `dialect` or a `caseFolding` it cannot pin throws {@link InvalidCollectionOptionsError} naming
 * each, so no option can fail a request.
 *
 * @example
 * const executions = createCollectionHandler(workflowExecutionsSchema, {
 *   sorters: ['start_time'], tiebreaker: ['id'], dialect: 'postgres',
 * });
 * const answer = executions(url.search);
 * if (!answer.ok) return send(answer.status, answer.headers, answer.body);
 * const where = answer.where('postgres', { parameterOffset: 1 });
 */
export function createCollectionHandler(schema: Schema, given?: CollectionHandlerOptions): CollectionHandler {
  // A frozen copy of own properties, so options changed after the check cannot reach a request.
  const options = checkHandlerOptions(schema, given);
  const state: HandlerState = { schema, options, checkedTargets: new Set() };
  const dialect = options.dialect;
  return (query) => {
    const parsed = parseCollectionQuery(query, schema, options);
    if (!parsed.ok) return reject(parsed.diagnostics, parsed.parameters, options);
    if (dialect === undefined || parsed.filters === undefined) return request(state, parsed);
    // Compiled (and rendered at the handler's offset) now, so a filter SQL cannot take is this
    // request's 400 and `where` for this dialect cannot throw.
    const compiled = new FilterSql(parsed.filters, schema);
    const target = {
      dialect,
      table: options.table,
      caseFolding: options.caseFolding,
      storage: options.storage,
    };
    const rendered = compiled.render(target, options.parameterOffset);
    if ('problems' in rendered) {
      return reject([...parsed.diagnostics, ...rendered.problems], parsed.parameters, options);
    }
    return request(state, parsed, compiled);
  };
}

/**
 * {@link createCollectionHandler} for one request: `handleCollectionRequest(query, schema, options)`.
 * A server handling many requests creates its handler once instead (the options are then checked
 * once, not per request).
 */
export function handleCollectionRequest(
  query: string | URLSearchParams,
  schema: Schema,
  options?: CollectionHandlerOptions,
): CollectionHandlerResult {
  return createCollectionHandler(schema, options)(query);
}

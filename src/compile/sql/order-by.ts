import { quote, showValue } from '../../diagnostic/text.js';
import { ownSchema, schemaErrors } from '../../schema/own.js';
import type { Schema } from '../../schema/types.js';
import { InvalidCollectionOptionsError } from '../compile-error.js';
import { identifierProblem } from './dialect.js';
import { type SqlDialectName, sqlDialect, sqlDialectNames } from './dialects.js';

/**
 * The `ORDER BY` clause of a collection request, written by the SQL compiler's dialect table (it
 * quotes the identifiers): {@link orderBySql} answers with the clause or why there is none, the
 * collection handler's form; {@link toSqlOrderBy} is the public, throwing form.
 */

/** One sort key of a collection request (`sorters` as `parseCollectionQuery` returns them). */
export interface Sorter {
  /** The field name, as whitelisted. */
  readonly field: string;
  /** `desc` when written with a `-` prefix. */
  readonly direction: 'asc' | 'desc';
}

/** Options of `toSqlOrderBy`. */
export interface OrderByOptions {
  /**
   * The column of each sort key, by the name `sorters` uses. A name not listed here takes the
   * `column` of the schema field of that name, else the name itself as one identifier (so a
   * dotted sort key such as `owner.name` needs an entry, unless a column is literally so named).
   */
  readonly columns?: Readonly<Record<string, string>>;
  /**
   * The unique key column(s) appended (ascending) after the sort keys, so rows that tie keep
   * one order and pages never overlap or skip; default `['id']`. A column already among the
   * sort keys is not repeated. `[]` appends nothing (only when the sort keys are unique).
   */
  readonly tiebreaker?: readonly string[];
  /** A table name or alias to qualify every column with (`"t"."start_time"`); default: none. */
  readonly table?: string;
}

/** The tiebreaker when none is given: a column called `id`. */
export const DEFAULT_TIEBREAKER: readonly string[] = Object.freeze(['id']);

/** A column, or why it cannot be one (the message of the handler's options error). */
export type ColumnResult =
  | { readonly ok: true; readonly column: string }
  | { readonly ok: false; readonly message: string };

function column(what: string, name: unknown): ColumnResult {
  const problem = identifierProblem(name);
  return problem === undefined
    ? { ok: true, column: name as string }
    : { ok: false, message: `${what} ${quote(String(name))} ${problem}.` };
}

/** The column a sort key names: `columns[name]`, else the schema field's `column`, else the name. */
export function sortKeyColumn(
  name: string,
  schema: Schema,
  columns?: Readonly<Record<string, string>>,
): ColumnResult {
  const what = `The column of sort key ${quote(name)},`;
  if (columns !== undefined && Object.hasOwn(columns, name)) return column(what, columns[name]);
  const field = Object.hasOwn(schema.fields, name) ? schema.fields[name] : undefined;
  return column(what, field?.column ?? name);
}

/**
 * The `ORDER BY` clause for sort keys, identifiers quoted for `dialect` (see `toSqlOrderBy`),
 * or why it cannot be written (an unknown dialect, an unusable column or table name).
 */
export function orderBySql(
  sorters: readonly Sorter[],
  schema: Schema,
  dialect: unknown,
  options?: OrderByOptions,
): { readonly ok: true; readonly sql: string } | { readonly ok: false; readonly message: string } {
  const traits = sqlDialect(dialect);
  if (traits === undefined) {
    const message = `Unknown SQL dialect ${quote(String(dialect))}; use one of ${sqlDialectNames().join(', ')}.`;
    return { ok: false, message };
  }
  let prefix = '';
  if (options?.table !== undefined) {
    const table = column('The table', options.table);
    if (!table.ok) return table;
    prefix = `${traits.quoteIdentifier(table.column)}.`;
  }
  const keys: string[] = [];
  const used = new Set<string>();
  for (const sorter of sorters) {
    const found = sortKeyColumn(sorter.field, schema, options?.columns);
    if (!found.ok) return found;
    if (used.has(found.column)) continue;
    used.add(found.column);
    keys.push(
      `${prefix}${traits.quoteIdentifier(found.column)} ${sorter.direction === 'desc' ? 'DESC' : 'ASC'}`,
    );
  }
  for (const name of options?.tiebreaker ?? DEFAULT_TIEBREAKER) {
    const found = column('The tiebreaker column', name);
    if (!found.ok) return found;
    if (used.has(found.column)) continue;
    used.add(found.column);
    keys.push(`${prefix}${traits.quoteIdentifier(found.column)} ASC`);
  }
  return { ok: true, sql: keys.length === 0 ? '' : `ORDER BY ${keys.join(', ')}` };
}

/**
 * Writes the `ORDER BY` clause for the sort keys of a collection request (`sorters`, as
 * `parseCollectionQuery` returns them), identifiers quoted for `dialect` from the schema's
 * columns (see {@link OrderByOptions.columns}), then the tiebreaker column(s) ascending:
 * `ORDER BY "start_time" DESC, "id" ASC`. Returns `''` only when there are no sort keys and the
 * tiebreaker is `[]`. Where NULLs sort is the engine's own (PostgreSQL: last ascending; SQLite:
 * first ascending), which keeps plain indexes usable for both directions.
 *
 * Throws {@link InvalidCollectionOptionsError} for an unknown dialect, a schema with errors (as
 * `loadSchema` reports them), a `tiebreaker` that is not a list, or an unusable column or table
 * name (never for a sort key: every name is quoted, whatever it holds).
 *
 * @example
 * toSqlOrderBy([{ field: 'start_time', direction: 'desc' }], workflowExecutionsSchema, 'postgres');
 * // 'ORDER BY "start_time" DESC, "id" ASC'
 */
export function toSqlOrderBy(
  sorters: readonly Sorter[],
  schema: Schema,
  dialect: SqlDialectName,
  options?: OrderByOptions,
): string {
  const errors = schemaErrors(schema);
  if (errors.length > 0) {
    const lines = errors.map((d) => `${d.pointer || '/'}: ${d.message}`);
    throw new InvalidCollectionOptionsError(['The schema is not valid:', ...lines].join('\n'));
  }
  // Own properties only: an option left out is never read off a polluted Object.prototype.
  const own = <K extends keyof OrderByOptions>(key: K) =>
    options !== undefined && options !== null && Object.hasOwn(options, key) ? options[key] : undefined;
  const tiebreaker = own('tiebreaker');
  if (tiebreaker !== undefined && !Array.isArray(tiebreaker)) {
    throw new InvalidCollectionOptionsError(
      `The option \`tiebreaker\` must be a list of column names (\`['id']\`); it is ${showValue(tiebreaker)}.`,
    );
  }
  const table = own('table');
  const columns = own('columns');
  const written = orderBySql(sorters, ownSchema(schema), dialect, {
    ...(table === undefined ? {} : { table }),
    ...(columns === undefined ? {} : { columns }),
    ...(tiebreaker === undefined ? {} : { tiebreaker: tiebreaker as readonly string[] }),
  });
  if (!written.ok) throw new InvalidCollectionOptionsError(written.message);
  return written.sql;
}

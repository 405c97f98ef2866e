import type { Sorter } from '../collection/sorters.js';
import { sqlDialect, sqlDialectNames } from '../compile/sql/compile-sql.js';
import { identifierProblem } from '../compile/sql/dialect.js';
import type { SqlDialectName } from '../compile/sql/types.js';
import { quote } from '../diagnostic/index.js';
import { ownSchema, schemaErrors } from '../schema/own.js';
import type { Schema } from '../schema/types.js';
import { InvalidCollectionOptionsError } from './errors.js';
import { show } from './read-options.js';

/** Options of {@link toSqlOrderBy}. */
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

function checkIdentifier(what: string, name: unknown): string {
  const problem = identifierProblem(name);
  if (problem !== undefined) {
    throw new InvalidCollectionOptionsError(`${what} ${quote(String(name))} ${problem}.`);
  }
  return name as string;
}

/**
 * The column a sort key names: `columns[name]`, else the schema field's `column`, else the name.
 * Throws {@link InvalidCollectionOptionsError} when that column is unusable.
 */
export function sorterColumn(
  name: string,
  schema: Schema,
  columns?: Readonly<Record<string, string>>,
): string {
  if (columns !== undefined && Object.hasOwn(columns, name)) {
    return checkIdentifier(`The column of sort key ${quote(name)},`, columns[name]);
  }
  const fields = ownSchema(schema).fields;
  const field = Object.hasOwn(fields, name) ? fields[name] : undefined;
  return checkIdentifier(`The column of sort key ${quote(name)},`, field?.column ?? name);
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
  const traits = sqlDialect(dialect);
  if (traits === undefined) {
    throw new InvalidCollectionOptionsError(
      `Unknown SQL dialect ${quote(String(dialect))}; use one of ${sqlDialectNames().join(', ')}.`,
    );
  }
  const errors = schemaErrors(schema);
  if (errors.length > 0) {
    const lines = errors.map((d) => `${d.pointer || '/'}: ${d.message}`);
    throw new InvalidCollectionOptionsError(['The schema is not valid:', ...lines].join('\n'));
  }
  // Own properties only: an option left out is never read off a polluted Object.prototype.
  const own = <K extends keyof OrderByOptions>(key: K) =>
    options !== undefined && options !== null && Object.hasOwn(options, key) ? options[key] : undefined;
  const table = own('table');
  const columns = own('columns');
  const tiebreaker = own('tiebreaker') ?? DEFAULT_TIEBREAKER;
  if (!Array.isArray(tiebreaker)) {
    throw new InvalidCollectionOptionsError(
      `The option \`tiebreaker\` must be a list of column names (\`['id']\`); it is ${show(tiebreaker)}.`,
    );
  }
  const prefix = table === undefined ? '' : `${traits.quoteIdentifier(checkIdentifier('The table', table))}.`;
  const keys: string[] = [];
  const used = new Set<string>();
  for (const sorter of sorters) {
    const column = sorterColumn(sorter.field, schema, columns);
    if (used.has(column)) continue;
    used.add(column);
    keys.push(`${prefix}${traits.quoteIdentifier(column)} ${sorter.direction === 'desc' ? 'DESC' : 'ASC'}`);
  }
  for (const name of tiebreaker as readonly unknown[]) {
    const column = checkIdentifier('The tiebreaker column', name);
    if (used.has(column)) continue;
    used.add(column);
    keys.push(`${prefix}${traits.quoteIdentifier(column)} ASC`);
  }
  return keys.length === 0 ? '' : `ORDER BY ${keys.join(', ')}`;
}

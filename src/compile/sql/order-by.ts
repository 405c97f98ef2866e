import { quote } from '../../diagnostic/text.js';
import type { Schema } from '../../schema/types.js';
import { identifierProblem } from './dialect.js';
import { sqlDialect, sqlDialectNames } from './dialects.js';

/** A sort key: a field name (as `sorters` names it) and a direction. */
export interface SqlSortKey {
  readonly field: string;
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
  sorters: readonly SqlSortKey[],
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

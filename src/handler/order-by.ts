import type { Sorter } from '../collection/sorters.js';
import { orderBySql, sortKeyColumn } from '../compile/sql/order-by.js';
import type { SqlDialectName } from '../compile/sql/types.js';
import type { Schema } from '../schema/types.js';
import { InvalidCollectionOptionsError } from './errors.js';

export { DEFAULT_TIEBREAKER, type OrderByOptions } from '../compile/sql/order-by.js';

import type { OrderByOptions } from '../compile/sql/order-by.js';

/**
 * The column a sort key names: `columns[name]`, else the schema field's `column`, else the name.
 * Throws {@link InvalidCollectionOptionsError} when that column is unusable.
 */
export function sorterColumn(
  name: string,
  schema: Schema,
  columns?: Readonly<Record<string, string>>,
): string {
  const found = sortKeyColumn(name, schema, columns);
  if (!found.ok) throw new InvalidCollectionOptionsError(found.message);
  return found.column;
}

/**
 * Writes the `ORDER BY` clause for the sort keys of a collection request (`sorters`, as
 * `parseCollectionQuery` returns them), identifiers quoted for `dialect` from the schema's
 * columns (see {@link OrderByOptions.columns}), then the tiebreaker column(s) ascending:
 * `ORDER BY "start_time" DESC, "id" ASC`. Returns `''` only when there are no sort keys and the
 * tiebreaker is `[]`. Where NULLs sort is the engine's own (PostgreSQL: last ascending; SQLite:
 * first ascending), which keeps plain indexes usable for both directions. The SQL compiler
 * writes it (its dialect table quotes the identifiers); this is its throwing form.
 *
 * Throws {@link InvalidCollectionOptionsError} for an unknown dialect or an unusable column or
 * table name (never for a sort key: every name is quoted, whatever it holds).
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
  const written = orderBySql(sorters, schema, dialect, options);
  if (!written.ok) throw new InvalidCollectionOptionsError(written.message);
  return written.sql;
}

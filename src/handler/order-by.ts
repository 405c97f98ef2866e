import type { Sorter } from '../collection/sorters.js';
import { orderBySql, sortKeyColumn } from '../compile/sql/order-by.js';
import type { SqlDialectName } from '../compile/sql/types.js';
import { ownSchema, schemaErrors } from '../schema/own.js';
import type { Schema } from '../schema/types.js';
import { InvalidCollectionOptionsError } from './errors.js';
import { show } from './read-options.js';

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
  const found = sortKeyColumn(name, ownSchema(schema), columns);
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
      `The option \`tiebreaker\` must be a list of column names (\`['id']\`); it is ${show(tiebreaker)}.`,
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

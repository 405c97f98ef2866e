import { toSqlDateTime } from '../../../src/compile/index.js';
import type { SqlParam } from '../../../src/compile/sql/types.js';
import type { TestClickhouse } from '../../support/clickhouse.js';
import { type GenDataset, type GenField, type GenRow, readGenField } from './data.js';
import { columnType, storedValue } from './engines.js';

/** Quotes an identifier for the test's own DDL: backticks, `\` and `` ` `` escaped by a backslash. */
export function tickCh(name: string): string {
  let out = '`';
  for (const char of name) out += char === '\\' || char === '`' ? `\\${char}` : char;
  return `${out}\``;
}

/** ClickHouse's documented DateTime64 range, as instants (checked against the engine in the tests). */
const FIRST_MS = Date.parse('1900-01-01T00:00:00Z');
const LAST_TEXT = '2262-04-11T23:47:16.854775807Z';

function storable(value: unknown): boolean {
  const text = value instanceof Date || typeof value === 'string' ? toSqlDateTime(value) : undefined;
  if (text === undefined) return false;
  return Date.parse(`${text.slice(0, 23)}Z`) >= FIRST_MS && text <= LAST_TEXT;
}

/**
 * What ClickHouse can hold of a record, as the record the predicate then sees: a date-time outside
 * DateTime64(9)'s range becomes null (a member: a null member), and an empty collection becomes
 * missing, since ClickHouse arrays cannot be NULL and a missing collection is stored as `[]` (the
 * documented boundary, tested on its own).
 */
function storableRecord(
  fields: readonly GenField[],
  record: Record<string, unknown>,
): Record<string, unknown> {
  const copy = structuredClone(record);
  for (const field of fields) {
    const value = readGenField(copy, field);
    if (value === undefined || value === null) continue;
    let replaced: unknown = value;
    if (field.collection && Array.isArray(value)) {
      replaced =
        value.length === 0
          ? null
          : field.type === 'date-time'
            ? value.map((m) => (m === null || storable(m) ? m : null))
            : value;
    } else if (field.type === 'date-time' && !storable(value)) replaced = null;
    if (replaced === value) continue;
    let parent = copy as Record<string, unknown>;
    for (const key of field.path.slice(0, -1)) parent = parent[key] as Record<string, unknown>;
    parent[field.path.at(-1)!] = replaced;
  }
  return copy;
}

/** The dataset as ClickHouse stores it (see {@link storableRecord}). */
export function clickhouseDataset(dataset: GenDataset): GenDataset {
  const rows: GenRow[] = dataset.rows.map((row) => ({
    id: row.id,
    record: storableRecord(dataset.fields, row.record),
  }));
  return { ...dataset, rows };
}

/** Loads a dataset into `table` (replacing it), in the storage `sqlStorage('clickhouse')` states. */
export function loadClickhouse(db: TestClickhouse, table: string, dataset: GenDataset): void {
  const columns = dataset.fields.map((f) => `${tickCh(f.column)} ${columnType(f, 'clickhouse')}`);
  db.exec(`DROP TABLE IF EXISTS ${tickCh(table)}`);
  db.exec(`CREATE TABLE ${tickCh(table)} (id UInt32, ${columns.join(', ')}) ENGINE = Memory`);
  if (dataset.rows.length === 0) return;
  const lines = dataset.rows.map((row) =>
    JSON.stringify([
      row.id,
      ...dataset.fields.map((f) => {
        const stored = storedValue(f, row.record, 'clickhouse');
        // A missing collection is an empty array.
        return f.collection && stored === null ? [] : stored;
      }),
    ]),
  );
  const names = ['id', ...dataset.fields.map((f) => f.column)].map(tickCh).join(', ');
  db.exec(`INSERT INTO ${tickCh(table)} (${names}) FORMAT JSONCompactEachRow\n${lines.join('\n')}`);
}

/** The ids of the rows `WHERE sql` selects, with the fragment's named parameters bound. */
export function selectClickhouse(
  db: TestClickhouse,
  table: string,
  sql: string,
  queryParams: Readonly<Record<string, SqlParam>>,
): number[] {
  return db
    .rows<{ id: number }>(`SELECT id FROM ${tickCh(table)} WHERE ${sql} ORDER BY id`, queryParams)
    .map((r) => r.id);
}

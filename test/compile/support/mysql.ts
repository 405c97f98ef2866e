import { randomBytes } from 'node:crypto';
import fc from 'fast-check';
import mysql from 'mysql2/promise';
import type { SqlParam } from '../../../src/compile/sql/types.js';
import type { GenDataset, GenField, GenRow } from './data.js';
import { columnType, storedValue } from './engines.js';

/**
 * The MariaDB/MySQL server the tests use, from `V3F_TEST_MYSQL_URL`
 * (e.g. `mysql://root@127.0.0.1:3306/test`); undefined: those tests are skipped.
 */
export const MYSQL_URL: string | undefined = process.env.V3F_TEST_MYSQL_URL || undefined;

/** Quotes an identifier for the test's own DDL (independent of the compiler's helper). */
export function tick(name: string): string {
  return `\`${name.split('`').join('``')}\``;
}

/** A connection to a database of its own (uniquely named), dropped by `close()`. */
export interface MysqlScratch {
  readonly conn: mysql.Connection;
  readonly database: string;
  /** The utf8mb4 collations this server has, among those the tests declare columns with. */
  readonly collations: readonly string[];
  close(): Promise<void>;
}

const WANTED_COLLATIONS = [
  'utf8mb4_general_ci',
  'utf8mb4_unicode_520_ci',
  'utf8mb4_bin',
  'utf8mb4_nopad_bin',
  'utf8mb4_uca1400_ai_ci',
  'utf8mb4_0900_ai_ci',
];

/** Opens a connection and creates a database named `v3f_<prefix>_<random>` for this run. */
export async function openMysql(url: string, prefix: string): Promise<MysqlScratch> {
  const conn = await mysql.createConnection({ uri: url, charset: 'utf8mb4' });
  const database = `v3f_${prefix}_${randomBytes(6).toString('hex')}`;
  await conn.query(`CREATE DATABASE ${tick(database)} CHARACTER SET utf8mb4`);
  await conn.query(`USE ${tick(database)}`);
  const [rows] = await conn.query<mysql.RowDataPacket[]>(
    "SHOW COLLATION WHERE Charset = 'utf8mb4' OR Charset IS NULL",
  );
  const present = new Set(rows.map((r) => String(r.Collation)));
  return {
    conn,
    database,
    collations: WANTED_COLLATIONS.filter((c) => present.has(c)),
    async close() {
      try {
        await conn.query(`DROP DATABASE IF EXISTS ${tick(database)}`);
      } finally {
        await conn.end();
      }
    },
  };
}

/** The value a MySQL column holds for a record: scalars, or a JSON array text for collections. */
export function mysqlStoredValue(field: GenField, record: Record<string, unknown>): unknown {
  return storedValue(field, record, 'mysql');
}

/**
 * Creates the table `table` for a dataset (strings alternately `VARCHAR(255)` and `TEXT`, in the
 * table's default `collation`) and loads its rows.
 */
export async function loadMysql(
  conn: mysql.Connection,
  table: string,
  dataset: GenDataset,
  collation: string,
): Promise<void> {
  const columns = dataset.fields.map((f, i) => {
    // Strings alternate between VARCHAR (indexable) and the table's TEXT: any string column works.
    const type =
      !f.collection && f.type === 'string' && i % 2 === 0 ? 'VARCHAR(255)' : columnType(f, 'mysql');
    return `${tick(f.column)} ${type}`;
  });
  await conn.query(`DROP TABLE IF EXISTS ${tick(table)}`);
  await conn.query(
    `CREATE TABLE ${tick(table)} (\`id\` INT PRIMARY KEY, ${columns.join(', ')}) DEFAULT CHARSET = utf8mb4 COLLATE = ${collation}`,
  );
  if (dataset.rows.length === 0) return;
  const tuple = `(${Array.from({ length: dataset.fields.length + 1 }, () => '?').join(', ')})`;
  await conn.execute(
    `INSERT INTO ${tick(table)} VALUES ${dataset.rows.map(() => tuple).join(', ')}`,
    dataset.rows.flatMap((row) => [
      row.id,
      ...dataset.fields.map((f) => mysqlStoredValue(f, row.record)),
    ]) as never,
  );
  await conn.unprepare(`INSERT INTO ${tick(table)} VALUES ${dataset.rows.map(() => tuple).join(', ')}`);
}

/**
 * The ids of the rows `WHERE sql` selects, as a server-side prepared statement (real binding),
 * closed afterwards so the server's prepared-statement limit is never approached.
 */
export async function selectMysql(
  conn: mysql.Connection,
  table: string,
  sql: string,
  params: readonly SqlParam[],
): Promise<number[]> {
  const query = `SELECT \`id\` FROM ${tick(table)} WHERE ${sql} ORDER BY \`id\``;
  try {
    const [rows] = await conn.execute<mysql.RowDataPacket[]>(query, params as SqlParam[]);
    return rows.map((r) => Number(r.id));
  } finally {
    conn.unprepare(query);
  }
}

// What a stored string may get appended: trailing spaces (PAD SPACE collations ignore them),
// NUL (which sorts below the space PAD SPACE pads with) and a tab.
const SUFFIXES = ['', '', '', '', ' ', '  ', '\0', ' \0', '\t'] as const;

function pad(value: unknown, suffix: string): unknown {
  return typeof value === 'string' ? value + suffix : value;
}

function padRecord(record: Record<string, unknown>, field: GenField, choose: () => string): void {
  const holder =
    field.path.length === 1 ? record : (record.nest as Record<string, unknown> | null | undefined);
  if (holder === null || typeof holder !== 'object' || !Object.hasOwn(holder, field.name)) return;
  const value = holder[field.name];
  holder[field.name] = Array.isArray(value) ? value.map((m) => pad(m, choose())) : pad(value, choose());
}

/**
 * The shared generated datasets with what MySQL's collations trip on added: stored strings
 * sometimes end in spaces, NUL or a tab, and the pool filters draw literals from holds
 * trailing-space variants, so `'a' = 'a '` and `'a\0' < 'a'` (PAD SPACE) come up often.
 */
export function withPadding(genDataset: fc.Arbitrary<GenDataset>): fc.Arbitrary<GenDataset> {
  return genDataset.chain((dataset) =>
    fc.array(fc.constantFrom(...SUFFIXES), { minLength: 1, maxLength: 64 }).map((suffixes): GenDataset => {
      let next = 0;
      const choose = () => suffixes[next++ % suffixes.length]!;
      const rows: GenRow[] = dataset.rows.map((row) => {
        const record = structuredClone(row.record);
        for (const field of dataset.fields) if (field.type === 'string') padRecord(record, field, choose);
        return { id: row.id, record };
      });
      const pool = [...dataset.pool, ...dataset.pool.map((s, i) => s + (i % 2 === 0 ? ' ' : '  '))];
      return { ...dataset, rows, pool };
    }),
  );
}

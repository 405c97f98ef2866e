import Database from 'better-sqlite3';
import { sqlStorage } from '../../../src/compile/sql/index.js';
import type { SqlDialectName, SqlParam } from '../../../src/compile/sql/types.js';
import type { TestPostgres } from '../../support/postgres.js';
import { type GenDataset, type GenField, readGenField } from './data.js';

/** The table the differential tests load (a hostile name, to exercise the `table` option). */
export const TABLE = 'data "t"';

/** Quotes an identifier for the test's own DDL (independent of the compiler's helper). */
export function ident(name: string): string {
  return `"${name.split('"').join('""')}"`;
}

/** The column type of a generated field, as the dialect table says the compiler expects it. */
export function columnType(field: GenField, dialect: SqlDialectName): string {
  const storage = sqlStorage(dialect);
  return field.collection ? storage.collectionColumn(field.type) : storage.columns[field.type];
}

/** A scalar as its column holds it: date-times as `toSqlDateTime` text, booleans as the engine keeps them. */
function storeScalar(field: GenField, value: unknown, dialect: SqlDialectName): unknown {
  if (value === null || value === undefined) return null;
  const stored = sqlStorage(dialect).scalar(field.type, value as string | number | boolean | Date);
  if (stored === undefined) throw new Error(`unstorable ${field.type} ${String(value)}`);
  return stored;
}

/** A collection member: JSON's own true/false for booleans (json_each and JSON_TABLE read their type). */
function storeMember(field: GenField, value: unknown): string | number | boolean | null {
  if (value === null || value === undefined) return null;
  if (field.type === 'boolean') return value as boolean;
  return storeScalar(field, value, 'postgres') as string | number;
}

/** The value a column holds for a record, in the documented storage of each dialect. */
export function storedValue(
  field: GenField,
  record: Record<string, unknown>,
  dialect: SqlDialectName,
): unknown {
  const value = readGenField(record, field);
  if (!field.collection) return storeScalar(field, value, dialect);
  if (!Array.isArray(value)) return null;
  return sqlStorage(dialect).collection(value.map((m) => storeMember(field, m)));
}

/** A dataset loaded into an in-memory SQLite database. */
export class SqliteTable {
  private readonly db = new Database(':memory:');

  constructor(dataset: GenDataset) {
    const columns = dataset.fields.map((f) => `${ident(f.column)} ${columnType(f, 'sqlite')}`);
    this.db.exec(`CREATE TABLE ${ident(TABLE)} ("id" INTEGER PRIMARY KEY, ${columns.join(', ')})`);
    const insert = this.db.prepare(
      `INSERT INTO ${ident(TABLE)} VALUES (?, ${dataset.fields.map(() => '?').join(', ')})`,
    );
    for (const row of dataset.rows) {
      insert.run(row.id, ...dataset.fields.map((f) => storedValue(f, row.record, 'sqlite')));
    }
  }

  /** The ids of the rows `WHERE sql` selects. */
  select(sql: string, params: readonly SqlParam[]): number[] {
    const rows = this.db
      .prepare(`SELECT "id" FROM ${ident(TABLE)} WHERE ${sql} ORDER BY "id"`)
      .all(...params) as { id: number }[];
    return rows.map((r) => r.id);
  }

  close(): void {
    this.db.close();
  }
}

/**
 * Loads a dataset into PostgreSQL (a server's test schema, or PGlite), replacing the previous one. `textCollation` declares
 * the string columns with that collation (e.g. an ICU one, whose order is not code-point order).
 */
export async function loadPostgres(
  pg: TestPostgres,
  dataset: GenDataset,
  textCollation?: string,
): Promise<void> {
  const columns = dataset.fields.map((f) => {
    const collate =
      textCollation !== undefined && f.type === 'string' ? ` COLLATE ${ident(textCollation)}` : '';
    return `${ident(f.column)} ${columnType(f, 'postgres')}${collate}`;
  });
  await pg.exec(
    `DROP TABLE IF EXISTS ${ident(TABLE)}; CREATE TABLE ${ident(TABLE)} ("id" integer PRIMARY KEY, ${columns.join(', ')})`,
  );
  if (dataset.rows.length === 0) return;
  const width = dataset.fields.length + 1;
  const tuples = dataset.rows.map(
    (_, r) => `(${Array.from({ length: width }, (_, c) => `$${r * width + c + 1}`).join(', ')})`,
  );
  const params = dataset.rows.flatMap((row) => [
    row.id,
    ...dataset.fields.map((f) => storedValue(f, row.record, 'postgres')),
  ]);
  await pg.query(`INSERT INTO ${ident(TABLE)} VALUES ${tuples.join(', ')}`, params);
}

/** The ids of the rows `WHERE sql` selects in PostgreSQL. */
export async function selectPostgres(
  pg: TestPostgres,
  sql: string,
  params: readonly SqlParam[],
): Promise<number[]> {
  const result = await pg.query<{ id: number }>(
    `SELECT "id" FROM ${ident(TABLE)} WHERE ${sql} ORDER BY "id"`,
    params as unknown[],
  );
  return result.rows.map((r) => r.id);
}

/** A PostgreSQL connection for tests: the server at `V3F_TEST_POSTGRES_URL`, else PGlite. */
export interface PostgresEngine {
  /** `'server'` (a real PostgreSQL) or `'pglite'`. */
  readonly kind: 'server' | 'pglite';
  query<R>(sql: string, params?: readonly unknown[]): Promise<R[]>;
  exec(sql: string): Promise<void>;
  /** Drops what the test created (its own schema on a server) and disconnects. */
  close(): Promise<void>;
}

/**
 * Opens PostgreSQL for a test. With `V3F_TEST_POSTGRES_URL` set it connects to that server and
 * works in a schema of its own (a random name, first on the search path, dropped by `close`), since
 * the server is shared; otherwise it starts an in-process PGlite.
 */
export async function openPostgres(): Promise<PostgresEngine> {
  const url = process.env.V3F_TEST_POSTGRES_URL;
  if (url) {
    const { default: pg } = await import('pg');
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    const schema = `v3f_test_${Math.random().toString(36).slice(2, 10)}`;
    await client.query(`CREATE SCHEMA ${ident(schema)}; SET search_path TO ${ident(schema)}, public`);
    return {
      kind: 'server',
      query: async <R>(sql: string, params?: readonly unknown[]) =>
        (await client.query(sql, params as unknown[] | undefined)).rows as R[],
      exec: async (sql) => {
        await client.query(sql);
      },
      close: async () => {
        try {
          await client.query(`DROP SCHEMA ${ident(schema)} CASCADE`);
        } finally {
          await client.end();
        }
      },
    };
  }
  const { PGlite } = await import('@electric-sql/pglite');
  const db = await PGlite.create();
  return {
    kind: 'pglite',
    query: async <R>(sql: string, params?: readonly unknown[]) =>
      (await db.query<R>(sql, params as unknown[] | undefined)).rows,
    exec: async (sql) => {
      await db.exec(sql);
    },
    close: () => db.close(),
  };
}

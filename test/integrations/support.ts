import { randomBytes } from 'node:crypto';
import { PGlite } from '@electric-sql/pglite';
import Database from 'better-sqlite3';
import { drizzle as drizzleSqlite } from 'drizzle-orm/better-sqlite3';
import { int as mysqlInt, mysqlTable } from 'drizzle-orm/mysql-core';
import { drizzle as drizzleMysql } from 'drizzle-orm/mysql2';
import { drizzle as drizzleNodePostgres } from 'drizzle-orm/node-postgres';
import { integer as pgInteger, pgTable } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { integer as sqliteInteger, sqliteTable } from 'drizzle-orm/sqlite-core';
import {
  Kysely,
  MysqlDialect,
  PostgresDialect,
  type PostgresPool,
  type PostgresQueryResult,
  SqliteDialect,
} from 'kysely';
import { createPool } from 'mysql2';
import pg from 'pg';
import type { CaseFolding } from '../../src/compile/case-folding.js';
import type { SqlDialectName } from '../../src/compile/sql/types.js';
import type { GenDataset } from '../compile/support/data.js';
import { columnType, ident, loadPostgres, storedValue, TABLE } from '../compile/support/engines.js';
import { loadMysql, MYSQL_URL, openMysql } from '../compile/support/mysql.js';
import type { TestPostgres } from '../support/postgres.js';

/** PGlite seen as the statements `loadPostgres` runs (it only calls `exec` and `query`). */
function pgliteLoader(db: PGlite): TestPostgres {
  const loader = {
    exec: async (text: string) => void (await db.exec(text)),
    query: (text: string, p: unknown[]) => db.query(text, p),
  };
  return loader as unknown as TestPostgres;
}

/** The test tables' shape as Kysely sees it: only `id` is selected; filters name the rest. */
export type Tables = Record<string, { id: number }>;

/** A Drizzle query that selects the ids a condition keeps (the driver's own query builder). */
export type SelectIds = (where: import('drizzle-orm').SQL) => Promise<number[]>;

/** One engine reached through both query builders, with the dataset loading its driver does. */
export interface BuilderEngine {
  readonly name: string;
  readonly dialect: SqlDialectName;
  /** The `caseFolding` the fragment is compiled with, and the predicate setting it agrees with. */
  readonly folding: CaseFolding | undefined;
  readonly predicate: CaseFolding;
  readonly kysely: Kysely<Tables>;
  readonly drizzleIds: SelectIds;
  /** The Drizzle database object itself (for dialect detection). */
  readonly drizzle: object;
  load(dataset: GenDataset): Promise<void>;
  close(): Promise<void>;
}

/** SQLite (better-sqlite3, in memory) through Kysely's SqliteDialect and drizzle-orm/better-sqlite3. */
export function sqliteEngine(): BuilderEngine {
  const db = new Database(':memory:');
  const kysely = new Kysely<Tables>({ dialect: new SqliteDialect({ database: db }) });
  const drizzle = drizzleSqlite(db);
  const table = sqliteTable(TABLE, { id: sqliteInteger('id').notNull() });
  return {
    name: 'SQLite (better-sqlite3)',
    dialect: 'sqlite',
    folding: undefined,
    predicate: 'ascii',
    kysely,
    drizzle,
    drizzleIds: async (where) =>
      (await drizzle.select({ id: table.id }).from(table).where(where).orderBy(table.id)).map((r) => r.id),
    async load(dataset) {
      const columns = dataset.fields.map((f) => `${ident(f.column)} ${columnType(f, 'sqlite')}`);
      db.exec(`DROP TABLE IF EXISTS ${ident(TABLE)}`);
      db.exec(`CREATE TABLE ${ident(TABLE)} ("id" INTEGER PRIMARY KEY, ${columns.join(', ')})`);
      const insert = db.prepare(
        `INSERT INTO ${ident(TABLE)} VALUES (?, ${dataset.fields.map(() => '?').join(', ')})`,
      );
      for (const row of dataset.rows) {
        insert.run(row.id, ...dataset.fields.map((f) => storedValue(f, row.record, 'sqlite')));
      }
    },
    async close() {
      await kysely.destroy();
      db.close();
    },
  };
}

/**
 * A Kysely `PostgresPool` over PGlite (no Kysely PGlite dialect is installed): one client,
 * PGlite's own queue serializing the queries.
 */
function pglitePool(db: PGlite): PostgresPool {
  const client = {
    async query<R>(sqlText: string, parameters: readonly unknown[]): Promise<PostgresQueryResult<R>> {
      const result = await db.query<R>(sqlText, [...parameters]);
      const command = (
        /^\s*(\w+)/.exec(sqlText)?.[1] ?? 'SELECT'
      ).toUpperCase() as PostgresQueryResult<R>['command'];
      return { command, rowCount: result.affectedRows ?? result.rows.length, rows: result.rows };
    },
    release() {},
  };
  return { connect: async () => client as never, end: async () => {} };
}

/**
 * PostgreSQL: the real server (`V3F_TEST_POSTGRES_URL`, via pg, in a schema of its own dropped
 * afterwards) or else PGlite; through Kysely's PostgresDialect and drizzle-orm's node-postgres or
 * pglite driver. Compiled with `caseFolding: 'ascii'` (`COLLATE "C"`), which no server locale changes.
 */
export async function postgresEngine(): Promise<BuilderEngine> {
  const url = process.env.V3F_TEST_POSTGRES_URL || undefined;
  const table = pgTable(TABLE, { id: pgInteger('id').notNull() });
  const base = { dialect: 'postgres' as const, folding: 'ascii' as const, predicate: 'ascii' as const };
  if (url === undefined) {
    const db = await PGlite.create();
    const kysely = new Kysely<Tables>({ dialect: new PostgresDialect({ pool: pglitePool(db) }) });
    const drizzle = drizzlePglite(db);
    return {
      ...base,
      name: 'PostgreSQL (PGlite)',
      kysely,
      drizzle,
      drizzleIds: async (where) =>
        (await drizzle.select({ id: table.id }).from(table).where(where).orderBy(table.id)).map((r) => r.id),
      load: (dataset) => loadPostgres(pgliteLoader(db), dataset),
      async close() {
        await kysely.destroy();
        await db.close();
      },
    };
  }
  const schema = `v3f_qb_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`CREATE SCHEMA ${ident(schema)}`);
  const pool = new pg.Pool({ connectionString: url, max: 2, options: `-c search_path=${schema}` });
  const kysely = new Kysely<Tables>({ dialect: new PostgresDialect({ pool }) });
  const drizzle = drizzleNodePostgres(pool);
  return {
    ...base,
    name: 'PostgreSQL (server)',
    kysely,
    drizzle,
    drizzleIds: async (where) =>
      (await drizzle.select({ id: table.id }).from(table).where(where).orderBy(table.id)).map((r) => r.id),
    async load(dataset) {
      const client = await pool.connect();
      try {
        // loadPostgres speaks PGlite's exec/query; a pg client does both.
        const like = {
          exec: (text: string) => client.query(text),
          query: (text: string, p: unknown[]) => client.query(text, p),
        };
        await loadPostgres(like as unknown as TestPostgres, dataset);
      } finally {
        client.release();
      }
    },
    async close() {
      await kysely.destroy();
      await admin.query(`DROP SCHEMA ${ident(schema)} CASCADE`);
      await admin.end();
    },
  };
}

/**
 * MariaDB/MySQL (`V3F_TEST_MYSQL_URL`), in a database of its own dropped afterwards, through
 * Kysely's MysqlDialect and drizzle-orm/mysql2 over one mysql2 pool; undefined without the URL.
 */
export async function mysqlEngine(): Promise<BuilderEngine | undefined> {
  if (MYSQL_URL === undefined) return undefined;
  const scratch = await openMysql(MYSQL_URL, 'qb');
  const pool = createPool({
    uri: MYSQL_URL,
    database: scratch.database,
    charset: 'utf8mb4',
    connectionLimit: 2,
  });
  const kysely = new Kysely<Tables>({ dialect: new MysqlDialect({ pool }) });
  const drizzle = drizzleMysql(pool.promise());
  const table = mysqlTable(TABLE, { id: mysqlInt('id').notNull() });
  return {
    name: 'MariaDB/MySQL (mysql2)',
    dialect: 'mysql',
    folding: undefined,
    predicate: 'unicode',
    kysely,
    drizzle,
    drizzleIds: async (where) =>
      (await drizzle.select({ id: table.id }).from(table).where(where).orderBy(table.id)).map((r) => r.id),
    load: (dataset) => loadMysql(scratch.conn, TABLE, dataset, 'utf8mb4_general_ci'),
    async close() {
      await kysely.destroy();
      await scratch.close();
    },
  };
}

import { randomBytes } from 'node:crypto';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { type PgDatabase, type PgQueryable, poolDatabase } from '../../server/store/pg-database.js';

/**
 * PostgreSQL for the tests: the server at `V3F_TEST_POSTGRES_URL` when it is set, else PGlite in
 * memory. On a server, each instance works in a schema of its own (a unique name, first on
 * `search_path`), dropped by `close()`: other test runs and agents share the server.
 */
export interface TestPostgres extends PgDatabase {
  /** `server` for a real PostgreSQL server, `pglite` for the in-memory one. */
  readonly kind: 'server' | 'pglite';
  /** `server_version_num`, e.g. 150020 or 170005. */
  readonly version: number;
  /** The schema this instance owns on a server (undefined on PGlite). */
  readonly schema: string | undefined;
  /** Runs statements separated by `;` without parameters. */
  exec(sql: string): Promise<void>;
}

/** The connection string of the test server, or undefined (then PGlite is used). */
export function testPostgresUrl(): string | undefined {
  const url = process.env.V3F_TEST_POSTGRES_URL;
  return url === undefined || url === '' ? undefined : url;
}

/** A schema name no other run will pick: `v3f_<label>_<time>_<random>`. */
export function uniqueSchemaName(label: string): string {
  return `v3f_${label}_${Date.now().toString(36)}_${randomBytes(4).toString('hex')}`;
}

/** Options of {@link openTestPostgres}. */
export interface TestPostgresOptions {
  /** On a server, the pool's per-statement time budget (`poolDatabase`'s `budgetMs`). */
  readonly budgetMs?: number;
}

async function openServer(url: string, label: string, options: TestPostgresOptions): Promise<TestPostgres> {
  const schema = uniqueSchemaName(label);
  const admin = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5_000 });
  try {
    await admin.connect();
  } catch (error) {
    // Set but unreachable is a broken test setup: say so plainly instead of falling back.
    throw new Error(`V3F_TEST_POSTGRES_URL is set but PostgreSQL is unreachable: ${String(error)}`);
  }
  await admin.query(`CREATE SCHEMA ${pg.escapeIdentifier(schema)}`);
  const version = Number(
    (await admin.query<{ v: string }>("SELECT current_setting('server_version_num') AS v")).rows[0]?.v,
  );
  const db = poolDatabase(url, {
    schema,
    max: 4,
    applicationName: schema,
    onError: () => undefined,
    ...(options.budgetMs !== undefined ? { budgetMs: options.budgetMs } : {}),
  });
  return {
    kind: 'server',
    version,
    schema,
    query: db.query,
    transaction: db.transaction,
    exec: async (sql) => {
      await db.query(sql);
    },
    close: async () => {
      try {
        await db.close();
        await admin.query(`DROP SCHEMA ${pg.escapeIdentifier(schema)} CASCADE`);
      } finally {
        await admin.end();
      }
    },
  };
}

async function openPGlite(): Promise<TestPostgres> {
  const db = await PGlite.create();
  const version = Number(
    (await db.query<{ v: string }>("SELECT current_setting('server_version_num') AS v")).rows[0]?.v,
  );
  const wrap = (q: Pick<PGlite, 'query'>): PgQueryable => ({
    query: async <Row extends object>(text: string, params?: readonly unknown[]) => ({
      rows: (await q.query<Row>(text, params as unknown[] | undefined)).rows,
    }),
  });
  return {
    kind: 'pglite',
    version,
    schema: undefined,
    query: wrap(db).query,
    transaction: (work) => db.transaction((tx) => work(wrap(tx))),
    exec: async (sql) => {
      await db.exec(sql);
    },
    close: () => db.close(),
  };
}

/**
 * Opens the tests' PostgreSQL: a schema of its own on the server at `V3F_TEST_POSTGRES_URL`, or
 * a fresh PGlite. `label` goes into the schema's name, to tell runs apart when one is left over.
 */
export function openTestPostgres(label = 'test', options: TestPostgresOptions = {}): Promise<TestPostgres> {
  const url = testPostgresUrl();
  return url === undefined ? openPGlite() : openServer(url, label, options);
}

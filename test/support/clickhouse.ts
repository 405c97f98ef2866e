import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { ClickhouseDatabase } from '../../server/store/clickhouse-database.js';
import type { SqlParam } from '../../src/index.js';

/**
 * Embedded ClickHouse for the tests, through chdb. chdb ships the engine itself (about 0.5 GB), so
 * it lives in a folder of its own, `test/engines/clickhouse/`, which `.ci/run` installs
 * (`npm install --prefix test/engines/clickhouse`) and a plain `npm install` leaves alone. Without it
 * the ClickHouse tests are skipped with a printed reason; `V3F_TEST_CLICKHOUSE=required` (CI sets
 * it) makes its absence a failure instead.
 */
export const ENGINE_FOLDER = resolve(import.meta.dirname, '../engines/clickhouse');

/** `V3F_TEST_CLICKHOUSE=required` turns a missing chdb from a skip into a failure. */
export const clickhouseRequired = process.env.V3F_TEST_CLICKHOUSE === 'required';

/** The part of chdb's `Session` the tests use. */
interface ChdbSession {
  query(sql: string, format?: string): string;
  queryBind(sql: string, params: object, format?: string): string;
  cleanup(): void;
}

interface ChdbModule {
  Session: new (path?: string) => ChdbSession;
}

function loadChdb(): { chdb: ChdbModule } | { missing: string } {
  try {
    const require = createRequire(join(ENGINE_FOLDER, 'package.json'));
    return { chdb: require('chdb') as ChdbModule };
  } catch (error) {
    const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
    return {
      missing: `chdb is not installed in test/engines/clickhouse (${reason}): run \`npm install --prefix test/engines/clickhouse\` (about 0.5 GB) to run the ClickHouse tests; set V3F_TEST_CLICKHOUSE=required to make its absence a failure`,
    };
  }
}

const loaded = loadChdb();

/** Why the ClickHouse tests cannot run here, or undefined when chdb is installed. */
export const clickhouseMissing: string | undefined = 'missing' in loaded ? loaded.missing : undefined;

/** Whether a suite skips: chdb absent and not required. Says why on stderr (a skip is only a count otherwise). */
export function skipClickhouse(suite: string): boolean {
  const skipped = clickhouseMissing !== undefined && !clickhouseRequired;
  if (skipped) console.warn(`${suite} skipped: ${clickhouseMissing}`);
  return skipped;
}

/** A value bound to a query parameter. */
export type ClickhouseParam = string | number | boolean | readonly (string | number | boolean | null)[];

/** An embedded ClickHouse database in a temporary folder of its own. */
export interface TestClickhouse {
  /** Runs statements (`;`-separated), returning nothing. */
  exec(sql: string): void;
  /** Rows of a query as objects (JSONEachRow), with the named query parameters bound. */
  rows<R>(sql: string, params?: Readonly<Record<string, ClickhouseParam>>): R[];
  /** The text of a query's answer in `format` (e.g. `TSVRaw` for EXPLAIN). */
  text(sql: string, format: string, params?: Readonly<Record<string, ClickhouseParam>>): string;
  /** Removes the database's folder. */
  close(): void;
}

/**
 * Opens chdb in a fresh temporary folder. Throws (with the reason) when chdb is missing: call it
 * only in a suite that {@link skipClickhouse} did not skip.
 */
export function openClickhouse(): TestClickhouse {
  if ('missing' in loaded) throw new Error(`V3F_TEST_CLICKHOUSE=required, but ${loaded.missing}`);
  const folder = mkdtempSync(join(tmpdir(), 'v3f-clickhouse-'));
  const session = new loaded.chdb.Session(folder);
  const run = (sql: string, format: string, params?: Readonly<Record<string, ClickhouseParam>>) =>
    params === undefined || Object.keys(params).length === 0
      ? session.query(sql, format)
      : session.queryBind(sql, params, format);
  return {
    exec(sql) {
      run(sql, 'TSV');
    },
    rows<R>(sql: string, params?: Readonly<Record<string, ClickhouseParam>>) {
      return run(sql, 'JSONEachRow', params)
        .split('\n')
        .filter((line) => line !== '')
        .map((line) => JSON.parse(line) as R);
    },
    text: run,
    close() {
      try {
        session.cleanup();
      } finally {
        rmSync(folder, { recursive: true, force: true });
      }
    },
  };
}

/**
 * The reference server's ClickHouse database over chdb: the store's queries run here exactly as
 * they would through @clickhouse/client (the same SQL and named parameters).
 */
export function chdbDatabase(db: TestClickhouse): ClickhouseDatabase {
  return {
    query: async <Row extends object>(sql: string, params?: Readonly<Record<string, SqlParam>>) =>
      db.rows<Row>(sql, params),
    command: async (sql) => {
      db.exec(sql);
    },
    insert: async (table, rows) => {
      if (rows.length === 0) return;
      db.exec(
        `INSERT INTO ${table} FORMAT JSONEachRow\n${rows.map((row) => JSON.stringify(row)).join('\n')}`,
      );
    },
    close: async () => undefined,
  };
}

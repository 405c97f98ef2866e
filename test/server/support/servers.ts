import { mkdtempSync, rmSync } from 'node:fs';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type AppOptions, createApp } from '../../../server/app.js';
import { createHttpServer, type HttpTimeouts, listen as listenOn } from '../../../server/http-server.js';
import { openClickhouseStore } from '../../../server/store/clickhouse.js';
import { openPostgresStore } from '../../../server/store/postgres.js';
import { openSqliteStore, type SqliteStore } from '../../../server/store/sqlite.js';
import type { Store } from '../../../server/store/types.js';
import { chdbDatabase, openClickhouse, type TestClickhouse } from '../../support/clickhouse.js';
import { openTestPostgres, type TestPostgres } from '../../support/postgres.js';

/** The reference server on loopback for a test, over its own database. */
export interface TestServer {
  readonly url: string;
  readonly store: Store;
  /** The SQLite file (SQLite servers only). */
  readonly sqlitePath?: string;
  /** The test's PostgreSQL (PostgreSQL servers only). */
  readonly postgres?: TestPostgres;
  /** The test's embedded ClickHouse (ClickHouse servers only). */
  readonly clickhouse?: TestClickhouse;
  /** Errors the server logged as faults. */
  readonly faults: unknown[];
  close(): Promise<void>;
}

/** What a test server is made of. */
export interface TestServerOptions extends Partial<Omit<AppOptions, 'store'>> {
  readonly engine: 'sqlite' | 'postgres' | 'clickhouse';
  /** How many sample executions to seed; default the full 120,000. */
  readonly executions?: number;
  /** The HTTP server's timeouts; default the reference server's. */
  readonly timeouts?: HttpTimeouts;
  /** The store's time budget per request (SQLite's reader threads; a PostgreSQL server's pool). */
  readonly queryTimeoutMs?: number;
}

async function listen(
  options: AppOptions,
  timeouts?: HttpTimeouts,
): Promise<{ server: Server; url: string }> {
  const { server } = createHttpServer(createApp(options), timeouts);
  const port = await listenOn(server, 0, '127.0.0.1');
  return { server, url: `http://127.0.0.1:${port}` };
}

/**
 * Starts the reference server's app in this process on an ephemeral loopback port: SQLite in a
 * fresh temporary file, or PostgreSQL (the server at `V3F_TEST_POSTGRES_URL` in a schema of its
 * own, else PGlite). No rate limit unless asked.
 */
export async function startTestServer(options: TestServerOptions): Promise<TestServer> {
  const faults: unknown[] = [];
  let store: Store;
  let sqlitePath: string | undefined;
  let directory: string | undefined;
  let postgres: TestPostgres | undefined;
  let clickhouse: TestClickhouse | undefined;
  if (options.engine === 'clickhouse') {
    clickhouse = openClickhouse();
    store = await openClickhouseStore(chdbDatabase(clickhouse), options.executions);
  } else if (options.engine === 'sqlite') {
    directory = mkdtempSync(join(tmpdir(), 'v3f-server-'));
    sqlitePath = join(directory, 'executions.sqlite');
    store = openSqliteStore({
      path: sqlitePath,
      ...(options.queryTimeoutMs !== undefined ? { budgetMs: options.queryTimeoutMs } : {}),
      ...(options.executions !== undefined ? { executions: options.executions } : {}),
    });
  } else {
    postgres = await openTestPostgres(
      'server',
      options.queryTimeoutMs !== undefined ? { budgetMs: options.queryTimeoutMs } : {},
    );
    store = await openPostgresStore(postgres, options.executions);
  }
  const {
    engine: _engine,
    executions: _executions,
    queryTimeoutMs: _budget,
    timeouts,
    ...appOptions
  } = options;
  const { server, url } = await listen(
    {
      rateLimit: 0,
      logError: (error) => faults.push(error),
      ...appOptions,
      store,
    },
    timeouts,
  );
  return {
    url,
    store,
    ...(sqlitePath !== undefined ? { sqlitePath } : {}),
    ...(postgres !== undefined ? { postgres } : {}),
    ...(clickhouse !== undefined ? { clickhouse } : {}),
    faults,
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      // The PostgreSQL store's close ends the pool; the test database then drops its schema.
      if (postgres !== undefined) await postgres.close();
      else if (clickhouse !== undefined) clickhouse.close();
      else await (store as SqliteStore).close();
      if (directory !== undefined) rmSync(directory, { recursive: true, force: true });
    },
  };
}

/** An answer read whole: status, headers, and the body parsed as JSON (or the text when it is not JSON). */
export interface Answer {
  readonly status: number;
  readonly statusText: string;
  readonly headers: Headers;
  readonly body: unknown;
  readonly text: string;
}

/**
 * GETs `path` from the server and reads the whole answer. A request that finds its pooled
 * keep-alive connection closed (the server's 5 s idle timeout passed while a test computed) is
 * sent once more on a new one; any other failure, or a second one, is the test's failure.
 */
export async function get(base: string, path: string, headers?: Record<string, string>): Promise<Answer> {
  const send = () => fetch(`${base}${path}`, headers ? { headers } : {});
  const response = await send().catch((error: unknown) => {
    const code = (error as { cause?: { code?: unknown } }).cause?.code;
    if (code === 'ECONNRESET' || code === 'UND_ERR_SOCKET') return send();
    throw error;
  });
  const text = await response.text();
  let body: unknown = text;
  try {
    body = JSON.parse(text);
  } catch {
    // Left as text: the caller's assertion on the shape will say what came.
  }
  return { status: response.status, statusText: response.statusText, headers: response.headers, body, text };
}

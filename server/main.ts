/**
 * `npm start`: the reference server. Seeds its database on first start (SQLite in `.data/`, or
 * PostgreSQL or ClickHouse at `DATABASE_URL`), listens on `PORT`, and prints requests to paste.
 */
import type { Server } from 'node:http';
import { pathToFileURL } from 'node:url';
import { createApp, DEFAULT_CLIENT_CONCURRENCY } from './app.js';
import { ConfigError, readConfig, type ServerConfig } from './config.js';
import { exampleRequests } from './examples.js';
import { oneLine } from './fault-log.js';
import { createHttpServer, HTTP_TIMEOUTS, type HttpTimeouts, listen } from './http-server.js';
import { openStore } from './open-store.js';
import type { Store } from './store/types.js';

/** A started server: its address and how to stop it. */
export interface RunningServer {
  readonly server: Server;
  readonly store: Store;
  readonly url: string;
  /**
   * Stops gracefully: no new connections; idle ones and those with half a request closed at
   * once; requests being answered finish within `graceMs` (default {@link SHUTDOWN_GRACE_MS}),
   * then every connection is closed and the store after them.
   */
  close(graceMs?: number): Promise<void>;
}

/** How long a stopping server lets the requests it is answering finish. */
export const SHUTDOWN_GRACE_MS = 5_000;

/** Opens (and seeds) the store, then listens. */
export async function startServer(
  config: ServerConfig,
  log = console.log,
  timeouts: HttpTimeouts = HTTP_TIMEOUTS,
): Promise<RunningServer> {
  const store = await openStore(config, log);
  const app = createApp({
    store,
    rateLimit: config.rateLimit,
    clientConcurrency: { ...DEFAULT_CLIENT_CONCURRENCY, inFlight: config.clientConcurrency },
    playgroundDir: config.playgroundDir,
    logStacks: config.development,
    ...(config.apiToken !== undefined ? { apiToken: config.apiToken } : {}),
  });
  const http = createHttpServer(app, timeouts);
  let port: number;
  try {
    port = await listen(http.server, config.port, config.host);
  } catch (error) {
    await store.close().catch(() => undefined);
    throw error;
  }
  const url = `http://${config.host ?? 'localhost'}:${port}`;
  return {
    server: http.server,
    store,
    url,
    close: async (graceMs = SHUTDOWN_GRACE_MS) => {
      await http.close(graceMs);
      await store.close();
    },
  };
}

async function main(): Promise<void> {
  // Output piped into a reader that goes away (`npm start | head`) must not end the server.
  for (const stream of [process.stdout, process.stderr]) stream.on('error', () => undefined);
  let config: ServerConfig;
  try {
    config = readConfig();
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    console.error(`error: ${error.message}`);
    process.exit(2);
  }
  const running = await startServer(config);
  console.log(`v3-filters reference server on ${running.url} (${running.store.dialect})`);
  if (running.store.closedStatus !== true && running.store.dialect !== 'clickhouse') {
    // A database seeded before the table's CHECK on status: still correct, only slower plans.
    console.log(
      'note: this database does not hold status to its four values (no CHECK constraint; seeded by an older version), so `not status eq` filters stay negations; `npm run db:drop` and a restart seed it afresh',
    );
  }
  console.log('Try:');
  for (const line of exampleRequests(running.url, config.apiToken)) console.log(`  ${line}`);
  const stop = (signal: NodeJS.Signals) => {
    console.log(`${signal}: finishing the requests being answered, then stopping`);
    // Should closing the store hang, the process still ends shortly after the grace period.
    setTimeout(() => {
      console.error('error: the database did not close in time (a statement still running); stopping anyway');
      process.exit(1);
    }, SHUTDOWN_GRACE_MS + 2_000).unref();
    running.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  if (process.send !== undefined) answerMemoryQueries();
}

/**
 * Started by a supervisor with an IPC channel (the load test), the server answers `'memory'`
 * with its `process.memoryUsage()`, taken after a full collection when run with `--expose-gc`.
 */
function answerMemoryQueries(): void {
  process.on('message', (message) => {
    if (message !== 'memory') return;
    (globalThis as { gc?: () => void }).gc?.();
    process.send?.({ memory: process.memoryUsage() });
  });
  // The channel must not keep the process alive on its own.
  process.channel?.unref();
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  main().catch((error: unknown) => {
    console.error(
      `error: the server could not start: ${oneLine(error instanceof Error ? error.message : String(error), 1000)}`,
    );
    process.exit(1);
  });
}

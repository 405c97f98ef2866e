/**
 * `npm start`: the reference server. Seeds its database on first start (SQLite in `.data/`, or
 * PostgreSQL at `DATABASE_URL`), listens on `PORT`, and prints requests to paste.
 */
import type { Server } from 'node:http';
import { pathToFileURL } from 'node:url';
import { createApp, DEFAULT_CLIENT_CONCURRENCY } from './app.js';
import { answerClientErrors } from './client-errors.js';
import { ConfigError, readConfig, type ServerConfig } from './config.js';
import { exampleRequests } from './examples.js';
import { openStore } from './open-store.js';
import type { Store } from './store/types.js';

/** A started server: its address and how to stop it. */
export interface RunningServer {
  readonly server: Server;
  readonly store: Store;
  readonly url: string;
  close(): Promise<void>;
}

/** Opens (and seeds) the store, then listens. */
export async function startServer(config: ServerConfig, log = console.log): Promise<RunningServer> {
  const store = await openStore(config, log);
  const app = createApp({
    store,
    rateLimit: config.rateLimit,
    clientConcurrency: { ...DEFAULT_CLIENT_CONCURRENCY, inFlight: config.clientConcurrency },
    playgroundDir: config.playgroundDir,
    ...(config.apiToken !== undefined ? { apiToken: config.apiToken } : {}),
  });
  const server = await new Promise<Server>((resolve, reject) => {
    const listening = app.listen(config.port, config.host ?? '', (error?: Error) =>
      error ? reject(error) : resolve(listening),
    );
  });
  answerClientErrors(server);
  const address = server.address();
  const port = typeof address === 'object' && address !== null ? address.port : config.port;
  const url = `http://${config.host ?? 'localhost'}:${port}`;
  return {
    server,
    store,
    url,
    close: async () => {
      await new Promise<void>((resolve) => server.close(() => resolve()));
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
  console.log('Try:');
  for (const line of exampleRequests(running.url, config.apiToken)) console.log(`  ${line}`);
  const stop = () => {
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
      `error: the server could not start: ${error instanceof Error ? error.message : String(error)}`,
    );
    process.exit(1);
  });
}

import { fileURLToPath } from 'node:url';
import { DEFAULT_QUERY_TIMEOUT_MS } from './store/busy.js';

/** The reference server's settings, read from the environment by {@link readConfig}. */
export interface ServerConfig {
  /** `PORT`, default 3000 (0 picks a free port). */
  readonly port: number;
  /** `HOST`; default: every interface. */
  readonly host: string | undefined;
  /** `DATABASE_URL` (`postgres://...`): serve from PostgreSQL instead of SQLite. */
  readonly databaseUrl: string | undefined;
  /** `SQLITE_PATH`, default `.data/reference-server.sqlite` in the repository. */
  readonly sqlitePath: string;
  /** `API_TOKEN`: when set, requests need `Authorization: Bearer <API_TOKEN>`. */
  readonly apiToken: string | undefined;
  /** `RATE_LIMIT`: requests per client per minute, default 600; 0 turns the limit off. */
  readonly rateLimit: number;
  /** `SEED_EXECUTIONS`: how many executions a new database gets, default 120,000. */
  readonly seedExecutions: number | undefined;
  /**
   * `QUERY_TIMEOUT_MS`: each request's time budget for its database work (PostgreSQL's
   * `statement_timeout` and `lock_timeout`, SQLite's reader threads), default 2,000; past it, 503.
   */
  readonly queryTimeoutMs: number;
  /** `CLIENT_CONCURRENCY`: database requests of one client that run at once, default 1; 0 turns the bound off. */
  readonly clientConcurrency: number;
  /** `PLAYGROUND_DIR`, default `playground/dist` in the repository: served at `/` when built. */
  readonly playgroundDir: string;
}

/** A setting that cannot be used; the message names it and says what it takes. */
export class ConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConfigError';
  }
}

const repository = (path: string) => fileURLToPath(new URL(`../${path}`, import.meta.url));

function wholeNumber(env: NodeJS.ProcessEnv, name: string, fallback: number, max: number): number {
  const text = env[name];
  if (text === undefined || text === '') return fallback;
  if (!/^[0-9]{1,10}$/.test(text) || Number(text) > max) {
    throw new ConfigError(`${name} must be a whole number from 0 to ${max}, not ${JSON.stringify(text)}`);
  }
  return Number(text);
}

function positive(env: NodeJS.ProcessEnv, name: string, fallback: number, max: number): number {
  const value = wholeNumber(env, name, fallback, max);
  if (value === 0) throw new ConfigError(`${name} must be a whole number from 1 to ${max}, not "0"`);
  return value;
}

/** Reads the settings from `env` (default `process.env`); throws {@link ConfigError} on a bad one. */
export function readConfig(env: NodeJS.ProcessEnv = process.env): ServerConfig {
  const databaseUrl = env.DATABASE_URL || undefined;
  if (databaseUrl !== undefined && !/^postgres(ql)?:\/\//.test(databaseUrl)) {
    throw new ConfigError('DATABASE_URL must be a PostgreSQL URL (postgres://user@host:port/database)');
  }
  const seed = wholeNumber(env, 'SEED_EXECUTIONS', -1, 10_000_000);
  return {
    port: wholeNumber(env, 'PORT', 3000, 65_535),
    host: env.HOST || undefined,
    databaseUrl,
    sqlitePath: env.SQLITE_PATH || repository('.data/reference-server.sqlite'),
    apiToken: env.API_TOKEN || undefined,
    rateLimit: wholeNumber(env, 'RATE_LIMIT', 600, 1_000_000_000),
    seedExecutions: seed < 0 ? undefined : seed,
    queryTimeoutMs: positive(env, 'QUERY_TIMEOUT_MS', DEFAULT_QUERY_TIMEOUT_MS, 600_000),
    clientConcurrency: wholeNumber(env, 'CLIENT_CONCURRENCY', 1, 1_000),
    playgroundDir: env.PLAYGROUND_DIR || repository('playground/dist'),
  };
}

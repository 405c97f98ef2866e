import { fileURLToPath } from 'node:url';

/** The reference server's settings, read from the environment by {@link readConfig}. */
export interface ServerConfig {
  /** `PORT`, default 3000 (0 picks a free port). */
  readonly port: number;
  /** `HOST`; default: every interface. */
  readonly host: string | undefined;
  /**
   * `DATABASE_URL`: serve from PostgreSQL (`postgres://...`) or ClickHouse (`clickhouse://...`,
   * `clickhouses://...` over HTTPS) instead of SQLite.
   */
  readonly databaseUrl: string | undefined;
  /** `SQLITE_PATH`, default `.data/reference-server.sqlite` in the repository. */
  readonly sqlitePath: string;
  /** `API_TOKEN`: when set, requests need `Authorization: Bearer <API_TOKEN>`. */
  readonly apiToken: string | undefined;
  /** `RATE_LIMIT`: requests per client per minute, default 600; 0 turns the limit off. */
  readonly rateLimit: number;
  /** `SEED_EXECUTIONS`: how many executions a new database gets, default 120,000. */
  readonly seedExecutions: number | undefined;
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

/** Reads the settings from `env` (default `process.env`); throws {@link ConfigError} on a bad one. */
export function readConfig(env: NodeJS.ProcessEnv = process.env): ServerConfig {
  const databaseUrl = env.DATABASE_URL || undefined;
  if (databaseUrl !== undefined && !/^(postgres(ql)?|clickhouses?):\/\//.test(databaseUrl)) {
    throw new ConfigError(
      'DATABASE_URL must be a PostgreSQL URL (postgres://user@host:port/database) or a ClickHouse one (clickhouse://user:password@host:8123/database)',
    );
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
    playgroundDir: env.PLAYGROUND_DIR || repository('playground/dist'),
  };
}

import { statSync } from 'node:fs';
import { isIP } from 'node:net';
import { fileURLToPath } from 'node:url';
import { DEFAULT_QUERY_TIMEOUT_MS } from './store/busy.js';

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
  /**
   * `QUERY_TIMEOUT_MS`: each request's time budget for its database work (PostgreSQL's
   * `statement_timeout` and `lock_timeout`, SQLite's reader threads), default 2,000; past it, 503.
   */
  readonly queryTimeoutMs: number;
  /** `CLIENT_CONCURRENCY`: database requests of one client that run at once, default 1; 0 turns the bound off. */
  readonly clientConcurrency: number;
  /**
   * `DATE_TIME_STORAGE`: `text` (default), or `timestamp` for executions' times in `timestamptz`
   * columns (PostgreSQL only; the sample's times cut to microseconds).
   */
  readonly dateTimeStorage: 'text' | 'timestamp';
  /** `PLAYGROUND_DIR`, default `playground/dist` in the repository: served at `/` when built. */
  readonly playgroundDir: string;
  /** `NODE_ENV=development`: each fault's log line is followed by its stack. */
  readonly development: boolean;
}

/** A setting that cannot be used; the message, one line, names it and says what it takes. */
export class ConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConfigError';
  }
}

const repository = (path: string) => fileURLToPath(new URL(`../${path}`, import.meta.url));

/** A value shown in a message: quoted, printable ASCII only (anything else as `\uXXXX`), cut at 40. */
function quote(text: string): string {
  const shown = text.length > 40 ? `${text.slice(0, 40)}...` : text;
  return `"${shown.replace(/[^\x20-\x7e]|["\\]/g, (c) => (c === '"' || c === '\\' ? `\\${c}` : codePoint(c)))}"`;
}

const codePoint = (c: string) => `\\u${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`;

function wholeNumber(env: NodeJS.ProcessEnv, name: string, fallback: number, max: number): number {
  const text = env[name];
  if (text === undefined || text === '') return fallback;
  if (!/^[0-9]{1,10}$/.test(text) || Number(text) > max) {
    throw new ConfigError(`${name} must be a whole number from 0 to ${max}, not ${quote(text)}`);
  }
  return Number(text);
}

function positive(env: NodeJS.ProcessEnv, name: string, fallback: number, max: number): number {
  const value = wholeNumber(env, name, fallback, max);
  if (value === 0) throw new ConfigError(`${name} must be a whole number from 1 to ${max}, not "0"`);
  return value;
}

/** RFC 6750's `b64token`: what an `Authorization: Bearer` header can carry. */
const BEARER_TOKEN = /^[A-Za-z0-9\-._~+/]+=*$/;
/** Past this, the token with the rest of a request's headers nears Node's 16 KiB header limit. */
const MAX_TOKEN_LENGTH = 4096;

/** What is wrong with `token` as a bearer token, without repeating it (it is a secret). */
function tokenProblem(token: string): string | undefined {
  if (token === '') return 'is set but empty: unset it to serve without a token, or give one';
  if (token.length > MAX_TOKEN_LENGTH) return `is longer than ${MAX_TOKEN_LENGTH} characters`;
  if (BEARER_TOKEN.test(token)) return undefined;
  const chars = [...token];
  const index = chars.findIndex(
    (c, i) =>
      !/[A-Za-z0-9\-._~+/=]/.test(c) || (c === '=' && chars[i + 1] !== undefined && chars[i + 1] !== '='),
  );
  if (index === -1) return "is nothing but '=' padding";
  const c = chars[index]!;
  const what =
    c === ' '
      ? 'a space'
      : c === '='
        ? "'=' before the end (only trailing padding may be '=')"
        : c.codePointAt(0)! < 0x20 || c === '\x7f'
          ? `a control character (U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')})`
          : c.codePointAt(0)! > 0x7e
            ? `a non-ASCII character (U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')})`
            : `'${c}'`;
  return `holds ${what} at character ${index + 1}: a bearer token is letters, digits and - . _ ~ + /, then optional '=' padding (RFC 6750), so no client could send it`;
}

/** A name a listener can bind: an IP address or a DNS host name. */
function hostProblem(host: string): string | undefined {
  if (isIP(host) !== 0) return undefined;
  const labels = host.split('.');
  const valid =
    host.length <= 253 &&
    labels.every((label) => /^[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?$/.test(label));
  return valid ? undefined : `HOST must be an IP address or a host name, not ${quote(host)}`;
}

/** The protocols `DATABASE_URL` takes: PostgreSQL, and ClickHouse over HTTP or HTTPS. */
const DATABASE_PROTOCOLS: ReadonlySet<string> = new Set([
  'postgres:',
  'postgresql:',
  'clickhouse:',
  'clickhouses:',
]);

/** What is wrong with a database URL, naming the part but never showing it (it may hold a password). */
function databaseUrlProblem(text: string): string | undefined {
  const what =
    'DATABASE_URL must be a PostgreSQL URL (postgres://user:password@host:port/database) or a ClickHouse one (clickhouse://user:password@host:8123/database)';
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return `${what}; it is not a URL`;
  }
  if (!DATABASE_PROTOCOLS.has(url.protocol)) {
    return `${what}, not a ${quote(url.protocol.slice(0, -1))} URL`;
  }
  for (const [part, value] of [
    ['user name', url.username],
    ['password', url.password],
    ['database name', url.pathname],
  ] as const) {
    try {
      decodeURIComponent(value);
    } catch {
      return `${what}; its ${part} holds a malformed percent-escape (write % as %25)`;
    }
  }
  return undefined;
}

function notA(kind: 'file' | 'directory', name: string, path: string): string | undefined {
  try {
    const stat = statSync(path);
    if (kind === 'file' ? stat.isDirectory() : !stat.isDirectory())
      return `${name} must name a ${kind}, and ${quote(path)} is not one`;
  } catch {
    // Absent: created (the SQLite file) or looked for on each request (the playground).
  }
  return undefined;
}

/**
 * Reads the settings from `env` (default `process.env`); throws {@link ConfigError} on the first
 * one that cannot work, before anything is opened. An empty variable counts as unset, but for
 * `API_TOKEN`: an empty token would quietly leave the server open.
 */
export function readConfig(env: NodeJS.ProcessEnv = process.env): ServerConfig {
  const fail = (problem: string | undefined) => {
    if (problem !== undefined) throw new ConfigError(problem);
  };
  const port = wholeNumber(env, 'PORT', 3000, 65_535);
  const host = env.HOST || undefined;
  if (host !== undefined) fail(hostProblem(host));
  const databaseUrl = env.DATABASE_URL || undefined;
  if (databaseUrl !== undefined) fail(databaseUrlProblem(databaseUrl));
  const sqlitePath = env.SQLITE_PATH || repository('.data/reference-server.sqlite');
  fail(notA('file', 'SQLITE_PATH', sqlitePath));
  const apiToken = env.API_TOKEN;
  if (apiToken !== undefined) {
    const problem = tokenProblem(apiToken);
    if (problem !== undefined) fail(`API_TOKEN ${problem}`);
  }
  const rateLimit = wholeNumber(env, 'RATE_LIMIT', 600, 1_000_000_000);
  const seed = wholeNumber(env, 'SEED_EXECUTIONS', -1, 10_000_000);
  const queryTimeoutMs = positive(env, 'QUERY_TIMEOUT_MS', DEFAULT_QUERY_TIMEOUT_MS, 600_000);
  const clientConcurrency = wholeNumber(env, 'CLIENT_CONCURRENCY', 1, 1_000);
  const playgroundDir = env.PLAYGROUND_DIR || repository('playground/dist');
  fail(notA('directory', 'PLAYGROUND_DIR', playgroundDir));
  const storage = env.DATE_TIME_STORAGE || 'text';
  if (storage !== 'text' && storage !== 'timestamp') {
    throw new ConfigError('DATE_TIME_STORAGE must be text or timestamp');
  }
  if (storage === 'timestamp' && databaseUrl === undefined) {
    throw new ConfigError(
      'DATE_TIME_STORAGE=timestamp needs DATABASE_URL: the timestamptz store is PostgreSQL',
    );
  }
  return {
    port,
    host,
    databaseUrl,
    sqlitePath,
    apiToken,
    rateLimit,
    seedExecutions: seed < 0 ? undefined : seed,
    queryTimeoutMs,
    clientConcurrency,
    dateTimeStorage: storage,
    playgroundDir,
    development: env.NODE_ENV === 'development',
  };
}

import pg from 'pg';
import { StoreBusyError } from './busy.js';

/** Runs one statement with numbered parameters and returns its rows. */
export interface PgQueryable {
  query<Row extends object>(text: string, params?: readonly unknown[]): Promise<{ rows: Row[] }>;
}

/**
 * A PostgreSQL database as the store uses it: statements, transactions on one connection, and
 * closing. `pg`'s Pool in production ({@link poolDatabase}); PGlite in the tests.
 */
export interface PgDatabase extends PgQueryable {
  transaction<T>(work: (tx: PgQueryable) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

/** Options of {@link poolDatabase}. */
export interface PoolDatabaseOptions {
  /** The most connections the pool opens; default 10. */
  readonly max?: number;
  /** A schema to put first on `search_path` (the tests' own schema); default: the server's. */
  readonly schema?: string;
  /** The `application_name` the connections report (`pg_stat_activity`); default `v3-filters`. */
  readonly applicationName?: string;
  /**
   * Each statement's time budget, in milliseconds: the connections' `statement_timeout` and
   * `lock_timeout`, and the longest wait for a free connection. Past it a query fails with
   * {@link StoreBusyError}. Default: no budget (and 5 s to connect).
   */
  readonly budgetMs?: number;
  /** Where a connection's background error is reported; default `console.error`. */
  readonly onError?: (error: Error) => void;
}

/**
 * A `pg` Pool on `connectionString`. A connection the server drops (a restart, an administrator's
 * `pg_terminate_backend`) is reported and discarded, never a crash: the next query opens another.
 */
export function poolDatabase(connectionString: string, options: PoolDatabaseOptions = {}): PgDatabase {
  const pool = new pg.Pool({
    connectionString,
    max: options.max ?? 10,
    connectionTimeoutMillis: options.budgetMs ?? 5_000,
    ...(options.budgetMs !== undefined
      ? { statement_timeout: options.budgetMs, lock_timeout: options.budgetMs }
      : {}),
    idleTimeoutMillis: 30_000,
    application_name: options.applicationName ?? 'v3-filters',
    ...(options.schema !== undefined
      ? { options: `-c search_path=${pg.escapeIdentifier(options.schema)}` }
      : {}),
  });
  const onError = options.onError ?? ((error: Error) => console.error(`PostgreSQL: ${error.message}`));
  // Without a listener, an idle connection's error would end the process.
  pool.on('error', onError);
  return {
    query: async <Row extends object>(text: string, params?: readonly unknown[]) => {
      try {
        const result = await pool.query<Row>(text, params as unknown[] | undefined);
        return { rows: result.rows };
      } catch (error) {
        throw overBudget(error, options.budgetMs) ?? error;
      }
    },
    transaction: async (work) => {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const result = await work({
          query: async <Row extends object>(text: string, params?: readonly unknown[]) => ({
            rows: (await client.query<Row>(text, params as unknown[] | undefined)).rows,
          }),
        });
        await client.query('COMMIT');
        return result;
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw error;
      } finally {
        client.release();
      }
    },
    close: () => pool.end(),
  };
}

/**
 * The {@link StoreBusyError} a pool error means when a budget is set: `statement_timeout`
 * (SQLSTATE 57014), `lock_timeout` (55P03), or no connection free within the budget.
 */
function overBudget(error: unknown, budgetMs: number | undefined): StoreBusyError | undefined {
  if (budgetMs === undefined) return undefined;
  const code = (error as { code?: unknown } | null)?.code;
  if (code === '57014') return new StoreBusyError('statement-timeout', budgetMs, { cause: error });
  if (code === '55P03') return new StoreBusyError('lock', budgetMs, { cause: error });
  // pg-pool's own message when connectionTimeoutMillis passes with every connection in use.
  if (error instanceof Error && /timeout exceeded when trying to connect/i.test(error.message)) {
    return new StoreBusyError('no-connection', budgetMs, { cause: error });
  }
  return undefined;
}

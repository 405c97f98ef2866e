import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type { ServerConfig } from './config.js';
import { openClickhouseStore } from './store/clickhouse.js';
import { clickhouseClientDatabase } from './store/clickhouse-database.js';
import { poolDatabase } from './store/pg-database.js';
import { openPostgresStore } from './store/postgres.js';
import { openSqliteStore } from './store/sqlite.js';
import type { Store } from './store/types.js';

/**
 * Reads nothing but every column the answers need, so tables of another shape (a `workflows`
 * table of some other application) stop the start with a clear message, not 500s later.
 */
async function checkTables(store: Store, where: string): Promise<Store> {
  try {
    await store.listWorkflows();
    await store.listExecutions({
      workflowId: '',
      filter: () => undefined,
      orderBy: () => 'ORDER BY start_time, id',
      limit: 0,
      offset: 0,
      count: true,
    });
    return store;
  } catch (error) {
    await store.close().catch(() => undefined);
    throw new Error(
      `the tables workflows and workflow_executions in ${where} are not the server's: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
}

/**
 * The store the configuration names: ClickHouse at a `clickhouse://` `databaseUrl` through
 * @clickhouse/client, PostgreSQL at a `postgres://` one through a pool, else SQLite at
 * `sqlitePath`; each created and seeded when its tables are absent, then checked.
 */
export async function openStore(config: ServerConfig, log: (line: string) => void): Promise<Store> {
  return checkTables(await open(config, log), config.databaseUrl ?? config.sqlitePath);
}

async function open(config: ServerConfig, log: (line: string) => void): Promise<Store> {
  const seeding = () => log('Creating and seeding the sample database (first start only)...');
  if (config.databaseUrl?.startsWith('clickhouse')) {
    const db = clickhouseClientDatabase(config.databaseUrl);
    try {
      return await openClickhouseStore(db, config.seedExecutions, seeding);
    } catch (error) {
      await db.close().catch(() => undefined);
      throw error;
    }
  }
  if (config.databaseUrl !== undefined) {
    const db = poolDatabase(config.databaseUrl, { budgetMs: config.queryTimeoutMs });
    try {
      return await openPostgresStore(db, config.seedExecutions, seeding, config.dateTimeStorage);
    } catch (error) {
      await db.close().catch(() => undefined);
      throw error;
    }
  }
  mkdirSync(dirname(config.sqlitePath), { recursive: true });
  return openSqliteStore({
    path: config.sqlitePath,
    onSeed: seeding,
    budgetMs: config.queryTimeoutMs,
    ...(config.seedExecutions !== undefined ? { executions: config.seedExecutions } : {}),
  });
}

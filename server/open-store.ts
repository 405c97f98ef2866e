import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type { ServerConfig } from './config.js';
import { poolDatabase } from './store/pg-database.js';
import { openPostgresStore } from './store/postgres.js';
import { openSqliteStore } from './store/sqlite.js';
import type { Store } from './store/types.js';

/**
 * The store the configuration names: PostgreSQL at `databaseUrl` through a pool, else SQLite at
 * `sqlitePath`; each created and seeded when its tables are absent.
 */
export async function openStore(config: ServerConfig, log: (line: string) => void): Promise<Store> {
  const seeding = () => log('Creating and seeding the sample database (first start only)...');
  if (config.databaseUrl !== undefined) {
    const db = poolDatabase(config.databaseUrl);
    try {
      return await openPostgresStore(db, config.seedExecutions, seeding);
    } catch (error) {
      await db.close().catch(() => undefined);
      throw error;
    }
  }
  mkdirSync(dirname(config.sqlitePath), { recursive: true });
  return openSqliteStore({
    path: config.sqlitePath,
    onSeed: seeding,
    ...(config.seedExecutions !== undefined ? { executions: config.seedExecutions } : {}),
  });
}

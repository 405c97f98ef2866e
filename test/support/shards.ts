import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { type PgDatabase, poolDatabase } from '../../server/store/pg-database.js';

/**
 * PostgreSQL split across shards on one server, as postgres_fdw joins them: shard databases, and a
 * coordinator database whose tables are partitioned by hash, each partition a foreign table on one
 * shard. Every database is named `shard_<run>_…` and dropped by `close()`.
 */
export interface ShardedPostgres {
  /** The coordinator, where the queries run. */
  readonly main: PgDatabase;
  /** Runs statements on every shard. */
  onShards(sql: string): Promise<void>;
  /**
   * Creates `table` (`columns`: its column definitions) on every shard and, on the coordinator, a
   * parent partitioned by hash of `key` whose partitions are the shards' tables.
   */
  shardTable(table: string, columns: string, key: string): Promise<void>;
  /** Drops the table on the coordinator and the shards. */
  dropTable(table: string): Promise<void>;
  close(): Promise<void>;
}

const quote = (name: string) => pg.escapeIdentifier(name);

function databaseUrl(base: string, database: string): string {
  const url = new URL(base);
  url.pathname = `/${database}`;
  return url.toString();
}

/** Why sharding cannot be tested on the server at `url` (no postgres_fdw), or undefined. */
export async function shardingMissing(url: string): Promise<string | undefined> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const found = await client.query("SELECT 1 FROM pg_available_extensions WHERE name = 'postgres_fdw'");
    return found.rows.length === 0 ? 'the server has no postgres_fdw extension' : undefined;
  } finally {
    await client.end();
  }
}

/** Creates `shards` shard databases and a coordinator on the server at `url` (a superuser's). */
export async function openShardedPostgres(url: string, shards = 2): Promise<ShardedPostgres> {
  const run = `shard_${Date.now().toString(36)}_${randomBytes(3).toString('hex')}`;
  const names = Array.from({ length: shards }, (_, i) => `${run}_${i}`);
  const mainName = `${run}_main`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  const created: string[] = [];
  const shardClients: pg.Client[] = [];
  let main: PgDatabase | undefined;
  const close = async () => {
    await main?.close().catch(() => undefined);
    for (const client of shardClients) await client.end().catch(() => undefined);
    for (const name of created.reverse())
      await admin.query(`DROP DATABASE IF EXISTS ${quote(name)} WITH (FORCE)`);
    await admin.end();
  };
  try {
    for (const name of [...names, mainName]) {
      await admin.query(`CREATE DATABASE ${quote(name)}`);
      created.push(name);
    }
    for (const name of names) {
      const client = new pg.Client({ connectionString: databaseUrl(url, name) });
      await client.connect();
      shardClients.push(client);
    }
    main = poolDatabase(databaseUrl(url, mainName), { max: 4, onError: () => undefined });
    const target = new URL(url);
    await main.query('CREATE EXTENSION postgres_fdw');
    for (const name of names) {
      // fetch_size and batch_size: fewer round trips for reads and for the seed's inserts.
      await main.query(
        `CREATE SERVER ${quote(name)} FOREIGN DATA WRAPPER postgres_fdw OPTIONS (host '${target.hostname}', port '${target.port || '5432'}', dbname '${name}', fetch_size '10000', batch_size '1000')`,
      );
      const user = decodeURIComponent(target.username || 'postgres');
      const password = target.password ? `, password '${decodeURIComponent(target.password)}'` : '';
      await main.query(
        `CREATE USER MAPPING FOR CURRENT_USER SERVER ${quote(name)} OPTIONS (user '${user}'${password})`,
      );
    }
  } catch (error) {
    await close();
    throw error;
  }
  const coordinator = main;
  return {
    main: coordinator,
    async onShards(sql) {
      for (const client of shardClients) await client.query(sql);
    },
    async shardTable(table, columns, key) {
      for (const client of shardClients) await client.query(`CREATE TABLE ${quote(table)} (${columns})`);
      await coordinator.query(`CREATE TABLE ${quote(table)} (${columns}) PARTITION BY HASH (${quote(key)})`);
      for (const [index, name] of names.entries()) {
        await coordinator.query(
          `CREATE FOREIGN TABLE ${quote(`${table}_${index}`)} PARTITION OF ${quote(table)} FOR VALUES WITH (MODULUS ${shards}, REMAINDER ${index}) SERVER ${quote(name)} OPTIONS (table_name '${table.replaceAll("'", "''")}')`,
        );
      }
    },
    async dropTable(table) {
      await coordinator.query(`DROP TABLE IF EXISTS ${quote(table)}`);
      for (const client of shardClients) await client.query(`DROP TABLE IF EXISTS ${quote(table)}`);
    },
    close,
  };
}

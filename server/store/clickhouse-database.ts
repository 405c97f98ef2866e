import { createClient } from '@clickhouse/client';
import type { SqlParam } from '../../src/index.js';

/**
 * A ClickHouse database as the store uses it: queries with named parameters (`{p1:String}`, the
 * values in `params` by name), statements, inserts of rows, and closing. @clickhouse/client over
 * HTTP in production ({@link clickhouseClientDatabase}); embedded chdb in the tests.
 */
export interface ClickhouseDatabase {
  query<Row extends object>(sql: string, params?: Readonly<Record<string, SqlParam>>): Promise<Row[]>;
  command(sql: string): Promise<void>;
  insert(table: string, rows: readonly Record<string, unknown>[]): Promise<void>;
  close(): Promise<void>;
}

/**
 * The HTTP URL @clickhouse/client takes for `DATABASE_URL`: `clickhouse://` is `http://`,
 * `clickhouses://` is `https://`; user, password, host, port (default 8123) and database (the path)
 * are kept.
 */
export function clickhouseHttpUrl(databaseUrl: string): string {
  const url = new URL(databaseUrl);
  const secure = url.protocol === 'clickhouses:';
  const http = new URL(`${secure ? 'https' : 'http'}://${url.host}${url.pathname}`);
  if (url.port === '') http.port = secure ? '8443' : '8123';
  http.username = url.username;
  http.password = url.password;
  return http.toString();
}

/** A ClickHouse server at `databaseUrl` (`clickhouse://user:password@host:8123/database`) through @clickhouse/client. */
export function clickhouseClientDatabase(databaseUrl: string): ClickhouseDatabase {
  const client = createClient({ url: clickhouseHttpUrl(databaseUrl), request_timeout: 30_000 });
  return {
    async query<Row extends object>(sql: string, params?: Readonly<Record<string, SqlParam>>) {
      const result = await client.query({
        query: sql,
        format: 'JSONEachRow',
        ...(params !== undefined ? { query_params: { ...params } } : {}),
      });
      return result.json<Row>();
    },
    async command(sql) {
      await client.command({ query: sql });
    },
    async insert(table, rows) {
      await client.insert({ table, values: [...rows], format: 'JSONEachRow' });
    },
    close: () => client.close(),
  };
}

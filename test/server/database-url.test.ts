import { describe, expect, it } from 'vitest';
import { ConfigError, readConfig } from '../../server/config.js';
import { clickhouseHttpUrl } from '../../server/store/clickhouse-database.js';

describe('DATABASE_URL names the engine the server reads: PostgreSQL or ClickHouse', () => {
  it('takes PostgreSQL and ClickHouse URLs, and refuses others naming both forms', () => {
    for (const url of [
      'postgres://postgres@127.0.0.1:5432/test',
      'postgresql://u:p@db/x',
      'clickhouse://default@127.0.0.1:8123/default',
      'clickhouses://u:p@ch.example:8443/events',
    ]) {
      expect(readConfig({ DATABASE_URL: url }).databaseUrl).toBe(url);
    }
    for (const url of ['mysql://root@127.0.0.1/test', 'http://127.0.0.1:8123', 'sqlite:x.db']) {
      expect(() => readConfig({ DATABASE_URL: url })).toThrow(ConfigError);
      expect(() => readConfig({ DATABASE_URL: url })).toThrow(/postgres:\/\/.*clickhouse:\/\//);
    }
  });

  it('gives @clickhouse/client the HTTP URL: clickhouse is http, clickhouses https, default ports, credentials and database kept', () => {
    expect(clickhouseHttpUrl('clickhouse://default@127.0.0.1/default')).toBe(
      'http://default@127.0.0.1:8123/default',
    );
    expect(clickhouseHttpUrl('clickhouses://u:p%40ss@ch.example/events')).toBe(
      'https://u:p%40ss@ch.example:8443/events',
    );
    expect(clickhouseHttpUrl('clickhouse://ch:9000/')).toBe('http://ch:9000/');
  });
});

import type mysql from 'mysql2/promise';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compileSql } from '../../src/compile/sql/index.js';
import type { SqlParam } from '../../src/compile/sql/types.js';
import type { Schema } from '../../src/schema/types.js';
import { parse } from '../../src/syntax/parse.js';
import { openTestPostgres, type TestPostgres } from '../support/postgres.js';
import { MYSQL_URL, type MysqlScratch, openMysql } from './support/mysql.js';

const schema: Schema = {
  fields: {
    start_time: {
      type: 'date-time',
      operators: ['eq', 'ne', 'gt', 'ge', 'lt', 'le', 'in'],
      storage: 'timestamp',
    },
  },
};

/** Filters whose literals are finer than a microsecond or at an offset, and the rows each selects of 20,000 a minute apart. */
const FILTERS = [
  'start_time gt 2020-01-14T12:00:00.0000005Z',
  'not (start_time le 2020-01-14T13:00:00.5+01:00)',
  'start_time in (2020-01-10T00:00:00Z, 2020-01-11T00:00:00-00:00)',
] as const;

function where(filter: string, dialect: 'postgres' | 'mysql') {
  const parsed = parse(filter);
  if (!parsed.ok) throw new Error(filter);
  return compileSql(parsed.ast, { schema, dialect });
}

describe('a native timestamp column is compared as itself: its plain index serves the fragment', () => {
  describe('PostgreSQL timestamptz', () => {
    let db: TestPostgres;
    beforeAll(async () => {
      db = await openTestPostgres('tsplans');
      await db.exec(`CREATE TABLE runs (id int PRIMARY KEY, start_time timestamptz NOT NULL);
        INSERT INTO runs SELECT i, timestamptz '2020-01-01 00:00:00+00' + i * interval '1 minute' FROM generate_series(1, 20000) i;
        CREATE INDEX runs_start_time ON runs (start_time); ANALYZE runs`);
    });
    afterAll(async () => {
      await db?.close();
    });

    it.each(FILTERS)('%s uses the start_time index', async (filter) => {
      const { sql, params } = where(filter, 'postgres');
      const plan = await db.query<{ 'QUERY PLAN': string }>(
        `EXPLAIN SELECT id FROM runs WHERE ${sql}`,
        params as SqlParam[],
      );
      const text = plan.rows.map((r) => r['QUERY PLAN']).join('\n');
      expect(text).toContain('runs_start_time');
      expect(text).not.toContain('Seq Scan');
    });
  });

  describe.skipIf(MYSQL_URL === undefined)('MariaDB DATETIME(6)', () => {
    let db: MysqlScratch;
    beforeAll(async () => {
      db = await openMysql(MYSQL_URL!, 'tsplans');
      await db.conn.query(
        'CREATE TABLE runs (id INT PRIMARY KEY, start_time DATETIME(6) NOT NULL, KEY runs_start_time (start_time))',
      );
      await db.conn.query('SET SESSION max_recursive_iterations = 100000');
      await db.conn.query(
        `INSERT INTO runs WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 20000)
         SELECT i, TIMESTAMP '2020-01-01 00:00:00' + INTERVAL i MINUTE FROM n`,
      );
      await db.conn.query('ANALYZE TABLE runs');
    });
    afterAll(async () => {
      await db?.close();
    });

    it.each(FILTERS)('%s uses the start_time index', async (filter) => {
      const { sql, params } = where(filter, 'mysql');
      const [rows] = await db.conn.query<mysql.RowDataPacket[]>(
        `EXPLAIN SELECT id FROM runs WHERE ${sql}`,
        params as SqlParam[],
      );
      expect(rows[0]?.key).toBe('runs_start_time');
      expect(rows[0]?.type).toMatch(/^(range|ref)$/);
    });
  });
});

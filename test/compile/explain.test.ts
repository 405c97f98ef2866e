import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Expression } from '../../src/ast/index.js';
import { compilePredicate } from '../../src/compile/predicate/index.js';
import { compileSql } from '../../src/compile/sql/index.js';
import type { SqlOptions } from '../../src/compile/sql/types.js';
import type { Schema } from '../../src/schema/types.js';
import { parse } from '../../src/syntax/parse.js';
import { openTestPostgres, type TestPostgres } from '../support/postgres.js';

const ROWS = 50_000;

const schema: Schema = {
  fields: {
    status: { type: 'string', operators: ['eq'] },
    code: { type: 'string', column: 'status', path: 'status', caseSensitive: true, operators: ['gt'] },
    start_time: { type: 'date-time', operators: ['gt', 'le'] },
  },
};

function ast(text: string): Expression {
  const result = parse(text);
  if (!result.ok) throw new Error(JSON.stringify(result.diagnostics));
  return result.ast;
}

/**
 * Index use on PostgreSQL, with the planner left at its defaults (no `enable_seqscan = off`):
 * 50,000 rows, ANALYZE, and selective filters (about 2% of the rows).
 */
describe('PostgreSQL plans: the compiled fragments use plain and expression indexes', () => {
  let pg: TestPostgres;
  let rows: { id: number; status: string; start_time: string }[];

  beforeAll(async () => {
    pg = await openTestPostgres('explain');
    // One run a minute from 2020-01-01, with nanosecond fractions, in the documented storage form.
    await pg.exec(`
      CREATE TABLE runs (id integer PRIMARY KEY, status text, start_time text);
      INSERT INTO runs
        SELECT i,
          CASE WHEN i % 50 = 0 THEN 'Zombie' ELSE (ARRAY['Completed', 'Failed', 'Canceled', 'Executing'])[1 + i % 4] END,
          to_char(timestamp '2020-01-01' + i * interval '1 minute', 'YYYY-MM-DD"T"HH24:MI:SS')
            || '.' || lpad((i::bigint * 7919 % 1000000000)::text, 9, '0') || 'Z'
        FROM generate_series(1, ${ROWS}) AS i;
      CREATE INDEX runs_start_time ON runs (start_time);
      CREATE INDEX runs_status_lower ON runs (lower(status));
      CREATE INDEX runs_status_c ON runs (status COLLATE "C");
      ANALYZE runs;`);
    rows = (await pg.query<{ id: number; status: string; start_time: string }>('SELECT * FROM runs')).rows;
  });
  afterAll(async () => {
    await pg.close();
  });

  async function plan(filter: string): Promise<{ plan: string; count: number; expected: number }> {
    const options: SqlOptions = { schema, dialect: 'postgres' };
    const compiled = compileSql(ast(filter), options);
    const query = `SELECT id FROM runs WHERE ${compiled.sql}`;
    const explained = await pg.query<{ 'QUERY PLAN': string }>(
      `EXPLAIN ${query}`,
      compiled.params as unknown[],
    );
    const count = (await pg.query(query, compiled.params as unknown[])).rows.length;
    const predicate = compilePredicate(ast(filter), { schema });
    return {
      plan: explained.rows.map((r) => r['QUERY PLAN']).join('\n'),
      count,
      expected: rows.filter((r) => predicate(r)).length,
    };
  }

  it('start_time gt … uses the plain index on the date-time column', async () => {
    const result = await plan('start_time gt 2020-02-04T00:00:00.5Z');
    expect(result.plan).toMatch(/Index.*runs_start_time|runs_start_time.*Index/);
    expect(result.plan).not.toContain('Seq Scan');
    expect(result.count).toBe(result.expected);
    expect(result.count).toBeGreaterThan(0);
    expect(result.count).toBeLessThan(ROWS / 20);
  });

  it('not (start_time le …) still uses it (the NULL guard becomes an OR of index conditions)', async () => {
    const result = await plan('not (start_time le 2020-02-04T00:00:00.5+01:00)');
    expect(result.plan).toContain('runs_start_time');
    expect(result.count).toBe(result.expected);
  });

  it('a case-insensitive eq uses an expression index on lower(column)', async () => {
    const result = await plan('status eq "ZOMBIE"');
    expect(result.plan).toContain('runs_status_lower');
    expect(result.count).toBe(result.expected);
    expect(result.count).toBeGreaterThan(0);
  });

  it('case-sensitive string ordering uses an index declared COLLATE "C"', async () => {
    const result = await plan('code gt "Failed"');
    expect(result.plan).toContain('runs_status_c');
    expect(result.count).toBe(result.expected);
    expect(result.count).toBe(ROWS / 50);
  });
});

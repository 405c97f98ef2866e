import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compilePredicate } from '../../src/compile/predicate/index.js';
import { compileSql } from '../../src/compile/sql/index.js';
import type { Schema } from '../../src/schema/types.js';
import { parse } from '../../src/syntax/parse.js';
import { openPostgres, type PostgresEngine } from './support/engines.js';

/** NaN in records has one answer everywhere: it is a missing value (SQLite stores it as NULL). */
const schema: Schema = {
  fields: {
    n: { type: 'number', operators: ['eq', 'ne', 'gt', 'ge', 'lt', 'le', 'in', 'pr', 'isnull'] },
    ns: { type: 'number', operators: ['eq', 'ne', 'gt', 'lt', 'ca', 'pr', 'isnull'], collection: true },
  },
};

const ROWS: { id: number; n: number | null; ns: (number | null)[] | null }[] = [
  { id: 1, n: Number.NaN, ns: [Number.NaN] },
  { id: 2, n: 1, ns: [1, Number.NaN] },
  { id: 3, n: null, ns: null },
  { id: 4, n: 5, ns: [5] },
  { id: 5, n: -0, ns: [] },
];

const FILTERS = [
  'n pr',
  'n isnull',
  'not (n pr)',
  'n eq 1',
  'n ne 1',
  'not (n ne 1)',
  'n gt 0',
  'n ge 1',
  'n lt 3',
  'n le 1',
  'not (n gt 0)',
  'n in (1, 5)',
  'ns eq 1',
  'ns ne 1',
  'ns gt 0',
  'not (ns gt 0)',
  'ns ca (1, 5)',
  'ns pr',
];

describe('NaN in records is a missing value for the predicate, SQLite and PostgreSQL alike', () => {
  let pg: PostgresEngine;
  let sqlite: Database.Database;
  beforeAll(async () => {
    pg = await openPostgres();
    await pg.exec('CREATE TABLE nan_t (id integer, n double precision, ns double precision[])');
    for (const row of ROWS) await pg.query('INSERT INTO nan_t VALUES ($1, $2, $3)', [row.id, row.n, row.ns]);
    sqlite = new Database(':memory:');
    sqlite.exec('CREATE TABLE nan_t (id INTEGER, n REAL, ns TEXT)');
    const insert = sqlite.prepare('INSERT INTO nan_t VALUES (?, ?, ?)');
    for (const row of ROWS) insert.run(row.id, row.n, row.ns === null ? null : JSON.stringify(row.ns));
  });
  afterAll(async () => {
    sqlite.close();
    await pg.exec('DROP TABLE nan_t');
    await pg.close();
  });

  it.each(FILTERS)('%s', async (text) => {
    const parsed = parse(text);
    if (!parsed.ok) throw new Error(text);
    const matches = compilePredicate(parsed.ast, { schema });
    const expected = ROWS.filter((r) => matches({ n: r.n, ns: r.ns })).map((r) => r.id);
    const lite = compileSql(parsed.ast, { schema, dialect: 'sqlite' });
    const liteRows = sqlite.prepare(`SELECT id FROM nan_t WHERE ${lite.sql} ORDER BY id`).all(...lite.params);
    expect(
      (liteRows as { id: number }[]).map((r) => r.id),
      'sqlite',
    ).toEqual(expected);
    const post = compileSql(parsed.ast, { schema, dialect: 'postgres' });
    const pgRows = await pg.query<{ id: number }>(
      `SELECT id FROM nan_t WHERE ${post.sql} ORDER BY id`,
      post.params,
    );
    expect(
      pgRows.map((r) => r.id),
      'postgres',
    ).toEqual(expected);
  });

  it('the predicate treats NaN exactly as null', () => {
    for (const text of FILTERS) {
      const parsed = parse(text);
      if (!parsed.ok) throw new Error(text);
      const matches = compilePredicate(parsed.ast, { schema });
      expect(matches({ n: Number.NaN, ns: [Number.NaN] }), text).toBe(matches({ n: null, ns: [null] }));
    }
  });
});

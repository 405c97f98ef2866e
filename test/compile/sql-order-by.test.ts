import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { InvalidCollectionOptionsError, type Schema, toSqlOrderBy } from '../../src/index.js';

const schema: Schema = {
  fields: {
    created: { type: 'date-time', operators: ['ge'], column: 'created "at"' },
    name: { type: 'string', operators: ['eq'] },
  },
  sorters: ['created', 'name', 'owner.name', 'rank'],
};

describe('toSqlOrderBy', () => {
  it('quotes the schema column of each key, then the tiebreaker ascending', () => {
    const sql = toSqlOrderBy(
      [
        { field: 'created', direction: 'desc' },
        { field: 'name', direction: 'asc' },
      ],
      schema,
      'postgres',
    );
    expect(sql).toBe('ORDER BY "created ""at""" DESC, "name" ASC, "id" ASC');
  });

  it('maps names through `columns` (a dotted key to its column), else the name itself', () => {
    const keys = [
      { field: 'owner.name', direction: 'asc' },
      { field: 'rank', direction: 'desc' },
    ] as const;
    expect(toSqlOrderBy(keys, schema, 'sqlite', { columns: { 'owner.name': 'owner_name' } })).toBe(
      'ORDER BY "owner_name" ASC, "rank" DESC, "id" ASC',
    );
    expect(toSqlOrderBy(keys, schema, 'sqlite')).toBe('ORDER BY "owner.name" ASC, "rank" DESC, "id" ASC');
    // `columns` wins over the schema field's column.
    expect(
      toSqlOrderBy([{ field: 'created', direction: 'asc' }], schema, 'sqlite', { columns: { created: 'c' } }),
    ).toBe('ORDER BY "c" ASC, "id" ASC');
  });

  it('names each column once, qualifies with the table, and takes a composite or empty tiebreaker', () => {
    const keys = [{ field: 'rank', direction: 'desc' }] as const;
    expect(toSqlOrderBy(keys, schema, 'postgres', { tiebreaker: ['rank', 'tenant', 'id'], table: 't' })).toBe(
      'ORDER BY "t"."rank" DESC, "t"."tenant" ASC, "t"."id" ASC',
    );
    expect(toSqlOrderBy([], schema, 'postgres', { tiebreaker: [] })).toBe('');
    expect(toSqlOrderBy([], schema, 'postgres')).toBe('ORDER BY "id" ASC');
  });

  it('never lets a key name out of its quotes (runs on SQLite)', () => {
    const hostile = 'x" DESC; DROP TABLE t; --';
    const db = new Database(':memory:');
    db.exec(`CREATE TABLE t ("id" INTEGER PRIMARY KEY, "x"" DESC; DROP TABLE t; --" INTEGER)`);
    db.exec(`INSERT INTO t VALUES (1, 2), (2, 1), (3, 2)`);
    const order = toSqlOrderBy([{ field: hostile, direction: 'desc' }], { fields: {} }, 'sqlite');
    const ids = db.prepare(`SELECT "id" FROM t ${order}`).all() as { id: number }[];
    expect(ids.map((r) => r.id)).toEqual([1, 3, 2]);
    db.close();
  });

  it('rejects an unknown dialect and unusable identifiers', () => {
    expect(() => toSqlOrderBy([], schema, 'oracle' as 'sqlite')).toThrow(InvalidCollectionOptionsError);
    expect(() => toSqlOrderBy([], schema, 'sqlite', { tiebreaker: ['a\0'] })).toThrow(/tiebreaker/);
    expect(() =>
      toSqlOrderBy([{ field: 'x', direction: 'asc' }], schema, 'sqlite', { columns: { x: '' } }),
    ).toThrow(InvalidCollectionOptionsError);
    expect(() => toSqlOrderBy([], schema, 'sqlite', { table: '\ud800' })).toThrow(/table/);
  });
});

import { describe, expect, it } from 'vitest';
import { compileSql, sqlStorage, tryCompileSql } from '../../src/compile/sql/index.js';
import type { SqlDialectName, SqlOptions } from '../../src/compile/sql/types.js';
import { loadSchema } from '../../src/schema/load.js';
import type { Schema } from '../../src/schema/types.js';
import { parse } from '../../src/syntax/parse.js';

const operators = ['eq', 'ne', 'gt', 'ge', 'lt', 'le', 'in', 'pr', 'isnull'] as const;
const schema: Schema = {
  fields: {
    start_time: { type: 'date-time', operators, storage: 'timestamp' },
    created: { type: 'date-time', operators },
    name: { type: 'string', operators: ['eq'] },
  },
};

function compile(filter: string, dialect: SqlDialectName, extra: Partial<SqlOptions> = {}) {
  const parsed = parse(filter);
  if (!parsed.ok) throw new Error(filter);
  return compileSql(parsed.ast, { schema, dialect, ...extra });
}

describe("storage: 'timestamp' compares the native column, every literal placed exactly on its clock", () => {
  it('rewrites a literal finer than a microsecond to the next microsecond, never rounding it', () => {
    expect(compile('start_time gt 2022-01-01T00:00:00.0000005Z', 'postgres')).toEqual({
      sql: '"start_time" >= $1',
      params: ['2022-01-01 00:00:00.000001+00'],
    });
    expect(compile('start_time le 2022-01-01T00:00:00.0000005Z', 'postgres')).toEqual({
      sql: '"start_time" < $1',
      params: ['2022-01-01 00:00:00.000001+00'],
    });
    expect(compile('start_time eq 2022-01-01T00:00:00.0000005Z', 'postgres')).toEqual({
      sql: 'FALSE',
      params: [],
    });
    expect(compile('start_time ne 2022-01-01T00:00:00.0000005Z', 'postgres')).toEqual({
      sql: '"start_time" IS NOT NULL',
      params: [],
    });
    // Under `not`, the guard keeps NULL rows as the predicate does.
    expect(compile('not start_time ge 2022-01-01T00:00:00.0000005Z', 'postgres').sql).toBe(
      'NOT ("start_time" IS NOT NULL AND "start_time" >= $1)',
    );
  });

  it('converts offsets exactly, and writes years before 1 as PostgreSQL counts them', () => {
    expect(compile('start_time ge 2022-01-01T05:30:00.25+05:30', 'postgres').params).toEqual([
      '2022-01-01 00:00:00.250000+00',
    ]);
    expect(compile('start_time lt 2022-01-01T00:00:00-00:00', 'postgres').params).toEqual([
      '2022-01-01 00:00:00.000000+00',
    ]);
    expect(compile('start_time gt 0000-01-01T00:00:00+01:00', 'postgres').params).toEqual([
      '0002-12-31 23:00:00.000000+00 BC',
    ]);
    expect(compile('start_time eq 2024-02-29T23:59:59.999999-23:59', 'postgres').params).toEqual([
      '2024-03-01 23:58:59.999999+00',
    ]);
  });

  it('binds MySQL values as plain DATETIME(6) text cast to the type, within years 1 to 9999', () => {
    expect(compile('start_time gt 2022-01-01T00:00:00.0000005Z', 'mysql')).toEqual({
      sql: '`start_time` >= CAST(? AS DATETIME(6))',
      params: ['2022-01-01 00:00:00.000001'],
    });
    expect(compile('start_time in (2022-01-01T00:00:00Z, 2022-01-01T00:00:00.0000001Z)', 'mysql')).toEqual({
      sql: '`start_time` = CAST(? AS DATETIME(6))',
      params: ['2022-01-01 00:00:00.000000'],
    });
    // Year 0 and beyond 9999 lie outside the column: every value is on one side.
    expect(compile('start_time gt 0000-12-31T23:59:59.999999Z', 'mysql').sql).toBe(
      '`start_time` IS NOT NULL',
    );
    expect(compile('start_time lt 0000-12-31T23:59:59.999999Z', 'mysql').sql).toBe('FALSE');
    expect(compile('start_time ge 0000-12-31T23:59:59.9999995Z', 'mysql')).toEqual({
      sql: '`start_time` >= CAST(? AS DATETIME(6))',
      params: ['0001-01-01 00:00:00.000000'],
    });
    expect(compile('start_time gt 9999-12-31T23:59:59.9999995Z', 'mysql').sql).toBe('FALSE');
    expect(compile('start_time le 9999-12-31T23:59:59.9999995Z', 'mysql').sql).toBe(
      '`start_time` IS NOT NULL',
    );
    expect(compile('start_time lt 9999-12-31T23:59:59.999999-00:01', 'mysql').sql).toBe(
      '`start_time` IS NOT NULL',
    );
  });

  it('binds SQLite values as epoch milliseconds', () => {
    expect(compile('start_time ge 1970-01-01T00:00:00.0015Z', 'sqlite')).toEqual({
      sql: '"start_time" >= ?',
      params: [2],
    });
    expect(compile('start_time lt 1969-12-31T23:59:59.999Z', 'sqlite')).toEqual({
      sql: '"start_time" < ?',
      params: [-1],
    });
  });

  it("leaves text storage as it is, and lets compileSql's `storage` option choose per field", () => {
    expect(compile('created gt 2022-01-01T00:00:00.0000005Z', 'postgres').params).toEqual([
      '2022-01-01T00:00:00.000000500Z',
    ]);
    const chosen = compile(
      'created gt 2022-01-01T00:00:00.0000005Z and start_time eq 2022-01-01T00:00:00Z',
      'postgres',
      {
        storage: { created: 'timestamp', start_time: 'text' },
      },
    );
    expect(chosen.params).toEqual(['2022-01-01 00:00:00.000001+00', '2022-01-01T00:00:00.000000000Z']);
  });

  it('refuses a `storage` option that names no single date-time field, or another storage', () => {
    const parsed = parse('created pr');
    if (!parsed.ok) throw new Error('parse');
    const codes = (storage: unknown) => {
      const result = tryCompileSql(parsed.ast, { schema, dialect: 'postgres', storage } as SqlOptions);
      return result.ok ? [] : result.diagnostics.map((d) => d.message);
    };
    expect(codes({ name: 'timestamp' })).toEqual([
      'The option `storage.name` must be set for a single date-time field of the schema only; it is `timestamp`.',
    ]);
    expect(codes({ created: 'native' })).toEqual([
      "The option `storage.created` must be `'text'` or `'timestamp'`; it is `native`.",
    ]);
    expect(codes({ missing: 'text' })).toHaveLength(1);
    expect(codes('timestamp')).toHaveLength(1);
    expect(codes(Object.create({ created: 'nonsense' }))).toEqual([]);
  });

  it('refuses `storage` in a schema on anything but a single date-time field', () => {
    const load = (field: object) =>
      loadSchema({ fields: { f: { operators: ['eq'], ...field } } }).diagnostics.map(
        (d) => `${d.code} ${d.message}`,
      );
    expect(load({ type: 'string', storage: 'timestamp' })).toEqual([
      'storage-requires-date-time `storage` applies to single date-time fields only; this is a `string` field',
    ]);
    expect(load({ type: 'date-time', collection: true, storage: 'text' })).toEqual([
      'storage-requires-date-time `storage` applies to single date-time fields only; this is a collection',
    ]);
    expect(load({ type: 'date-time', storage: 'epoch' })).toEqual([
      'invalid-property `storage` must be `text` or `timestamp`; it is `epoch`',
    ]);
    expect(load({ type: 'date-time', storage: 'timestamp' })).toEqual([]);
  });

  it("gives the values a native column holds through sqlStorage's scalar, refusing what it cannot hold", () => {
    expect(sqlStorage('postgres').scalar('date-time', '2022-01-01T05:30:00.123456+05:30', 'timestamp')).toBe(
      '2022-01-01 00:00:00.123456+00',
    );
    expect(
      sqlStorage('postgres').scalar('date-time', '2022-01-01T00:00:00.1234567Z', 'timestamp'),
    ).toBeUndefined();
    expect(
      sqlStorage('mysql').scalar('date-time', new Date(Date.UTC(2022, 0, 1, 0, 0, 0, 5)), 'timestamp'),
    ).toBe('2022-01-01 00:00:00.005000');
    expect(sqlStorage('mysql').scalar('date-time', '0000-06-01T00:00:00Z', 'timestamp')).toBeUndefined();
    expect(sqlStorage('sqlite').scalar('date-time', '1970-01-01T00:00:01.5+00:00', 'timestamp')).toBe(1500);
    expect(
      sqlStorage('sqlite').scalar('date-time', '1970-01-01T00:00:01.5001Z', 'timestamp'),
    ).toBeUndefined();
    expect(sqlStorage('sqlite').scalar('date-time', '1970-01-01T00:00:01.5Z')).toBe(
      '1970-01-01T00:00:01.500000000Z',
    );
  });
});

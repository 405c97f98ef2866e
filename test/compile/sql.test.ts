import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  createComparison,
  createField,
  createList,
  createString,
  type Expression,
  span,
} from '../../src/ast/index.js';
import { FilterCompileError } from '../../src/compile/compile-error.js';
import { compileSql, tryCompileSql } from '../../src/compile/sql/index.js';
import { escapeGlob, escapeLike } from '../../src/compile/sql/patterns.js';
import type { SqlOptions, SqlResult } from '../../src/compile/sql/types.js';
import type { Schema } from '../../src/schema/types.js';
import { parse } from '../../src/syntax/parse.js';
import { genDataset } from './support/data.js';
import { genFilter } from './support/filters.js';

const S = span(0, 0);

const schema: Schema = {
  fields: {
    status: { type: 'string', operators: ['eq', 'co', 'gt', 'in'] },
    id: { type: 'string', operators: ['eq', 'gt', 'sw', 'in'], caseSensitive: true },
    start_time: { type: 'date-time', operators: ['ge', 'lt', 'gt'] },
    odd: { type: 'string', column: 'we"ird col', operators: ['eq'] },
  },
};

function ast(text: string): Expression {
  const result = parse(text);
  if (!result.ok) throw new Error(JSON.stringify(result.diagnostics));
  return result.ast;
}

function ok(result: SqlResult): { sql: string; params: readonly unknown[] } {
  if (!result.ok) throw new Error(JSON.stringify(result.diagnostics));
  return result;
}

function codes(result: SqlResult): string[] {
  return result.diagnostics.map((d) => d.code);
}

describe('compileSql: placeholders and parameters', () => {
  it('binds values as parameters, numbered from the offset on PostgreSQL', () => {
    const filter = ast('status eq "Failed" and start_time ge 2022-02-07T20:13:29Z');
    const pg = ok(tryCompileSql(filter, { schema, dialect: 'postgres', parameterOffset: 4 }));
    expect(pg.sql).toContain('$5');
    expect(pg.sql).toContain('$6');
    expect(pg.sql).not.toContain('$4');
    expect(pg.params).toEqual(['Failed', '2022-02-07T20:13:29.000000000Z']);
    const lite = ok(tryCompileSql(filter, { schema, dialect: 'sqlite', parameterOffset: 4 }));
    expect(lite.sql.split('?').length - 1).toBe(2);
    expect(lite.sql).not.toMatch(/\$\d/);
  });

  const cases = genDataset.chain((dataset) =>
    fc.tuple(
      fc.constant(dataset),
      genFilter(dataset),
      fc.nat(1000),
      fc.constantFrom('postgres' as const, 'sqlite' as const),
    ),
  );

  it('numbers PostgreSQL placeholders in order, one per parameter; SQLite has one ? per parameter', () => {
    fc.assert(
      fc.property(cases, ([dataset, filter, offset, dialect]) => {
        const { sql, params } = ok(
          tryCompileSql(filter, { schema: dataset.schema, dialect, parameterOffset: offset }),
        );
        if (dialect === 'postgres') {
          const numbers = [...sql.matchAll(/\$(\d+)/g)].map((m) => Number(m[1]));
          expect(numbers).toEqual(params.map((_, i) => offset + i + 1));
        } else {
          expect(sql.split('?').length - 1).toBe(params.length);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('never puts a string value into the SQL text: the text does not depend on it', () => {
    const replaceStrings = (filter: Expression, text: string): Expression =>
      JSON.parse(JSON.stringify(filter), (_key, value) =>
        value && typeof value === 'object' && value.kind === 'string' ? { ...value, value: text } : value,
      );
    fc.assert(
      fc.property(cases, fc.string(), fc.string(), ([dataset, filter, , dialect], a, b) => {
        // Text SQL cannot hold (a NUL, a surrogate) is refused before any SQL is written.
        fc.pre(!/[\0\uD800-\uDFFF]/.test(a + b));
        const options: SqlOptions = { schema: dataset.schema, dialect };
        const first = ok(tryCompileSql(replaceStrings(filter, a), options));
        const second = ok(tryCompileSql(replaceStrings(filter, b), options));
        expect(first.sql).toBe(second.sql);
      }),
      { numRuns: 300 },
    );
  });
});

describe('compileSql: identifiers', () => {
  it('quotes columns from the schema, doubling embedded quotes, and qualifies them with `table`', () => {
    const { sql } = ok(tryCompileSql(ast('odd eq "x"'), { schema, dialect: 'postgres', table: 'my "t"' }));
    expect(sql).toContain('"my ""t"""."we""ird col"');
  });

  it('rejects an empty column or one holding NUL (the schema check) or an unpaired surrogate', () => {
    const bad: Schema = {
      fields: {
        a: { type: 'string', operators: ['eq'], column: '' },
        b: { type: 'string', operators: ['eq'], column: 'x\0' },
      },
    };
    expect(codes(tryCompileSql(ast('a eq "x"'), { schema: bad, dialect: 'sqlite' }))).toEqual([
      'invalid-property',
      'invalid-property',
    ]);
    const lone: Schema = { fields: { c: { type: 'string', operators: ['eq'], column: 'x\ud800' } } };
    expect(codes(tryCompileSql(ast('c eq "x"'), { schema: lone, dialect: 'postgres' }))).toEqual([
      'sql-invalid-identifier',
    ]);
    expect(codes(tryCompileSql(ast('status eq "x"'), { schema, dialect: 'postgres', table: '' }))).toEqual([
      'sql-invalid-identifier',
    ]);
  });
});

describe('compileSql: patterns', () => {
  it('escapes LIKE and GLOB wildcards so they match literally', () => {
    expect(escapeLike('50%_!off')).toBe('50!%!_!!off');
    expect(escapeGlob('a*b?c[d]')).toBe('a[*]b[?]c[[]d]');
    const pg = ok(tryCompileSql(ast('status co "50%_"'), { schema, dialect: 'postgres' }));
    expect(pg.sql).toContain("ESCAPE '!'");
    expect(pg.params).toEqual(['%50!%!_%']);
    const lite = ok(tryCompileSql(ast('id sw "a*"'), { schema, dialect: 'sqlite' }));
    expect(lite.sql).toContain('GLOB');
    expect(lite.params).toEqual(['a[*]*']);
  });
});

describe('compileSql: index-friendly case-sensitive comparisons', () => {
  it('wraps no function around a case-sensitive or date-time column', () => {
    for (const dialect of ['postgres', 'sqlite'] as const) {
      for (const filter of [
        'id eq "a"',
        'id in ("a", "b")',
        'start_time gt 2022-01-01',
        'start_time lt 2022-01-01T00:00:00.5Z',
      ]) {
        expect(ok(tryCompileSql(ast(filter), { schema, dialect })).sql).toMatch(/^"(id|start_time)" /);
      }
    }
    // Ordering by code point: the column keeps its plain form, with a collation on PostgreSQL.
    expect(ok(tryCompileSql(ast('id gt "a"'), { schema, dialect: 'postgres' })).sql).toBe(
      '"id" COLLATE "C" > $1',
    );
  });
});

describe('tryCompileSql: diagnostics instead of exceptions', () => {
  const nul = createComparison(createField('status', S), 'eq', S, createString('a\0b', span(10, 15)), S);

  it('reports NUL characters with the value span, on both dialects', () => {
    for (const dialect of ['postgres', 'sqlite'] as const) {
      const result = tryCompileSql(nul, { schema, dialect });
      expect(result.ok).toBe(false);
      expect(result.diagnostics[0]).toMatchObject({
        code: 'sql-nul-character',
        span: { start: 10, end: 15 },
      });
    }
  });

  it('reports unpaired surrogates, unsupported folding, unknown fields and dialects', () => {
    const lone = createComparison(createField('status', S), 'eq', S, createString('a\ud800', S), S);
    expect(codes(tryCompileSql(lone, { schema, dialect: 'postgres' }))).toEqual(['sql-lone-surrogate']);
    expect(
      codes(tryCompileSql(ast('status eq "a"'), { schema, dialect: 'sqlite', caseFolding: 'unicode' })),
    ).toEqual(['sql-case-folding-unsupported']);
    expect(codes(tryCompileSql(ast('nope eq "a"'), { schema, dialect: 'sqlite' }))).toEqual([
      'compile-unknown-field',
    ]);
    expect(codes(tryCompileSql(ast('status eq 1'), { schema, dialect: 'sqlite' }))).toEqual([
      'compile-value-type',
    ]);
    expect(codes(tryCompileSql(ast('status eq "a"'), { schema, dialect: 'oracle' as 'sqlite' }))).toEqual([
      'compile-invalid-option',
    ]);
  });

  it('reports more values than the engine binds', () => {
    const values = Array.from({ length: 40_000 }, (_, i) => createString(String(i), S));
    const big = createList(createField('id', S), 'in', S, values, S);
    expect(codes(tryCompileSql(big, { schema, dialect: 'sqlite' }))).toEqual(['sql-too-many-parameters']);
    expect(tryCompileSql(big, { schema, dialect: 'postgres' }).ok).toBe(true);
  });

  it('never throws on a malformed tree', () => {
    for (const dialect of ['postgres', 'sqlite'] as const) {
      const result = tryCompileSql(
        { kind: 'or', operands: [null, 42, { kind: 'not' }] } as unknown as Expression,
        {
          schema,
          dialect,
        },
      );
      expect(codes(result)).toContain('compile-malformed-ast');
    }
  });
});

describe('compileSql: { sql, params }, or a FilterCompileError', () => {
  it('returns exactly what tryCompileSql returns on success', () => {
    fc.assert(
      fc.property(
        genDataset.chain((dataset) => fc.tuple(fc.constant(dataset), genFilter(dataset))),
        fc.constantFrom('postgres' as const, 'sqlite' as const),
        ([dataset, filter], dialect) => {
          const options: SqlOptions = { schema: dataset.schema, dialect };
          const reference = ok(tryCompileSql(filter, options));
          expect(compileSql(filter, options)).toEqual({ sql: reference.sql, params: reference.params });
        },
      ),
      { numRuns: 100 },
    );
  });

  it('throws FilterCompileError carrying the diagnostics tryCompileSql reports', () => {
    const nul = createComparison(createField('status', S), 'eq', S, createString('a\0b', span(10, 15)), S);
    for (const dialect of ['postgres', 'sqlite'] as const) {
      const expected = tryCompileSql(nul, { schema, dialect }).diagnostics;
      let thrown: unknown;
      try {
        compileSql(nul, { schema, dialect });
      } catch (error) {
        thrown = error;
      }
      expect(thrown).toBeInstanceOf(FilterCompileError);
      expect((thrown as FilterCompileError).diagnostics).toEqual(expected);
      expect((thrown as FilterCompileError).message).toContain('sql-nul-character');
    }
  });
});

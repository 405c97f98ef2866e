import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createField, createList, createString, span } from '../../src/ast/index.js';
import {
  compileSqlChunks,
  renderSqlChunks,
  type SqlChunk,
  tryCompileSql,
  tryCompileSqlChunks,
} from '../../src/compile/sql/index.js';
import type { SqlDialectName } from '../../src/compile/sql/types.js';
import type { Schema } from '../../src/schema/types.js';
import { parse } from '../../src/syntax/parse.js';
import { genDataset } from './support/data.js';
import { genFilter } from './support/filters.js';

const DIALECTS = ['postgres', 'sqlite', 'mysql'] as const;

/** The text runs between the value chunks: always one more than the values. */
function textRuns(chunks: readonly SqlChunk[]): string[] {
  const runs = [''];
  for (const chunk of chunks) {
    if (typeof chunk === 'string') runs[runs.length - 1] += chunk;
    else runs.push('');
  }
  return runs;
}

/** The placeholders each dialect writes, independently of its hooks. */
const placeholder = (dialect: SqlDialectName, position: number) =>
  dialect === 'postgres' ? `$${position}` : '?';

describe('compiled SQL as chunks: text and values, placeholders written last', () => {
  it('never cuts at a ? or $1 inside a quoted column or table name: values are chunks, not text', () => {
    const column = fc.string({ unit: fc.constantFrom('?', '$', '1', '"', '`', "'", 'a', ' '), minLength: 1 });
    fc.assert(
      fc.property(column, column, fc.constantFrom(...DIALECTS), (name, table, dialect) => {
        const schema: Schema = {
          fields: { f: { type: 'string', column: name, operators: ['eq', 'co', 'in'] } },
        };
        const parsed = parse('f eq "a?$1" or f co "?" or f in ("x", "$2")');
        if (!parsed.ok) throw new Error('parse');
        const options = { schema, dialect, table };
        const compiled = tryCompileSql(parsed.ast, options);
        const chunked = tryCompileSqlChunks(parsed.ast, options);
        if (!compiled.ok || !chunked.ok) throw new Error('compile');
        const runs = textRuns(chunked.chunks);
        expect(runs.length).toBe(compiled.params.length + 1);
        // Put the placeholders back: the SQL is restored exactly.
        const restored = runs.reduce(
          (sql, text, i) => sql + (i === 0 ? '' : placeholder(dialect, i)) + text,
          '',
        );
        expect(restored).toBe(compiled.sql);
        expect(
          chunked.chunks.filter((c) => typeof c !== 'string').map((c) => (c as { value: unknown }).value),
        ).toEqual(compiled.params);
      }),
      { numRuns: 300 },
    );
  });

  it('renders at any offset exactly what tryCompileSql compiles with that offset, in every dialect', () => {
    fc.assert(
      fc.property(
        genDataset.chain((d) => fc.tuple(fc.constant(d), genFilter(d), fc.constantFrom(...DIALECTS))),
        fc.nat(1000),
        ([dataset, filter, dialect], offset) => {
          const chunked = compileSqlChunks(filter, { schema: dataset.schema, dialect });
          const direct = tryCompileSql(filter, { schema: dataset.schema, dialect, parameterOffset: offset });
          expect(renderSqlChunks(chunked, { parameterOffset: offset })).toEqual(direct);
          expect(textRuns(chunked.chunks).length).toBe(direct.ok ? direct.params.length + 1 : -1);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('merges adjacent text: no two text chunks in a row, no empty one', () => {
    fc.assert(
      fc.property(
        genDataset.chain((d) => fc.tuple(fc.constant(d), genFilter(d), fc.constantFrom(...DIALECTS))),
        ([dataset, filter, dialect]) => {
          const { chunks } = compileSqlChunks(filter, { schema: dataset.schema, dialect });
          chunks.forEach((chunk, i) => {
            if (typeof chunk !== 'string') return;
            expect(chunk).not.toBe('');
            expect(typeof chunks[i + 1]).not.toBe('string');
          });
        },
      ),
      { numRuns: 100 },
    );
  });

  it('tags each value with the type it is bound as', () => {
    const schema: Schema = {
      fields: {
        s: { type: 'string', operators: ['eq', 'co'] },
        n: { type: 'number', operators: ['gt'] },
        i: { type: 'integer', operators: ['eq'] },
        b: { type: 'boolean', operators: ['eq'] },
        d: { type: 'date-time', operators: ['ge'] },
      },
    };
    const parsed = parse('s co "x" and n gt 1.5 and i eq 2 and b eq true and d ge 2022-02-07');
    if (!parsed.ok) throw new Error('parse');
    const values = (dialect: SqlDialectName) =>
      compileSqlChunks(parsed.ast, { schema, dialect }).chunks.filter((c) => typeof c !== 'string');
    expect(values('postgres')).toEqual([
      { value: '%x%', type: 'string' },
      { value: 1.5, type: 'number' },
      { value: 2, type: 'integer' },
      { value: true, type: 'boolean' },
      { value: '2022-02-07T00:00:00.000000000Z', type: 'date-time' },
    ]);
    expect(values('sqlite').map((c) => c.value)).toEqual([
      '%x%',
      1.5,
      2,
      1,
      '2022-02-07T00:00:00.000000000Z',
    ]);
  });

  it('reports what cannot be rendered: a bad offset, or more values than fit after it', () => {
    const parsed = parse('f eq "a"');
    if (!parsed.ok) throw new Error('parse');
    const schema: Schema = { fields: { f: { type: 'string', operators: ['eq'] } } };
    const compiled = compileSqlChunks(parsed.ast, { schema, dialect: 'sqlite' });
    for (const parameterOffset of [-1, 1.5, Number.NaN, 32_767]) {
      const result = renderSqlChunks(compiled, { parameterOffset });
      expect(result.diagnostics.map((d) => d.code)).toEqual(['compile-invalid-option']);
    }
    const full = renderSqlChunks(compiled, { parameterOffset: 32_766 });
    expect(full).toEqual(tryCompileSql(parsed.ast, { schema, dialect: 'sqlite', parameterOffset: 32_766 }));
    expect(full.diagnostics.map((d) => d.code)).toEqual(['sql-too-many-parameters']);
    for (const hostile of [
      null,
      {},
      { dialect: 'oracle', chunks: [] },
      { dialect: 'sqlite', chunks: [{}] },
    ]) {
      expect(renderSqlChunks(hostile as never).ok).toBe(false);
    }
  });

  it('refuses chunks that could never be rendered (more values than the engine binds at offset 0)', () => {
    const S = span(0, 0);
    const values = Array.from({ length: 40_000 }, (_, i) => createString(String(i), S));
    const big = createList(createField('id', S), 'in', S, values, S);
    const schema: Schema = { fields: { id: { type: 'string', caseSensitive: true, operators: ['in'] } } };
    const result = tryCompileSqlChunks(big, { schema, dialect: 'sqlite' });
    expect(result.diagnostics.map((d) => d.code)).toEqual(['sql-too-many-parameters']);
    expect(tryCompileSqlChunks(big, { schema, dialect: 'postgres' }).ok).toBe(true);
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { tryCompileSql } from '../../src/compile/sql/index.js';
import { splitPlaceholders, tryCompileSegments } from '../../src/compile/sql/segments.js';
import type { Schema } from '../../src/schema/types.js';
import { parse } from '../../src/syntax/parse.js';
import { genDataset } from './support/data.js';
import { genFilter } from './support/filters.js';

const DIALECTS = ['postgres', 'sqlite', 'mysql'] as const;

describe('cutting compiled SQL at its placeholders (for the query-builder integrations)', () => {
  it('finds exactly the placeholders, not a ? or $1 inside a quoted column or table name', () => {
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
        const segments = tryCompileSegments(parsed.ast, options);
        if (!compiled.ok || !segments.ok) throw new Error('compile');
        expect(segments.texts.length).toBe(compiled.params.length + 1);
        // Put the placeholders back: the SQL is restored exactly.
        const restored = segments.texts.reduce(
          (sql, text, i) => sql + (i === 0 ? '' : dialect === 'postgres' ? `$${i}` : '?') + text,
          '',
        );
        expect(restored).toBe(compiled.sql);
      }),
      { numRuns: 300 },
    );
  });

  it('agrees with the compiler on generated filters in every dialect', () => {
    fc.assert(
      fc.property(
        genDataset.chain((d) => fc.tuple(fc.constant(d), genFilter(d), fc.constantFrom(...DIALECTS))),
        ([dataset, filter, dialect]) => {
          const compiled = tryCompileSql(filter, { schema: dataset.schema, dialect });
          if (!compiled.ok) throw new Error('compile');
          expect(splitPlaceholders(compiled.sql, dialect).length).toBe(compiled.params.length + 1);
        },
      ),
      { numRuns: 200 },
    );
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { accountsQuery, accountsSchema } from '../../examples/client.js';
import { FilterBuildError, parse, parseCollectionQuery } from '../../src/index.js';
import { stripSpans } from '../support/ast-arbitraries.js';

const since = new Date('2024-01-01T00:00:00Z');

describe('examples/client.ts', () => {
  it('any search text stays one string value: the filter parses back to the built tree', () => {
    // Line breaks the language cannot express; U+0000 no SQL engine stores (the builder validates).
    const text = fc
      .string({ unit: 'binary' })
      .filter((s) => !/[\n\r\u2028\u2029\u0085]/.test(s) && !s.includes(String.fromCharCode(0)));
    fc.assert(
      fc.property(text, (search) => {
        const query = accountsQuery(search, since);
        const parsed = parse(query.filters, { limits: { maxLength: 1_000_000 } });
        expect(parsed.ok && stripSpans(parsed.ast)).toEqual(stripSpans(query.ast));
        const served = parseCollectionQuery(query.url.split('?')[1]!, accountsSchema, {
          limits: { maxLength: 1_000_000 },
        });
        expect(served.ok && stripSpans(served.filters)).toEqual(stripSpans(query.ast));
      }),
      { numRuns: 300 },
    );
  });

  it('a value the language cannot express is refused, not mangled', () => {
    expect(() => accountsQuery('two\nlines', since)).toThrow(FilterBuildError);
    // Text no SQL engine can hold is refused by validation (the one acceptance rule).
    expect(() => accountsQuery('nul\u0000', since)).toThrow(/U\+0000/);
  });
});

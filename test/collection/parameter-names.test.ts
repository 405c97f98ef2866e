import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseCollectionQuery } from '../../src/collection/index.js';
import { createCollectionHandler, type Schema, workflowExecutionsSchema } from '../../src/index.js';

const schema: Schema = { ...workflowExecutionsSchema, sorters: ['start_time', 'status'] };
/** The five standard V3 collection parameters. */
const STANDARD: readonly string[] = ['filters', 'sorters', 'limit', 'offset', 'count'];

function codes(query: string, options?: Parameters<typeof parseCollectionQuery>[2]): string[] {
  return parseCollectionQuery(query, schema, options).diagnostics.map((d) => `${d.parameter} ${d.code}`);
}

describe('a slip of a standard parameter name is refused, naming the right one', () => {
  it.each([
    ['filter=status+eq+%22Failed%22&limit=1', 'filter', 'filters'],
    ['sorter=-start_time', 'sorter', 'sorters'],
    ['limits=5', 'limits', 'limit'],
    ['Filters=status+eq+%22Failed%22', 'Filters', 'filters'],
    ['Offset=10', 'Offset', 'offset'],
    ['count+=true', 'count ', 'count'],
    ['count%20=true', 'count ', 'count'],
    ['filters[]=status+eq+%22Failed%22', 'filters[]', 'filters'],
    ['LIMIT=5', 'LIMIT', 'limit'],
    ['fitlers=x', 'fitlers', 'filters'],
    ['ofset=1', 'ofset', 'offset'],
    ['sort_ers=status', 'sort_ers', 'sorters'],
  ])('%s: `%s` is `%s`', (query, name, right) => {
    const result = parseCollectionQuery(query, schema);
    expect(result.ok).toBe(false);
    const slip = result.diagnostics.find((d) => d.code === 'misspelled-parameter');
    expect(slip?.parameter).toBe(name);
    expect(slip?.severity).toBe('error');
    expect(slip?.message).toContain(`did you mean \`${right}\`?`);
  });

  it('answers the V3 400 naming the right parameter instead of unfiltered rows', () => {
    const answer = createCollectionHandler(schema)('filter=status+eq+%22Failed%22&limit=1');
    expect(answer.ok).toBe(false);
    if (answer.ok) return;
    expect(answer.status).toBe(400);
    expect(answer.body.messages.map((m) => m.text)).toEqual([
      'In `filter` at column 1: `filter` is not a collection parameter; did you mean `filters`? Refused rather than ignored, which would answer as if `filters` were not given.',
    ]);
  });

  it('reports a repeated slip once', () => {
    expect(codes('filter=a&filter=b&limit=1')).toEqual(['filter misspelled-parameter']);
  });

  it('ignores parameters far from every standard name, as before', () => {
    for (const query of [
      'page=2',
      'detailLevel=FULL',
      'q=x',
      'sort=status',
      'fields=id',
      'expand=all',
      'id=5',
    ]) {
      const result = parseCollectionQuery(query, schema);
      expect(result.ok, query).toBe(true);
      expect(result.diagnostics, query).toEqual([]);
    }
  });

  it('warns (only) about a name close to a standard one but more than a slip away', () => {
    const result = parseCollectionQuery('account=7', schema);
    expect(result.ok).toBe(true);
    expect(codes('account=7')).toEqual(['account unknown-parameter']);
    expect(result.diagnostics[0]?.severity).toBe('warning');
  });

  it('takes the endpoint’s own parameters from otherParameters, even a slip-like one', () => {
    expect(parseCollectionQuery('counts=3', schema, { otherParameters: ['counts'] }).ok).toBe(true);
    expect(codes('counts=3', { otherParameters: ['counts'] })).toEqual([]);
  });

  it("with unknownParameters: 'reject', refuses every other parameter, except otherParameters", () => {
    expect(
      codes('page=2&q=x&workflowId=1', { unknownParameters: 'reject', otherParameters: ['workflowId'] }),
    ).toEqual(['page unknown-parameter', 'q unknown-parameter']);
    const result = parseCollectionQuery('page=2', schema, { unknownParameters: 'reject' });
    expect(result.ok).toBe(false);
    expect(result.diagnostics[0]?.message).toContain('`filters`, `sorters`, `limit`, `offset` and `count`');
    expect(codes('limits=1', { unknownParameters: 'reject' })).toEqual(['limits misspelled-parameter']);
    expect(parseCollectionQuery('limit=1&count=true', schema, { unknownParameters: 'reject' }).ok).toBe(true);
  });

  it.each([
    [{ unknownParameters: 'strict' }, 'unknownParameters'],
    [{ unknownParameters: true }, 'unknownParameters'],
    [{ otherParameters: 'page' }, 'otherParameters'],
    [{ otherParameters: [1] }, 'otherParameters'],
  ])('refuses the option %j (invalid-option naming %s)', (options, name) => {
    const result = parseCollectionQuery('', schema, options as never);
    expect(result.ok).toBe(false);
    expect(result.diagnostics.map((d) => d.code)).toEqual(['invalid-option']);
    expect(result.diagnostics[0]?.message).toContain(`\`${name}\``);
  });
});

/**
 * One slip of a name, made by a generator of its own: a letter added, dropped, changed, two
 * neighbours swapped, the case changed, `_`/`-`/space inserted, or `[]` appended.
 */
const slipOf = (name: string): fc.Arbitrary<string> => {
  const at = fc.integer({ min: 0, max: name.length - 1 });
  const letter = fc.constantFrom(...'abcdefghijklmnopqrstuvwxyz');
  return fc.oneof(
    fc
      .tuple(fc.integer({ min: 0, max: name.length }), letter)
      .map(([i, c]) => name.slice(0, i) + c + name.slice(i)),
    at.map((i) => name.slice(0, i) + name.slice(i + 1)),
    fc.tuple(at, letter).map(([i, c]) => name.slice(0, i) + c + name.slice(i + 1)),
    fc
      .integer({ min: 0, max: name.length - 2 })
      .map((i) => name.slice(0, i) + name[i + 1] + name[i] + name.slice(i + 2)),
    fc
      .array(fc.boolean(), { minLength: name.length, maxLength: name.length })
      .map((up) => [...name].map((c, i) => (up[i] ? c.toUpperCase() : c)).join('')),
    fc
      .tuple(fc.integer({ min: 0, max: name.length }), fc.constantFrom('_', '-', ' '))
      .map(([i, c]) => name.slice(0, i) + c + name.slice(i)),
    fc.constant(`${name}[]`),
  );
};

describe('on generated slips', () => {
  it('every slip of a standard name that is not itself standard is refused, naming that name', () => {
    const slip = fc.constantFrom(...STANDARD).chain((name) => fc.tuple(fc.constant(name), slipOf(name)));
    fc.assert(
      fc.property(slip, ([name, slipped]) => {
        fc.pre(!STANDARD.includes(slipped));
        const query = `${encodeURIComponent(slipped)}=1`;
        const result = parseCollectionQuery(query, schema);
        expect(result.ok, slipped).toBe(false);
        const found = result.diagnostics.find((d) => d.code === 'misspelled-parameter');
        expect(found?.parameter).toBe(slipped);
        expect(found?.message).toContain(`did you mean \`${name}\`?`);
      }),
      { numRuns: 500 },
    );
  });

  it('a name of three or more changes from every standard name is never refused by default', () => {
    const far = fc
      .stringMatching(/^[a-zA-Z][a-zA-Z0-9_]{0,12}$/)
      .filter((name) =>
        STANDARD.every((standard) => lettersApart(name.toLowerCase().replaceAll('_', ''), standard) >= 3),
      );
    fc.assert(
      fc.property(far, (name) => {
        expect(parseCollectionQuery(`${name}=1`, schema).ok, name).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});

/** Levenshtein distance, written here as the oracle (the library has its own). */
function lettersApart(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const above = row[j]!;
      row[j] = Math.min(above + 1, row[j - 1]! + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
      diagonal = above;
    }
  }
  return row[b.length]!;
}

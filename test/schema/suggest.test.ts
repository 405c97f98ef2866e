import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { clearBestMatch, closestMatches, editDistance, listWords } from '../../src/schema/suggest.js';

/** The optimal-string-alignment distance by its recursive definition: slow, obviously right. */
function referenceDistance(a: string, b: string): number {
  const memo = new Map<string, number>();
  const d = (i: number, j: number): number => {
    const key = `${i},${j}`;
    const cached = memo.get(key);
    if (cached !== undefined) return cached;
    let best: number;
    if (i === 0) best = j;
    else if (j === 0) best = i;
    else {
      best = Math.min(d(i - 1, j) + 1, d(i, j - 1) + 1, d(i - 1, j - 1) + (a[i - 1] === b[j - 1] ? 0 : 1));
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        best = Math.min(best, d(i - 2, j - 2) + 1);
    }
    memo.set(key, best);
    return best;
  };
  return d(a.length, b.length);
}

const word = fc.string({ unit: fc.constantFrom('a', 'b', 'c', '_', 'A'), maxLength: 8 });

describe('editDistance', () => {
  it('equals the recursive definition', () => {
    fc.assert(
      fc.property(word, word, (a, b) => {
        expect(editDistance(a, b)).toBe(referenceDistance(a, b));
      }),
    );
  });

  it('with a limit, is exact up to the limit and limit + 1 beyond it', () => {
    fc.assert(
      fc.property(word, word, fc.nat({ max: 5 }), (a, b, limit) => {
        const exact = referenceDistance(a, b);
        expect(editDistance(a, b, limit)).toBe(exact <= limit ? exact : limit + 1);
      }),
    );
  });

  it('counts a swap of neighbours as one edit', () => {
    expect(editDistance('stauts', 'status')).toBe(1);
  });
});

describe('closestMatches', () => {
  const fields = ['start_time', 'status', 'name', 'owner.id', 'created', 'modified'];
  it.each([
    ['startTime', ['start_time']],
    ['Status', ['status']],
    ['stauts', ['status']],
    ['nmae', ['name']],
    ['owner.ID', ['owner.id']],
    ['zzzzzz', []],
    ['creatd', ['created']],
  ])('%s -> %j', (input, expected) => {
    expect(closestMatches(input, fields)).toEqual(expected);
  });

  it('offers a clear best match only when one candidate is nearest', () => {
    expect(clearBestMatch('nam', ['name', 'nav'])).toBeUndefined();
    expect(closestMatches('nam', ['name', 'nav'])).toEqual(['name', 'nav']);
    expect(clearBestMatch('nme', ['name', 'type'])).toBe('name');
  });

  it('never suggests the word itself, and ignores very long input', () => {
    expect(closestMatches('name', ['name'])).toEqual([]);
    expect(closestMatches('a'.repeat(10_000), ['a'])).toEqual([]);
  });
});

describe('listWords', () => {
  it('joins with commas and a conjunction, and counts what it leaves out', () => {
    const show = (w: string) => `<${w}>`;
    expect(listWords([], show)).toBe('');
    expect(listWords(['a'], show)).toBe('<a>');
    expect(listWords(['a', 'b', 'c'], show)).toBe('<a>, <b> and <c>');
    expect(listWords(['a', 'b'], show, { conjunction: 'or' })).toBe('<a> or <b>');
    expect(listWords(['a', 'b', 'c', 'd'], show, { max: 2 })).toBe('<a>, <b> and 2 more');
  });
});

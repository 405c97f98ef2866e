import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  createComparison,
  createField,
  createList,
  createNot,
  createString,
  span,
} from '../../src/ast/index.js';
import { compareCodePoints, foldAscii, foldUnicode } from '../../src/compile/case-folding.js';
import { compilePredicate } from '../../src/compile/predicate/index.js';
import { ALPHABET } from './support/data.js';

const S = span(0, 0);

function* everyCodePoint(): Generator<string> {
  for (let cp = 0; cp <= 0x10ffff; cp++) {
    if (cp < 0xd800 || cp > 0xdfff) yield String.fromCodePoint(cp);
  }
}

describe('case folding: the facts the fast paths rely on, over every code point', () => {
  it('toLowerCase lengthens only U+0130 and maps only U+212A from non-ASCII to ASCII', () => {
    const lengthened: number[] = [];
    const toAscii: number[] = [];
    for (const char of everyCodePoint()) {
      const lower = char.toLowerCase();
      if (lower.length !== char.length) lengthened.push(char.codePointAt(0)!);
      if (char.codePointAt(0)! >= 0x80 && /^[\0-\x7f]*$/.test(lower)) toAscii.push(char.codePointAt(0)!);
    }
    expect(lengthened).toEqual([0x130]);
    expect(toAscii).toEqual([0x212a]);
  });

  it('both foldings keep the UTF-16 length and are idempotent', () => {
    for (const char of everyCodePoint()) {
      for (const fold of [foldUnicode, foldAscii]) {
        const folded = fold(char);
        if (folded.length !== char.length || fold(folded) !== folded)
          throw new Error(`U+${char.codePointAt(0)!.toString(16)}`);
      }
    }
  });

  it('foldUnicode is the per-code-point simple mapping; foldAscii touches A-Z only', () => {
    expect(foldUnicode('ΑΣ İ ẞ \u212a ǅ')).toBe('ασ i ß k ǆ');
    expect(foldAscii('ÄBΣ\u212aZ')).toBe('ÄbΣ\u212az');
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...ALPHABET)), (chars) => {
        const text = chars.join('');
        // Folding the whole text equals folding each code point alone (no context rules).
        expect(foldUnicode(text)).toBe([...text].map(foldUnicode).join(''));
        expect(foldAscii(text)).toBe(
          [...text].map((c) => (c >= 'A' && c <= 'Z' ? c.toLowerCase() : c)).join(''),
        );
      }),
    );
  });

  it('the compiled equality agrees with folding both sides, in both settings', () => {
    const text = fc.array(
      fc.constantFrom(...ALPHABET, 'i', 'İ', 'σ', 'ς', 'Σ', '\u0307', 'k', 'K', '\u212a'),
      {
        maxLength: 4,
      },
    );
    fc.assert(
      fc.property(text, text, fc.constantFrom('unicode' as const, 'ascii' as const), (a, b, caseFolding) => {
        const literal = a.join('');
        const value = b.join('');
        const schema = { fields: { f: { type: 'string' as const, operators: ['eq' as const] } } };
        const filter = createComparison(createField('f', S), 'eq', S, createString(literal, S), S);
        const fold = caseFolding === 'unicode' ? foldUnicode : foldAscii;
        const predicate = compilePredicate(filter, { schema, caseFolding });
        expect(predicate({ f: value })).toBe(fold(value) === fold(literal));
        // And with the value re-cased, which is where the fast path is exercised.
        // The value re-cased, and the literal with its i, σ and k written as İ, Σ and the Kelvin
        // sign: exactly where toLowerCase and the simple mapping part.
        const special = literal.replaceAll('i', 'İ').replaceAll('σ', 'Σ').replaceAll('k', '\u212a');
        for (const variant of [value.toUpperCase(), value.toLowerCase(), special, special.toUpperCase()]) {
          expect(predicate({ f: variant })).toBe(fold(variant) === fold(literal));
        }
      }),
      { numRuns: 2000 },
    );
  });
});

describe('case-insensitive string operators agree with folding both sides', () => {
  const letters = fc.constantFrom(
    ...ALPHABET,
    'i',
    'İ',
    'σ',
    'ς',
    'Σ',
    '\u0307',
    'k',
    'K',
    '\u212a',
    'Ä',
    'ẞ',
    '😀',
  );
  const text = fc.array(letters, { maxLength: 5 }).map((parts) => parts.join(''));
  const operators = ['eq', 'ne', 'co', 'sw', 'in'] as const;
  const schema = { fields: { f: { type: 'string' as const, operators: [...operators] } } };

  function reference(
    operator: (typeof operators)[number],
    value: string,
    literals: readonly string[],
    fold: (t: string) => string,
  ): boolean {
    const x = fold(value);
    const c = fold(literals[0]!);
    if (operator === 'eq') return x === c;
    if (operator === 'ne') return x !== c;
    if (operator === 'co') return x.includes(c);
    if (operator === 'sw') return x.startsWith(c);
    return literals.some((l) => fold(l) === x);
  }

  it('eq, ne, co, sw and in, plain and negated, in both settings, on values re-cased where toLowerCase parts from the simple mapping', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...operators),
        fc.array(text, { minLength: 1, maxLength: 3 }),
        text,
        fc.constantFrom('unicode' as const, 'ascii' as const),
        (operator, literals, value, caseFolding) => {
          const field = createField('f', S);
          const values = literals.map((l) => createString(l, S));
          const leaf =
            operator === 'in'
              ? createList(field, 'in', S, values, S)
              : createComparison(field, operator, S, values[0]!, S);
          const fold = caseFolding === 'unicode' ? foldUnicode : foldAscii;
          const plain = compilePredicate(leaf, { schema, caseFolding });
          const negated = compilePredicate(createNot(leaf, S), { schema, caseFolding });
          const special = value.replaceAll('i', 'İ').replaceAll('σ', 'Σ').replaceAll('k', '\u212a');
          for (const variant of [
            value,
            value.toUpperCase(),
            value.toLowerCase(),
            special,
            special.toUpperCase(),
          ]) {
            const expected = reference(operator, variant, literals, fold);
            expect(plain({ f: variant }), `${operator} ${variant}`).toBe(expected);
            expect(negated({ f: variant }), `not ${operator} ${variant}`).toBe(!expected);
          }
          expect(plain({})).toBe(false);
          expect(negated({})).toBe(true);
          expect(negated({ f: 42 })).toBe(true);
        },
      ),
      { numRuns: 3000 },
    );
  });
});

describe('compareCodePoints', () => {
  const codePoints = (s: string) => Array.from(s, (c) => c.codePointAt(0)!);
  function reference(a: string, b: string): number {
    const x = codePoints(a);
    const y = codePoints(b);
    for (let i = 0; i < Math.min(x.length, y.length); i++) if (x[i] !== y[i]) return x[i]! - y[i]!;
    return x.length - y.length;
  }

  it('orders by code point, not UTF-16 unit', () => {
    expect(compareCodePoints('😀', '\ue000')).toBeGreaterThan(0);
    expect('😀' < '\ue000').toBe(true); // what it corrects
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), fc.string({ unit: 'grapheme' }), (a, b) => {
        expect(Math.sign(compareCodePoints(a, b))).toBe(Math.sign(reference(a, b)));
      }),
      { numRuns: 2000 },
    );
  });
});

/**
 * String leaves, case-insensitive `in` above all (up to four constants are compared with the
 * folded record string one by one, more through a set): one to six constants, characters whose
 * folding or lowercasing changes length (ß, ẞ, İ, ﬁ), final and plain sigma, the Kelvin and
 * Ångström signs, astral letters and lone surrogates, in `eq`, `ne`, `in`, `co`, `sw` and under
 * `not`, with both foldings, and record strings the engine holds sliced or joined, or boxed.
 * Closures, generated code and the oracle (./oracle.ts) are compared.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileBoth, field, str } from './leaf-harness.js';
import { type CompareOp, evaluate, type Filter, type Folding } from './oracle.js';

/** Pieces a filter constant may hold. */
const PIECES = [
  'a',
  'A',
  's',
  'S',
  'ss',
  'SS',
  'ß',
  'ẞ',
  'i',
  'I',
  'İ',
  'ı',
  'i\u0307',
  'ﬁ',
  'FI',
  'fi',
  'Σ',
  'σ',
  'ς',
  '\u212a', // KELVIN SIGN
  'k',
  'K',
  '\u212b', // ANGSTROM SIGN
  'å',
  'Å',
  'ǅ',
  'ǆ',
  'Ǆ',
  'ῼ',
  '𐐀',
  '𐐨',
  '😀',
] as const;

/** Pieces only a record can hold (a filter refuses them). */
const RECORD_PIECES = [...PIECES, '\uD801', '\uDC00', '\0'] as const;

const constantArbitrary = fc
  .array(fc.constantFrom(...PIECES), { minLength: 0, maxLength: 3 })
  .map((p) => p.join(''));

const FORMS = ['flat', 'sliced', 'joined', 'string-object', 'upper', 'lower'] as const;
type Form = (typeof FORMS)[number];

function inForm(text: string, form: Form): unknown {
  switch (form) {
    case 'flat':
      return text;
    case 'sliced':
      return `\u0100${text}${'x'.repeat(16)}`.slice(1, text.length + 1);
    case 'joined': {
      const half = text.length >> 1;
      return text.slice(0, half) + text.slice(half);
    }
    case 'string-object':
      return new String(text);
    case 'upper':
      return text.toUpperCase();
    default:
      return text.toLowerCase();
  }
}

/** A record string: one of the constants (so that equal texts meet), or pieces, in some form. */
function recordStringArbitrary(constants: readonly string[]): fc.Arbitrary<{ text: string; form: Form }> {
  return fc.record({
    text: fc.oneof(
      fc.constantFrom(...constants),
      fc.array(fc.constantFrom(...RECORD_PIECES), { maxLength: 4 }).map((p) => p.join('')),
    ),
    form: fc.constantFrom(...FORMS),
  });
}

describe('string leaves on text whose folding is not plain', () => {
  it('answer as the oracle in both modes, 1 to 6 constants, plain and negated, both foldings', () => {
    fc.assert(
      fc.property(
        fc.array(constantArbitrary, { minLength: 1, maxLength: 6 }).chain((constants) =>
          fc.record({
            constants: fc.constant(constants),
            op: fc.constantFrom<CompareOp>('in', 'in', 'in', 'eq', 'ne', 'co', 'sw'),
            negated: fc.boolean(),
            caseSensitive: fc.constantFrom(undefined, false, true),
            folding: fc.constantFrom<Folding | undefined>(undefined, 'unicode', 'ascii'),
            records: fc.array(recordStringArbitrary(constants), { minLength: 5, maxLength: 30 }),
          }),
        ),
        ({ constants, op, negated, caseSensitive, folding, records }) => {
          const s = field(['s'], 'string', { caseSensitive });
          const values = (op === 'in' ? constants : constants.slice(0, 1)).map(str);
          const leaf: Filter = { kind: 'compare', field: s, op, values };
          const filter: Filter = negated ? { kind: 'not', operand: leaf } : leaf;
          const schema = { fields: [s], caseSensitive: undefined };
          const { text, closures, generated } = compileBoth(filter, schema, folding);
          for (let pass = 0; pass < 2; pass++) {
            for (const { text: raw, form } of records) {
              const value = inForm(raw, form);
              const want = evaluate(filter, schema, { s: value }, folding ?? 'unicode');
              const shown = `${text} (${folding}) on ${JSON.stringify(String(value))} (${form})`;
              expect(closures({ s: value }), `${shown}: closures`).toBe(want);
              expect(generated({ s: value }), `${shown}: generated`).toBe(want);
            }
          }
        },
      ),
      { numRuns: 1500 },
    );
  });
});

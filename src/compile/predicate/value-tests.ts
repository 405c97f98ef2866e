import type { CompareOperator, ListOperator } from '../../ast/operators.js';
import { compareCodePoints, hasNativeCodePointOrder } from '../case-folding.js';
import { compareParts, type InstantParts, instantParts, readInstant } from './instant-reader.js';
import type { Comparable, NormalizedOperands, Normalizer } from './normalize.js';

/** Whether one record value (not a collection) satisfies a leaf; false for null or missing. */
export type ValueTest = (value: unknown) => boolean;

type OrderingOperator = 'gt' | 'ge' | 'lt' | 'le';

function codePointOrdering(operator: OrderingOperator, normalize: Normalizer, constant: string): ValueTest {
  return (value) => {
    const x = normalize(value);
    if (x === undefined) return false;
    const d = compareCodePoints(x as string, constant);
    return operator === 'gt' ? d > 0 : operator === 'ge' ? d >= 0 : operator === 'lt' ? d < 0 : d <= 0;
  };
}

function nativeOrdering(operator: OrderingOperator, normalize: Normalizer, constant: Comparable): ValueTest {
  // Both sides are strings (folded text or instant keys) or both numbers: `<` on them is the order.
  const c = constant as string;
  const n = (value: unknown) => normalize(value) as string | undefined;
  switch (operator) {
    case 'gt':
      return (value) => {
        const x = n(value);
        return x !== undefined && x > c;
      };
    case 'ge':
      return (value) => {
        const x = n(value);
        return x !== undefined && x >= c;
      };
    case 'lt':
      return (value) => {
        const x = n(value);
        return x !== undefined && x < c;
      };
    case 'le':
      return (value) => {
        const x = n(value);
        return x !== undefined && x <= c;
      };
  }
}

function numberOrdering(operator: OrderingOperator, c: number): ValueTest {
  // `typeof` first; NaN compares false with everything, as it must.
  switch (operator) {
    case 'gt':
      return (value) => typeof value === 'number' && value > c;
    case 'ge':
      return (value) => typeof value === 'number' && value >= c;
    case 'lt':
      return (value) => typeof value === 'number' && value < c;
    case 'le':
      return (value) => typeof value === 'number' && value <= c;
  }
}

const NON_ASCII = /[^\0-\x7f]/;
const SIGMA_OR_COMBINING_DOT = /\u03c2|\u03c3|\u0307/;

/**
 * Case-insensitive equality with a folded constant, tuned because it is the hottest test there
 * is. Native `toLowerCase` is much faster than the exact folds, and differs from them only on
 * characters the test settles cheaply (facts checked over every code point in the tests):
 * toLowerCase lengthens only U+0130 (to `i` + U+0307), maps only U+0130 and U+03A3 otherwise
 * than the simple mapping, and maps only U+212A (Kelvin sign) from non-ASCII to ASCII.
 */
/** Which native-toLowerCase fast path, if any, decides equality with the folded `text` exactly. */
export function nativeLowerCasePath(
  text: string,
  folding: 'unicode' | 'ascii',
): 'unicode' | 'ascii' | undefined {
  if (folding === 'unicode') return SIGMA_OR_COMBINING_DOT.test(text) ? undefined : 'unicode';
  return NON_ASCII.test(text) ? undefined : 'ascii';
}

function foldedEquality(text: string, operands: NormalizedOperands): ValueTest {
  const fold = operands.fold!;
  const length = text.length;
  const path = nativeLowerCasePath(text, operands.folding);
  if (path === 'unicode') {
    return (value) => {
      if (typeof value !== 'string' || value.length !== length) return false;
      const lower = value.toLowerCase();
      // Equal: the value held no U+0130 (its U+0307 would show) and no U+03A3 (σ/ς would show).
      if (lower === text) return true;
      // Not equal at the same length: no U+0130, and a U+03A3 folds to σ, which `text` lacks.
      return lower.length !== length && fold(value) === text;
    };
  }
  if (path === 'ascii') {
    const hasK = text.includes('k');
    // An ASCII constant equals the ASCII fold of exactly the ASCII strings whose lowercase it is;
    // toLowerCase also turns the Kelvin sign into `k`, which the ASCII fold keeps.
    return (value) =>
      typeof value === 'string' &&
      value.length === length &&
      value.toLowerCase() === text &&
      !(hasK && value.includes('\u212a'));
  }
  return (value) => typeof value === 'string' && value.length === length && fold(value) === text;
}

function dateTimeTest(operator: 'eq' | OrderingOperator, operands: NormalizedOperands): ValueTest {
  if (operands.typed.type !== 'date-time') throw new TypeError('not a date-time leaf');
  const c = instantParts(operands.typed.values[0]!);
  // Written by readInstant on each call, read right after: no allocation per record.
  const read: InstantParts = { seconds: 0, fraction: '' };
  const order = (value: unknown) =>
    readInstant(value, read) ? compareParts(read.seconds, read.fraction, c) : Number.NaN;
  switch (operator) {
    case 'eq':
      return (value) =>
        readInstant(value, read) && read.seconds === c.seconds && read.fraction === c.fraction;
    case 'gt':
      return (value) => order(value) > 0;
    case 'ge':
      return (value) => order(value) >= 0;
    case 'lt':
      return (value) => order(value) < 0;
    case 'le':
      return (value) => order(value) <= 0;
  }
}

function equalityTest(operands: NormalizedOperands, c: Comparable): ValueTest {
  const { type, fold } = operands;
  if (type === 'date-time') return dateTimeTest('eq', operands);
  if (fold === undefined) return (value) => value === c;
  // Both foldings keep the UTF-16 length (tested over every code point), so a length mismatch
  // settles most records without folding them.
  return foldedEquality(c as string, operands);
}

/** The test of one value for a comparison, or for `in`, on a non-collection field. */
export function valueTest(
  operator: Exclude<CompareOperator | ListOperator, 'ca'>,
  operands: NormalizedOperands,
): ValueTest {
  const { type, constants, normalize } = operands;
  const c = constants[0]!;
  switch (operator) {
    case 'eq':
      return equalityTest(operands, c);
    case 'ne':
      return (value) => {
        const x = normalize(value);
        return x !== undefined && x !== c;
      };
    case 'co':
      return (value) => {
        const x = normalize(value);
        return x !== undefined && (x as string).includes(c as string);
      };
    case 'sw':
      return (value) => {
        const x = normalize(value);
        return x !== undefined && (x as string).startsWith(c as string);
      };
    case 'in': {
      if (constants.length === 1) return equalityTest(operands, c);
      const set = new Set<Comparable>(constants);
      return (value) => {
        const x = normalize(value);
        return x !== undefined && set.has(x);
      };
    }
    default:
      if (type === 'number') return numberOrdering(operator, c as number);
      if (type === 'date-time') return dateTimeTest(operator, operands);
      if (type === 'string' && !hasNativeCodePointOrder(c as string)) {
        return codePointOrdering(operator, normalize, c as string);
      }
      return nativeOrdering(operator, normalize, c);
  }
}

/** `ca`: the collection holds every constant (duplicates and null members do not matter). */
export function containsAllTest(operands: NormalizedOperands): ValueTest {
  const { constants, normalize } = operands;
  const wanted = [...new Set<Comparable>(constants)];
  return (value) => {
    if (!Array.isArray(value)) return false;
    const members = new Set<Comparable>();
    for (const member of value) {
      const x = normalize(member);
      if (x !== undefined) members.add(x);
    }
    for (const c of wanted) if (!members.has(c)) return false;
    return true;
  };
}

/** Any-member semantics: a comparison on a collection field holds when some member satisfies it. */
export function someMemberTest(test: ValueTest): ValueTest {
  return (value) => Array.isArray(value) && value.some(test);
}

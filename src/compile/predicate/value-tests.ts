import type { CompareOperator, ListOperator } from '../../language/operators.js';
import {
  type CaseFolding,
  compareCodePoints,
  foldAscii,
  foldUnicode,
  hasNativeCodePointOrder,
} from '../case-folding.js';
import { dateTimeTest } from './date-time-test.js';
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

/**
 * How a record string is put in the form of a leaf's string constants before `eq`, `ne`, `co`,
 * `sw` or `in` compares them: not at all (case-sensitive), by the exact folding, or by native
 * `toLowerCase` where that provably decides those tests as the exact folding would.
 *
 * Why the `LOWER_*` modes are exact for those tests: toLowerCase keeps the length of every code
 * point but U+0130, so when the lowercased string keeps the length its units line up with the
 * folded string's. The tests then only ask whether some aligned stretch equals a constant.
 * - `LOWER_UNICODE` (constants free of σ, ς and U+0307, see {@link nativeLowerCasePath}): the
 *   lowercased and folded strings differ only where the value holds U+03A3 (σ or ς against σ), and
 *   a stretch equal to such a constant covers no such place, in either string.
 * - `LOWER_ASCII` (ASCII constants): a stretch equal to an ASCII constant is ASCII; only ASCII
 *   and the Kelvin sign lowercase to ASCII, and the ASCII fold keeps everything else non-ASCII,
 *   so the stretch is the same in both strings unless a Kelvin sign became a `k`.
 *   `LOWER_ASCII_K` (some constant holds a `k`) therefore folds exactly when a Kelvin sign is there.
 * When the length changes (U+0130), every mode folds exactly.
 */
export type FoldMode = 0 | 1 | 2 | 3 | 4 | 5;
const AS_IS = 0;
const EXACT_UNICODE = 1;
const EXACT_ASCII = 2;
const LOWER_UNICODE = 3;
const LOWER_ASCII = 4;
const LOWER_ASCII_K = 5;

/** The {@link FoldMode} for testing record strings against `constants` (already folded). */
export function foldMode(constants: readonly string[], fold: CaseFolding | undefined): FoldMode {
  if (fold === undefined) return AS_IS;
  if (constants.some((c) => nativeLowerCasePath(c, fold) === undefined)) {
    return fold === 'unicode' ? EXACT_UNICODE : EXACT_ASCII;
  }
  if (fold === 'unicode') return LOWER_UNICODE;
  return constants.some((c) => c.includes('k')) ? LOWER_ASCII_K : LOWER_ASCII;
}

/**
 * A record string in the form of the constants, per {@link FoldMode}. A plain module function,
 * so the compiler inlines it into the leaves that call it.
 */
export function foldAs(value: string, mode: FoldMode): string {
  if (mode === AS_IS) return value;
  if (mode >= LOWER_UNICODE) {
    const lower = value.toLowerCase();
    if (lower.length === value.length && (mode !== LOWER_ASCII_K || !value.includes('\u212a'))) {
      return lower;
    }
    return mode === LOWER_UNICODE ? foldUnicode(value) : foldAscii(value);
  }
  return mode === EXACT_UNICODE ? foldUnicode(value) : foldAscii(value);
}

/** The string operators {@link stringHolds} decides. */
export type StringOperator = 'eq' | 'ne' | 'co' | 'sw' | 'in';

/**
 * Whether a record string, already put in the constants' form by {@link foldAs}, satisfies
 * `operator` against `c` (the first constant) or `set` (all of them, for `in`).
 */
export function stringHolds(
  operator: StringOperator,
  x: string,
  c: string,
  set: ReadonlySet<string>,
): boolean {
  switch (operator) {
    case 'eq':
      return x === c;
    case 'ne':
      return x !== c;
    case 'co':
      return x.includes(c);
    case 'sw':
      return x.startsWith(c);
    default:
      return set.has(x);
  }
}

function stringTest(operator: StringOperator, operands: NormalizedOperands): ValueTest {
  const constants = operands.constants as readonly string[];
  const mode = foldMode(constants, operands.fold === undefined ? undefined : operands.folding);
  const c = constants[0]!;
  const set = new Set(constants);
  return (value) => typeof value === 'string' && stringHolds(operator, foldAs(value, mode), c, set);
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

function dateTimeLeafTest(operator: 'eq' | OrderingOperator, operands: NormalizedOperands): ValueTest {
  if (operands.typed.type !== 'date-time') throw new TypeError('not a date-time leaf');
  return dateTimeTest(operator, operands.typed.values[0]!);
}

function equalityTest(operands: NormalizedOperands, c: Comparable): ValueTest {
  const { type, fold } = operands;
  if (type === 'date-time') return dateTimeLeafTest('eq', operands);
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
      if (type === 'string') return stringTest(operator, operands);
      return (value) => {
        const x = normalize(value);
        return x !== undefined && x !== c;
      };
    case 'co':
    case 'sw':
      // Only strings take `co` and `sw` (the planner checks).
      return stringTest(operator, operands);
    case 'in': {
      if (constants.length === 1) return equalityTest(operands, c);
      if (type === 'string') return stringTest(operator, operands);
      const set = new Set<Comparable>(constants);
      return (value) => {
        const x = normalize(value);
        return x !== undefined && set.has(x);
      };
    }
    default:
      if (type === 'number') return numberOrdering(operator, c as number);
      if (type === 'date-time') return dateTimeLeafTest(operator, operands);
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

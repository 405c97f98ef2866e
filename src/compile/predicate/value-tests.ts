import type { CompareOperator, ListOperator } from '../../language/operators.js';
import { compareCodePoints, hasNativeCodePointOrder } from '../case-folding.js';
import { dateTimeTest } from './date-time-test.js';
import type { Comparable, NormalizedOperands, Normalizer } from './normalize.js';
import type { ValueTest } from './record-test.js';
import { foldAs, foldMode, nativeLowerCasePath, type StringOperator, stringHolds } from './string-fold.js';

const hasOwn = Object.prototype.hasOwnProperty;

/**
 * A collection's member, or undefined (a null member) when reading it throws: a hostile getter or
 * proxy on one index makes that member missing, as it would a field, and the others still count.
 */
function memberAt(array: readonly unknown[], i: number): unknown {
  try {
    return array[i];
  } catch {
    return undefined;
  }
}

/** Whether the array owns index `i` (false when a proxy's trap throws). */
function owns(array: readonly unknown[], i: number): boolean {
  try {
    return hasOwn.call(array, i);
  } catch {
    return false;
  }
}

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

/**
 * `ca`: the collection holds every constant (duplicates and null members do not matter). Up to
 * 31 distinct constants are ticked off in the bits of one number, allocating nothing per record.
 */
export function containsAllTest(operands: NormalizedOperands): ValueTest {
  const { constants, normalize } = operands;
  const wanted = [...new Set<Comparable>(constants)];
  const count = wanted.length;
  if (count > 31) {
    return (value) => {
      if (!Array.isArray(value)) return false;
      const members = new Set<Comparable>();
      for (let i = 0; i < value.length; i++) {
        const x = normalize(memberAt(value, i));
        if (x !== undefined && owns(value, i)) members.add(x);
      }
      for (const c of wanted) if (!members.has(c)) return false;
      return true;
    };
  }
  const all = 2 ** count - 1;
  return (value) => {
    if (!Array.isArray(value)) return false;
    let found = 0;
    for (let i = 0; i < value.length; i++) {
      const x = normalize(memberAt(value, i));
      if (x === undefined) continue;
      for (let j = 0; j < count; j++) {
        if (wanted[j] === x) {
          if (owns(value, i)) found |= 1 << j;
          break;
        }
      }
      if (found === all) return true;
    }
    return false;
  };
}

/**
 * Any-member semantics: a comparison on a collection field holds when some member satisfies it.
 * Members are read by index, never through the array's own `some` or iterator (a hostile array's
 * prototype may replace them), and a member counts only when the array owns it: a hole reads
 * `Array.prototype`, which a polluted prototype fills. The own check runs only for a member that
 * would decide the answer, so the common array pays nothing for it.
 */
export function someMemberTest(test: ValueTest): ValueTest {
  return (value) => {
    if (!Array.isArray(value)) return false;
    for (let i = 0; i < value.length; i++) if (test(memberAt(value, i)) && owns(value, i)) return true;
    return false;
  };
}

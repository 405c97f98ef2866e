import { type CaseFolding, caseFolder } from '../case-folding.js';
import { pathLeaf } from './path-leaves.js';
import { readsFirst, stringFirst } from './read-first.js';
import type { RecordTest } from './record-test.js';
import {
  type FoldMode,
  foldAs,
  foldMode,
  isAsciiText,
  type StringOperator,
  stringHolds,
} from './string-fold.js';

const own = Object.prototype.hasOwnProperty;

/** The constants of a string leaf in the form record strings are compared in, and that form. */
export interface StringOperands {
  readonly constants: readonly string[];
  readonly mode: FoldMode;
}

/** Folds the constants (unless the field is case-sensitive) and picks the {@link FoldMode}. */
export function stringOperands(
  values: readonly string[],
  caseSensitive: boolean,
  folding: CaseFolding,
): StringOperands {
  if (caseSensitive) return { constants: values, mode: foldMode(values, undefined) };
  const fold = caseFolder(folding);
  // An ASCII constant folds to its toLowerCase under both foldings: no regex test for the usual one.
  const first = values[0]!;
  const constants =
    values.length === 1 ? [isAsciiText(first) ? first.toLowerCase() : fold(first)] : values.map(fold);
  return { constants, mode: foldMode(constants, folding) };
}

/**
 * Case-insensitive equality with one folded constant on one own property, written out for the
 * commonest filter there is: a length mismatch settles most records without folding (both
 * foldings keep the UTF-16 length), then native `toLowerCase` decides per `path` (see
 * `nativeLowerCasePath`), the exact fold only when the lowercased length changed.
 */
export function foldedEqualityLeaf(
  key: string,
  text: string,
  path: 'unicode' | 'ascii',
  fold: (text: string) => string,
  negated: boolean,
): RecordTest {
  const length = text.length;
  if (path === 'unicode') {
    return (r) => {
      try {
        if (typeof r !== 'object' || r === null || !own.call(r, key)) return negated;
        const v = (r as Record<string, unknown>)[key];
        if (typeof v !== 'string' || v.length !== length) return negated;
        const lower = v.toLowerCase();
        // Equal: the value held no U+0130 (its U+0307 would show) and no U+03A3 (σ/ς would show).
        // Not equal at the same length: no U+0130, and a U+03A3 folds to σ, which `text` lacks.
        const equal = lower === text || (lower.length !== length && fold(v) === text);
        return equal !== negated;
      } catch {
        return negated;
      }
    };
  }
  // An ASCII constant equals the ASCII fold of exactly the ASCII strings whose lowercase it is;
  // toLowerCase also turns the Kelvin sign into `k`, which the ASCII fold keeps.
  const hasK = text.includes('k');
  return (r) => {
    try {
      if (typeof r !== 'object' || r === null || !own.call(r, key)) return negated;
      const v = (r as Record<string, unknown>)[key];
      return (
        (typeof v === 'string' &&
          v.length === length &&
          v.toLowerCase() === text &&
          !(hasK && v.includes('\u212a'))) !== negated
      );
    } catch {
      return negated;
    }
  };
}

/**
 * A string `eq`, `ne`, `co`, `sw` or `in` on a field that is not a collection, with the path read
 * and the test made inline (`foldAs` and `stringHolds` are plain functions the compiler inlines).
 */
export function stringLeaf(
  keys: readonly string[],
  operator: StringOperator,
  operands: StringOperands,
  negated: boolean,
): RecordTest {
  const { constants, mode } = operands;
  const c = constants[0]!;
  // Only `in` reads the set; the others share an empty one (no Set built per compile).
  const set: ReadonlySet<string> = operator === 'in' ? new Set(constants) : NO_STRINGS;
  if (readsFirst(keys)) return stringFirst(keys, operator, c, set, mode, negated);
  if (keys.length === 1) {
    const key = keys[0]!;
    return (r) => {
      try {
        if (typeof r !== 'object' || r === null || !own.call(r, key)) return negated;
        const v = (r as Record<string, unknown>)[key];
        return (typeof v === 'string' && stringHolds(operator, foldAs(v, mode), c, set)) !== negated;
      } catch {
        return negated;
      }
    };
  }
  if (keys.length === 2) {
    const k1 = keys[0]!;
    const k2 = keys[1]!;
    return (r) => {
      try {
        if (typeof r !== 'object' || r === null || !own.call(r, k1)) return negated;
        const o = (r as Record<string, unknown>)[k1];
        if (typeof o !== 'object' || o === null || !own.call(o, k2)) return negated;
        const v = (o as Record<string, unknown>)[k2];
        return (typeof v === 'string' && stringHolds(operator, foldAs(v, mode), c, set)) !== negated;
      } catch {
        return negated;
      }
    };
  }
  return pathLeaf(
    keys,
    (v) => typeof v === 'string' && stringHolds(operator, foldAs(v, mode), c, set),
    negated,
  );
}

const NO_STRINGS: ReadonlySet<string> = new Set();

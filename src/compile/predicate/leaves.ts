import type { CaseFolding } from '../case-folding.js';
import type { LeafPlan, ValuePlan } from '../plan.js';
import { normalizeOperands } from './normalize.js';
import type { RecordTest } from './program.js';
import { pathReader } from './read-path.js';
import {
  containsAllTest,
  foldAs,
  foldMode,
  nativeLowerCasePath,
  type StringOperator,
  someMemberTest,
  stringHolds,
  type ValueTest,
  valueTest,
} from './value-tests.js';

// Captured once and called, never looked up on a record (which may shadow it); measurably faster
// than `Object.hasOwn` in V8's hot loops.
const own = Object.prototype.hasOwnProperty;

/*
 * Every leaf catches what a hostile record can throw (a getter, a proxy trap) and then answers as
 * for a missing value. Leaves read their path inline, and the commonest tests are written out in
 * full rather than composed, because in a process with many compiled filters every call from one
 * shared closure to another is megamorphic and costs more than the test.
 *
 * Every leaf is built plain or `negated` (for `not`), so a `not` costs no call of its own: a
 * negated leaf returns the opposite answer in every case, including a missing value or a throw.
 */

/** An ordering of a number property against a constant: what an `and` can fuse into a range. */
export interface NumberBound {
  readonly key: string;
  readonly operator: 'gt' | 'ge' | 'lt' | 'le';
  readonly value: number;
}

/** A compiled leaf. */
export interface CompiledLeaf {
  readonly test: RecordTest;
  /** Builds the negation of `test`, written out. */
  readonly negate: () => RecordTest;
  /** Set when the leaf is a number ordering on a one-property path, see {@link numberRangeTest}. */
  readonly bound: NumberBound | undefined;
}

function presenceLeaf(plan: LeafPlan & { kind: 'presence' }, negated: boolean): RecordTest {
  const path = plan.field.path;
  // `isnull` negated is `pr`, and the other way round.
  const pr = (plan.operator === 'pr') !== negated;
  if (path.length === 1) {
    const key = path[0]!;
    return (r) => {
      try {
        if (typeof r !== 'object' || r === null || !own.call(r, key)) return !pr;
        const value = (r as Record<string, unknown>)[key];
        // NaN is a missing value (SQLite stores it as NULL).
        const present = value != null && !Number.isNaN(value);
        return present === pr;
      } catch {
        return !pr;
      }
    };
  }
  const read = pathReader(path);
  return (r) => {
    try {
      const value = read(r);
      return (value != null && !Number.isNaN(value)) === pr;
    } catch {
      return !pr;
    }
  };
}

/** A leaf on one own property whose test is strict equality with a constant. */
function strictEqualityLeaf(key: string, c: unknown, negated: boolean): RecordTest {
  return (r) => {
    try {
      if (typeof r !== 'object' || r === null || !own.call(r, key)) return negated;
      return ((r as Record<string, unknown>)[key] === c) !== negated;
    } catch {
      return negated;
    }
  };
}

/**
 * A leaf on one own property that puts a number between two bounds, each inclusive or not, read
 * once. A single ordering is a range with an infinite other bound: `v <= Infinity` holds for
 * every number but NaN, which fails the first test anyway.
 */
function numberRangeLeaf(
  key: string,
  lo: number,
  loInclusive: boolean,
  hi: number,
  hiInclusive: boolean,
  negated: boolean,
): RecordTest {
  if (loInclusive && hiInclusive) {
    return (r) => {
      try {
        if (typeof r !== 'object' || r === null || !own.call(r, key)) return negated;
        const v = (r as Record<string, unknown>)[key];
        return (typeof v === 'number' && v >= lo && v <= hi) !== negated;
      } catch {
        return negated;
      }
    };
  }
  if (loInclusive) {
    return (r) => {
      try {
        if (typeof r !== 'object' || r === null || !own.call(r, key)) return negated;
        const v = (r as Record<string, unknown>)[key];
        return (typeof v === 'number' && v >= lo && v < hi) !== negated;
      } catch {
        return negated;
      }
    };
  }
  if (hiInclusive) {
    return (r) => {
      try {
        if (typeof r !== 'object' || r === null || !own.call(r, key)) return negated;
        const v = (r as Record<string, unknown>)[key];
        return (typeof v === 'number' && v > lo && v <= hi) !== negated;
      } catch {
        return negated;
      }
    };
  }
  return (r) => {
    try {
      if (typeof r !== 'object' || r === null || !own.call(r, key)) return negated;
      const v = (r as Record<string, unknown>)[key];
      return (typeof v === 'number' && v > lo && v < hi) !== negated;
    } catch {
      return negated;
    }
  };
}

/**
 * The `and` of number orderings on the same one-property path (at least one), as one leaf that
 * reads the property once: the greatest lower and least upper bound, an exclusive bound winning
 * over an inclusive one at the same value. (Exact for numbers: bounds are never NaN.)
 */
export function numberRangeTest(bounds: readonly NumberBound[], negated: boolean): RecordTest {
  let lo = Number.NEGATIVE_INFINITY;
  let loInclusive = true;
  let hi = Number.POSITIVE_INFINITY;
  let hiInclusive = true;
  for (const { operator, value } of bounds) {
    if (operator === 'gt' || operator === 'ge') {
      if (value > lo || (value === lo && operator === 'gt')) {
        lo = value;
        loInclusive = operator === 'ge';
      }
    } else if (value < hi || (value === hi && operator === 'lt')) {
      hi = value;
      hiInclusive = operator === 'le';
    }
  }
  return numberRangeLeaf(bounds[0]!.key, lo, loInclusive, hi, hiInclusive, negated);
}

/**
 * Case-insensitive equality on one own property, written out: the same logic as the value test
 * (see `foldedEquality`), without the call, for the commonest filter there is.
 */
function foldedEqualityLeaf(
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
        const equal = lower === text || (lower.length !== length && fold(v) === text);
        return equal !== negated;
      } catch {
        return negated;
      }
    };
  }
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
 * and the test made inline (see `foldAs` and `stringHolds`, which the compiler inlines).
 */
function stringLeaf(
  plan: ValuePlan,
  operator: StringOperator,
  folding: CaseFolding,
  negated: boolean,
): RecordTest {
  const operands = normalizeOperands(plan.field, plan.typed, folding);
  const constants = operands.constants as readonly string[];
  const mode = foldMode(constants, operands.fold === undefined ? undefined : folding);
  const c = constants[0]!;
  const set: ReadonlySet<string> = new Set(constants);
  const holds = (v: unknown) => typeof v === 'string' && stringHolds(operator, foldAs(v, mode), c, set);
  const keys = plan.field.path;
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
    const [k1, k2] = keys as [string, string];
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
  return pathLeaf(keys, holds, negated);
}

/**
 * A leaf on a path of any length, read by {@link pathReader} (own properties only): the plain
 * form of the leaves above, for paths of three steps and more. A missing step reads as
 * `undefined`, which every value test rejects as it rejects a present `undefined`.
 */
function pathLeaf(path: readonly string[], test: ValueTest, negated: boolean): RecordTest {
  const read = pathReader(path);
  return (r) => {
    try {
      return test(read(r)) !== negated;
    } catch {
      return negated;
    }
  };
}

/** Any other leaf: the path read inline, then a composed value test. */
function valueLeaf(path: readonly string[], test: ValueTest, negated: boolean): RecordTest {
  if (path.length === 1) {
    const key = path[0]!;
    return (r) => {
      try {
        if (typeof r !== 'object' || r === null || !own.call(r, key)) return negated;
        const v = (r as Record<string, unknown>)[key];
        return test(v) !== negated;
      } catch {
        return negated;
      }
    };
  }
  if (path.length === 2) {
    const [k1, k2] = path as [string, string];
    return (r) => {
      try {
        if (typeof r !== 'object' || r === null || !own.call(r, k1)) return negated;
        const o = (r as Record<string, unknown>)[k1];
        if (typeof o !== 'object' || o === null || !own.call(o, k2)) return negated;
        const v = (o as Record<string, unknown>)[k2];
        return test(v) !== negated;
      } catch {
        return negated;
      }
    };
  }
  return pathLeaf(path, test, negated);
}

function isStringOperator(operator: string): operator is StringOperator {
  return (
    operator === 'eq' || operator === 'ne' || operator === 'co' || operator === 'sw' || operator === 'in'
  );
}

function numberBound(plan: LeafPlan): NumberBound | undefined {
  if (plan.kind !== 'values' || plan.field.collection || plan.field.path.length !== 1) return undefined;
  const { operator, typed } = plan;
  if (typed.type !== 'number') return undefined;
  if (operator !== 'gt' && operator !== 'ge' && operator !== 'lt' && operator !== 'le') return undefined;
  const value = typed.values[0]!;
  return Number.isNaN(value) ? undefined : { key: plan.field.path[0]!, operator, value };
}

function valueLeafTest(plan: ValuePlan, folding: CaseFolding): ValueTest {
  const operands = normalizeOperands(plan.field, plan.typed, folding);
  if (plan.operator === 'ca') return containsAllTest(operands);
  const test = valueTest(plan.operator, operands);
  return plan.field.collection ? someMemberTest(test) : test;
}

/** Compiles one leaf into a record test that never throws, plain or negated. */
function leafTest(plan: LeafPlan, folding: CaseFolding, negated: boolean): RecordTest {
  if (plan.kind === 'presence') return presenceLeaf(plan, negated);
  const { field, operator, typed } = plan;
  if (!field.collection) {
    const single = operator === 'eq' || (operator === 'in' && typed.values.length === 1);
    if (field.path.length === 1) {
      const key = field.path[0]!;
      const bound = numberBound(plan);
      if (bound !== undefined) return numberRangeTest([bound], negated);
      if (single && typed.type !== 'date-time' && (typed.type !== 'string' || field.caseSensitive)) {
        return strictEqualityLeaf(key, typed.values[0], negated);
      }
      if (single && typed.type === 'string') {
        const operands = normalizeOperands(field, typed, folding);
        const text = operands.constants[0] as string;
        const path = nativeLowerCasePath(text, folding);
        if (path !== undefined) return foldedEqualityLeaf(key, text, path, operands.fold!, negated);
      }
    }
    if (typed.type === 'string' && isStringOperator(operator)) {
      return stringLeaf(plan, operator, folding, negated);
    }
  }
  return valueLeaf(field.path, valueLeafTest(plan, folding), negated);
}

/** Compiles one leaf: its test, how to negate it, and its bound if it has one. */
export function compileLeaf(plan: LeafPlan, folding: CaseFolding): CompiledLeaf {
  return {
    test: leafTest(plan, folding, false),
    negate: () => leafTest(plan, folding, true),
    bound: numberBound(plan),
  };
}

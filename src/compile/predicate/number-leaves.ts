import type { LeafPlan } from '../plan.js';
import { numberRangeFirst, readsFirst } from './read-first.js';
import type { RecordTest } from './record-test.js';

// Captured once and called, never looked up on a record (which may shadow it); measurably faster
// than `Object.hasOwn` in V8's hot loops.
const own = Object.prototype.hasOwnProperty;

/** An ordering of a number property against a constant: what an `and` can fuse into a range. */
export interface NumberBound {
  readonly key: string;
  readonly operator: 'gt' | 'ge' | 'lt' | 'le';
  readonly value: number;
}

/** The bound a leaf is, when it is a number ordering on a one-property path. */
export function numberBound(plan: LeafPlan): NumberBound | undefined {
  if (plan.kind !== 'values' || plan.field.collection || plan.field.path.length !== 1) return undefined;
  const { operator, typed } = plan;
  if (typed.type !== 'number') return undefined;
  if (operator !== 'gt' && operator !== 'ge' && operator !== 'lt' && operator !== 'le') return undefined;
  const value = typed.values[0]!;
  return Number.isNaN(value) ? undefined : { key: plan.field.path[0]!, operator, value };
}

/**
 * A leaf on one own property that puts a number between two bounds, each inclusive or not, read
 * once. A single ordering is a range with an infinite other bound: `v <= Infinity` holds for
 * every number but NaN, which fails the first test anyway. Catches what a hostile record throws
 * and answers as for a missing value; `negated` gives the opposite answer in every case.
 */
function numberRangeLeaf(
  key: string,
  lo: number,
  loInclusive: boolean,
  hi: number,
  hiInclusive: boolean,
  negated: boolean,
): RecordTest {
  const path = [key];
  if (readsFirst(path)) return numberRangeFirst(path, lo, loInclusive, hi, hiInclusive, negated);
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

/** The tightest range the `and` of `bounds` (at least one) allows. */
export interface NumberRange {
  readonly key: string;
  readonly lo: number;
  readonly loInclusive: boolean;
  readonly hi: number;
  readonly hiInclusive: boolean;
}

/**
 * The greatest lower and least upper bound of `bounds`, an exclusive bound winning over an
 * inclusive one at the same value. (Exact for numbers: bounds are never NaN.)
 */
export function numberRange(bounds: readonly NumberBound[]): NumberRange {
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
  return { key: bounds[0]!.key, lo, loInclusive, hi, hiInclusive };
}

/** The `and` of number orderings on the same one-property path as one leaf reading it once. */
export function numberRangeTest(bounds: readonly NumberBound[], negated: boolean): RecordTest {
  const { key, lo, loInclusive, hi, hiInclusive } = numberRange(bounds);
  return numberRangeLeaf(key, lo, loInclusive, hi, hiInclusive, negated);
}

/** One ordering as a leaf: {@link numberRangeTest} of `[bound]`, without the array and range. */
export function numberBoundTest(bound: NumberBound, negated: boolean): RecordTest {
  const { key, operator, value } = bound;
  if (operator === 'gt' || operator === 'ge') {
    return numberRangeLeaf(key, value, operator === 'ge', Number.POSITIVE_INFINITY, true, negated);
  }
  return numberRangeLeaf(key, Number.NEGATIVE_INFINITY, true, value, operator === 'le', negated);
}

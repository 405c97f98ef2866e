import type { PresencePlan } from '../plan.js';
import { presenceFirst, readsFirst } from './read-first.js';
import { pathReader } from './read-path.js';
import type { RecordTest, ValueTest } from './record-test.js';

// Captured once and called, never looked up on a record (which may shadow it); measurably faster
// than `Object.hasOwn` in V8's hot loops.
const own = Object.prototype.hasOwnProperty;

/*
 * The leaves here check each step is the record's own before reading it: they serve the paths
 * read-first.ts does not take (a name `Object.prototype` has, or more than three steps).
 * Every leaf catches what a hostile record can throw (a getter, a proxy trap) and then answers as
 * for a missing value. Leaves read their path inline, because in a process with many compiled
 * filters every call from one shared closure to another is megamorphic and costs more than the
 * read. Every leaf is built plain or `negated` (for `not`), so a `not` costs no call of its own:
 * a negated leaf returns the opposite answer in every case, including a missing value or a throw.
 */

/** `pr` or `isnull` (plain or negated: `isnull` negated is `pr`, and the other way round). */
export function presenceLeaf(plan: PresencePlan, negated: boolean): RecordTest {
  const path = plan.field.path;
  const pr = plan.present !== negated;
  if (readsFirst(path)) return presenceFirst(path, pr);
  if (path.length === 1) {
    const key = path[0]!;
    return (r) => {
      try {
        if (typeof r !== 'object' || r === null || !own.call(r, key)) return !pr;
        const value = (r as Record<string, unknown>)[key];
        // NaN is a missing value (SQLite stores it as NULL).
        return (value != null && !Number.isNaN(value)) === pr;
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
export function strictEqualityLeaf(key: string, c: unknown, negated: boolean): RecordTest {
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
 * A leaf on a path of any length, read by {@link pathReader} (own properties only). A missing
 * step reads as `undefined`, which every value test rejects as it rejects a present `undefined`.
 */
export function pathLeaf(path: readonly string[], test: ValueTest, negated: boolean): RecordTest {
  const read = pathReader(path);
  return (r) => {
    try {
      return test(read(r)) !== negated;
    } catch {
      return negated;
    }
  };
}

/** Any leaf with a value test: the path read inline for one or two steps, then the test. */
export function valueLeaf(path: readonly string[], test: ValueTest, negated: boolean): RecordTest {
  if (path.length === 1) {
    const key = path[0]!;
    return (r) => {
      try {
        if (typeof r !== 'object' || r === null || !own.call(r, key)) return negated;
        return test((r as Record<string, unknown>)[key]) !== negated;
      } catch {
        return negated;
      }
    };
  }
  if (path.length === 2) {
    const k1 = path[0]!;
    const k2 = path[1]!;
    return (r) => {
      try {
        if (typeof r !== 'object' || r === null || !own.call(r, k1)) return negated;
        const o = (r as Record<string, unknown>)[k1];
        if (typeof o !== 'object' || o === null || !own.call(o, k2)) return negated;
        return test((o as Record<string, unknown>)[k2]) !== negated;
      } catch {
        return negated;
      }
    };
  }
  return pathLeaf(path, test, negated);
}

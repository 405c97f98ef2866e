import { MORE_COPIES } from './leaf-copies-more.js';
import { type Copy, holds, owns } from './leaf-spec.js';

/*
 * Why the read-first leaf is written out several times over, identically.
 *
 * V8 keeps the inline caches of a closure (what it learnt about the objects a property read met)
 * with the function literal that made it, shared by every closure that literal made. A leaf
 * reads the record's property by a key it holds (`r[key]`); with one literal for every leaf,
 * that one read site meets every key and record shape of every filter in the process, goes
 * megamorphic, and each read becomes a lookup in the engine's global cache: several times the
 * cost of the arrow a user writes, whose `r.status` meets one key and one shape. No `new
 * Function` is allowed here (the closures are the CSP-safe mode), so the only way to give a
 * leaf caches of its own is another literal in the source.
 *
 * So the leaf is written {@link COPIES.length} times, and each record path gets a copy of its
 * own, the first come first served, per path length (each copy reads paths of one, two and three
 * steps at separate sites): an application's first eight paths of each length are read as the
 * user's arrow reads them, the key checked once and the shape checked by the engine's own
 * per-site cache. Further paths take the shared leaves of read-first.ts, as every path did
 * before. Which copy a path gets changes only speed, never an answer: the copies are the same
 * code, which test/compile/predicate-copies.test.ts holds them to.
 *
 * The copies read each step as a property access reads it, then, only when the value passes the
 * test, check that every step was the record's own (see read-first.ts for why that order, and
 * for the keys, such as `constructor`, never read this way). What the test is comes from the
 * leaf's {@link LeafSpec}, by a code: {@link holds} is a plain function, inlined into each copy.
 */

const OBJECT = Object.prototype;
const getPrototypeOf = Object.getPrototypeOf;

type Fields = Record<string, unknown>;

// Each arrow below is one copy, written out identically. A path of one step is read at the first
// sites, of two at the next, of three at the last, so one copy serves a path of each length.
// A step the record lacks (not even inherited) answers `negated`, as every test fails on a
// missing value, without reading it. Before a step is read, its object is trusted (`t1`..`t3`)
// when its prototype is null or `Object.prototype` without the key: then the read can only find
// the object's own property, and needs no own check after the test. `Object.prototype` is an
// ordinary object whose prototype is always null, and the `in` on it runs no code, so nothing
// can add the key between that check and the read. Any other prototype (a class's, a proxy) is
// asked after the test, as in read-first.ts.
export const COPIES: readonly Copy[] = [
  (s) => (r) => {
    try {
      if (typeof r !== 'object' || r === null) return s.negated;
      let p: object | null;
      let a: unknown;
      let b: unknown;
      let v: unknown;
      let t1 = false;
      let t2 = false;
      let t3 = false;
      if (s.depth === 1) {
        if (!(s.k1 in r)) return s.negated;
        p = getPrototypeOf(r);
        t1 = p === null || (p === OBJECT && !(s.k1 in OBJECT));
        v = (r as Fields)[s.k1];
      } else if (s.depth === 2) {
        if (!(s.k1 in r)) return s.negated;
        p = getPrototypeOf(r);
        t1 = p === null || (p === OBJECT && !(s.k1 in OBJECT));
        a = (r as Fields)[s.k1];
        if (typeof a !== 'object' || a === null || !(s.k2 in a)) return s.negated;
        p = getPrototypeOf(a);
        t2 = p === null || (p === OBJECT && !(s.k2 in OBJECT));
        v = (a as Fields)[s.k2];
      } else {
        if (!(s.k1 in r)) return s.negated;
        p = getPrototypeOf(r);
        t1 = p === null || (p === OBJECT && !(s.k1 in OBJECT));
        a = (r as Fields)[s.k1];
        if (typeof a !== 'object' || a === null || !(s.k2 in a)) return s.negated;
        p = getPrototypeOf(a);
        t2 = p === null || (p === OBJECT && !(s.k2 in OBJECT));
        b = (a as Fields)[s.k2];
        if (typeof b !== 'object' || b === null || !(s.k3 in b)) return s.negated;
        p = getPrototypeOf(b);
        t3 = p === null || (p === OBJECT && !(s.k3 in OBJECT));
        v = (b as Fields)[s.k3];
      }
      return holds(s, v) && owns(s, r, a, b, t1, t2, t3) ? !s.negated : s.negated;
    } catch {
      return s.negated;
    }
  },
  (s) => (r) => {
    try {
      if (typeof r !== 'object' || r === null) return s.negated;
      let p: object | null;
      let a: unknown;
      let b: unknown;
      let v: unknown;
      let t1 = false;
      let t2 = false;
      let t3 = false;
      if (s.depth === 1) {
        if (!(s.k1 in r)) return s.negated;
        p = getPrototypeOf(r);
        t1 = p === null || (p === OBJECT && !(s.k1 in OBJECT));
        v = (r as Fields)[s.k1];
      } else if (s.depth === 2) {
        if (!(s.k1 in r)) return s.negated;
        p = getPrototypeOf(r);
        t1 = p === null || (p === OBJECT && !(s.k1 in OBJECT));
        a = (r as Fields)[s.k1];
        if (typeof a !== 'object' || a === null || !(s.k2 in a)) return s.negated;
        p = getPrototypeOf(a);
        t2 = p === null || (p === OBJECT && !(s.k2 in OBJECT));
        v = (a as Fields)[s.k2];
      } else {
        if (!(s.k1 in r)) return s.negated;
        p = getPrototypeOf(r);
        t1 = p === null || (p === OBJECT && !(s.k1 in OBJECT));
        a = (r as Fields)[s.k1];
        if (typeof a !== 'object' || a === null || !(s.k2 in a)) return s.negated;
        p = getPrototypeOf(a);
        t2 = p === null || (p === OBJECT && !(s.k2 in OBJECT));
        b = (a as Fields)[s.k2];
        if (typeof b !== 'object' || b === null || !(s.k3 in b)) return s.negated;
        p = getPrototypeOf(b);
        t3 = p === null || (p === OBJECT && !(s.k3 in OBJECT));
        v = (b as Fields)[s.k3];
      }
      return holds(s, v) && owns(s, r, a, b, t1, t2, t3) ? !s.negated : s.negated;
    } catch {
      return s.negated;
    }
  },
  (s) => (r) => {
    try {
      if (typeof r !== 'object' || r === null) return s.negated;
      let p: object | null;
      let a: unknown;
      let b: unknown;
      let v: unknown;
      let t1 = false;
      let t2 = false;
      let t3 = false;
      if (s.depth === 1) {
        if (!(s.k1 in r)) return s.negated;
        p = getPrototypeOf(r);
        t1 = p === null || (p === OBJECT && !(s.k1 in OBJECT));
        v = (r as Fields)[s.k1];
      } else if (s.depth === 2) {
        if (!(s.k1 in r)) return s.negated;
        p = getPrototypeOf(r);
        t1 = p === null || (p === OBJECT && !(s.k1 in OBJECT));
        a = (r as Fields)[s.k1];
        if (typeof a !== 'object' || a === null || !(s.k2 in a)) return s.negated;
        p = getPrototypeOf(a);
        t2 = p === null || (p === OBJECT && !(s.k2 in OBJECT));
        v = (a as Fields)[s.k2];
      } else {
        if (!(s.k1 in r)) return s.negated;
        p = getPrototypeOf(r);
        t1 = p === null || (p === OBJECT && !(s.k1 in OBJECT));
        a = (r as Fields)[s.k1];
        if (typeof a !== 'object' || a === null || !(s.k2 in a)) return s.negated;
        p = getPrototypeOf(a);
        t2 = p === null || (p === OBJECT && !(s.k2 in OBJECT));
        b = (a as Fields)[s.k2];
        if (typeof b !== 'object' || b === null || !(s.k3 in b)) return s.negated;
        p = getPrototypeOf(b);
        t3 = p === null || (p === OBJECT && !(s.k3 in OBJECT));
        v = (b as Fields)[s.k3];
      }
      return holds(s, v) && owns(s, r, a, b, t1, t2, t3) ? !s.negated : s.negated;
    } catch {
      return s.negated;
    }
  },
  (s) => (r) => {
    try {
      if (typeof r !== 'object' || r === null) return s.negated;
      let p: object | null;
      let a: unknown;
      let b: unknown;
      let v: unknown;
      let t1 = false;
      let t2 = false;
      let t3 = false;
      if (s.depth === 1) {
        if (!(s.k1 in r)) return s.negated;
        p = getPrototypeOf(r);
        t1 = p === null || (p === OBJECT && !(s.k1 in OBJECT));
        v = (r as Fields)[s.k1];
      } else if (s.depth === 2) {
        if (!(s.k1 in r)) return s.negated;
        p = getPrototypeOf(r);
        t1 = p === null || (p === OBJECT && !(s.k1 in OBJECT));
        a = (r as Fields)[s.k1];
        if (typeof a !== 'object' || a === null || !(s.k2 in a)) return s.negated;
        p = getPrototypeOf(a);
        t2 = p === null || (p === OBJECT && !(s.k2 in OBJECT));
        v = (a as Fields)[s.k2];
      } else {
        if (!(s.k1 in r)) return s.negated;
        p = getPrototypeOf(r);
        t1 = p === null || (p === OBJECT && !(s.k1 in OBJECT));
        a = (r as Fields)[s.k1];
        if (typeof a !== 'object' || a === null || !(s.k2 in a)) return s.negated;
        p = getPrototypeOf(a);
        t2 = p === null || (p === OBJECT && !(s.k2 in OBJECT));
        b = (a as Fields)[s.k2];
        if (typeof b !== 'object' || b === null || !(s.k3 in b)) return s.negated;
        p = getPrototypeOf(b);
        t3 = p === null || (p === OBJECT && !(s.k3 in OBJECT));
        v = (b as Fields)[s.k3];
      }
      return holds(s, v) && owns(s, r, a, b, t1, t2, t3) ? !s.negated : s.negated;
    } catch {
      return s.negated;
    }
  },
  ...MORE_COPIES,
];

import { type Copy, holds, owns } from './leaf-spec.js';

// Four more copies of the leaf of leaf-copies.ts, character for character (a module holds four).
const OBJECT = Object.prototype;
const getPrototypeOf = Object.getPrototypeOf;

type Fields = Record<string, unknown>;

export const MORE_COPIES: readonly Copy[] = [
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
];

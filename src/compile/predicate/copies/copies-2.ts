// Written by scripts/leaf-copies.ts (`npm run copies`) from its template: edit that, not this.
import type { Copy } from '../leaf-spec.js';

type Fields = Record<string, unknown>;

function made(
  own: typeof Object.prototype.hasOwnProperty,
  objectPrototype: object,
  getPrototypeOf: typeof Object.getPrototypeOf,
): Copy[] {
  return [
    (s) => {
      const holds = (v: unknown): boolean => {
        switch (s.test) {
          case 0: // STRICT
            return v === s.c0;
          case 1: // STRICT_ANY
            return v === s.c0 || v === s.c1 || v === s.c2 || v === s.c3;
          case 2: // RANGE
            return (
              typeof v === 'number' &&
              (s.loInclusive ? v >= s.lo : v > s.lo) &&
              (s.hiInclusive ? v <= s.hi : v < s.hi)
            );
          case 3: // NUMBER_NE
            return typeof v === 'number' && !Number.isNaN(v) && v !== s.c0;
          case 4: // BOOLEAN_NE
            return typeof v === 'boolean' && v !== s.c0;
          case 5: // PRESENT
            return v != null && !Number.isNaN(v);
          case 6: // STRING_NE
            return typeof v === 'string' && v !== s.c0;
          case 7: // STRING_CO
            return typeof v === 'string' && v.includes(s.c0 as string);
          case 8: // STRING_SW
            return typeof v === 'string' && v.startsWith(s.c0 as string);
          default:
            return s.call(v);
        }
      };
      // The three-step proof, apart: written into the closure, it made that closure too large for
      // the engine to inline into a caller's loop. Called only for a record whose test passed.
      const proves = (r: object, a: object, b: object, v: unknown): boolean => {
        if (!(s.k1 in r)) return false;
        let p = getPrototypeOf(r);
        if (!((p === null || p === objectPrototype) && !(s.k1 in objectPrototype)) && !own.call(r, s.k1)) {
          return false;
        }
        if ((r as Fields)[s.k1] !== a || !(s.k2 in a)) return false;
        p = getPrototypeOf(a);
        if (!((p === null || p === objectPrototype) && !(s.k2 in objectPrototype)) && !own.call(a, s.k2)) {
          return false;
        }
        if ((a as Fields)[s.k2] !== b || !(s.k3 in b)) return false;
        p = getPrototypeOf(b);
        if (!((p === null || p === objectPrototype) && !(s.k3 in objectPrototype)) && !own.call(b, s.k3)) {
          return false;
        }
        return (b as Fields)[s.k3] === v;
      };
      if (s.depth === 1 && s.passesMost) {
        return (r) => {
          try {
            if (typeof r !== 'object' || r === null || !(s.k1 in r)) return s.negated;
            const p = getPrototypeOf(r);
            const trusted = (p === null || p === objectPrototype) && !(s.k1 in objectPrototype);
            const v = (r as Fields)[s.k1];
            if (!holds(v)) return s.negated;
            if (trusted) return !s.negated;
            return own.call(r, s.k1) && (r as Fields)[s.k1] === v ? !s.negated : s.negated;
          } catch {
            return s.negated;
          }
        };
      }
      if (s.depth === 1) {
        return (r) => {
          try {
            if (typeof r !== 'object' || r === null) return s.negated;
            const v = (r as Fields)[s.k1];
            if (!holds(v) || !(s.k1 in r)) return s.negated;
            const p = getPrototypeOf(r);
            if (
              !((p === null || p === objectPrototype) && !(s.k1 in objectPrototype)) &&
              !own.call(r, s.k1)
            ) {
              return s.negated;
            }
            return (r as Fields)[s.k1] === v ? !s.negated : s.negated;
          } catch {
            return s.negated;
          }
        };
      }
      if (s.depth === 2) {
        return (r) => {
          try {
            if (typeof r !== 'object' || r === null) return s.negated;
            const a = (r as Fields)[s.k1];
            if (typeof a !== 'object' || a === null) return s.negated;
            const v = (a as Fields)[s.k2];
            if (!holds(v) || !(s.k1 in r)) return s.negated;
            let p = getPrototypeOf(r);
            if (
              !((p === null || p === objectPrototype) && !(s.k1 in objectPrototype)) &&
              !own.call(r, s.k1)
            ) {
              return s.negated;
            }
            if ((r as Fields)[s.k1] !== a || !(s.k2 in a)) return s.negated;
            p = getPrototypeOf(a);
            if (
              !((p === null || p === objectPrototype) && !(s.k2 in objectPrototype)) &&
              !own.call(a, s.k2)
            ) {
              return s.negated;
            }
            return (a as Fields)[s.k2] === v ? !s.negated : s.negated;
          } catch {
            return s.negated;
          }
        };
      }
      return (r) => {
        try {
          if (typeof r !== 'object' || r === null) return s.negated;
          const a = (r as Fields)[s.k1];
          if (typeof a !== 'object' || a === null) return s.negated;
          const b = (a as Fields)[s.k2];
          if (typeof b !== 'object' || b === null) return s.negated;
          const v = (b as Fields)[s.k3];
          return holds(v) && proves(r, a, b, v) ? !s.negated : s.negated;
        } catch {
          return s.negated;
        }
      };
    },
    (s) => {
      const holds = (v: unknown): boolean => {
        switch (s.test) {
          case 0: // STRICT
            return v === s.c0;
          case 1: // STRICT_ANY
            return v === s.c0 || v === s.c1 || v === s.c2 || v === s.c3;
          case 2: // RANGE
            return (
              typeof v === 'number' &&
              (s.loInclusive ? v >= s.lo : v > s.lo) &&
              (s.hiInclusive ? v <= s.hi : v < s.hi)
            );
          case 3: // NUMBER_NE
            return typeof v === 'number' && !Number.isNaN(v) && v !== s.c0;
          case 4: // BOOLEAN_NE
            return typeof v === 'boolean' && v !== s.c0;
          case 5: // PRESENT
            return v != null && !Number.isNaN(v);
          case 6: // STRING_NE
            return typeof v === 'string' && v !== s.c0;
          case 7: // STRING_CO
            return typeof v === 'string' && v.includes(s.c0 as string);
          case 8: // STRING_SW
            return typeof v === 'string' && v.startsWith(s.c0 as string);
          default:
            return s.call(v);
        }
      };
      // The three-step proof, apart: written into the closure, it made that closure too large for
      // the engine to inline into a caller's loop. Called only for a record whose test passed.
      const proves = (r: object, a: object, b: object, v: unknown): boolean => {
        if (!(s.k1 in r)) return false;
        let p = getPrototypeOf(r);
        if (!((p === null || p === objectPrototype) && !(s.k1 in objectPrototype)) && !own.call(r, s.k1)) {
          return false;
        }
        if ((r as Fields)[s.k1] !== a || !(s.k2 in a)) return false;
        p = getPrototypeOf(a);
        if (!((p === null || p === objectPrototype) && !(s.k2 in objectPrototype)) && !own.call(a, s.k2)) {
          return false;
        }
        if ((a as Fields)[s.k2] !== b || !(s.k3 in b)) return false;
        p = getPrototypeOf(b);
        if (!((p === null || p === objectPrototype) && !(s.k3 in objectPrototype)) && !own.call(b, s.k3)) {
          return false;
        }
        return (b as Fields)[s.k3] === v;
      };
      if (s.depth === 1 && s.passesMost) {
        return (r) => {
          try {
            if (typeof r !== 'object' || r === null || !(s.k1 in r)) return s.negated;
            const p = getPrototypeOf(r);
            const trusted = (p === null || p === objectPrototype) && !(s.k1 in objectPrototype);
            const v = (r as Fields)[s.k1];
            if (!holds(v)) return s.negated;
            if (trusted) return !s.negated;
            return own.call(r, s.k1) && (r as Fields)[s.k1] === v ? !s.negated : s.negated;
          } catch {
            return s.negated;
          }
        };
      }
      if (s.depth === 1) {
        return (r) => {
          try {
            if (typeof r !== 'object' || r === null) return s.negated;
            const v = (r as Fields)[s.k1];
            if (!holds(v) || !(s.k1 in r)) return s.negated;
            const p = getPrototypeOf(r);
            if (
              !((p === null || p === objectPrototype) && !(s.k1 in objectPrototype)) &&
              !own.call(r, s.k1)
            ) {
              return s.negated;
            }
            return (r as Fields)[s.k1] === v ? !s.negated : s.negated;
          } catch {
            return s.negated;
          }
        };
      }
      if (s.depth === 2) {
        return (r) => {
          try {
            if (typeof r !== 'object' || r === null) return s.negated;
            const a = (r as Fields)[s.k1];
            if (typeof a !== 'object' || a === null) return s.negated;
            const v = (a as Fields)[s.k2];
            if (!holds(v) || !(s.k1 in r)) return s.negated;
            let p = getPrototypeOf(r);
            if (
              !((p === null || p === objectPrototype) && !(s.k1 in objectPrototype)) &&
              !own.call(r, s.k1)
            ) {
              return s.negated;
            }
            if ((r as Fields)[s.k1] !== a || !(s.k2 in a)) return s.negated;
            p = getPrototypeOf(a);
            if (
              !((p === null || p === objectPrototype) && !(s.k2 in objectPrototype)) &&
              !own.call(a, s.k2)
            ) {
              return s.negated;
            }
            return (a as Fields)[s.k2] === v ? !s.negated : s.negated;
          } catch {
            return s.negated;
          }
        };
      }
      return (r) => {
        try {
          if (typeof r !== 'object' || r === null) return s.negated;
          const a = (r as Fields)[s.k1];
          if (typeof a !== 'object' || a === null) return s.negated;
          const b = (a as Fields)[s.k2];
          if (typeof b !== 'object' || b === null) return s.negated;
          const v = (b as Fields)[s.k3];
          return holds(v) && proves(r, a, b, v) ? !s.negated : s.negated;
        } catch {
          return s.negated;
        }
      };
    },
  ];
}

export const COPIES_2: readonly Copy[] = made(
  Object.prototype.hasOwnProperty,
  Object.prototype,
  Object.getPrototypeOf,
);

// Written by scripts/leaf-copies.ts (`npm run copies`) from its template: edit that, not this.
import { type Copy, holds as holdsTest, owns as ownsTest } from '../leaf-spec.js';

type Fields = Record<string, unknown>;

function made(
  own: typeof Object.prototype.hasOwnProperty,
  objectPrototype: object,
  getPrototypeOf: typeof Object.getPrototypeOf,
  holds: typeof holdsTest,
  owns: typeof ownsTest,
): Copy[] {
  return [
    (s) => {
      if (s.depth === 1) {
        return (r) => {
          try {
            if (typeof r !== 'object' || r === null || !(s.k1 in r)) return s.negated;
            const p = getPrototypeOf(r);
            if (p === null || (p === objectPrototype && !(s.k1 in objectPrototype))) {
              const w = (r as Fields)[s.k1];
              return (s.calls ? s.call(w) : holds(s, w)) !== s.negated;
            }
            const v = (r as Fields)[s.k1];
            if (!(s.calls ? s.call(v) : holds(s, v))) return s.negated;
            return own.call(r, s.k1) && (r as Fields)[s.k1] === v ? !s.negated : s.negated;
          } catch {
            return s.negated;
          }
        };
      }
      if (s.depth === 2) {
        return (r) => {
          try {
            if (typeof r !== 'object' || r === null || !(s.k1 in r)) return s.negated;
            let p = getPrototypeOf(r);
            const t1 = p === null || (p === objectPrototype && !(s.k1 in objectPrototype));
            const a = (r as Fields)[s.k1];
            if (typeof a !== 'object' || a === null || !(s.k2 in a)) return s.negated;
            p = getPrototypeOf(a);
            const t2 = p === null || (p === objectPrototype && !(s.k2 in objectPrototype));
            const v = (a as Fields)[s.k2];
            return (s.calls ? s.call(v) : holds(s, v)) && owns(s, r, a, a, t1, t2, true)
              ? !s.negated
              : s.negated;
          } catch {
            return s.negated;
          }
        };
      }
      return (r) => {
        try {
          if (typeof r !== 'object' || r === null || !(s.k1 in r)) return s.negated;
          let p = getPrototypeOf(r);
          const t1 = p === null || (p === objectPrototype && !(s.k1 in objectPrototype));
          const a = (r as Fields)[s.k1];
          if (typeof a !== 'object' || a === null || !(s.k2 in a)) return s.negated;
          p = getPrototypeOf(a);
          const t2 = p === null || (p === objectPrototype && !(s.k2 in objectPrototype));
          const b = (a as Fields)[s.k2];
          if (typeof b !== 'object' || b === null || !(s.k3 in b)) return s.negated;
          p = getPrototypeOf(b);
          const t3 = p === null || (p === objectPrototype && !(s.k3 in objectPrototype));
          const v = (b as Fields)[s.k3];
          return (s.calls ? s.call(v) : holds(s, v)) && owns(s, r, a, b, t1, t2, t3) ? !s.negated : s.negated;
        } catch {
          return s.negated;
        }
      };
    },
    (s) => {
      if (s.depth === 1) {
        return (r) => {
          try {
            if (typeof r !== 'object' || r === null || !(s.k1 in r)) return s.negated;
            const p = getPrototypeOf(r);
            if (p === null || (p === objectPrototype && !(s.k1 in objectPrototype))) {
              const w = (r as Fields)[s.k1];
              return (s.calls ? s.call(w) : holds(s, w)) !== s.negated;
            }
            const v = (r as Fields)[s.k1];
            if (!(s.calls ? s.call(v) : holds(s, v))) return s.negated;
            return own.call(r, s.k1) && (r as Fields)[s.k1] === v ? !s.negated : s.negated;
          } catch {
            return s.negated;
          }
        };
      }
      if (s.depth === 2) {
        return (r) => {
          try {
            if (typeof r !== 'object' || r === null || !(s.k1 in r)) return s.negated;
            let p = getPrototypeOf(r);
            const t1 = p === null || (p === objectPrototype && !(s.k1 in objectPrototype));
            const a = (r as Fields)[s.k1];
            if (typeof a !== 'object' || a === null || !(s.k2 in a)) return s.negated;
            p = getPrototypeOf(a);
            const t2 = p === null || (p === objectPrototype && !(s.k2 in objectPrototype));
            const v = (a as Fields)[s.k2];
            return (s.calls ? s.call(v) : holds(s, v)) && owns(s, r, a, a, t1, t2, true)
              ? !s.negated
              : s.negated;
          } catch {
            return s.negated;
          }
        };
      }
      return (r) => {
        try {
          if (typeof r !== 'object' || r === null || !(s.k1 in r)) return s.negated;
          let p = getPrototypeOf(r);
          const t1 = p === null || (p === objectPrototype && !(s.k1 in objectPrototype));
          const a = (r as Fields)[s.k1];
          if (typeof a !== 'object' || a === null || !(s.k2 in a)) return s.negated;
          p = getPrototypeOf(a);
          const t2 = p === null || (p === objectPrototype && !(s.k2 in objectPrototype));
          const b = (a as Fields)[s.k2];
          if (typeof b !== 'object' || b === null || !(s.k3 in b)) return s.negated;
          p = getPrototypeOf(b);
          const t3 = p === null || (p === objectPrototype && !(s.k3 in objectPrototype));
          const v = (b as Fields)[s.k3];
          return (s.calls ? s.call(v) : holds(s, v)) && owns(s, r, a, b, t1, t2, t3) ? !s.negated : s.negated;
        } catch {
          return s.negated;
        }
      };
    },
    (s) => {
      if (s.depth === 1) {
        return (r) => {
          try {
            if (typeof r !== 'object' || r === null || !(s.k1 in r)) return s.negated;
            const p = getPrototypeOf(r);
            if (p === null || (p === objectPrototype && !(s.k1 in objectPrototype))) {
              const w = (r as Fields)[s.k1];
              return (s.calls ? s.call(w) : holds(s, w)) !== s.negated;
            }
            const v = (r as Fields)[s.k1];
            if (!(s.calls ? s.call(v) : holds(s, v))) return s.negated;
            return own.call(r, s.k1) && (r as Fields)[s.k1] === v ? !s.negated : s.negated;
          } catch {
            return s.negated;
          }
        };
      }
      if (s.depth === 2) {
        return (r) => {
          try {
            if (typeof r !== 'object' || r === null || !(s.k1 in r)) return s.negated;
            let p = getPrototypeOf(r);
            const t1 = p === null || (p === objectPrototype && !(s.k1 in objectPrototype));
            const a = (r as Fields)[s.k1];
            if (typeof a !== 'object' || a === null || !(s.k2 in a)) return s.negated;
            p = getPrototypeOf(a);
            const t2 = p === null || (p === objectPrototype && !(s.k2 in objectPrototype));
            const v = (a as Fields)[s.k2];
            return (s.calls ? s.call(v) : holds(s, v)) && owns(s, r, a, a, t1, t2, true)
              ? !s.negated
              : s.negated;
          } catch {
            return s.negated;
          }
        };
      }
      return (r) => {
        try {
          if (typeof r !== 'object' || r === null || !(s.k1 in r)) return s.negated;
          let p = getPrototypeOf(r);
          const t1 = p === null || (p === objectPrototype && !(s.k1 in objectPrototype));
          const a = (r as Fields)[s.k1];
          if (typeof a !== 'object' || a === null || !(s.k2 in a)) return s.negated;
          p = getPrototypeOf(a);
          const t2 = p === null || (p === objectPrototype && !(s.k2 in objectPrototype));
          const b = (a as Fields)[s.k2];
          if (typeof b !== 'object' || b === null || !(s.k3 in b)) return s.negated;
          p = getPrototypeOf(b);
          const t3 = p === null || (p === objectPrototype && !(s.k3 in objectPrototype));
          const v = (b as Fields)[s.k3];
          return (s.calls ? s.call(v) : holds(s, v)) && owns(s, r, a, b, t1, t2, t3) ? !s.negated : s.negated;
        } catch {
          return s.negated;
        }
      };
    },
    (s) => {
      if (s.depth === 1) {
        return (r) => {
          try {
            if (typeof r !== 'object' || r === null || !(s.k1 in r)) return s.negated;
            const p = getPrototypeOf(r);
            if (p === null || (p === objectPrototype && !(s.k1 in objectPrototype))) {
              const w = (r as Fields)[s.k1];
              return (s.calls ? s.call(w) : holds(s, w)) !== s.negated;
            }
            const v = (r as Fields)[s.k1];
            if (!(s.calls ? s.call(v) : holds(s, v))) return s.negated;
            return own.call(r, s.k1) && (r as Fields)[s.k1] === v ? !s.negated : s.negated;
          } catch {
            return s.negated;
          }
        };
      }
      if (s.depth === 2) {
        return (r) => {
          try {
            if (typeof r !== 'object' || r === null || !(s.k1 in r)) return s.negated;
            let p = getPrototypeOf(r);
            const t1 = p === null || (p === objectPrototype && !(s.k1 in objectPrototype));
            const a = (r as Fields)[s.k1];
            if (typeof a !== 'object' || a === null || !(s.k2 in a)) return s.negated;
            p = getPrototypeOf(a);
            const t2 = p === null || (p === objectPrototype && !(s.k2 in objectPrototype));
            const v = (a as Fields)[s.k2];
            return (s.calls ? s.call(v) : holds(s, v)) && owns(s, r, a, a, t1, t2, true)
              ? !s.negated
              : s.negated;
          } catch {
            return s.negated;
          }
        };
      }
      return (r) => {
        try {
          if (typeof r !== 'object' || r === null || !(s.k1 in r)) return s.negated;
          let p = getPrototypeOf(r);
          const t1 = p === null || (p === objectPrototype && !(s.k1 in objectPrototype));
          const a = (r as Fields)[s.k1];
          if (typeof a !== 'object' || a === null || !(s.k2 in a)) return s.negated;
          p = getPrototypeOf(a);
          const t2 = p === null || (p === objectPrototype && !(s.k2 in objectPrototype));
          const b = (a as Fields)[s.k2];
          if (typeof b !== 'object' || b === null || !(s.k3 in b)) return s.negated;
          p = getPrototypeOf(b);
          const t3 = p === null || (p === objectPrototype && !(s.k3 in objectPrototype));
          const v = (b as Fields)[s.k3];
          return (s.calls ? s.call(v) : holds(s, v)) && owns(s, r, a, b, t1, t2, t3) ? !s.negated : s.negated;
        } catch {
          return s.negated;
        }
      };
    },
  ];
}

export const COPIES_5: readonly Copy[] = made(
  Object.prototype.hasOwnProperty,
  Object.prototype,
  Object.getPrototypeOf,
  holdsTest,
  ownsTest,
);

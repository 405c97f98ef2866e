import { MORE_COPIES } from './leaf-copies-more.js';
import { type Copy, holds as holdsTest, owns as ownsTest } from './leaf-spec.js';

/*
 * Why the read-first leaf is written out several times over, identically.
 *
 * V8 keeps a closure's inline caches (what a property read learnt about the objects it met) with
 * the function literal that made it, shared by every closure that literal made. With one literal
 * for every leaf, its read `r[key]` meets every key and record shape of every filter in the
 * process, goes megamorphic, and each read becomes a lookup in the engine's global cache: several
 * times the cost of a user's `r.status`. No `new Function` is allowed here (the closures are the
 * CSP-safe mode), so the only way to give a leaf caches of its own is another literal.
 *
 * So each record path takes a copy of its own, first come first served, per path length: an
 * application's first eight paths of each length are read as the user's arrow reads them.
 * Further paths take the shared leaves of read-first.ts. Which copy a path gets changes only
 * speed, never an answer: the copies are the same code (test/compile/predicate-copies.test.ts).
 * The test comes from the leaf's spec (leaf-spec.ts), by a code: `holds` is inlined into each copy.
 */

type Fields = Record<string, unknown>;

// Each arrow below is one copy, written out identically; each makes a closure per path length
// (one closure for all three would be too large for the engine to inline into a caller's loop).
//
// A step's object is trusted when its prototype is null, or `Object.prototype` without the key:
// then a read there can only find the object's own property, and needs no own check. That is
// asked right next to a read, with nothing between that could run code (`Object.prototype` is an
// ordinary object whose prototype is always null; `in` on it and `getPrototypeOf` of an ordinary
// object run none), so no getter can change the answer in between. Any other prototype (a
// class's, a proxy) is asked with the own check, as in read-first.ts.
// - Every step the object lacks (not even inherited: `in`, as in the generated mode, so a proxy
//   whose `get` answers for a key it lacks reads it as missing) answers `negated` unread.
// - One step: read, test, and only when the test passed, read again (same value), ask whether
//   the record is trusted or owns the key, and read a third time, which must give the value
//   tested. A getter run by the first read (a prototype's, a polluted `Object.prototype`'s)
//   cannot make the last read give what it gave: the record has no own value, and no code ran.
// - Two or three steps: each step's trust is asked before it is read (`t1`..`t3`), and the
//   untrusted steps' own checks run after the test (`owns`).
// A test given as a function is called from the copy itself, not from `holds`: the call then
// has the copy's cache too (one target, or a few, per path), and the engine inlines the test (a
// date-time's, a folded string's) into the copy.
//
// What the copies call is passed in rather than read from the module's scope: V8 reaches a
// module's bindings through one more step than a function's, which showed in every read.
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
            const v = (r as Fields)[s.k1];
            if (!(s.calls ? s.call(v) : holds(s, v))) return s.negated;
            if ((r as Fields)[s.k1] !== v) return s.negated;
            const p = getPrototypeOf(r);
            if (
              !(p === null || (p === objectPrototype && !(s.k1 in objectPrototype))) &&
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
            const v = (r as Fields)[s.k1];
            if (!(s.calls ? s.call(v) : holds(s, v))) return s.negated;
            if ((r as Fields)[s.k1] !== v) return s.negated;
            const p = getPrototypeOf(r);
            if (
              !(p === null || (p === objectPrototype && !(s.k1 in objectPrototype))) &&
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
            const v = (r as Fields)[s.k1];
            if (!(s.calls ? s.call(v) : holds(s, v))) return s.negated;
            if ((r as Fields)[s.k1] !== v) return s.negated;
            const p = getPrototypeOf(r);
            if (
              !(p === null || (p === objectPrototype && !(s.k1 in objectPrototype))) &&
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
            const v = (r as Fields)[s.k1];
            if (!(s.calls ? s.call(v) : holds(s, v))) return s.negated;
            if ((r as Fields)[s.k1] !== v) return s.negated;
            const p = getPrototypeOf(r);
            if (
              !(p === null || (p === objectPrototype && !(s.k1 in objectPrototype))) &&
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

export const COPIES: readonly Copy[] = [
  ...made(Object.prototype.hasOwnProperty, Object.prototype, Object.getPrototypeOf, holdsTest, ownsTest),
  ...MORE_COPIES,
];

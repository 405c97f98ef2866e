import { COPIES_0 } from './copies/copies-0.js';
import { COPIES_1 } from './copies/copies-1.js';
import { COPIES_2 } from './copies/copies-2.js';
import { COPIES_3 } from './copies/copies-3.js';
import { COPIES_4 } from './copies/copies-4.js';
import { COPIES_5 } from './copies/copies-5.js';
import { COPIES_6 } from './copies/copies-6.js';
import { COPIES_7 } from './copies/copies-7.js';
import type { Copy } from './leaf-spec.js';

/*
 * Why the read-first leaf is written out many times over, identically.
 *
 * V8 keeps a closure's inline caches (what a property read learnt about the objects it met) with
 * the function literal that made it, shared by every closure that literal made. With one literal
 * for every leaf, its read `r[key]` meets every key and record shape of every filter in the
 * process, goes megamorphic, and each read becomes a lookup in the engine's global cache: several
 * times the cost of a user's `r.status`. No `new Function` is allowed here (the closures are the
 * CSP-safe mode), so the only way to give a leaf caches of its own is another literal.
 *
 * So each record path takes a copy of its own, first come first served, per path length: an
 * application's first 32 paths of each length are read as the user's arrow reads them. Further
 * paths take the shared leaves of read-first.ts. Which copy a path gets changes only speed, never
 * an answer: the copies are the same code, written by scripts/leaf-copies.ts from one template
 * (`npm run copies`; test/compile/predicate-copies.test.ts checks both). The test comes from the
 * leaf's spec (leaf-spec.ts), by a code: `holds` is inlined into each copy.
 *
 * Each copy makes a closure per path length (one closure for all three would be too large for the
 * engine to inline into a caller's loop).
 *
 * A step's object is trusted when its prototype is null, or `Object.prototype` without the key:
 * then a read there can only find the object's own property, and needs no own check. That is
 * asked right before the read, with nothing between that could run code (`Object.prototype` is an
 * ordinary object whose prototype is always null; `in` on it and `getPrototypeOf` of an ordinary
 * object run none), so no getter can change the answer in between. Any other prototype (a
 * class's, a proxy) is asked with the own check, as in read-first.ts.
 * - Every step the object lacks (not even inherited: `in`, as in the generated mode, so a proxy
 *   whose `get` answers for a key it lacks reads it as missing) answers `negated` unread.
 * - One step, trusted: one read and the test, as the user's arrow (the read is the record's own).
 *   Untrusted: read and test, and only when the test passed, the own check, then a second read,
 *   which must give the value tested. A getter run by the first read (a prototype's) cannot make
 *   the second give what it gave: between the own check and that read no code runs.
 * - Two or three steps: each step's trust is asked before it is read (`t1`..`t3`), and the
 *   untrusted steps' own checks run after the test (`owns`).
 * A test given as a function is called from the copy itself, not from `holds`: the call then
 * has the copy's cache too (one target, or a few, per path), and the engine inlines the test (a
 * date-time's, a folded string's) into the copy.
 *
 * What the copies call is passed in rather than read from the module's scope: V8 reaches a
 * module's bindings through one more step than a function's, which showed in every read.
 */

export const COPIES: readonly Copy[] = [
  ...COPIES_0,
  ...COPIES_1,
  ...COPIES_2,
  ...COPIES_3,
  ...COPIES_4,
  ...COPIES_5,
  ...COPIES_6,
  ...COPIES_7,
];

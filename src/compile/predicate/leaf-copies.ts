import { COPIES } from './copies/index.js';

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
 * So each record path takes a copy of its own for each kind of test on it (the test's code in
 * leaf-spec.ts: `status eq` and `status ne` read through two copies, every `status eq` through
 * one) and each schema it is compiled against (one endpoint's filters meet that endpoint's
 * records; another endpoint's `status`, over records of other shapes, gets another copy), first
 * come first served, per path length: an application's first 32 such triples of each length are
 * read as the user's arrow reads them. One test on one path takes at most four copies across
 * schemas (a server that reads its schema anew for each request must not use them all up on one
 * filter); past that, or once the copies are used up, a triple shares the first copy another
 * schema took for the same test on the same path, or, when there is none, takes the shared
 * leaves of read-first.ts. A copy per kind of test keeps a path's comparisons apart (one
 * copy's `holds` meets one test); a copy per compiled leaf would be used up by a server that
 * compiles each request's filter. Which copy a path gets changes only speed, never
 * an answer: the copies are the same code, written by scripts/leaf-copies.ts from one template
 * (`npm run copies`; test/compile/predicate-copies.test.ts checks both). The test comes from the
 * leaf's spec (leaf-spec.ts), by a code: `holds` is inlined into each copy.
 *
 * Each copy makes a closure per path length (one closure for all three would be too large for the
 * engine to inline into a caller's loop).
 *
 * A step's object is trusted when its prototype is null or `Object.prototype` (a plain object's)
 * and `Object.prototype` lacks the key (a proxy may claim a null prototype over a target that
 * inherits from it): then a read there can only find the object's own property, and needs no own
 * check. None of these questions can run code (`Object.prototype` is an ordinary object whose
 * prototype is always null; `in` on it runs none), and `Object.prototype` is asked last, right
 * before the read that counts, so no getter can change an answer in between. Any other step (a
 * class instance, an array, `Object.create(x)`) gets the own check, as in read-first.ts: its
 * prototype may be, or inherit from, a proxy, whose `has` trap runs for the `in` of the object
 * and again for the `in` of the prototype, and may answer yes and then no (or change the chain
 * in between), so the two answers prove nothing about what the object owns; no question short of
 * the own check tells an ordinary prototype from a proxy.
 * - Every step the object lacks (not even inherited: `in`, as in the generated mode, so a proxy
 *   whose `get` answers for a key it lacks reads it as missing) answers `negated`.
 * - One step, for a test that passes most values (`ne`, `pr`: `passesMost`): trust asked, then
 *   one read and the test, as the user's arrow (a trusted read is the record's own). Untrusted:
 *   only when the test passed, the own check, then a second read, which must give the value
 *   tested. A getter run by the first read (a prototype's) cannot make the second give what it
 *   gave: between the own check and that read no code runs.
 * - One step, any other test, and every two- or three-step path: read each step and test first,
 *   so a record that fails costs the reads and one comparison, as in the user's arrow; only when
 *   the test passed, each step in turn: `in`, its trust or the own check, and a second read right
 *   after them, which must give the object (or value) the test was reached through. A getter run
 *   by the first reads (a prototype's) cannot make those reads give what it gave.
 *   (The three-step proof is a function of the copy's own, `proves`: in the leaf it made the leaf
 *   too large for the engine to inline into a caller's loop.)
 * Each copy writes its test out (`holds`, by the code of leaf-spec.ts), so its comparisons and
 * its call of a test given as a function (a date-time's, a folded string's) learn this path's
 * values and targets only, and the engine inlines them into the copy.
 *
 * What the copies call is passed in rather than read from the module's scope: V8 reaches a
 * module's bindings through one more step than a function's, which showed in every read.
 */

export { COPIES };

import { describe, expect, it } from 'vitest';
import { copiedLeaf, inCopyScope } from '../../src/compile/predicate/copied-leaf.js';
import { compilePredicate } from '../../src/compile/predicate/index.js';
import { COPIES } from '../../src/compile/predicate/leaf-copies.js';
import { RANGE, STRICT } from '../../src/compile/predicate/leaf-spec.js';
import { parse } from '../../src/syntax/parse.js';

/*
 * How the copied leaves are shared out (copied-leaf.ts): per schema (a compile's scope), kind of
 * test and path, at most four copies for one test on one path across schemas, so that a server
 * reading its schema anew for every request (a new scope per compile) leaves copies for its other
 * filters. Which copy a leaf gets changes only speed; here, whether it gets one at all is checked
 * (this file's process starts with every copy free).
 */

const leafIn = (scope: object, path: readonly string[], test = STRICT) =>
  inCopyScope(scope, () => copiedLeaf(path, false, test, { c0: 'Failed', lo: 1, hi: 2 }));

describe('copies across schemas', () => {
  it('one test on one path takes at most four copies, however many schemas compile it', () => {
    for (let i = 0; i < COPIES.length + 8; i++) {
      const leaf = leafIn({}, ['status']);
      expect(leaf, `schema ${i}`).toBeDefined();
      expect(leaf!({ status: 'Failed' })).toBe(true);
      expect(leaf!({ status: 'failed' })).toBe(false);
    }
    // The other one-step copies are still free: one for each new (test, path) pair.
    const scope = {};
    for (let i = 0; i < COPIES.length - 4; i++) {
      expect(leafIn(scope, [`f${i}`]), `pair ${i}`).toBeDefined();
    }
    // Every one-step copy is taken: a new pair gets none (the shared leaves then serve it)...
    expect(leafIn({}, ['other'])).toBeUndefined();
    expect(leafIn(scope, ['status'], RANGE)).toBeUndefined();
    // ...and a pair that has copies shares one with a new schema.
    const shared = leafIn({}, ['f0']);
    expect(shared).toBeDefined();
    expect(shared!({ f0: 'Failed' })).toBe(true);
    // Two- and three-step paths have copies of their own.
    expect(leafIn({}, ['m', 'status'])).toBeDefined();
  });
});

describe('sharing out copies under a polluted Array.prototype', () => {
  it('compiles and answers alike once every copy is taken, whatever Array.prototype holds', () => {
    // Runs after the test above has taken every one-step copy: a new pair finds no copy of its own.
    const parsed = parse('zz eq "a"');
    if (!parsed.ok) throw new Error('does not parse');
    const schema = {
      fields: { zz: { type: 'string' as const, caseSensitive: true, operators: ['eq'] as const } },
    };
    const proto = Array.prototype as unknown as Record<number, unknown>;
    proto[0] = 'not a copy';
    try {
      for (const generateCode of [false, true]) {
        const predicate = compilePredicate(parsed.ast, { schema, generateCode });
        expect(predicate({ zz: 'a' })).toBe(true);
        expect(predicate({ zz: 'b' })).toBe(false);
      }
    } finally {
      delete proto[0];
    }
  });
});

import { interned } from './interned.js';
import { COPIES } from './leaf-copies.js';
import { type Copy, type LeafSpec, passesMost, type TestOperands } from './leaf-spec.js';
import type { RecordTest, ValueTest } from './record-test.js';

const never: ValueTest = () => false;

/** The copy each (test, path) pair has taken, per path length (index 0 for one step). */
const taken: readonly Map<string, Copy>[] = [new Map(), new Map(), new Map()];

/** The copy for `test` on `path` (one to three steps): its own, a free one, or undefined when none is left. */
function copyFor(path: readonly string[], test: number): Copy | undefined {
  const byPath = taken[path.length - 1];
  if (byPath === undefined) return undefined;
  // Two paths joining alike (a dot inside a step) would only share a copy: speed, not answers.
  const key = `${test} ${path.join('.')}`;
  const mine = byPath.get(key);
  if (mine !== undefined || byPath.size >= COPIES.length) return mine;
  const copy = COPIES[byPath.size]!;
  byPath.set(key, copy);
  return copy;
}

/**
 * A leaf on `path` (one to three steps, all readable first: see readsFirst) testing with `test`,
 * from the copy of that test on that path, or undefined when every copy is taken by other pairs.
 */
export function copiedLeaf(
  path: readonly string[],
  negated: boolean,
  test: number,
  operands: TestOperands,
): RecordTest | undefined {
  const copy = copyFor(path, test);
  if (copy === undefined) return undefined;
  // Every field set, in one order: all specs share one hidden class, so the reads of `s` in the
  // copies stay monomorphic.
  const spec: LeafSpec = {
    k1: interned(path[0]!),
    k2: interned(path[1] ?? ''),
    k3: interned(path[2] ?? ''),
    depth: path.length,
    negated,
    test,
    c0: interned(operands.c0),
    c1: interned(operands.c1),
    c2: interned(operands.c2),
    c3: interned(operands.c3),
    lo: operands.lo ?? 0,
    loInclusive: operands.loInclusive ?? false,
    hi: operands.hi ?? 0,
    hiInclusive: operands.hiInclusive ?? false,
    passesMost: operands.passesMost ?? passesMost(test),
    call: operands.call ?? never,
  };
  return copy(spec);
}

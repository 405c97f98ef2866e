import { interned } from './interned.js';
import { COPIES } from './leaf-copies.js';
import { type Copy, type LeafSpec, passesMost, type TestOperands } from './leaf-spec.js';
import type { RecordTest, ValueTest } from './record-test.js';

const never: ValueTest = () => false;

/** The copies taken, per path length (index 0 for one step), by each scope's (test, path) pair. */
const byScope = new WeakMap<object, Map<string, Copy>[]>();
/** The copies taken for each (test, path) pair, per path length, whatever the scope. */
const pairCopies: readonly Map<string, Copy[]>[] = [new Map(), new Map(), new Map()];
/**
 * Most copies one (test, path) pair takes across scopes: a server that reads its schema anew for
 * each request (a new scope per compile) must not use up every copy on one filter.
 */
const MAX_COPIES_PER_PAIR = 4;
/** How many copies of each path length are taken. */
const used = [0, 0, 0];

/**
 * The scope copies are taken in: the schema the filter is compiled against. One endpoint's
 * filters meet that endpoint's records, so its `status eq` and another endpoint's, over records
 * of other shapes, each get a copy whose caches learn one kind of record. Set by
 * {@link inCopyScope} for the time of one compile, which is synchronous.
 */
let scope: object = pairCopies;

/** Runs `build` with the copies taken in `schema`'s scope. */
export function inCopyScope<T>(schema: object, build: () => T): T {
  const outer = scope;
  scope = schema;
  try {
    return build();
  } finally {
    scope = outer;
  }
}

/**
 * The copy for `test` on `path` (one to three steps) in the current scope: its own, a free one,
 * or, once the pair has {@link MAX_COPIES_PER_PAIR} copies or every copy is taken, the first
 * another scope took for the same pair (speed, never an answer); undefined when there is none.
 */
function copyFor(path: readonly string[], test: number): Copy | undefined {
  const length = path.length - 1;
  if (length > 2) return undefined;
  let mine = byScope.get(scope);
  if (mine === undefined) {
    mine = [new Map(), new Map(), new Map()];
    byScope.set(scope, mine);
  }
  // Two paths joining alike (a dot inside a step) would only share a copy: speed, not answers.
  const key = `${test} ${path.join('.')}`;
  const own = mine[length]!;
  const taken = own.get(key);
  if (taken !== undefined) return taken;
  let pair = pairCopies[length]!.get(key);
  if (pair === undefined) {
    pair = [];
    pairCopies[length]!.set(key, pair);
  }
  // Never `pair[0]` of an empty list: that reads Array.prototype, which may be polluted.
  let copy = pair.length > 0 ? pair[0] : undefined;
  if (pair.length < MAX_COPIES_PER_PAIR && used[length]! < COPIES.length) {
    copy = COPIES[used[length]!]!;
    used[length]!++;
    pair.push(copy);
  }
  if (copy !== undefined) own.set(key, copy);
  return copy;
}

/**
 * A leaf on `path` (one to three steps, all readable first: see readsFirst) testing with `test`,
 * from the copy of that test on that path (see copyFor), or undefined when there is none.
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

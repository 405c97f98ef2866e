import { copiedLeaf } from './copied-leaf.js';
import { interned } from './interned.js';
import { CALL, PRESENT, RANGE, STRICT, STRICT_ANY, STRING_CO, STRING_NE, STRING_SW } from './leaf-spec.js';
import type { RecordTest, ValueTest } from './record-test.js';
import { type FoldMode, foldAs, type StringOperator, stringHolds } from './string-fold.js';

/*
 * Leaves that read the value first and check that it is the record's own only when it would
 * decide the answer. The common record (a plain object, a class instance) holds its fields as
 * own data properties, and the own check (a call that looks the key up again) cost more than
 * the read and the test together; done only after the test passed, it costs nothing on the
 * records the test rejects, which are most of them for a selective filter.
 *
 * A value the prototype chain supplies never counts: a passing value is accepted only when
 * the path read through own properties gives the same value (see {@link ownHolds}). Keys that
 * `Object.prototype` itself has (`constructor`, `toString`, `__proto__`…) are never read this
 * way ({@link readsFirst}): their leaves check each step before reading it. For other keys a
 * getter on a prototype may run (a polluted `Object.prototype`, a class getter); its value is
 * discarded, and a throw counts as missing, as everywhere.
 *
 * Each leaf reads paths of one to three steps inline (module functions, which the compiler
 * inlines: no call per record) and is built plain or `negated`, the opposite answer in every
 * case. The common leaves write their test inline in the same read-test-own frame rather than
 * passing it to {@link valueFirst}: a test called through one shared frame becomes a call site
 * every filter shares, which V8 stops inlining.
 */

const own = Object.prototype.hasOwnProperty;
const objectPrototype = Object.prototype;
const getPrototypeOf = Object.getPrototypeOf;

/** The names on `Object.prototype` (and `__proto__`): read only after an own check. */
const PROTOTYPE_KEYS: ReadonlySet<string> = new Set([
  ...Object.getOwnPropertyNames(Object.prototype),
  '__proto__',
]);

/** Steps up to which a path is read inline. */
export const MAX_INLINE_STEPS = 3;

/** Whether the leaves here may read `path`: one to three steps, none a name of Object.prototype. */
export function readsFirst(path: readonly string[]): boolean {
  if (path.length > MAX_INLINE_STEPS) return false;
  for (const key of path) if (PROTOTYPE_KEYS.has(key)) return false;
  return true;
}

/** A path of one to three keys, unused ones empty. */
type Steps = { readonly k1: string; readonly k2: string; readonly k3: string; readonly depth: number };

function steps(path: readonly string[]): Steps {
  return { k1: path[0]!, k2: path[1] ?? '', k3: path[2] ?? '', depth: path.length };
}

/**
 * The value at the path, read as a property access reads it (the prototype chain included);
 * undefined when a step is not an object. May throw (a getter): the leaves catch.
 */
function readPath(r: unknown, k1: string, k2: string, k3: string, depth: number): unknown {
  if (typeof r !== 'object' || r === null) return undefined;
  const a = (r as Record<string, unknown>)[k1];
  if (depth === 1) return a;
  if (typeof a !== 'object' || a === null) return undefined;
  const b = (a as Record<string, unknown>)[k2];
  if (depth === 2) return b;
  if (typeof b !== 'object' || b === null) return undefined;
  return (b as Record<string, unknown>)[k3];
}

/**
 * Whether `o` has `key` as its own, asked as the copied leaves and the generated code ask it (so
 * every mode reads a proxy through the same traps): present (`in`), and either trusted (its
 * prototype null or `Object.prototype`, which lacks the key, asked last) or its own by the own check.
 * Nothing that could run code stands between the last question and the caller's next read.
 */
function ownStep(o: object, key: string): boolean {
  if (!(key in o)) return false;
  const p = getPrototypeOf(o);
  return ((p === null || p === objectPrototype) && !(key in objectPrototype)) || own.call(o, key);
}

/**
 * Whether `v`, read by {@link readPath} from `r` (an object), is the value at the path through
 * own properties only: each step an own property, and the last step's value `v` itself.
 */
function ownHolds(r: object, k1: string, k2: string, k3: string, depth: number, v: unknown): boolean {
  if (!ownStep(r, k1)) return false;
  // Read again: a prototype getter run by the first read may have left another own value.
  if (depth === 1) return (r as Record<string, unknown>)[k1] === v;
  const a = (r as Record<string, unknown>)[k1];
  if (typeof a !== 'object' || a === null || !ownStep(a, k2)) return false;
  const b = (a as Record<string, unknown>)[k2];
  if (depth === 2) return b === v;
  if (typeof b !== 'object' || b === null || !ownStep(b, k3)) return false;
  return (b as Record<string, unknown>)[k3] === v;
}

/** Strict equality with a constant (numbers, booleans, case-sensitive strings). */
export function strictEqualityFirst(path: readonly string[], c: unknown, negated: boolean): RecordTest {
  const copied = copiedLeaf(path, negated, STRICT, { c0: c });
  if (copied !== undefined) return copied;
  const { k1, k2, k3, depth } = steps(path);
  return (r) => {
    try {
      const v = readPath(r, k1, k2, k3, depth);
      if (v !== c) return negated;
      return ownHolds(r as object, k1, k2, k3, depth, v) !== negated;
    } catch {
      return negated;
    }
  };
}

/** Most constants an `in` is written out for as strict equalities (no set lookup per record). */
export const MAX_WRITTEN_OUT = 4;

/**
 * Strict equality with any of one to {@link MAX_WRITTEN_OUT} constants (`in` on numbers,
 * booleans, case-sensitive strings): the list is padded with its first constant.
 */
export function strictAnyFirst(
  path: readonly string[],
  constants: readonly unknown[],
  negated: boolean,
): RecordTest {
  const { k1, k2, k3, depth } = steps(path);
  const [c0, c1 = c0, c2 = c0, c3 = c0] = constants;
  const copied = copiedLeaf(path, negated, STRICT_ANY, { c0, c1, c2, c3 });
  if (copied !== undefined) return copied;
  return (r) => {
    try {
      const v = readPath(r, k1, k2, k3, depth);
      if (v !== c0 && v !== c1 && v !== c2 && v !== c3) return negated;
      return ownHolds(r as object, k1, k2, k3, depth, v) !== negated;
    } catch {
      return negated;
    }
  };
}

/** A number between two bounds, each inclusive or not (an infinite bound for one ordering). */
export function numberRangeFirst(
  path: readonly string[],
  lo: number,
  loInclusive: boolean,
  hi: number,
  hiInclusive: boolean,
  negated: boolean,
): RecordTest {
  const copied = copiedLeaf(path, negated, RANGE, { lo, loInclusive, hi, hiInclusive });
  if (copied !== undefined) return copied;
  const { k1, k2, k3, depth } = steps(path);
  return (r) => {
    try {
      const v = readPath(r, k1, k2, k3, depth);
      if (typeof v !== 'number' || !(loInclusive ? v >= lo : v > lo) || !(hiInclusive ? v <= hi : v < hi)) {
        return negated;
      }
      return ownHolds(r as object, k1, k2, k3, depth, v) !== negated;
    } catch {
      return negated;
    }
  };
}

/** The test codes of the case-sensitive string operators a copied leaf makes inline. */
const PLAIN_STRING_TESTS: Partial<Record<StringOperator, number>> = {
  ne: STRING_NE,
  co: STRING_CO,
  sw: STRING_SW,
};

/**
 * An `in` of one to {@link MAX_WRITTEN_OUT} strings, the record string put in their form and
 * compared with each as a user writes it (the list padded with its first constant): a set lookup
 * would hash the folded string, a new one per record, in full.
 */
function foldedAnyTest(set: ReadonlySet<string>, mode: FoldMode): ValueTest {
  const [c0, c1 = c0, c2 = c0, c3 = c0] = [...set].map(interned);
  return (v) => {
    if (typeof v !== 'string') return false;
    const x = foldAs(v, mode);
    return x === c0 || x === c1 || x === c2 || x === c3;
  };
}

/** A string `eq`, `ne`, `co`, `sw` or `in` with the record string put in the constants' form. */
export function stringFirst(
  path: readonly string[],
  operator: StringOperator,
  c: string,
  set: ReadonlySet<string>,
  mode: FoldMode,
  negated: boolean,
): RecordTest {
  // Mode 0 keeps the string as it is: a case-sensitive field.
  const plain = mode === 0 ? PLAIN_STRING_TESTS[operator] : undefined;
  const call: ValueTest =
    operator === 'in' && set.size <= MAX_WRITTEN_OUT
      ? foldedAnyTest(set, mode)
      : (v) => typeof v === 'string' && stringHolds(operator, foldAs(v, mode), c, set);
  const copied =
    plain === undefined
      ? copiedLeaf(path, negated, CALL, { call, passesMost: operator === 'ne' })
      : copiedLeaf(path, negated, plain, { c0: c });
  if (copied !== undefined) return copied;
  const { k1, k2, k3, depth } = steps(path);
  return (r) => {
    try {
      const v = readPath(r, k1, k2, k3, depth);
      if (typeof v !== 'string' || !stringHolds(operator, foldAs(v, mode), c, set)) return negated;
      return ownHolds(r as object, k1, k2, k3, depth, v) !== negated;
    } catch {
      return negated;
    }
  };
}

/** `pr` (`present` true) or `isnull`: NaN is a missing value. */
export function presenceFirst(path: readonly string[], present: boolean): RecordTest {
  const copied = copiedLeaf(path, !present, PRESENT, {});
  if (copied !== undefined) return copied;
  const { k1, k2, k3, depth } = steps(path);
  return (r) => {
    try {
      const v = readPath(r, k1, k2, k3, depth);
      if (v == null || Number.isNaN(v)) return !present;
      return ownHolds(r as object, k1, k2, k3, depth, v) === present;
    } catch {
      return !present;
    }
  };
}

/** Any other leaf: the value test called on the value read. */
export function valueFirst(path: readonly string[], test: ValueTest, negated: boolean): RecordTest {
  const copied = copiedLeaf(path, negated, CALL, { call: test });
  if (copied !== undefined) return copied;
  const { k1, k2, k3, depth } = steps(path);
  return (r) => {
    try {
      const v = readPath(r, k1, k2, k3, depth);
      if (!test(v)) return negated;
      return ownHolds(r as object, k1, k2, k3, depth, v) !== negated;
    } catch {
      return negated;
    }
  };
}

/**
 * Case-insensitive equality with one folded constant `text`: a length mismatch settles most
 * records without folding (both foldings keep the UTF-16 length), then native `toLowerCase`
 * decides per `lower` (see `nativeLowerCasePath`), the exact `fold` only when the lowercased
 * length changed.
 */
export function foldedEqualityFirst(
  path: readonly string[],
  text: string,
  lower: 'unicode' | 'ascii',
  fold: (text: string) => string,
  negated: boolean,
): RecordTest {
  const { k1, k2, k3, depth } = steps(path);
  const length = text.length;
  const unicode = lower === 'unicode';
  // toLowerCase also turns the Kelvin sign into `k`, which the ASCII fold keeps.
  const kelvin = !unicode && text.includes('k');
  const copied = copiedLeaf(path, negated, CALL, {
    call: (v) => {
      if (typeof v !== 'string' || v.length !== length) return false;
      const l = v.toLowerCase();
      // As below: native toLowerCase decides but where it provably differs from the fold.
      return unicode
        ? l === text || (l.length !== length && fold(v) === text)
        : l === text && !(kelvin && v.includes('\u212a'));
    },
  });
  if (copied !== undefined) return copied;
  return (r) => {
    try {
      const v = readPath(r, k1, k2, k3, depth);
      if (typeof v !== 'string' || v.length !== length) return negated;
      const l = v.toLowerCase();
      // Unicode: equal means the value held no U+0130 (its U+0307 would show) and no U+03A3 (σ/ς
      // would show); not equal at the same length means no U+0130, and a U+03A3 folds to σ,
      // which `text` lacks. ASCII: the constant is ASCII, and equals the ASCII fold of exactly
      // the ASCII strings whose lowercase it is.
      const equal = unicode
        ? l === text || (l.length !== length && fold(v) === text)
        : l === text && !(kelvin && v.includes('\u212a'));
      if (!equal) return negated;
      return ownHolds(r as object, k1, k2, k3, depth, v) !== negated;
    } catch {
      return negated;
    }
  };
}

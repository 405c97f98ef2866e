import type { RecordTest, ValueTest } from './record-test.js';

/*
 * What a copied leaf (leaf-copies.ts) is told: its path, its test as a code and the test's
 * operands, plain or negated. The test and the own check are plain functions here, which the
 * compiler inlines into each copy; they read no record property, so sharing them costs nothing.
 */

const own = Object.prototype.hasOwnProperty;

/** Strict equality with `c0`. */
export const STRICT = 0;
/** Strict equality with any of `c0`..`c3`. */
export const STRICT_ANY = 1;
/** A number between `lo` and `hi`, each inclusive or not. */
export const RANGE = 2;
/** A number, not NaN, other than `c0`. */
export const NUMBER_NE = 3;
/** A boolean other than `c0`. */
export const BOOLEAN_NE = 4;
/** Present: not null, undefined or NaN. */
export const PRESENT = 5;
/** A string other than `c0` (case-sensitive). */
export const STRING_NE = 6;
/** A string containing `c0` (case-sensitive). */
export const STRING_CO = 7;
/** A string starting with `c0` (case-sensitive). */
export const STRING_SW = 8;
/** Whatever `call` says (the string tests, which cost more than a call). */
export const CALL = 9;

/** A copied leaf: its path, its test (a code above and the test's operands), plain or negated. */
export interface LeafSpec {
  readonly k1: string;
  readonly k2: string;
  readonly k3: string;
  readonly depth: number;
  readonly negated: boolean;
  readonly test: number;
  readonly c0: unknown;
  readonly c1: unknown;
  readonly c2: unknown;
  readonly c3: unknown;
  readonly lo: number;
  readonly loInclusive: boolean;
  readonly hi: number;
  readonly hiInclusive: boolean;
  /** Whether the test is `call` (the copies call it themselves). */
  readonly calls: boolean;
  readonly call: ValueTest;
}

/** The operands a test code uses (the rest keep their defaults). */
export type TestOperands = Partial<
  Omit<LeafSpec, 'k1' | 'k2' | 'k3' | 'depth' | 'negated' | 'test' | 'calls'>
>;

/**
 * Whether `v` passes the leaf's test. Never reads a record: `v` is already read. The cases are
 * written as numbers: a bundler makes the named codes module variables, which the engine loads
 * anew for every case label it compares, on every record.
 */
export function holds(s: LeafSpec, v: unknown): boolean {
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
}

/**
 * Whether each step read (`r`, then `a`, then `b`, as deep as the path) was the step's own: known
 * already where its object was trusted (`t1`..`t3`, see leaf-copies.ts), asked otherwise.
 */
export function owns(
  s: LeafSpec,
  r: object,
  a: unknown,
  b: unknown,
  t1: boolean,
  t2: boolean,
  t3: boolean,
): boolean {
  if (!(t1 || own.call(r, s.k1))) return false;
  if (s.depth === 1) return true;
  if (!(t2 || own.call(a, s.k2))) return false;
  return s.depth === 2 || t3 || own.call(b, s.k3);
}

/** A copy of the leaf: the closure it makes for a spec. */
export type Copy = (s: LeafSpec) => RecordTest;

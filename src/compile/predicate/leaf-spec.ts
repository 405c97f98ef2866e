import type { RecordTest, ValueTest } from './record-test.js';

/*
 * What a copied leaf (leaf-copies.ts) is told: its path, its test as a code and the test's
 * operands, plain or negated. Each copy writes the test out itself (scripts/leaf-copies.ts): a
 * test function shared by the copies would share its comparisons' caches too, and one path's
 * numbers would make another path's string comparison generic. The cases are written as
 * numbers: a bundler makes the named codes module variables, which the engine loads anew for
 * every case label it compares, on every record.
 */

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
  /**
   * Whether the test passes most values (`ne`, `pr`): a one-step copy then asks the record's
   * trust before its one read; otherwise it reads and tests first, and proves the value the
   * record's own only when the test passed (as every longer path does).
   */
  readonly passesMost: boolean;
  readonly call: ValueTest;
}

/** Whether a test code passes most values (`ne`, `pr`): see {@link LeafSpec.passesMost}. */
export function passesMost(test: number): boolean {
  return test === NUMBER_NE || test === BOOLEAN_NE || test === PRESENT || test === STRING_NE;
}

/** The operands a test code uses (the rest keep their defaults). */
export type TestOperands = Partial<Omit<LeafSpec, 'k1' | 'k2' | 'k3' | 'depth' | 'negated' | 'test'>>;

/** A copy of the leaf: the closure it makes for a spec. */
export type Copy = (s: LeafSpec) => RecordTest;

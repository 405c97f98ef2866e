/**
 * The acceptance rules shared by `validate` and both compilers: which literals a field takes
 * beyond its declared type (the operator-by-type rule itself is `operatorProblem` in
 * `language/operators.ts`). `validate` words these problems for people; the
 * compilers refuse the same ones, so whatever `validate` passes compiles, and the SQL runs.
 */

import { type LiteralKind, type PrimitiveOperator, valueKindProblem } from '../language/operators.js';
import type { FieldType } from './types.js';

/** Why a leaf on an `unknown`-typed field cannot be compared, and at which value. */
export interface UntypedProblem {
  /** Index of the offending value in the leaf's values. */
  readonly index: number;
  /** `'operator'` when no value of that kind can use the operator, `'mixed'` for a list of two kinds. */
  readonly reason: 'operator' | 'mixed';
  /** A sentence fragment: `` `co` compares text `` … */
  readonly message: string;
}

/**
 * How a leaf on a field of type `unknown` compares: as the kind of its literals, which must all be
 * the same kind, and one the operator applies to (`co`/`sw` take text only; booleans have no
 * order). Returns the kind, or the first problem.
 */
export function untypedComparison(
  operator: PrimitiveOperator,
  kinds: readonly LiteralKind[],
): { readonly kind: LiteralKind } | { readonly problem: UntypedProblem } {
  const kind = kinds[0];
  if (kind === undefined) return { kind: 'string' };
  for (let index = 1; index < kinds.length; index++) {
    if (kinds[index] !== kind) {
      return {
        problem: {
          index,
          reason: 'mixed',
          message: `the values of a list on an untyped field must all be of one type (the first is ${kindWords(kind)})`,
        },
      };
    }
  }
  const problem = valueKindProblem(operator, kind);
  if (problem === undefined) return { kind };
  const why =
    problem === 'text-only'
      ? 'compares text: write the value in quotes'
      : 'orders values, and booleans have no order';
  return { problem: { index: 0, reason: 'operator', message: `\`${operator}\` ${why}` } };
}

/**
 * The kind of literal a field of `type` compares as (`integer` as `number`), or undefined when
 * its literals decide (`unknown`) or the type is not known.
 */
export function literalKindOf(type: FieldType | undefined): LiteralKind | undefined {
  return type === undefined || type === 'unknown' ? undefined : type === 'integer' ? 'number' : type;
}

/** How a literal kind is named in messages. */
export function kindWords(kind: LiteralKind): string {
  return kind === 'string' ? 'text' : `a ${kind}`;
}

/** 2^63: PostgreSQL's `bigint` holds -2^63 … 2^63 - 1. */
const TWO_TO_63 = 2 ** 63;

/**
 * Why a number literal cannot be compared with a field of `type`, or undefined when it can: a
 * literal too large for a double (`Infinity`, 309 digits and more) fits no field, and an integer
 * field (`bigint` in PostgreSQL) takes only integers strictly inside ±2^63, whose shortest decimal
 * form (what drivers send) is still a 64-bit integer.
 */
export function numberRangeProblem(type: FieldType, value: number): string | undefined {
  if (!Number.isFinite(value)) return 'is too large for a number (beyond about 1.8e308)';
  if (type === 'integer' && !(value > -TWO_TO_63 && value < TWO_TO_63)) {
    return 'is outside the 64-bit integer range (about ±9.22e18)';
  }
  return undefined;
}

const LONE_SURROGATE = /\p{Surrogate}/u;

/**
 * Why a text literal cannot be stored or compared as SQL text, or undefined when it can: U+0000
 * (PostgreSQL text cannot hold it; SQLite's LIKE and GLOB stop at it) or an unpaired surrogate
 * (not Unicode text). Both compilers refuse these, so `validate` does too.
 */
export function textProblem(text: string): 'nul' | 'surrogate' | undefined {
  if (text.includes('\0')) return 'nul';
  if (LONE_SURROGATE.test(text)) return 'surrogate';
  return undefined;
}

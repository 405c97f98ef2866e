/**
 * The one acceptance rule shared by `validate` and both compilers: which operator and literal
 * pairs a field takes beyond its declared type. `validate` words these problems for people; the
 * compilers refuse the same ones, so whatever `validate` passes compiles, and the SQL runs.
 */

import type { PrimitiveOperator } from '../language/operators.js';
import type { FieldType } from './types.js';

/** The kinds of literal a filter can hold. */
export type LiteralKind = 'string' | 'number' | 'boolean' | 'date-time';

/** Why a leaf on an `unknown`-typed field cannot be compared, and at which value. */
export interface UntypedProblem {
  /** Index of the offending value in the leaf's values. */
  readonly index: number;
  /** `'operator'` when no value of that kind can use the operator, `'mixed'` for a list of two kinds. */
  readonly reason: 'operator' | 'mixed';
  /** A sentence fragment: `` `co` compares text `` … */
  readonly message: string;
}

const TEXT_ONLY: ReadonlySet<string> = new Set(['co', 'sw']);
const ORDERING: ReadonlySet<string> = new Set(['gt', 'ge', 'lt', 'le']);

/**
 * Why `operator` cannot compare values of `kind` (a typed field's type, `integer` as `number`, or
 * an untyped field's literals), or undefined when it can: `co`/`sw` compare text, and booleans have
 * no order. `validate` and the compilers both ask this; `ca` on a non-collection is the other rule.
 */
export function operatorKindProblem(
  operator: string,
  kind: LiteralKind,
): 'text-only' | 'no-order' | undefined {
  if (TEXT_ONLY.has(operator) && kind !== 'string') return 'text-only';
  if (ORDERING.has(operator) && kind === 'boolean') return 'no-order';
  return undefined;
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
  if (TEXT_ONLY.has(operator) && kind !== 'string') {
    return {
      problem: {
        index: 0,
        reason: 'operator',
        message: `\`${operator}\` compares text: write the value in quotes`,
      },
    };
  }
  if (ORDERING.has(operator) && kind === 'boolean') {
    return {
      problem: {
        index: 0,
        reason: 'operator',
        message: `\`${operator}\` orders values, and booleans have no order`,
      },
    };
  }
  return { kind };
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

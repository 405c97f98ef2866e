import type { Expression } from '../ast/expression.js';
import type { LeafPlan } from './plan.js';

/* The rewrite's working form of a subtree (rewrite.ts), shared with the rules that build nodes for it. */

/** An id not computed yet: a leaf's or a `not`'s, computed when an `and`/`or` compares it. */
export const LATER = -2;

/** A rewritten subtree: its node, and an id equal for equal subtrees (hash-consed). */
export interface Rewritten {
  readonly node: Expression;
  /** Its id; {@link LATER} until asked for, -1 once anything failed. */
  id: number;
  /** A leaf's plan. */
  readonly plan?: LeafPlan;
  /** An `and`/`or`'s operands, or a `not`'s one, as rewritten (for flattening). */
  readonly operands?: readonly Rewritten[];
  /** What this negates, when a `not` was rewritten away (so `not` over it is that again). */
  readonly negates?: Rewritten;
}

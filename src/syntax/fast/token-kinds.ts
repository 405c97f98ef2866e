import { MAX_LIMITS } from '../limits.js';
import { WORDS } from './token-codes.js';

/**
 * What the scan knows of the position it reads at: the kind of the last two tokens (what they
 * allow next, not which token they were), the placement rules between kinds, and the nesting
 * depth as the structure pass measures it. With these the scan stops at the first token that is
 * out of place, and at the first limit that might be exceeded.
 * @module
 */

// Token kinds: what a token allows next. `pr` is PREFIX_PR as the kind of the word; after a field
// it is read as an operator.
export const START = 0;
export const FIELD = 1;
export const COMPARE_OPERATOR = 2;
export const LIST_OPERATOR = 3;
export const PREFIX_PR = 4;
export const ISNULL_OPERATOR = 5;
export const AND = 6;
export const OR = 7;
export const NOT = 8;
export const OPEN = 9;
export const CLOSE = 10;
export const COMMA = 11;
export const VALUE = 12;

/** Whether an operand may start after a token of kind `previous`. */
export function opensOperand(previous: number): boolean {
  return previous === START || previous === AND || previous === OR || previous === NOT || previous === OPEN;
}

/** Whether the last two kinds end an operand: a value, `isnull`, a `)`, `field pr` or `pr field`. */
export function endsOperand(previous: number, beforePrevious: number): boolean {
  return (
    previous === VALUE ||
    previous === CLOSE ||
    previous === ISNULL_OPERATOR ||
    (previous === PREFIX_PR && beforePrevious === FIELD) ||
    (previous === FIELD && beforePrevious === PREFIX_PR)
  );
}

/**
 * Whether a word of kind `kind` may follow, outside a list: a connective after an operand, a field,
 * `not` or prefix `pr` where an operand starts. Anything else is a syntax error, where the scan
 * stops at once (rather than reading, say, 64 MiB of `()` into its buffer before the parser fails).
 */
export function placedWell(kind: number, previous: number, beforePrevious: number): boolean {
  switch (kind) {
    case AND:
    case OR:
      return endsOperand(previous, beforePrevious);
    case NOT:
      return opensOperand(previous);
    case FIELD:
      return opensOperand(previous) || (previous === PREFIX_PR && opensOperand(beforePrevious));
    case PREFIX_PR:
      return opensOperand(previous) || (previous === FIELD && beforePrevious !== PREFIX_PR);
    default:
      return true;
  }
}

/** The kinds the structure pass counts against `maxComparisons`: every operator token. */
export function isPredicateOperator(kind: number): boolean {
  return kind >= COMPARE_OPERATOR && kind <= ISNULL_OPERATOR;
}

/** The kind of each keyword, by code. */
export const WORD_KINDS: readonly number[] = WORDS.map((word) => {
  if (word === 'and') return AND;
  if (word === 'or') return OR;
  if (word === 'not') return NOT;
  if (word === 'in' || word === 'ca') return LIST_OPERATOR;
  if (word === 'pr') return PREFIX_PR;
  if (word === 'isnull') return ISNULL_OPERATOR;
  if (word === 'true' || word === 'false') return VALUE;
  return COMPARE_OPERATOR;
});

/**
 * Nesting depth as full/structure.ts measures it: open parentheses plus the `not`s still pending at
 * each level (a `not` ends at the next `and`, `or` or `)` of its level). One instance serves every
 * scan (a scan runs to its end before the next starts).
 */
export class Nesting {
  /** Pending `not`s per open parenthesis level, `nots[0]` for the top level. */
  private readonly nots = new Int32Array(MAX_LIMITS.maxDepth + 2);
  /** The innermost open level: the number of open parentheses. */
  private top = 0;
  private pending = 0;

  reset(): this {
    this.nots[0] = 0;
    this.top = 0;
    this.pending = 0;
    return this;
  }

  /**
   * The depth after a `(`. The caller stops at a depth above the limit, at most
   * `MAX_LIMITS.maxDepth`, so `nots` never overflows.
   */
  open(): number {
    this.nots[++this.top] = 0;
    return this.depth();
  }

  /** After a `)`; false when it closes no `(`. */
  close(): boolean {
    this.connective();
    if (this.top === 0) return false;
    this.top--;
    this.connective();
    return true;
  }

  /** The depth after a `not`. */
  not(): number {
    this.nots[this.top]!++;
    this.pending++;
    return this.depth();
  }

  /** After `and`/`or`: the `not`s of this level end. */
  connective(): void {
    this.pending -= this.nots[this.top]!;
    this.nots[this.top] = 0;
  }

  private depth(): number {
    return this.top + this.pending;
  }
}

export const sharedNesting = new Nesting();

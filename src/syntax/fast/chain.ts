import { createAnd, createOr, type Expression } from '../../ast/index.js';

/** Operands past which a chain's offset arrays are let go after use. */
const KEPT_CAPACITY = 1 << 12;

/**
 * One level of the fast parser's explicit stack: the operands of a chain `a and b or c ...` read
 * so far, the whole filter's or a parenthesised group's. Chains are pooled (one per depth, reused
 * by every parse), so a lone predicate costs no array; the operands' array is made at the chain's
 * first connective and handed to the tree as it is.
 *
 * An operand's extent (which includes its parentheses and `not`s, and sets the span of the `and`
 * or `or` around it) is the offsets of its first and last tokens: operands need no wrapper object
 * (the full parser's `Operand`). The offsets are kept in reusable typed arrays, for the one case
 * that needs them: a chain that mixes `and` and `or`, grouped as `combine` in full/tree-actions.ts
 * groups it.
 */
export class Chain {
  /** Where the current operand starts (its first `not`, `(` or field). */
  operandStart = 0;
  /** How many `not`s were pending outside when the chain opened (they apply to all of it). */
  notMark = 0;
  private first: Expression | undefined = undefined;
  private operands: Expression[] | undefined = undefined;
  /** Whether the first connective is `and`; `mixed` when another kind follows. */
  private and = false;
  private mixed = false;
  /** Operand i's first and last offsets; whether connective i (after operand i) is `and`. */
  private starts = new Int32Array(8);
  private ends = new Int32Array(8);
  private ands = new Uint8Array(8);
  private count = 0;

  /** Starts the chain afresh, its first operand at `start`. */
  reset(start: number, notMark: number): void {
    // Arrays grown for a chain of thousands of operands are let go, not kept for every parse.
    if (this.starts.length > KEPT_CAPACITY) this.shrink();
    this.operandStart = start;
    this.notMark = notMark;
    this.first = undefined;
    this.operands = undefined;
    this.mixed = false;
    this.count = 0;
  }

  /** Adds the operand that spans from {@link operandStart} to `end`. */
  add(operand: Expression, end: number): void {
    if (this.operands === undefined) this.first = operand;
    else this.operands.push(operand);
    const i = this.count++;
    if (i === this.starts.length) this.grow();
    this.starts[i] = this.operandStart;
    this.ends[i] = end;
  }

  /**
   * A connective after the last operand added: `and` or `or`. Which connective follows each
   * operand is written down only once the chain mixes them: until then it is {@link and} for all.
   */
  connective(and: boolean): void {
    if (this.operands === undefined) {
      this.and = and;
      this.operands = [this.first!];
      return;
    }
    if (!this.mixed) {
      if (and === this.and) return;
      this.mixed = true;
      this.ands.fill(this.and ? 1 : 0, 0, this.count - 1);
    }
    this.ands[this.count - 1] = and ? 1 : 0;
  }

  /**
   * The expression of the chain, whose last operand was just added: the operand itself when it
   * is alone, one n-ary node when one connective joins them all, and otherwise each run of
   * operands joined by `and` as one n-ary `and` (a run of one stays as it is) inside one `or`.
   */
  close(): Expression {
    const operands = this.operands;
    if (operands === undefined) return this.first!;
    const last = this.count - 1;
    const span = { start: this.starts[0]!, end: this.ends[last]! };
    if (!this.mixed) return this.and ? createAnd(operands, span) : createOr(operands, span);
    const runs: Expression[] = [];
    let runStart = 0;
    for (let i = 0; i <= last; i++) {
      if (i < last && this.ands[i] === 1) continue;
      if (i === runStart) {
        runs.push(operands[i]!);
      } else {
        // A run of two, the most common, as an array literal: cheaper than `slice`.
        const run =
          i === runStart + 1 ? [operands[runStart]!, operands[i]!] : operands.slice(runStart, i + 1);
        runs.push(createAnd(run, { start: this.starts[runStart]!, end: this.ends[i]! }));
      }
      runStart = i + 1;
    }
    // A mixed chain has an `or`, so two runs at least.
    return createOr(runs, span);
  }

  private shrink(): void {
    this.starts = new Int32Array(8);
    this.ends = new Int32Array(8);
    this.ands = new Uint8Array(8);
  }

  private grow(): void {
    const capacity = this.starts.length * 2;
    const starts = new Int32Array(capacity);
    starts.set(this.starts);
    const ends = new Int32Array(capacity);
    ends.set(this.ends);
    const ands = new Uint8Array(capacity);
    ands.set(this.ands);
    this.starts = starts;
    this.ends = ends;
    this.ands = ands;
  }
}

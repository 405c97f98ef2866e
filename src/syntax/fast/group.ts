import type { Expression } from '../../ast/index.js';
import { AND_CODE } from './token-codes.js';

/**
 * One level of the fast parser's stack: the operands and connectives read so far in a group. The
 * arrays are made at the group's first connective (a lone predicate needs none) and handed to the
 * tree as they are.
 */
export class Group {
  /** The token index of the group's first operand (after its `(`). */
  from = 0;
  /** How many `not`s were pending outside when the group opened (they apply to the whole group). */
  nots = 0;
  first: Expression | undefined = undefined;
  operands: Expression[] | undefined = undefined;
  /** Token index of each connective. */
  connectives: number[] | undefined = undefined;
  /** Whether the first connective is `and`; `mixed` when another kind follows. */
  and = false;
  mixed = false;

  reset(from: number, nots: number): void {
    this.from = from;
    this.nots = nots;
    this.first = undefined;
    this.operands = undefined;
    this.connectives = undefined;
    this.mixed = false;
  }

  add(operand: Expression): void {
    if (this.operands === undefined) this.first = operand;
    else this.operands.push(operand);
  }

  connective(index: number, code: number): void {
    const and = code === AND_CODE;
    if (this.connectives === undefined) {
      this.and = and;
      this.operands = [this.first!];
      this.connectives = [index];
      return;
    }
    if (and !== this.and) this.mixed = true;
    this.connectives.push(index);
  }
}

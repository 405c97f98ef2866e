import type { Expression } from '../expression.js';
import type { Span } from '../span.js';

/**
 * `a and b and c`: n-ary, so a long chain is one flat node, never a deep tree. `operands` holds at
 * least two expressions. A parenthesised `and` inside an `and` stays a separate child (the tree
 * keeps what was written), and the printer restores its parentheses.
 */
export interface AndNode {
  readonly kind: 'and';
  readonly operands: readonly Expression[];
  readonly span: Span;
}

/** `a or b or c`: n-ary like {@link AndNode}. */
export interface OrNode {
  readonly kind: 'or';
  readonly operands: readonly Expression[];
  readonly span: Span;
}

/** `not operand`. */
export interface NotNode {
  readonly kind: 'not';
  readonly operand: Expression;
  readonly span: Span;
}

/** Creates an {@link AndNode}. */
export function createAnd(operands: readonly Expression[], span: Span): AndNode {
  return { kind: 'and', operands, span };
}

/** Creates an {@link OrNode}. */
export function createOr(operands: readonly Expression[], span: Span): OrNode {
  return { kind: 'or', operands, span };
}

/** Creates a {@link NotNode}. */
export function createNot(operand: Expression, span: Span): NotNode {
  return { kind: 'not', operand, span };
}

/** Whether `node` is an {@link AndNode}. */
export function isAnd(node: { readonly kind: string }): node is AndNode {
  return node.kind === 'and';
}

/** Whether `node` is an {@link OrNode}. */
export function isOr(node: { readonly kind: string }): node is OrNode {
  return node.kind === 'or';
}

/** Whether `node` is a {@link NotNode}. */
export function isNot(node: { readonly kind: string }): node is NotNode {
  return node.kind === 'not';
}

import type { AndNode, Expression, NotNode, OrNode } from '../expression.js';
import type { Span } from '../span.js';

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

/** Whether `node` is a {@link NotNode}. */
export function isNot(node: { readonly kind: string }): node is NotNode {
  return node.kind === 'not';
}

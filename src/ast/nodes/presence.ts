import type { PresenceOperator } from '../../language/operators.js';
import type { Span } from '../span.js';
import type { FieldNode } from './field.js';

/**
 * `field pr`, `pr field` or `field isnull`. The prefix and postfix spellings of `pr` give the same
 * node (the printer writes postfix); the spans show which was written.
 */
export interface PresenceNode {
  readonly kind: 'presence';
  readonly field: FieldNode;
  readonly operator: PresenceOperator;
  readonly operatorSpan: Span;
  readonly span: Span;
}

/** Creates a {@link PresenceNode}. */
export function createPresence(
  field: FieldNode,
  operator: PresenceOperator,
  operatorSpan: Span,
  span: Span,
): PresenceNode {
  return { kind: 'presence', field, operator, operatorSpan, span };
}

import type { ListOperator } from '../../language/operators.js';
import type { Span } from '../span.js';
import type { FieldNode } from './field.js';
import type { ValueNode } from './values.js';

/** `field in (v1, v2, ...)` or `field ca (v1, ...)`; `values` is never empty. */
export interface ListNode {
  readonly kind: 'list';
  readonly field: FieldNode;
  readonly operator: ListOperator;
  readonly operatorSpan: Span;
  readonly values: readonly ValueNode[];
  readonly span: Span;
}

/** Creates a {@link ListNode}. */
export function createList(
  field: FieldNode,
  operator: ListOperator,
  operatorSpan: Span,
  values: readonly ValueNode[],
  span: Span,
): ListNode {
  return { kind: 'list', field, operator, operatorSpan, values, span };
}

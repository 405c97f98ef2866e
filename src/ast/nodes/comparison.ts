import type { CompareOperator } from '../../language/operators.js';
import type { Span } from '../span.js';
import type { FieldNode } from './field.js';
import type { ValueNode } from './values.js';

/** `field op value`, e.g. `status eq "Failed"`. */
export interface ComparisonNode {
  readonly kind: 'comparison';
  readonly field: FieldNode;
  readonly operator: CompareOperator;
  /** Where the operator word is written. */
  readonly operatorSpan: Span;
  readonly value: ValueNode;
  readonly span: Span;
}

/** Creates a {@link ComparisonNode}. */
export function createComparison(
  field: FieldNode,
  operator: CompareOperator,
  operatorSpan: Span,
  value: ValueNode,
  span: Span,
): ComparisonNode {
  return { kind: 'comparison', field, operator, operatorSpan, value, span };
}

/**
 * The types of the tree and of the language's words, as both package entries (`v3-filters` and
 * `v3-filters/builder`) export them: one list, so the two cannot drift apart. Types only: the
 * node constructors and guards stay inside the package (the builder builds trees; `kind`
 * narrows them).
 * @module
 */

export type {
  CompareOperator,
  CompositeOperator,
  Keyword,
  ListOperator,
  LiteralKind,
  OperatorEntry,
  OperatorKind,
  OperatorRules,
  OrderingOperator,
  PresenceOperator,
  PrimitiveOperator,
  TextOperator,
} from '../language/operators.js';
export type {
  AndNode,
  AstNode,
  Expression,
  ExpressionHandlers,
  ExpressionKind,
  NotNode,
  OrNode,
  PredicateNode,
} from './expression.js';
export type { ComparisonNode } from './nodes/comparison.js';
export type { FieldNode } from './nodes/field.js';
export type { ListNode } from './nodes/list.js';
export type { PresenceNode } from './nodes/presence.js';
export type {
  BooleanValueNode,
  DateTimeValueNode,
  NumberValueNode,
  StringValueNode,
  ValueKind,
  ValueNode,
} from './nodes/values.js';
export type { Span } from './span.js';

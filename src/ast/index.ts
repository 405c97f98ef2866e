/**
 * The typed AST: the shared vocabulary of the pipeline. Every node is readonly and carries a
 * {@link Span} into the original input.
 * @module
 */

export * from '../language/date-time/rfc3339.js';
export * from '../language/operators.js';
export * from './expression.js';
export * from './nodes/comparison.js';
export * from './nodes/field.js';
export * from './nodes/list.js';
export * from './nodes/logical.js';
export * from './nodes/presence.js';
export * from './nodes/values.js';
export type { Span } from './span.js';
export { span } from './span.js';
export { type CompositeNode, type ExpressionReducer, forEachExpression, reduceExpression } from './walk.js';

import type { ComparisonNode } from './nodes/comparison.js';
import type { FieldNode } from './nodes/field.js';
import type { ListNode } from './nodes/list.js';
import type { PresenceNode } from './nodes/presence.js';
import type { ValueNode } from './nodes/values.js';
import type { Span } from './span.js';

// The composite nodes are declared here, with the union they recurse into, so that no module
// of the tree's types imports another in a circle (their creators are in nodes/logical.ts).

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

/** A predicate on one field: the leaves of a filter. */
export type PredicateNode = ComparisonNode | ListNode | PresenceNode;

/** A whole filter or any part of it that is itself a filter. */
export type Expression = AndNode | OrNode | NotNode | PredicateNode;

/** The `kind` of an expression. */
export type ExpressionKind = Expression['kind'];

/** Any AST node: expressions, fields and values. */
export type AstNode = Expression | FieldNode | ValueNode;

/**
 * One handler per expression kind. Dispatching through this record means that adding a node kind
 * without a handler fails to compile where it is used: the printer (`format`) and the compilers'
 * shape check (`isKnownExpression`). The validator's hot loop switches on `kind` instead, with a
 * `never` default that fails to compile the same way. The compilers themselves walk the tree
 * with `reduceExpression` (iteratively, children before parents, which a per-node handler cannot
 * express): there a new predicate kind fails to compile in `planLeaf`, and a new composite kind
 * in the SQL compiler's record of composite kinds (`combineSql`).
 */
export type ExpressionHandlers<R> = {
  readonly [K in ExpressionKind]: (node: Extract<Expression, { kind: K }>) => R;
};

/** Calls the handler for `node`'s kind. */
export function dispatch<R>(node: Expression, handlers: ExpressionHandlers<R>): R {
  return (handlers[node.kind] as (n: Expression) => R)(node);
}

/**
 * Handlers that also take a context: one record can then live at module level instead of being
 * rebuilt, closures and all, on every call of a hot function.
 */
export type ExpressionHandlersWith<C, R> = {
  readonly [K in ExpressionKind]: (node: Extract<Expression, { kind: K }>, context: C) => R;
};

/** Calls the handler for `node`'s kind with `context`. */
export function dispatchWith<C, R>(node: Expression, handlers: ExpressionHandlersWith<C, R>, context: C): R {
  return (handlers[node.kind] as (n: Expression, c: C) => R)(node, context);
}

const predicateKinds: ReadonlySet<string> = new Set(['comparison', 'list', 'presence']);

/** Whether `node` is a field-level predicate (comparison, list or presence test). */
export function isPredicate(node: { readonly kind: string }): node is PredicateNode {
  return predicateKinds.has(node.kind);
}

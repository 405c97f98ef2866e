import type { Expression, PredicateNode } from '../ast/expression.js';
import { isKnownExpression } from './plan.js';

/** An `and`, `or` or `not` node: every expression that is not a predicate (so a new one joins it). */
export type CompositeNode = Exclude<Expression, PredicateNode>;

/** How {@link reduceExpression} turns a tree into one result, bottom-up. */
export interface ExpressionReducer<R, C> {
  /** The result for a leaf, in the context its ancestors gave it. */
  leaf(node: PredicateNode, context: C): R;
  /** The result for a composite node from its children's results (in order). */
  combine(node: CompositeNode, children: readonly R[], context: C): R;
  /** The context a composite node gives its children. */
  childContext(node: CompositeNode, context: C): C;
  /** The result for something that is not a well-formed expression node. */
  malformed(node: unknown, context: C): R;
}

interface Frame<R, C> {
  readonly node: CompositeNode;
  readonly context: C;
  readonly children: readonly unknown[];
  readonly childContext: C;
  readonly results: R[];
}

/**
 * Reduces an expression tree bottom-up with an explicit stack instead of recursion, so a deeply
 * nested (unvalidated) tree can never overflow the call stack while compiling.
 */
export function reduceExpression<R, C>(root: Expression, context: C, reducer: ExpressionReducer<R, C>): R {
  const stack: Frame<R, C>[] = [];
  let node: unknown = root;
  let nodeContext = context;
  for (;;) {
    // Descend from `node` until a result is known.
    let result: R;
    if (!isKnownExpression(node)) {
      result = reducer.malformed(node, nodeContext);
    } else if (node.kind === 'and' || node.kind === 'or' || node.kind === 'not') {
      const children: readonly unknown[] = node.kind === 'not' ? [node.operand] : node.operands;
      const childContext = reducer.childContext(node, nodeContext);
      if (children.length > 0) {
        stack.push({ node, context: nodeContext, children, childContext, results: [] });
        node = children[0];
        nodeContext = childContext;
        continue;
      }
      result = reducer.combine(node, [], nodeContext);
    } else {
      result = reducer.leaf(node, nodeContext);
    }
    // Climb while frames are complete.
    for (;;) {
      const frame = stack[stack.length - 1];
      if (frame === undefined) return result;
      frame.results.push(result);
      if (frame.results.length < frame.children.length) {
        node = frame.children[frame.results.length];
        nodeContext = frame.childContext;
        break;
      }
      stack.pop();
      result = reducer.combine(frame.node, frame.results, frame.context);
    }
  }
}

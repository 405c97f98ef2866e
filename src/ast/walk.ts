import type { Expression, PredicateNode } from './expression.js';

/**
 * The tree's walks. Every walk of an expression tree in the library is one of these two, and
 * neither recurses, so no tree is too deep to walk:
 *
 * - {@link reduceExpression} folds a tree bottom-up into one result (children before parents,
 *   with a context handed down): the printer, the SQL compiler, the predicate compiler and the
 *   CLI's `explain` tree.
 * - {@link forEachExpression} visits every node top-down and computes nothing per subtree: it
 *   keeps no frame or result per node, which the validator's hot loop needs (it visits every
 *   node of every request's filter; run as a fold, `validate` took 1.2 to 1.4 times as long).
 *
 * The predicate compiler recurses over the first levels of a tree before it hands deeper ones to
 * {@link reduceExpression} (compile/predicate/build-program.ts says why).
 * @module
 */

/**
 * Visits every expression of a tree in document order (pre-order), with an explicit stack
 * rather than recursion, so walking never depends on the call stack's depth.
 */
export function forEachExpression(root: Expression, visit: (node: Expression) => void): void {
  const stack: Expression[] = [root];
  while (stack.length > 0) {
    const node = stack.pop()!;
    visit(node);
    if (node.kind === 'and' || node.kind === 'or') {
      for (let i = node.operands.length - 1; i >= 0; i--) stack.push(node.operands[i]!);
    } else if (node.kind === 'not') {
      stack.push(node.operand);
    }
  }
}

/** An `and`, `or` or `not` node: every expression that is not a predicate (so a new one joins it). */
export type CompositeNode = Exclude<Expression, PredicateNode>;

/** How {@link reduceExpression} turns a tree into one result, bottom-up. */
export interface ExpressionReducer<R, C> {
  /** The result for a leaf, in the context its ancestors gave it. */
  leaf(node: PredicateNode, context: C): R;
  /** The result for a composite node from its children's results (in order). */
  combine(node: CompositeNode, children: readonly R[], context: C): R;
  /**
   * The context a composite node gives its children. Called when the walk reaches the node,
   * before any of its children (so in document order, like {@link forEachExpression}'s visits),
   * and only for a node that has children.
   */
  childContext(node: CompositeNode, context: C): C;
  /** The result for something that is not a well-formed expression node (an unknown `kind`, an `and` without its list of operands...). */
  malformed(node: unknown, context: C): R;
}

interface Frame<R, C> {
  readonly node: CompositeNode;
  readonly context: C;
  readonly childContext: C;
  /** One slot per child (one for a `not`), filled in order. */
  readonly results: R[];
  /** How many results are in. */
  done: number;
}

/** The `index`-th child of a composite node (which may be anything, in a malformed tree). */
function childOf(node: CompositeNode, index: number): unknown {
  return node.kind === 'not' ? node.operand : node.operands[index];
}

/**
 * Reduces an expression tree bottom-up with an explicit stack instead of recursion, so a deeply
 * nested (unvalidated) tree can never overflow the call stack. Any value may stand where a node
 * should: what is not a well-formed node goes to the reducer's `malformed`.
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
      const count = node.kind === 'not' ? 1 : node.operands.length;
      if (count > 0) {
        const childContext = reducer.childContext(node, nodeContext);
        stack.push({ node, context: nodeContext, childContext, results: new Array<R>(count), done: 0 });
        node = childOf(node, 0);
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
      frame.results[frame.done++] = result;
      if (frame.done < frame.results.length) {
        node = childOf(frame.node, frame.done);
        nodeContext = frame.childContext;
        break;
      }
      stack.pop();
      result = reducer.combine(frame.node, frame.results, frame.context);
    }
  }
}

// Called for a kind no case below names: a new expression kind makes `kind` not `never` there,
// so it fails to compile until it gets a case.
function unknownKind(_kind: never): false {
  return false;
}

/**
 * Whether `node` looks like an expression node this version knows, as far as walking it goes
 * (a guard against malformed input): a known `kind`, and `operands` (a list) or `operand` (an
 * object) on a composite.
 */
export function isKnownExpression(node: unknown): node is Expression {
  if (node === null || typeof node !== 'object') return false;
  // A switch on the string rather than a lookup in a record of kinds: this runs on every node of
  // every compile, and a keyed lookup with a variable key costs several times a comparison.
  const kind = (node as Expression).kind;
  switch (kind) {
    case 'and':
    case 'or':
      return Array.isArray((node as { operands?: unknown }).operands);
    case 'not':
      return typeof (node as { operand?: unknown }).operand === 'object';
    case 'comparison':
    case 'list':
    case 'presence':
      return true;
    default:
      return unknownKind(kind);
  }
}

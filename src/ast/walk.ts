import type { Expression } from './expression.js';

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

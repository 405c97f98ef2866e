import type { Expression, ValueNode } from '../../src/index.js';

function value(v: ValueNode): string {
  switch (v.kind) {
    case 'string':
      return JSON.stringify(v.value);
    case 'number':
      return `#${v.text}`;
    case 'boolean':
      return String(v.value);
    case 'date-time':
      return `@${v.text}`;
  }
}

/** A compact S-expression of a tree, for readable expectations: `(and (eq a #1) (pr b))`. */
export function sexpr(node: Expression): string {
  switch (node.kind) {
    case 'and':
    case 'or':
      return `(${node.kind} ${node.operands.map(sexpr).join(' ')})`;
    case 'not':
      return `(not ${sexpr(node.operand)})`;
    case 'comparison':
      return `(${node.operator} ${node.field.name} ${value(node.value)})`;
    case 'list':
      return `(${node.operator} ${node.field.name} ${node.values.map(value).join(' ')})`;
    case 'presence':
      return `(${node.operator} ${node.field.name})`;
  }
}

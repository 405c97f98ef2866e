import { dispatch, type Expression, type ValueNode } from '../../ast/index.js';
import type { Span } from '../../ast/span.js';
import { quote } from '../../diagnostic/text.js';
import type { Painter } from './color.js';

/** One line of the tree before it is drawn: depth, a label, and the span it covers. */
interface TreeRow {
  readonly label: string;
  readonly span: Span;
  readonly children: readonly TreeRow[];
}

function valueRow(value: ValueNode): TreeRow {
  switch (value.kind) {
    case 'string':
      return { label: `string ${quote(value.value)}`, span: value.span, children: [] };
    case 'number':
      return { label: `number ${value.text}`, span: value.span, children: [] };
    case 'boolean':
      return { label: `boolean ${value.value}`, span: value.span, children: [] };
    case 'date-time':
      return {
        label: `${value.dateOnly ? 'date' : 'date-time'} ${quote(value.text)}`,
        span: value.span,
        children: [],
      };
  }
}

/** The rows of a tree. Recursion is bounded: the parser caps nesting (`maxDepth`, at most 256). */
function rows(node: Expression): TreeRow {
  return dispatch<TreeRow>(node, {
    and: (n) => ({ label: 'and', span: n.span, children: n.operands.map(rows) }),
    or: (n) => ({ label: 'or', span: n.span, children: n.operands.map(rows) }),
    not: (n) => ({ label: 'not', span: n.span, children: [rows(n.operand)] }),
    comparison: (n) => ({
      label: `comparison ${n.operator}`,
      span: n.span,
      children: [{ label: `field ${n.field.name}`, span: n.field.span, children: [] }, valueRow(n.value)],
    }),
    list: (n) => ({
      label: `list ${n.operator}`,
      span: n.span,
      children: [
        { label: `field ${n.field.name}`, span: n.field.span, children: [] },
        ...n.values.map(valueRow),
      ],
    }),
    presence: (n) => ({
      label: `presence ${n.operator}`,
      span: n.span,
      children: [{ label: `field ${n.field.name}`, span: n.field.span, children: [] }],
    }),
  });
}

/**
 * The tree of a parsed filter for people: one node per line, drawn with box characters, each
 * with its span (`0..18`, UTF-16 offsets, end exclusive) and the text it covers.
 *
 *     and  0..57  `status eq "Failed" and start_time gt 202…`
 *     ├─ comparison eq  0..18  `status eq "Failed"`
 */
export function renderTree(ast: Expression, text: string, paint: Painter): string {
  const lines: string[] = [];
  const draw = (row: TreeRow, prefix: string, connector: string, childPrefix: string) => {
    const source = quote(text.slice(row.span.start, row.span.end));
    const span = paint.cyan(`${row.span.start}..${row.span.end}`);
    lines.push(`${prefix}${connector}${paint.bold(row.label)}  ${span}  ${paint.dim(source)}`);
    row.children.forEach((child, index) => {
      const last = index === row.children.length - 1;
      draw(child, prefix + childPrefix, last ? '└─ ' : '├─ ', last ? '   ' : '│  ');
    });
  };
  draw(rows(ast), '', '', '');
  return `${lines.join('\n')}\n`;
}

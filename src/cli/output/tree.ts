import {
  type Expression,
  type ExpressionReducer,
  type PredicateNode,
  reduceExpression,
  type ValueNode,
} from '../../ast/index.js';
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

function leafRow(n: PredicateNode): TreeRow {
  const field: TreeRow = { label: `field ${n.field.name}`, span: n.field.span, children: [] };
  switch (n.kind) {
    case 'comparison':
      return { label: `comparison ${n.operator}`, span: n.span, children: [field, valueRow(n.value)] };
    case 'list':
      return { label: `list ${n.operator}`, span: n.span, children: [field, ...n.values.map(valueRow)] };
    case 'presence':
      return { label: `presence ${n.operator}`, span: n.span, children: [field] };
  }
}

/** The rows of a tree: the tree's own bottom-up walk, a composite labelled by its kind. */
const ROWS: ExpressionReducer<TreeRow, undefined> = {
  leaf: leafRow,
  combine: (node, children) => ({ label: node.kind, span: node.span, children }),
  childContext: () => undefined,
  // The tree drawn is the one `parse` just built, which is always well formed.
  malformed: () => ({ label: '?', span: { start: 0, end: 0 }, children: [] }),
};

/**
 * The tree of a parsed filter for people: one node per line, drawn with box characters, each
 * with its span (`0..18`, UTF-16 offsets, end exclusive) and the text it covers.
 *
 *     and  0..57  `status eq "Failed" and start_time gt 202…`
 *     ├─ comparison eq  0..18  `status eq "Failed"`
 */
export function renderTree(ast: Expression, text: string, paint: Painter): string {
  const lines: string[] = [];
  // Recursion over the rows is bounded: the parser caps nesting (`maxDepth`, at most 256).
  const draw = (row: TreeRow, prefix: string, connector: string, childPrefix: string) => {
    const source = quote(text.slice(row.span.start, row.span.end));
    const span = paint.cyan(`${row.span.start}..${row.span.end}`);
    lines.push(`${prefix}${connector}${paint.bold(row.label)}  ${span}  ${paint.dim(source)}`);
    row.children.forEach((child, index) => {
      const last = index === row.children.length - 1;
      draw(child, prefix + childPrefix, last ? '└─ ' : '├─ ', last ? '   ' : '│  ');
    });
  };
  draw(reduceExpression(ast, undefined, ROWS), '', '', '');
  return `${lines.join('\n')}\n`;
}

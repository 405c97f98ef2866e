import {
  compilePredicate,
  type Diagnostic,
  type Expression,
  format,
  parse,
  reduceExpression,
  type Schema,
  type SqlResult,
  toV3ErrorResponse,
  tryCompileSql,
  type V3ErrorResponse,
} from 'v3-filters';
import { checkFilter } from 'v3-filters/codemirror';
import { DIALECTS } from './dialects.js';
import type { SampleRecord } from './sample-data.js';

/** Everything the page shows for one filter against one endpoint. */
export interface Analysis {
  readonly text: string;
  readonly diagnostics: readonly Diagnostic[];
  /** The tree, when the filter parses. */
  readonly ast?: Expression;
  /** `format(ast)`, when the filter parses. */
  readonly canonical?: string;
  /** Per dialect, when the filter is valid for the endpoint. */
  readonly sql?: readonly { readonly label: string; readonly result: SqlResult }[];
  /** The V3 400 body, when there are errors. */
  readonly errorBody?: V3ErrorResponse;
  /** The matching sample records, when the filter is valid for the endpoint. */
  readonly matches?: readonly SampleRecord[];
}

/** Analyzes `text` with the library, exactly as a server and a client would. */
export function analyze(
  text: string,
  schema: Schema,
  records: readonly SampleRecord[],
  trackingId: string,
): Analysis {
  const diagnostics = checkFilter(text, schema);
  if (text.trim() === '') return { text, diagnostics };
  const parsed = parse(text);
  const errors = diagnostics.filter((d) => d.severity === 'error');
  const base = parsed.ok
    ? { text, diagnostics, ast: parsed.ast, canonical: format(parsed.ast) }
    : { text, diagnostics };
  if (errors.length > 0 || !parsed.ok) {
    return { ...base, errorBody: toV3ErrorResponse(diagnostics, { text, trackingId }) };
  }
  const sql = DIALECTS.map(({ name, label }) => ({
    label,
    result: tryCompileSql(parsed.ast, { schema, dialect: name }),
  }));
  const predicate = compilePredicate(parsed.ast, { schema });
  return { ...base, sql, matches: records.filter((record) => predicate(record)) };
}

/**
 * The tree as an indented outline: composite nodes with their children, predicates as text. A fold
 * of the tree (the library's walk): each node's lines from its children's, the last child's
 * branch drawn with `└─`.
 */
export function outline(ast: Expression): string {
  const where = (node: Expression) => `[${node.span.start}, ${node.span.end})`;
  const lines = reduceExpression<string[], undefined>(ast, undefined, {
    leaf: (node) => [`${node.kind}: ${format(node)}  ${where(node)}`],
    childContext: () => undefined,
    combine(node, children) {
      const out = [`${node.kind}  ${where(node)}`];
      for (const [index, child] of children.entries()) {
        const last = index === children.length - 1;
        for (const [at, line] of child.entries()) {
          out.push(`${at === 0 ? (last ? '└─ ' : '├─ ') : last ? '   ' : '│  '}${line}`);
        }
      }
      return out;
    },
    malformed: () => [],
  });
  return lines.join('\n');
}

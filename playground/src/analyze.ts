import type { Expression } from '../../src/ast/index.js';
import { compilePredicate } from '../../src/compile/predicate/index.js';
import { tryCompileSql } from '../../src/compile/sql/index.js';
import type { SqlDialectName, SqlResult } from '../../src/compile/sql/types.js';
import type { Diagnostic } from '../../src/diagnostic/diagnostic.js';
import { checkFilter } from '../../src/integrations/codemirror/lint.js';
import { format } from '../../src/printer/format.js';
import type { Schema } from '../../src/schema/types.js';
import { parse } from '../../src/syntax/parse.js';
import { toV3ErrorResponse, type V3ErrorResponse } from '../../src/v3-error/index.js';
import type { SampleRecord } from './sample-data.js';

/** The SQL dialects shown, in order: data, so a new dialect is one more line. */
export const DIALECTS: readonly { readonly name: SqlDialectName; readonly label: string }[] = [
  { name: 'postgres', label: 'PostgreSQL' },
  { name: 'sqlite', label: 'SQLite' },
  { name: 'mysql', label: 'MySQL / MariaDB' },
];

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

/** The tree as an indented outline: composite nodes with their children, predicates as text. */
export function outline(ast: Expression): string {
  const lines: string[] = [];
  const visit = (node: Expression, prefix: string, childPrefix: string): void => {
    const where = `[${node.span.start}, ${node.span.end})`;
    if (node.kind === 'and' || node.kind === 'or') {
      lines.push(`${prefix}${node.kind}  ${where}`);
      node.operands.forEach((operand, index) => {
        const last = index === node.operands.length - 1;
        visit(operand, `${childPrefix}${last ? '└─ ' : '├─ '}`, `${childPrefix}${last ? '   ' : '│  '}`);
      });
    } else if (node.kind === 'not') {
      lines.push(`${prefix}not  ${where}`);
      visit(node.operand, `${childPrefix}└─ `, `${childPrefix}   `);
    } else {
      lines.push(`${prefix}${node.kind}: ${format(node)}  ${where}`);
    }
  };
  visit(ast, '', '');
  return lines.join('\n');
}

import type { Expression, PredicateNode } from '../../ast/expression.js';
import type { Span } from '../../ast/span.js';
import type { Diagnostic } from '../../diagnostic/diagnostic.js';
import { quote } from '../../diagnostic/text.js';
import { textProblem } from '../../schema/accept.js';
import { refusedSchemaOption } from '../../schema/checked.js';
import { type CompileCode, compileDiagnostic, FilterCompileError } from '../compile-error.js';
import { checkSqlOptions } from '../options.js';
import { type LeafPlan, planLeaf } from '../plan.js';
import { type CompositeNode, reduceExpression } from '../reduce.js';
import { identifierProblem, type SqlDialect } from './dialect.js';
import { type LeafContext, leafSql } from './leaf.js';
import { mysql } from './mysql.js';
import { postgres } from './postgres.js';
import { sqlite } from './sqlite.js';
import type { SqlDialectName, SqlFragment, SqlOptions, SqlParam, SqlResult } from './types.js';

const DIALECTS: Readonly<Record<SqlDialectName, SqlDialect>> = { postgres, sqlite, mysql };

/**
 * The hooks of the dialect called `name`, or undefined for any other value (`__proto__`
 * included): the one table of dialects, for `compileSql`, the collection handler and the CLI.
 */
export function sqlDialect(name: unknown): SqlDialect | undefined {
  return typeof name === 'string' && Object.hasOwn(DIALECTS, name)
    ? DIALECTS[name as SqlDialectName]
    : undefined;
}

/** The names of the dialects, in the table's order (for messages). */
export function sqlDialectNames(): SqlDialectName[] {
  return Object.keys(DIALECTS) as SqlDialectName[];
}

/** A compiled subtree: its SQL, and whether it is already wrapped in parentheses. */
interface Fragment {
  readonly sql: string;
  /** Parenthesized (safe as an operand of anything). */
  readonly grouped: boolean;
}

// Longer `and`/`or` chains are nested in groups of this size, so a chain of any length builds an
// expression tree of logarithmic depth (SQLite rejects trees deeper than 1000).
const CHAIN_GROUP = 16;

function joinBalanced(parts: readonly string[], operator: 'AND' | 'OR'): string {
  if (parts.length <= CHAIN_GROUP) return `(${parts.join(` ${operator} `)})`;
  const groups: string[] = [];
  const size = Math.ceil(parts.length / CHAIN_GROUP);
  for (let i = 0; i < parts.length; i += size) groups.push(joinBalanced(parts.slice(i, i + size), operator));
  return joinBalanced(groups, operator);
}

const NO_SPAN: Span = { start: 0, end: 0 };
function valueTextProblem(plan: LeafPlan): { code: CompileCode; message: string; span: Span } | undefined {
  if (plan.kind !== 'values' || plan.typed.type !== 'string') return undefined;
  const values = plan.typed.values;
  for (let i = 0; i < values.length; i++) {
    const value = values[i]!;
    const span = plan.nodes[i]?.span ?? NO_SPAN;
    const problem = textProblem(value);
    if (problem === 'nul') {
      return {
        code: 'sql-nul-character',
        message: `The value ${quote(value)} holds a NUL character (U+0000), which SQL text cannot hold.`,
        span,
      };
    }
    if (problem === 'surrogate') {
      return {
        code: 'sql-lone-surrogate',
        message: `The value ${quote(value)} holds an unpaired surrogate, which is not Unicode text.`,
        span,
      };
    }
  }
  return undefined;
}

/**
 * Compiles a filter into a parameterized WHERE-clause fragment for PostgreSQL, SQLite or MySQL, with
 * the same semantics as `compilePredicate` (see docs/semantics.md and docs/sql.md), and
 * returns `{ sql, params }`.
 *
 * Values are only ever parameters; identifiers come only from the schema's `column` (default:
 * the field name) and are quoted, embedded quotes doubled. Comparisons on NULL are false and
 * `not` is plain negation: a comparison under `not` that could be NULL is guarded with
 * `column IS NOT NULL AND ...`, so SQL's three-valued logic never leaks. Outside any `not`, a
 * NULL comparison rejects the row just as FALSE does; if you negate or select the fragment
 * yourself, wrap it in `COALESCE((fragment), FALSE)`.
 *
 * Throws {@link FilterCompileError} (its `diagnostics` say what and where) in the cases where
 * {@link tryCompileSql} answers `ok: false`; a server that wants those as a 400 body rather
 * than an exception calls {@link tryCompileSql}.
 */
export function compileSql(ast: Expression, options: SqlOptions): SqlFragment {
  const result = tryCompileSql(ast, options);
  if (!result.ok) throw new FilterCompileError(result.diagnostics);
  return { sql: result.sql, params: result.params };
}

/**
 * {@link compileSql} without exceptions: `{ ok: true, sql, params, diagnostics }`, or
 * `{ ok: false, diagnostics }` when the AST does not fit the schema (it was not validated), a
 * string value holds U+0000 or an unpaired surrogate (which the engines cannot store as text),
 * a column name is unusable, the requested case folding cannot be pinned in the dialect, or
 * there are more values than the engine can bind. Never throws, whatever it is given.
 */
export function tryCompileSql(ast: Expression, options: SqlOptions): SqlResult {
  try {
    return refusedSchemaOption(options) ?? compile(ast, options);
  } catch {
    // Only a malformed AST or options (e.g. a cyclic or hostile object) can get here.
    return {
      ok: false,
      diagnostics: [compileDiagnostic('compile-malformed-ast', 'Not a well-formed filter.', NO_SPAN)],
    };
  }
}

function compile(ast: Expression, options: SqlOptions): SqlResult {
  const diagnostics: Diagnostic[] = [];
  const settings = checkSqlOptions(options, (name) => sqlDialect(name)?.maxParameters);
  if (!settings.ok) return { ok: false, diagnostics: settings.diagnostics };
  const { schema, folding, table, offset } = settings;
  const dialect = DIALECTS[settings.dialect];
  const foldingProblem = dialect.foldingProblem(folding);
  if (foldingProblem !== undefined) {
    diagnostics.push(compileDiagnostic('sql-case-folding-unsupported', foldingProblem, NO_SPAN));
  }
  if (table !== undefined && identifierProblem(table) !== undefined) {
    const message = `The table name ${quote(String(table))} ${identifierProblem(table)}.`;
    diagnostics.push(compileDiagnostic('sql-invalid-identifier', message, NO_SPAN));
  }
  const params: SqlParam[] = [];
  const quoteName = (name: string) => dialect.quoteIdentifier(name);
  const prefix = table === undefined ? '' : `${quoteName(table)}.`;
  const ctx: LeafContext = {
    dialect,
    folding,
    bind(value) {
      params.push(value);
      return dialect.placeholder(offset + params.length);
    },
    column: (plan) => prefix + quoteName(plan.field.column),
    // The member aliases (`v3f_member`, `v3f_member_source`) must not shadow the table's name.
    memberAlias: table?.startsWith('v3f_member') ? 'v3f_element' : 'v3f_member',
  };
  const joinAnd = (parts: readonly string[]) => joinBalanced(parts, 'AND');
  const failed: Fragment = { sql: dialect.falseSql, grouped: false };

  const junction =
    (operator: 'AND' | 'OR') =>
    (children: readonly Fragment[]): Fragment => {
      if (children.length === 0)
        return { sql: operator === 'AND' ? `NOT ${dialect.falseSql}` : dialect.falseSql, grouped: false };
      if (children.length === 1) return children[0]!;
      return {
        sql: joinBalanced(
          children.map((c) => c.sql),
          operator,
        ),
        grouped: true,
      };
    };
  // One entry per composite kind: a new kind of node fails to compile here until it has its SQL.
  const combineSql: { readonly [K in CompositeNode['kind']]: (children: readonly Fragment[]) => Fragment } = {
    and: junction('AND'),
    or: junction('OR'),
    not(children) {
      const child = children[0] ?? failed;
      return { sql: `NOT ${child.grouped ? child.sql : `(${child.sql})`}`, grouped: false };
    },
  };

  const root = reduceExpression<Fragment, boolean>(ast, false, {
    leaf(node: PredicateNode, underNot: boolean): Fragment {
      const planned = planLeaf(node, schema);
      if (!planned.ok) {
        diagnostics.push(planned.diagnostic);
        return failed;
      }
      const plan = planned.plan;
      const columnProblem = identifierProblem(plan.field.column);
      if (columnProblem !== undefined) {
        const message = `The column of ${quote(plan.field.name)} ${columnProblem}.`;
        diagnostics.push(compileDiagnostic('sql-invalid-identifier', message, node.field.span ?? NO_SPAN));
        return failed;
      }
      const text = valueTextProblem(plan);
      if (text !== undefined) {
        diagnostics.push(compileDiagnostic(text.code, text.message, text.span));
        return failed;
      }
      const leaf = leafSql(plan, ctx, joinAnd);
      // Under `not`, NULL must read as FALSE, or NOT would keep it NULL and drop the row.
      if (underNot && leaf.nullable) {
        return { sql: `(${ctx.column(plan)} IS NOT NULL AND ${leaf.sql})`, grouped: true };
      }
      return { sql: leaf.sql, grouped: false };
    },
    combine: (node: CompositeNode, children: readonly Fragment[]): Fragment =>
      combineSql[node.kind](children),
    childContext: (node, underNot) => underNot || node.kind === 'not',
    malformed(node): Fragment {
      const span = (node as { span?: Span } | null)?.span ?? NO_SPAN;
      diagnostics.push(compileDiagnostic('compile-malformed-ast', 'Not a well-formed filter node.', span));
      return failed;
    },
  });
  if (diagnostics.length === 0 && offset + params.length > dialect.maxParameters) {
    const before = offset > 0 ? ` after the ${offset} before it (parameterOffset)` : '';
    const message = `The filter has ${params.length} values${before}; ${dialect.name} binds at most ${dialect.maxParameters}.`;
    diagnostics.push(compileDiagnostic('sql-too-many-parameters', message, ast.span ?? NO_SPAN));
  }
  if (diagnostics.length > 0) return { ok: false, diagnostics };
  return { ok: true, sql: root.sql, params, diagnostics };
}

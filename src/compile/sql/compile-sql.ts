import type { Expression, PredicateNode } from '../../ast/expression.js';
import type { Span } from '../../ast/span.js';
import { type CompositeNode, reduceExpression } from '../../ast/walk.js';
import type { Diagnostic } from '../../diagnostic/diagnostic.js';
import { quote } from '../../diagnostic/text.js';
import { textProblem } from '../../schema/accept.js';
import { refusedSchemaOption } from '../../schema/checked.js';
import { compileDiagnostic, FilterCompileError } from '../compile-error.js';
import { checkSqlOptions } from '../options.js';
import type { LeafPlan } from '../plan.js';
import { rewriteFilter } from '../rewrite.js';
import { flattenSql, joinSql, type SqlPiece, sql } from './chunks.js';
import { identifierProblem } from './dialect.js';
import { sqlDialect } from './dialects.js';
import { type LeafContext, leafSql } from './leaf.js';
import { renderChecked, tooManyParameters } from './render.js';
import type {
  SqlChunkOptions,
  SqlChunks,
  SqlChunksResult,
  SqlFragment,
  SqlOptions,
  SqlResult,
} from './types.js';

/** A compiled subtree: its SQL, and whether it is already wrapped in parentheses. */
interface Fragment {
  readonly sql: SqlPiece;
  /** Parenthesized (safe as an operand of anything). */
  readonly grouped: boolean;
}

// Longer `and`/`or` chains are nested in groups of this size, so a chain of any length builds an
// expression tree of logarithmic depth (SQLite rejects trees deeper than 1000).
const CHAIN_GROUP = 16;

function joinBalanced(parts: readonly SqlPiece[], operator: 'AND' | 'OR'): SqlPiece {
  if (parts.length <= CHAIN_GROUP) return sql`(${joinSql(parts, ` ${operator} `)})`;
  const groups: SqlPiece[] = [];
  const size = Math.ceil(parts.length / CHAIN_GROUP);
  for (let i = 0; i < parts.length; i += size) groups.push(joinBalanced(parts.slice(i, i + size), operator));
  return joinBalanced(groups, operator);
}

const NO_SPAN: Span = { start: 0, end: 0 };

/** Why SQL cannot be written for a leaf that fits the schema: its column, or a value no engine stores as text. */
function leafProblem(plan: LeafPlan, node: PredicateNode): Diagnostic | undefined {
  const columnProblem = identifierProblem(plan.field.column);
  if (columnProblem !== undefined) {
    const message = `The column of ${quote(plan.field.name)} ${columnProblem}.`;
    return compileDiagnostic('sql-invalid-identifier', message, node.field.span ?? NO_SPAN);
  }
  if (plan.kind !== 'values' || plan.typed.type !== 'string') return undefined;
  const values = plan.typed.values;
  for (let i = 0; i < values.length; i++) {
    const value = values[i]!;
    const span = plan.nodes[i]?.span ?? NO_SPAN;
    const problem = textProblem(value);
    if (problem === 'nul') {
      const message = `The value ${quote(value)} holds a NUL character (U+0000), which SQL text cannot hold.`;
      return compileDiagnostic('sql-nul-character', message, span);
    }
    if (problem === 'surrogate') {
      const message = `The value ${quote(value)} holds an unpaired surrogate, which is not Unicode text.`;
      return compileDiagnostic('sql-lone-surrogate', message, span);
    }
  }
  return undefined;
}

function malformedNode(node: unknown): Diagnostic {
  const span = (node as { span?: Span } | null)?.span ?? NO_SPAN;
  return compileDiagnostic('compile-malformed-ast', 'Not a well-formed filter node.', span);
}

/** The compiled chunks, with the offset the options asked for (for `compileSql`). */
type Compiled =
  | {
      readonly ok: true;
      readonly dialect: SqlChunks['dialect'];
      /** The SQL as built, flattened into chunks only when asked for. */
      readonly root: SqlPiece;
      readonly span: Span;
      readonly offset: number;
      readonly count: number;
    }
  | { readonly ok: false; readonly diagnostics: readonly Diagnostic[] };

function compile(ast: Expression, options: SqlOptions): Compiled {
  const settings = checkSqlOptions(options, (name) => sqlDialect(name)?.maxParameters);
  if (!settings.ok) return settings;
  const { schema, folding, table, offset, storage } = settings;
  const dialect = sqlDialect(settings.dialect)!;
  const diagnostics: Diagnostic[] = [];
  const foldingProblem = dialect.foldingProblem(folding);
  if (foldingProblem !== undefined) {
    diagnostics.push(compileDiagnostic('sql-case-folding-unsupported', foldingProblem, NO_SPAN));
  }
  if (table !== undefined && identifierProblem(table) !== undefined) {
    const message = `The table name ${quote(String(table))} ${identifierProblem(table)}.`;
    diagnostics.push(compileDiagnostic('sql-invalid-identifier', message, NO_SPAN));
  }
  const rewritten = rewriteFilter(ast, schema, { leaf: leafProblem, malformed: malformedNode });
  if (!rewritten.ok) diagnostics.push(...rewritten.diagnostics);
  if (diagnostics.length > 0 || !rewritten.ok) return { ok: false, diagnostics };

  let bound = 0;
  const quoteName = (name: string) => dialect.quoteIdentifier(name);
  const prefix = table === undefined ? '' : `${quoteName(table)}.`;
  const ctx: LeafContext = {
    dialect,
    folding,
    bind(value, type) {
      bound++;
      const chunk = { value, type };
      return dialect.bindValue === undefined ? chunk : dialect.bindValue(chunk);
    },
    bindBare(value, type) {
      bound++;
      return { value, type };
    },
    timestamp(plan) {
      const chosen = storage.get(plan.field.name) ?? plan.field.schema.storage;
      return chosen === 'timestamp' ? dialect.storage.timestamp : undefined;
    },
    column: (plan) => prefix + quoteName(plan.field.column),
    // The member aliases (`v3f_member`, `v3f_member_source`) must not shadow the table's name.
    memberAlias: table?.startsWith('v3f_member') ? 'v3f_element' : 'v3f_member',
  };
  const joinAnd = (parts: readonly SqlPiece[]) => joinBalanced(parts, 'AND');
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
      return { sql: child.grouped ? sql`NOT ${child.sql}` : sql`NOT (${child.sql})`, grouped: false };
    },
  };
  const { plans } = rewritten;
  const root = reduceExpression<Fragment, boolean>(rewritten.filter, false, {
    leaf(node, underNot): Fragment {
      const plan = plans.get(node)!;
      const leaf = leafSql(plan, ctx, joinAnd);
      // Under `not`, NULL must read as FALSE, or NOT would keep it NULL and drop the row.
      if (underNot && leaf.nullable) {
        return { sql: sql`(${ctx.column(plan)} IS NOT NULL AND ${leaf.sql})`, grouped: true };
      }
      return { sql: leaf.sql, grouped: false };
    },
    combine: (node, children) => combineSql[node.kind](children),
    childContext: (node, underNot) => underNot || node.kind === 'not',
    // The rewrite found every node well-formed.
    malformed: () => failed,
  });
  const span = ast.span ?? NO_SPAN;
  return { ok: true, dialect: settings.dialect, root: root.sql, span, offset, count: bound };
}

function malformedResult(): { ok: false; diagnostics: Diagnostic[] } {
  // Only a malformed AST or options (e.g. a cyclic or hostile object) can get here.
  return {
    ok: false,
    diagnostics: [compileDiagnostic('compile-malformed-ast', 'Not a well-formed filter.', NO_SPAN)],
  };
}

/**
 * Compiles a filter into a parameterized WHERE-clause fragment for PostgreSQL, SQLite, MySQL or ClickHouse, with
 * the same semantics as `compilePredicate` (see the Semantics and SQL pages of the manual), and
 * returns `{ sql, params }` (and, for ClickHouse, `queryParams`: the values by placeholder name).
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
  const { sql, params, queryParams } = result;
  return queryParams === undefined ? { sql, params } : { sql, params, queryParams };
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
    const refused = refusedSchemaOption(options);
    if (refused !== undefined) return refused;
    const compiled = compile(ast, options);
    if (!compiled.ok) return compiled;
    const { root, count, offset, span } = compiled;
    return renderChecked(sqlDialect(compiled.dialect)!, root, count, offset, span);
  } catch {
    return malformedResult();
  }
}

/**
 * {@link compileSqlChunks} without exceptions: `{ ok: true, dialect, chunks, span, diagnostics }`,
 * or `{ ok: false, diagnostics }` wherever {@link tryCompileSql} answers so. Never throws.
 */
export function tryCompileSqlChunks(ast: Expression, options: SqlChunkOptions): SqlChunksResult {
  try {
    const refused = refusedSchemaOption(options);
    if (refused !== undefined) return refused;
    const compiled = compile(ast, options);
    if (!compiled.ok) return compiled;
    // Too many values at any offset: the chunks could never be rendered.
    const problem = tooManyParameters(sqlDialect(compiled.dialect)!, compiled.count, 0, compiled.span);
    if (problem !== undefined) return { ok: false, diagnostics: [problem] };
    return {
      ok: true,
      dialect: compiled.dialect,
      chunks: flattenSql(compiled.root),
      span: compiled.span,
      diagnostics: [],
    };
  } catch {
    return malformedResult();
  }
}

/**
 * Compiles a filter as {@link compileSql} does, but stops before writing placeholders: the
 * fragment as SQL text chunks (strings) and value chunks (`{ value, type }`), in order. Render
 * it with `renderSqlChunks` at any parameter offset, or hand the chunks to a query builder as
 * its own raw SQL and parameters (as the Kysely and Drizzle integrations do). Throws
 * {@link FilterCompileError} where {@link tryCompileSqlChunks} answers `ok: false`.
 *
 * @example
 * compileSqlChunks(parse('status eq "Failed"').ast, { schema, dialect: 'postgres' }).chunks;
 * // ['lower("status") = lower(', { value: 'Failed', type: 'string' }, '::text)']
 */
export function compileSqlChunks(ast: Expression, options: SqlChunkOptions): SqlChunks {
  const result = tryCompileSqlChunks(ast, options);
  if (!result.ok) throw new FilterCompileError(result.diagnostics);
  const { ok: _ok, diagnostics: _diagnostics, ...chunks } = result;
  return chunks;
}

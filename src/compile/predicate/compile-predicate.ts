import type { Expression } from '../../ast/expression.js';
import { assertSchemaOption } from '../../schema/checked.js';
import type { Schema } from '../../schema/types.js';
import type { CaseFolding } from '../case-folding.js';
import { FilterCompileError } from '../compile-error.js';
import { checkPredicateOptions } from '../options.js';
import { ProgramBuilder } from './build-program.js';
import { inCopyScope } from './copied-leaf.js';
import { generatePredicate } from './generated.js';
import { runProgram } from './program.js';
import type { RecordTest } from './record-test.js';

/** Options of {@link compilePredicate}. */
export interface PredicateOptions {
  /** The schema the filter was validated against: types, case sensitivity and record paths. */
  readonly schema: Schema;
  /**
   * What case-insensitive comparisons fold (default `'unicode'`). Pick the setting that agrees
   * with the database the same filter runs on as SQL (see docs/semantics.md).
   */
  readonly caseFolding?: CaseFolding;
  /**
   * Opt-in (default `false`): build the predicate as one generated function with `new Function`
   * instead of closures. Same semantics and results, evaluation closer to a hand-written arrow
   * function, but compiling costs tens of microseconds more, and it is **not CSP-safe**: under a
   * Content-Security-Policy without `'unsafe-eval'` it throws an `EvalError` when compiling. No
   * text from the filter or the schema becomes source code: property names, constants and tests
   * are passed to the generated function as values. Filters nested deeper than 64 levels or with
   * more than 2,000 comparisons keep the closures.
   */
  readonly generateCode?: boolean;
}

/** A compiled filter: whether a record matches. Never throws, whatever `record` is. */
export type RecordPredicate = (record: unknown) => boolean;

/**
 * Compiles a filter into a function that tests records in memory, following the semantics of
 * docs/semantics.md: case-insensitive strings unless the schema says otherwise, comparisons on null or
 * missing values false, `not` plain negation, code-point string order, exact date-times.
 *
 * The function is built once from closures (no `eval`, so it runs under a strict
 * Content-Security-Policy) unless `generateCode` asks for generated code (see that option). A
 * field's value at its schema `path` counts only when the record owns it (a prototype never
 * supplies one; see docs/semantics.md for when the own check runs), it accepts date-times as RFC 3339
 * strings or `Date`s, and never throws: a value of the wrong type does not match, and a value
 * whose access throws (a hostile getter or proxy) counts as missing.
 *
 * @throws {@link FilterCompileError} only when the AST does not fit the schema (an unknown field,
 * a value of the wrong type, an operator the field's type lacks): validate first and it cannot.
 */
export function compilePredicate(ast: Expression, options: PredicateOptions): RecordPredicate {
  assertSchemaOption(options, FilterCompileError);
  const checked = checkPredicateOptions(options);
  if (!checked.ok) throw new FilterCompileError(checked.diagnostics);
  const { folding, schema, generateCode } = checked;
  const builder = new ProgramBuilder(schema, folding);
  const program = inCopyScope(schema, () => builder.build(ast, false, 0));
  if (builder.diagnostics.length > 0) throw new FilterCompileError(builder.diagnostics);
  // Leaves catch what records throw, and and/or/not cannot throw: no wrapper needed.
  const closure = program.closure;
  const closures: RecordTest = closure ?? ((record) => runProgram(program, record));
  return generateCode ? generatePredicate(program, folding, closures) : closures;
}

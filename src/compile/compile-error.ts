import type { Span } from '../ast/span.js';
import { type Diagnostic, error } from '../diagnostic/diagnostic.js';

/**
 * Stable codes of the diagnostics the compilers report. The compilers expect an AST that was
 * validated against the schema; these codes say what made an unvalidated one impossible to
 * compile (`compile-*`), or what a SQL dialect cannot express (`sql-*`).
 */
export const COMPILE_CODES = {
  /** The filter names a field that is not in the schema. */
  unknownField: 'compile-unknown-field',
  /** A value's type does not fit the field's type (e.g. a string for a number field). */
  valueType: 'compile-value-type',
  /** The operator does not apply to the field's type (e.g. `co` on a number, `ca` on a scalar). */
  operator: 'compile-operator',
  /** An `in`/`ca` list without values. */
  emptyList: 'compile-empty-list',
  /** Something that is not a well-formed AST node. */
  malformedAst: 'compile-malformed-ast',
  /** A string value holds U+0000, which PostgreSQL text cannot store and SQLite's LIKE/GLOB cut at. */
  nulCharacter: 'sql-nul-character',
  /** A string value holds an unpaired UTF-16 surrogate, which UTF-8 databases cannot store. */
  loneSurrogate: 'sql-lone-surrogate',
  /** A schema `column` (or the `table` option) is empty or holds U+0000. */
  invalidIdentifier: 'sql-invalid-identifier',
  /** More values than the engine can bind in one statement. */
  tooManyParameters: 'sql-too-many-parameters',
  /** An option that is not valid (`caseFolding: 'C'`, `parameterOffset: Infinity`, no `schema`). */
  invalidOption: 'compile-invalid-option',
  /** The requested case folding cannot be pinned in this dialect without extensions. */
  caseFoldingUnsupported: 'sql-case-folding-unsupported',
} as const;

/** A diagnostic code from {@link COMPILE_CODES}. */
export type CompileCode = (typeof COMPILE_CODES)[keyof typeof COMPILE_CODES];

/** Creates an error diagnostic with a {@link CompileCode}. */
export function compileDiagnostic(code: CompileCode, message: string, span: Span): Diagnostic {
  return error(code, message, span);
}

/**
 * Thrown by `compilePredicate` when the AST does not fit the schema (it was not validated), the
 * only way compiling a predicate can fail, and by `compileSql` where `tryCompileSql` would answer
 * `ok: false`. `diagnostics` say what and where.
 */
export class FilterCompileError extends Error {
  /** What made the filter impossible to compile. */
  readonly diagnostics: readonly Diagnostic[];

  constructor(diagnostics: readonly Diagnostic[]) {
    super(diagnostics.map((d) => `${d.code}: ${d.message}`).join('\n') || 'The filter cannot be compiled.');
    this.name = 'FilterCompileError';
    this.diagnostics = diagnostics;
  }
}

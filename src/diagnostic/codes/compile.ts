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

/**
 * Every diagnostic code the compilers can report, with what it means. The compilers expect an AST
 * that was validated against the schema; these codes say what made an unvalidated one impossible
 * to compile (`compile-*`), or what a SQL dialect cannot express (`sql-*`). Codes are stable.
 */
export const COMPILE_CODES = {
  'compile-unknown-field': 'The filter names a field that is not in the schema.',
  'compile-value-type': "A value's type does not fit the field's type (a string for a number field...).",
  'compile-operator':
    "The operator does not apply to the field's type (`co` on a number, `ca` on a field that is no collection).",
  'compile-empty-list': 'A list operator without values (an empty `in ()`).',
  'compile-malformed-ast': 'Something that is not a well-formed AST node.',
  'sql-nul-character':
    "A string value holds U+0000, which PostgreSQL text cannot store and SQLite's LIKE/GLOB cut at.",
  'sql-lone-surrogate':
    'A string value holds an unpaired UTF-16 surrogate, which UTF-8 databases cannot store.',
  'sql-invalid-identifier': 'A schema `column` (or the `table` option) is empty or holds U+0000.',
  'sql-too-many-parameters': 'More values than the engine can bind in one statement.',
  'compile-invalid-option':
    "An option that is not valid (`caseFolding: 'C'`, `parameterOffset: Infinity`, no `schema`).",
  'sql-case-folding-unsupported':
    'The requested case folding cannot be pinned in this dialect without extensions.',
} as const;

/** A compiler diagnostic code. */
export type CompileCode = keyof typeof COMPILE_CODES;

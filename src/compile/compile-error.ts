import type { Span } from '../ast/span.js';
import type { CompileCode } from '../diagnostic/codes/compile.js';
import { type Diagnostic, error } from '../diagnostic/diagnostic.js';

export { COMPILE_CODES, type CompileCode } from '../diagnostic/codes/compile.js';

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

/**
 * The handler's schema or options cannot work: a schema with errors (as `loadSchema` reports
 * them), an unknown or misspelt option, a value of the wrong type or out of range, an unusable
 * column or table name, an unknown dialect, a case folding the dialect cannot pin. The message
 * names each bad option. A programming error, thrown when the handler is created (or by
 * `handleCollectionRequest`, `toSqlOrderBy`, and `CollectionRequest.where`/`orderBy` for a
 * dialect or table the handler was not given), never because of a request. It is defined with
 * the compiler because `toSqlOrderBy`, the SQL compiler's own, throws it too.
 */
export class InvalidCollectionOptionsError extends TypeError {
  constructor(message: string) {
    super(message);
    this.name = 'InvalidCollectionOptionsError';
  }
}

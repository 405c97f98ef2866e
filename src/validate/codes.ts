import type { Span } from '../ast/span.js';
import type { ValidationCode } from '../diagnostic/codes/validation.js';
import { type Diagnostic, error, type Fix, warning } from '../diagnostic/diagnostic.js';

// The catalogue lives below every stage, in src/diagnostic/codes/, so `Diagnostic['code']` can be
// the union of all catalogues; validation's is re-exported here, where it was always imported.
export { VALIDATION_CODES, type ValidationCode } from '../diagnostic/codes/validation.js';

/**
 * An error with a code from `VALIDATION_CODES`: the catalogue's keys are the codes, and only
 * they compile here (as `compileDiagnostic` takes only the keys of `COMPILE_CODES`).
 */
export function validationError(
  code: ValidationCode,
  message: string,
  span: Span,
  fixes?: readonly Fix[],
): Diagnostic {
  return error(code, message, span, fixes);
}

/** A warning with a code from `VALIDATION_CODES` (see {@link validationError}). */
export function validationWarning(
  code: ValidationCode,
  message: string,
  span: Span,
  fixes?: readonly Fix[],
): Diagnostic {
  return warning(code, message, span, fixes);
}

import type { DocumentCode, Severity } from '../diagnostic/index.js';

/**
 * A problem found in a JSON document (a schema, an OpenAPI document) rather than in a filter: it
 * points at the offending value with a JSON Pointer instead of a text span.
 */
export interface DocumentDiagnostic {
  /** A stable kebab-case code from `SCHEMA_CODES` or `OPENAPI_CODES`, e.g. `unknown-type`. */
  readonly code: DocumentCode;
  readonly severity: Severity;
  readonly message: string;
  /**
   * An RFC 6901 JSON Pointer to the offending value: `/fields/status/operators/1`; `''` is the
   * whole document.
   */
  readonly pointer: string;
}

/** Appends one reference token to a JSON Pointer, escaping `~` and `/` as RFC 6901 says. */
export function childPointer(pointer: string, token: string | number): string {
  return `${pointer}/${String(token).replaceAll('~', '~0').replaceAll('/', '~1')}`;
}

/** Creates a {@link DocumentDiagnostic} with severity `error`. */
export function documentError(code: DocumentCode, message: string, pointer: string): DocumentDiagnostic {
  return { code, severity: 'error', message, pointer };
}

/** Creates a {@link DocumentDiagnostic} with severity `warning`. */
export function documentWarning(code: DocumentCode, message: string, pointer: string): DocumentDiagnostic {
  return { code, severity: 'warning', message, pointer };
}

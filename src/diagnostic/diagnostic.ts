import type { Span } from '../ast/span.js';
import type { DiagnosticCode } from './codes/index.js';

/** How serious a diagnostic is: an `error` rejects the filter, a `warning` does not. */
export type Severity = 'error' | 'warning';

/** One replacement of the input text: the text under `span` becomes `text`. */
export interface TextEdit {
  readonly span: Span;
  readonly text: string;
}

/**
 * A change that resolves a diagnostic. A fix keeps every value the writer meant; one that may
 * not (the text reads more than one way) is marked `suggestion` and is applied only on request.
 */
export interface Fix {
  /** What the fix does, e.g. "Use `eq`". */
  readonly message: string;
  /** Non-overlapping edits, all against the original input. */
  readonly edits: readonly TextEdit[];
  /**
   * Set when the result may mean something else than the writer meant (another reading of the
   * text is as likely): shown, but `applyFixes` and `lint --fix` apply it only when asked.
   */
  readonly suggestion?: true;
}

/**
 * A problem found in a filter, by the parser, the limits or the validator alike.
 *
 * `code` is a stable kebab-case identifier (see the catalogues' tables in docs/); `message` is written for the
 * person who wrote the filter, in the filter's own syntax; `span` points into the original input.
 */
export interface Diagnostic {
  /** A code one of the catalogues declares (`SYNTAX_CODES`, `VALIDATION_CODES`, `COMPILE_CODES`...). */
  readonly code: DiagnosticCode;
  readonly severity: Severity;
  readonly message: string;
  readonly span: Span;
  readonly fixes?: readonly Fix[];
}

/**
 * Receives problems as they are found: the one pattern for producers that report as they go
 * rather than return a list. A filter's checks accept {@link Diagnostic}s (the default); a
 * schema's checks accept `DocumentDiagnostic`s, which point into a JSON document instead.
 */
export type DiagnosticAcceptor<D = Diagnostic> = (diagnostic: D) => void;

/** Creates an error diagnostic, with fixes only when there are any. */
export function error(code: DiagnosticCode, message: string, span: Span, fixes?: readonly Fix[]): Diagnostic {
  return fixes && fixes.length > 0
    ? { code, severity: 'error', message, span, fixes }
    : { code, severity: 'error', message, span };
}

/** Creates a warning diagnostic, with fixes only when there are any. */
export function warning(
  code: DiagnosticCode,
  message: string,
  span: Span,
  fixes?: readonly Fix[],
): Diagnostic {
  return fixes && fixes.length > 0
    ? { code, severity: 'warning', message, span, fixes }
    : { code, severity: 'warning', message, span };
}

/** A fix made of one edit. */
export function replaceFix(message: string, span: Span, text: string): Fix {
  return { message, edits: [{ span, text }] };
}

/** A {@link Fix} marked as a suggestion: one reading of the text among others. */
export function suggestionFix(message: string, edits: readonly TextEdit[]): Fix {
  return { message, edits, suggestion: true };
}

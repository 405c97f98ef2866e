import { type Diagnostic, lineColumn, MAX_QUOTED_LENGTH, quote } from '../diagnostic/index.js';

/** A diagnostic that may name the request parameter it is about (`filters`, `limit`...). */
export interface ParameterDiagnostic extends Diagnostic {
  /** The query parameter the span points into; absent for a bare filter. */
  readonly parameter?: string;
}

/** The texts that diagnostics point into: one filter, or each query parameter's decoded value. */
export type DiagnosticTexts = string | Readonly<Record<string, string>>;

function textFor(diagnostic: ParameterDiagnostic, texts: DiagnosticTexts | undefined): string | undefined {
  if (typeof texts === 'string' || texts === undefined) return texts;
  const name = diagnostic.parameter;
  return name !== undefined && Object.hasOwn(texts, name) ? texts[name] : undefined;
}

/**
 * Where a diagnostic is, in words: `At column 11 (`"Fail"`)`, `In `limit` at column 1`,
 * `At line 2, column 5` for text with line breaks, `At the end of the filter`. The offending
 * text is quoted when the message does not already show it.
 */
export function describeLocation(
  diagnostic: ParameterDiagnostic,
  texts: DiagnosticTexts | undefined,
): string {
  const text = textFor(diagnostic, texts);
  const { start, end } = diagnostic.span;
  const name = diagnostic.parameter;
  const prefix = name === undefined ? 'At' : `In ${quote(name)} at`;
  if (text === undefined) {
    // Without the text, an offset is still a column: filters are one line in practice.
    return `${prefix} column ${start + 1}`;
  }
  if (start >= text.length && text.length > 0) {
    return `At the end of ${name === undefined ? 'the filter' : quote(name)}`;
  }
  const { line, column } = lineColumn(text, start);
  const where = /[\r\n]/.test(text) ? `line ${line}, column ${column}` : `column ${column}`;
  const excerpt = text.slice(start, Math.min(end, start + MAX_QUOTED_LENGTH * 4));
  if (excerpt.trim() === '' || diagnostic.message.includes(excerpt)) return `${prefix} ${where}`;
  return `${prefix} ${where} (${quote(excerpt)})`;
}

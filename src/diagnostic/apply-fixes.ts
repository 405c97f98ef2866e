import type { Span } from '../ast/span.js';
import type { Diagnostic, Fix, TextEdit } from './diagnostic.js';

/** Options of {@link applyFixes}. */
export interface ApplyFixesOptions {
  /**
   * Also apply fixes marked `suggestion` (those that may change what the text means). Default
   * false: only fixes that keep every value as the writer meant it.
   */
  readonly suggestions?: boolean;
}

/**
 * Applies the first fix of each diagnostic that has one (by default only a fix that is no
 * suggestion: a diagnostic whose first fix is a suggestion is left alone) and returns the new
 * text. A fix is taken whole or not at all: one with an edit that overlaps an edit of a fix
 * already taken (in the order of their first edits) waits, since half a fix can change what the
 * text means. Edits are applied against the original offsets.
 */
export function applyFixes(
  text: string,
  diagnostics: readonly Diagnostic[],
  options: ApplyFixesOptions = {},
): string {
  const fixes: Fix[] = [];
  for (const diagnostic of diagnostics) {
    const fix = diagnostic.fixes?.[0];
    if (fix && fix.edits.length > 0 && (fix.suggestion !== true || options.suggestions === true)) {
      fixes.push(fix);
    }
  }
  const firstStart = (fix: Fix) => Math.min(...fix.edits.map((edit) => edit.span.start));
  fixes.sort((a, b) => firstStart(a) - firstStart(b));
  const taken: TextEdit[] = [];
  for (const fix of fixes) {
    if (fix.edits.every((edit) => !taken.some((other) => overlaps(edit.span, other.span)))) {
      taken.push(...fix.edits);
    }
  }
  return applyEdits(text, taken);
}

function overlaps(a: Span, b: Span): boolean {
  return a.start < b.end && b.start < a.end;
}

/** Applies non-overlapping edits (overlapping ones after the first are dropped) to `text`. */
function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const sorted = [...edits].sort((a, b) => a.span.start - b.span.start || a.span.end - b.span.end);
  let out = '';
  let cursor = 0;
  for (const edit of sorted) {
    if (edit.span.start < cursor) continue;
    out += text.slice(cursor, edit.span.start) + edit.text;
    cursor = edit.span.end;
  }
  return out + text.slice(cursor);
}

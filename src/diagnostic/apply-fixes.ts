import type { Diagnostic, TextEdit } from './diagnostic.js';

/**
 * Applies the first fix of each diagnostic that has one, skipping any edit that overlaps one
 * already taken, and returns the new text. Edits are applied against the original offsets.
 */
export function applyFixes(text: string, diagnostics: readonly Diagnostic[]): string {
  const edits: TextEdit[] = [];
  for (const diagnostic of diagnostics) {
    const fix = diagnostic.fixes?.[0];
    if (fix) edits.push(...fix.edits);
  }
  return applyEdits(text, edits);
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

import type { Span } from '../../ast/span.js';
import { escapeInvisibles } from '../../diagnostic/text.js';

/** A line of a filter as shown under a diagnostic, and the caret line that marks the span. */
export interface Excerpt {
  readonly line: string;
  readonly carets: string;
}

/** How much of a long line is shown: some context before the span, and this many columns in all. */
const CONTEXT_BEFORE = 40;
const MAX_WIDTH = 100;

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}

function lineBounds(text: string, offset: number): { start: number; end: number } {
  let start = offset;
  while (start > 0 && text[start - 1] !== '\n' && text[start - 1] !== '\r') start--;
  let end = offset;
  while (end < text.length && text[end] !== '\n' && text[end] !== '\r') end++;
  return { start, end };
}

/**
 * The line of `text` that holds the start of `span`, with invisible and control characters
 * escaped (a hostile filter cannot send escape sequences to the terminal), cut to about 100
 * columns around the span with `…`, and a caret line under the span. A span that runs past the
 * line is marked to the line's end; an empty span gets one caret.
 */
export function excerpt(text: string, span: Span): Excerpt {
  const at = Math.max(0, Math.min(span.start, text.length));
  const bounds = lineBounds(text, at);
  // Step back over up to CONTEXT_BEFORE columns as shown (an escaped `\x00` takes four).
  let from = at;
  let width = 0;
  while (from > bounds.start) {
    const step = from - 1 > bounds.start && isLowSurrogate(text.charCodeAt(from - 1)) ? 2 : 1;
    const shown = escapeInvisibles(text.slice(from - step, from)).length;
    if (width + shown > CONTEXT_BEFORE) break;
    width += shown;
    from -= step;
  }
  let line = from > bounds.start ? '…' : '';
  let caretStart = -1;
  let caretEnd = -1;
  const spanEnd = Math.max(at, Math.min(span.end, bounds.end));
  let offset = from;
  while (offset < bounds.end && line.length < MAX_WIDTH) {
    if (offset === at) caretStart = line.length;
    if (offset === spanEnd) caretEnd = line.length;
    const char = String.fromCodePoint(text.codePointAt(offset)!);
    line += escapeInvisibles(char);
    offset += char.length;
  }
  if (caretStart < 0) caretStart = line.length;
  if (caretEnd < 0) caretEnd = line.length;
  if (offset < bounds.end) line += '…';
  const caretWidth = Math.max(1, caretEnd - caretStart);
  return { line, carets: `${' '.repeat(caretStart)}${'^'.repeat(caretWidth)}` };
}

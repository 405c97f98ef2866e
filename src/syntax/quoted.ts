/**
 * Scans a quoted string in one forward pass, without regex: V8's regex engine overflows its
 * stack on literals of several megabytes, and a pass that never looks back stays linear even on
 * `"\"\"\"...` that never closes.
 */

/** A problem inside a quoted string, with the span of the offending characters. */
export interface QuotedProblem {
  readonly kind: 'invalid-escape' | 'line-break-in-string';
  readonly start: number;
  readonly end: number;
}

/** The result of scanning a quoted string that starts at an opening quote. */
export interface QuotedScan {
  /** Offset just past the closing quote, or the input's length when the string never closes. */
  readonly end: number;
  readonly terminated: boolean;
  /** The decoded content (escapes resolved). */
  readonly value: string;
  readonly problems: readonly QuotedProblem[];
}

const BACKSLASH = 92;

/**
 * Scans from the opening quote at `start` to the code unit `close`. Inside, `\` + `close` and `\\`
 * are escapes (for double quotes: `\"` and `\\`, the language's only escapes); any other backslash
 * is reported and kept as written; a raw line break is reported.
 */
export function scanQuoted(text: string, start: number, close: number): QuotedScan {
  const n = text.length;
  const problems: QuotedProblem[] = [];
  let value = '';
  let segmentStart = start + 1;
  let i = start + 1;
  while (i < n) {
    const code = text.charCodeAt(i);
    if (code === close) {
      value += text.slice(segmentStart, i);
      return { end: i + 1, terminated: true, value, problems };
    }
    if (code === BACKSLASH) {
      const next = text.charCodeAt(i + 1);
      if (next === close || next === BACKSLASH) {
        value += text.slice(segmentStart, i);
        segmentStart = i + 1;
        i += 2;
        continue;
      }
      if (i + 1 < n) problems.push({ kind: 'invalid-escape', start: i, end: i + 2 });
      i++;
      continue;
    }
    if (code === 10 || code === 13) {
      problems.push({ kind: 'line-break-in-string', start: i, end: i + 1 });
    }
    i++;
  }
  value += text.slice(segmentStart, n);
  return { end: n, terminated: false, value, problems };
}

/** Writes `value` as a double-quoted string literal, escaping exactly `"` and `\`. */
export function quoteString(value: string): string {
  let out = '"';
  let segmentStart = 0;
  for (let i = 0; i < value.length; i++) {
    const code = value.charCodeAt(i);
    if (code === 34 || code === BACKSLASH) {
      out += `${value.slice(segmentStart, i)}\\`;
      segmentStart = i;
    }
  }
  return `${out + value.slice(segmentStart)}"`;
}

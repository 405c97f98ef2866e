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
  /** The first problems found, at most the `maxProblems` asked for. */
  readonly problems: readonly QuotedProblem[];
  /** Whether the string holds a raw line break (even past `maxProblems`). */
  readonly hasLineBreak: boolean;
}

const BACKSLASH = 92;
/** Below this length a decoded value is built from slices; above, in a code-unit buffer. */
const SMALL_STRING = 256;
/** Code units per `String.fromCharCode` call: well under any engine's argument limit. */
const CHUNK = 8192;

/**
 * Resolves the escapes of the content `text[from, to)` of a string closed by `close`: `\` +
 * `close` and `\\` stand for the character after the backslash; any other backslash is kept.
 *
 * Long contents are decoded into a `Uint16Array` and turned into text in chunks: on
 * `"\"\"\"...` a slice per escape means millions of tiny strings, and collecting them took
 * five times as long as this.
 */
function decodeEscapes(text: string, from: number, to: number, close: number): string {
  if (to - from < SMALL_STRING) {
    let value = '';
    let segmentStart = from;
    for (let i = from; i < to; i++) {
      if (text.charCodeAt(i) !== BACKSLASH) continue;
      const next = text.charCodeAt(i + 1);
      if (i + 1 < to && (next === close || next === BACKSLASH)) {
        value += text.slice(segmentStart, i);
        segmentStart = i + 1;
        i++;
      }
    }
    return value + text.slice(segmentStart, to);
  }
  const units = new Uint16Array(to - from);
  let length = 0;
  for (let i = from; i < to; i++) {
    let code = text.charCodeAt(i);
    if (code === BACKSLASH && i + 1 < to) {
      const next = text.charCodeAt(i + 1);
      if (next === close || next === BACKSLASH) {
        code = next;
        i++;
      }
    }
    units[length++] = code;
  }
  const parts: string[] = [];
  for (let i = 0; i < length; i += CHUNK) {
    parts.push(String.fromCharCode(...units.subarray(i, Math.min(length, i + CHUNK))));
  }
  return parts.join('');
}

/**
 * Scans from the opening quote at `start` to the code unit `close`. Inside, `\` + `close` and `\\`
 * are escapes (for double quotes: `\"` and `\\`, the language's only escapes); any other backslash
 * is reported and kept as written; a raw line break is reported. At most `maxProblems` problems
 * are kept, so a multi-megabyte string of line breaks allocates no more than the caller reports.
 */
export function scanQuoted(
  text: string,
  start: number,
  close: number,
  maxProblems = Number.POSITIVE_INFINITY,
): QuotedScan {
  const n = text.length;
  const problems: QuotedProblem[] = [];
  let escapes = false;
  let hasLineBreak = false;
  let i = start + 1;
  let terminated = false;
  while (i < n) {
    const code = text.charCodeAt(i);
    if (code === close) {
      terminated = true;
      break;
    }
    if (code === BACKSLASH) {
      const next = text.charCodeAt(i + 1);
      if (next === close || next === BACKSLASH) {
        escapes = true;
        i += 2;
        continue;
      }
      if (i + 1 < n && problems.length < maxProblems) {
        problems.push({ kind: 'invalid-escape', start: i, end: i + 2 });
      }
      i++;
      continue;
    }
    if (code === 10 || code === 13) {
      hasLineBreak = true;
      if (problems.length < maxProblems)
        problems.push({ kind: 'line-break-in-string', start: i, end: i + 1 });
    }
    i++;
  }
  // `i` can pass `n` by one: an unterminated string ending in `\` + close scans as an escape.
  const contentEnd = Math.min(i, n);
  const value = escapes
    ? decodeEscapes(text, start + 1, contentEnd, close)
    : text.slice(start + 1, contentEnd);
  return { end: terminated ? i + 1 : n, terminated, value, problems, hasLineBreak };
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

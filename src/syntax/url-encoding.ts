/**
 * Recognises a filter that arrived still URL-encoded (`status%20eq%20%22Failed%22`,
 * `status+eq+%22Failed%22`): a common mistake when a filter is copied from a URL or encoded twice.
 *
 * What a writer put in quotes is a value, whatever it holds: `%41` or `+` inside any string
 * (double, single or typographic quotes) is the character itself, never an escape. Decoding is a
 * certain fix only when the whole filter is consistently encoded (no raw space and no raw quote
 * anywhere: every string is itself encoded); escapes outside the strings of a filter that is not
 * are reported with a suggestion that decodes only them.
 */
import type { Span } from '../ast/span.js';
import { scanQuoted } from '../language/quoting.js';
import { closingQuoteOf, opensString } from '../language/words.js';

function isHex(code: number): boolean {
  return (code >= 48 && code <= 57) || (code >= 65 && code <= 70) || (code >= 97 && code <= 102);
}

function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}

function isAsciiSpace(code: number): boolean {
  return code === 32 || code === 9 || code === 10 || code === 13;
}

/** A `+` in a date-time's offset (`20:13:29+01:00`), which is not a URL-encoded space. */
function isOffsetPlus(text: string, i: number): boolean {
  return (
    isDigit(text.charCodeAt(i - 1)) &&
    isDigit(text.charCodeAt(i + 1)) &&
    isDigit(text.charCodeAt(i + 2)) &&
    text.charCodeAt(i + 3) === 58
  );
}

/**
 * A `+` that separates two words (`status+eq`), where a space belongs: not a date-time offset,
 * and not a sign written after a space (`n eq +1`, reported as a number problem instead).
 */
function standsForSpace(text: string, i: number): boolean {
  return i > 0 && !isAsciiSpace(text.charCodeAt(i - 1)) && !isOffsetPlus(text, i);
}

/** How a filter shows URL encoding. */
export type UrlEncoding =
  /** No `%XX` and no word-separating `+` outside strings. */
  | { readonly kind: 'none' }
  /** Encoded throughout (no raw space or quote): decoding the whole text is what the writer meant. */
  | { readonly kind: 'whole' }
  /** Escapes outside strings beside raw spaces or quoted strings: `escapes` lists them in order. */
  | { readonly kind: 'mixed'; readonly escapes: readonly Span[] };

/**
 * Where `text` shows URL encoding: the `%XX` escapes and word-separating `+` outside its quoted
 * strings (strings read as the lexer reads them, in every quote style), and whether the whole
 * text is consistently encoded. One pass: each string is skipped in one scan.
 */
export function urlEncodingOf(text: string): UrlEncoding {
  if (text.indexOf('%') < 0 && text.indexOf('+') < 0) return { kind: 'none' };
  const escapes: Span[] = [];
  let rawQuote = false;
  let rawSpace = false;
  const first = firstNonSpace(text);
  const last = lastNonSpace(text);
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (opensString(code)) {
      rawQuote = true;
      i = scanQuoted(text, i, closingQuoteOf(code), 0).end - 1;
    } else if (isAsciiSpace(code)) {
      if (i > first && i < last) rawSpace = true;
    } else if (code === 37 && isHex(text.charCodeAt(i + 1)) && isHex(text.charCodeAt(i + 2))) {
      escapes.push({ start: i, end: i + 3 });
      i += 2;
    } else if (code === 43 && standsForSpace(text, i)) {
      escapes.push({ start: i, end: i + 1 });
    }
  }
  if (escapes.length === 0) return { kind: 'none' };
  return rawQuote || rawSpace ? { kind: 'mixed', escapes } : { kind: 'whole' };
}

function firstNonSpace(text: string): number {
  let i = 0;
  while (i < text.length && isAsciiSpace(text.charCodeAt(i))) i++;
  return i;
}

function lastNonSpace(text: string): number {
  let i = text.length - 1;
  while (i >= 0 && isAsciiSpace(text.charCodeAt(i))) i--;
  return i;
}

/**
 * Decodes as a server decodes a query value (`+` is a space), except that a `+` in a date-time
 * offset is kept: that is what the writer meant. Undefined when the escapes are malformed.
 */
export function decodeQueryValue(text: string): string | undefined {
  let spaced = '';
  let segmentStart = 0;
  for (let i = text.indexOf('+'); i >= 0; i = text.indexOf('+', i + 1)) {
    if (isOffsetPlus(text, i)) continue;
    spaced += `${text.slice(segmentStart, i)} `;
    segmentStart = i + 1;
  }
  spaced += text.slice(segmentStart);
  try {
    return decodeURIComponent(spaced);
  } catch {
    return undefined;
  }
}

/**
 * The edits that decode only the given escapes (a `+` becomes a space; adjacent `%XX` are decoded
 * together, as one UTF-8 sequence), or undefined when some run is not valid UTF-8.
 */
export function decodeEscapeEdits(
  text: string,
  escapes: readonly Span[],
): { span: Span; text: string }[] | undefined {
  const edits: { span: Span; text: string }[] = [];
  let i = 0;
  while (i < escapes.length) {
    const start = escapes[i]!.start;
    if (text.charCodeAt(start) === 43) {
      edits.push({ span: escapes[i]!, text: ' ' });
      i++;
      continue;
    }
    let end = escapes[i]!.end;
    let j = i + 1;
    while (j < escapes.length && escapes[j]!.start === end && text.charCodeAt(end) === 37) {
      end = escapes[j]!.end;
      j++;
    }
    try {
      edits.push({ span: { start, end }, text: decodeURIComponent(text.slice(start, end)) });
    } catch {
      return undefined;
    }
    i = j;
  }
  return edits;
}

/** The offset of the first `%` not followed by two hex digits, or -1. */
export function malformedEscape(text: string): number {
  for (let i = text.indexOf('%'); i >= 0; i = text.indexOf('%', i + 1)) {
    if (!isHex(text.charCodeAt(i + 1)) || !isHex(text.charCodeAt(i + 2))) return i;
  }
  return -1;
}

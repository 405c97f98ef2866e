/**
 * Filter text written inside a JavaScript or TypeScript string literal or template literal: the
 * text the program passes at run time (the "cooked" text, escapes decoded) with, for each of its
 * UTF-16 code units, the range of the source it came from. Linters and editor plugins check the
 * cooked text with `parse` and `validate`, then report each problem at the source range of its
 * span, so `"name eq \u0022x\u0022"` and template parts point at the exact characters written.
 *
 * The decoding follows ECMAScript's string and template grammars: single-character escapes,
 * `\xHH`, `\uHHHH`, `\u{…}`, legacy octal escapes (strings only), line continuations (a
 * backslash before a line terminator, which yield nothing), any other escaped character standing
 * for itself, and in templates raw CR and CRLF read as LF.
 */
import type { Span } from '../ast/span.js';

/** Which literal grammar a piece of source follows. */
export type LiteralKind = 'string' | 'template';

/** A run of literal source: the text between the delimiters of a literal or template part. */
export interface SourcePiece {
  /** Offset of the piece's first character in the source. */
  readonly start: number;
  /** Offset just past its last character. */
  readonly end: number;
}

/** Cooked text with the source range of every code unit. */
export interface CookedText {
  /** What the program passes at run time (placeholders where a template has `${…}`). */
  readonly text: string;
  /** Source offset where code unit `i` starts (an escape's backslash, a placeholder's `${`). */
  readonly starts: readonly number[];
  /** Source offset just past the characters that produced code unit `i`. */
  readonly ends: readonly number[];
  /** Where the whole literal body ends in the source (an empty span at the text's end lands here). */
  readonly sourceEnd: number;
  /** The cooked spans of the placeholders standing for template substitutions, in order. */
  readonly holes: readonly Span[];
  /** The source spans of those substitutions, `${` to `}` included. */
  readonly holeSources: readonly Span[];
}

/** The escapes that stand for one control character. */
const SINGLE_ESCAPES: Readonly<Record<string, string>> = {
  b: '\b',
  f: '\f',
  n: '\n',
  r: '\r',
  t: '\t',
  v: '\v',
};

const isLineTerminator = (c: string | undefined) =>
  c === '\n' || c === '\r' || c === '\u2028' || c === '\u2029';
const isHex = (c: string | undefined) => c !== undefined && /^[0-9a-fA-F]$/.test(c);
const isOctal = (c: string | undefined) => c !== undefined && c >= '0' && c <= '7';

class Builder {
  text = '';
  readonly starts: number[] = [];
  readonly ends: number[] = [];
  push(units: string, start: number, end: number): void {
    this.text += units;
    for (let i = 0; i < units.length; i++) {
      this.starts.push(start);
      this.ends.push(end);
    }
  }
}

/**
 * Decodes one escape sequence starting at `at` (the backslash). Returns the code units it stands
 * for and the offset past it, or `undefined` when the escape is malformed (the literal is then
 * a syntax error the parser reports, and nothing is checked).
 */
function readEscape(
  source: string,
  at: number,
  end: number,
  kind: LiteralKind,
): { units: string; next: number } | undefined {
  const c = source[at + 1];
  if (at + 1 >= end || c === undefined) return undefined;
  if (c === '\r') return { units: '', next: source[at + 2] === '\n' && at + 2 < end ? at + 3 : at + 2 };
  if (isLineTerminator(c)) return { units: '', next: at + 2 };
  const single = SINGLE_ESCAPES[c];
  if (single !== undefined) return { units: single, next: at + 2 };
  if (c === 'x') {
    const hex = source.slice(at + 2, at + 4);
    if (at + 4 > end || !isHex(hex[0]) || !isHex(hex[1])) return undefined;
    return { units: String.fromCharCode(Number.parseInt(hex, 16)), next: at + 4 };
  }
  if (c === 'u') return readUnicodeEscape(source, at, end);
  if (isOctal(c)) return readOctalEscape(source, at, end, kind);
  if (c === '8' || c === '9') return kind === 'string' ? { units: c, next: at + 2 } : undefined;
  const point = source.codePointAt(at + 1)!;
  const units = String.fromCodePoint(point);
  return { units, next: at + 1 + units.length };
}

function readUnicodeEscape(
  source: string,
  at: number,
  end: number,
): { units: string; next: number } | undefined {
  if (source[at + 2] === '{') {
    const close = source.indexOf('}', at + 3);
    if (close < 0 || close >= end) return undefined;
    const digits = source.slice(at + 3, close);
    if (digits.length === 0 || ![...digits].every(isHex)) return undefined;
    const point = Number.parseInt(digits, 16);
    if (point > 0x10ffff) return undefined;
    return { units: String.fromCodePoint(point), next: close + 1 };
  }
  const hex = source.slice(at + 2, at + 6);
  if (at + 6 > end || hex.length < 4 || ![...hex].every(isHex)) return undefined;
  return { units: String.fromCharCode(Number.parseInt(hex, 16)), next: at + 6 };
}

/** `\0` not before a digit is NUL in both grammars; other octal escapes are legacy, strings only. */
function readOctalEscape(
  source: string,
  at: number,
  end: number,
  kind: LiteralKind,
): { units: string; next: number } | undefined {
  const first = source[at + 1]!;
  const after = at + 2 < end ? source[at + 2] : undefined;
  if (first === '0' && !(after !== undefined && after >= '0' && after <= '9'))
    return { units: '\0', next: at + 2 };
  if (kind === 'template') return undefined;
  // Up to three digits while the value stays at most 0o377 (a leading 4-7 allows two).
  let next = at + 2;
  const limit = first <= '3' ? 3 : 2;
  while (next - (at + 1) < limit && next < end && isOctal(source[next])) next++;
  return { units: String.fromCharCode(Number.parseInt(source.slice(at + 1, next), 8)), next };
}

/** Cooks one piece into `out`; `false` when an escape is malformed. */
function cookPiece(source: string, piece: SourcePiece, kind: LiteralKind, out: Builder): boolean {
  let at = piece.start;
  while (at < piece.end) {
    const c = source[at]!;
    if (c === '\\') {
      const decoded = readEscape(source, at, piece.end, kind);
      if (decoded === undefined) return false;
      out.push(decoded.units, at, decoded.next);
      at = decoded.next;
    } else if (kind === 'template' && c === '\r') {
      const next = source[at + 1] === '\n' && at + 1 < piece.end ? at + 2 : at + 1;
      out.push('\n', at, next);
      at = next;
    } else {
      out.push(c, at, at + 1);
      at++;
    }
  }
  return true;
}

/**
 * Cooks a literal given as its pieces: one for a string literal or a template without
 * substitutions, n + 1 for a template with n substitutions (the source between two pieces is
 * the substitution, `${` to `}`). `placeholder(prefix)` chooses the text that stands for each
 * substitution, given the cooked text before it. Returns `undefined` when an escape is
 * malformed or the pieces are not in order within `source`.
 */
export function cookLiteral(
  source: string,
  pieces: readonly SourcePiece[],
  kind: LiteralKind,
  placeholder: (prefix: string) => string = () => '',
): CookedText | undefined {
  const out = new Builder();
  const holes: Span[] = [];
  const holeSources: Span[] = [];
  let previousEnd = -1;
  for (const [index, piece] of pieces.entries()) {
    if (piece.start < 0 || piece.end < piece.start || piece.end > source.length || piece.start < previousEnd)
      return undefined;
    if (index > 0) {
      const text = placeholder(out.text);
      const hole = { start: previousEnd, end: piece.start };
      holes.push({ start: out.text.length, end: out.text.length + text.length });
      holeSources.push(hole);
      out.push(text, hole.start, hole.end);
    }
    if (!cookPiece(source, piece, kind, out)) return undefined;
    previousEnd = piece.end;
  }
  const last = pieces[pieces.length - 1];
  return {
    text: out.text,
    starts: out.starts,
    ends: out.ends,
    sourceEnd: last === undefined ? 0 : last.end,
    holes,
    holeSources,
  };
}

/**
 * The source range of a span of the cooked text: from where its first code unit starts to where
 * its last one ends. An empty span maps to the start of the unit at its offset (the literal's end
 * past the text). Offsets outside the text are clamped to it.
 */
export function sourceSpan(cooked: CookedText, span: Span): Span {
  const length = cooked.text.length;
  const start = Math.min(Math.max(span.start, 0), length);
  const end = Math.min(Math.max(span.end, start), length);
  const startAt = start < length ? cooked.starts[start]! : cooked.sourceEnd;
  if (end === start) return { start: startAt, end: startAt };
  return { start: startAt, end: Math.max(startAt, cooked.ends[end - 1]!) };
}

/**
 * The cooked offset of a source offset inside the literal (a cursor), or `undefined` outside it.
 * A cursor inside an escape or a substitution counts as standing before it.
 */
export function cookedOffset(cooked: CookedText, sourceOffset: number): number | undefined {
  const length = cooked.text.length;
  const first = length === 0 ? cooked.sourceEnd : cooked.starts[0]!;
  if (sourceOffset < first || sourceOffset > cooked.sourceEnd) return undefined;
  for (let i = 0; i < length; i++) if (sourceOffset < cooked.ends[i]!) return i;
  return length;
}

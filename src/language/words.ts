/**
 * Where words and strings start and end, without the lexer's tokens (so without Chevrotain):
 * the lexer and `complete` share them, and `complete` is part of the package's eager import graph.
 * @module
 */

import { endsWord, isIdentifierPart, isOperatorSymbolChar } from './chars.js';

export const DOUBLE_QUOTE = 34;
export const SINGLE_QUOTE = 39;
export const LEFT_DOUBLE = 0x201c;
export const RIGHT_DOUBLE = 0x201d;
export const LEFT_SINGLE = 0x2018;
export const RIGHT_SINGLE = 0x2019;

/** Whether `code` opens a string: `"`, `'`, or a typographic quote pasted from a document. */
export function opensString(code: number): boolean {
  return (
    code === DOUBLE_QUOTE ||
    code === SINGLE_QUOTE ||
    code === LEFT_DOUBLE ||
    code === RIGHT_DOUBLE ||
    code === LEFT_SINGLE ||
    code === RIGHT_SINGLE
  );
}

/** The quote that closes a string opened by `open`: `”` for `“`, `’` for `‘`, else `open` itself. */
export function closingQuoteOf(open: number): number {
  if (open === LEFT_DOUBLE) return RIGHT_DOUBLE;
  if (open === LEFT_SINGLE) return RIGHT_SINGLE;
  return open;
}

function isWordChar(code: number): boolean {
  return !endsWord(code) && !isOperatorSymbolChar(code) && !opensString(code);
}

/** The offset where the word starting at `start` ends. */
export function wordRunEnd(text: string, start: number): number {
  let end = start;
  while (end < text.length && isWordChar(text.charCodeAt(end))) end++;
  return end;
}

/**
 * Whether a word can start at `code`: an ASCII letter, digit, `_`, `-` or `.`, or a non-ASCII
 * character (so `naïve` is reported as one field name). Controls and other ASCII punctuation
 * start no word and are reported as unexpected characters.
 */
export function startsWord(code: number): boolean {
  if (code < 0x80) return isIdentifierPart(code) || code === 45 || code === 46;
  return isWordChar(code) && !(code >= 0x80 && code <= 0x9f);
}

/** Reads a bare word in value position: everything up to whitespace, a parenthesis, `,` or `"`. */
export function wordEnd(text: string, start: number): number {
  let end = start;
  while (end < text.length && !endsWord(text.charCodeAt(end))) end++;
  return end;
}

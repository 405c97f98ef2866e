import type { IToken, TokenType } from 'chevrotain';
import type { Span } from '../../ast/span.js';

/**
 * A token as the parser receives it: Chevrotain's IToken with offsets only (no line/column, which
 * are computed only when a diagnostic is shown). `payload` carries a string literal's decoded value.
 */
export type Token = IToken;

/** Creates a token covering `[start, end)` of the input. */
export function makeToken(
  type: TokenType,
  image: string,
  start: number,
  end: number,
  payload?: string,
): Token {
  return {
    image,
    startOffset: start,
    endOffset: end - 1,
    tokenType: type,
    tokenTypeIdx: type.tokenTypeIdx!,
    payload,
  };
}

/** The half-open span of a token (Chevrotain's `endOffset` is inclusive). */
export function tokenSpan(token: Token): Span {
  return { start: token.startOffset, end: (token.endOffset ?? token.startOffset) + 1 };
}

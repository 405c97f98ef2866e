/**
 * The fast path seen through Chevrotain tokens, for the test (test/syntax/fast-path.test.ts) that
 * checks, on random and real input, that whenever the fast scan succeeds its tokens are exactly
 * those of the full lexer, and that the fast parser builds the full parser's tree from them.
 * `parse` never loads this module: the fast path itself reads codes, not Chevrotain tokens.
 * @module
 */
import type { IToken, TokenType } from 'chevrotain';
import type { Expression } from '../ast/index.js';
import { COMMA_CODE, END_CODE, IMAGES, STRING_CODE, scan, TokenBuffer, WORDS } from './fast-lexer.js';
import { parseBuffer } from './fast-parser.js';
import type { ParseLimits } from './limits.js';
import { makeToken, type Token } from './token-stream.js';
import * as T from './tokens.js';

/** The Chevrotain token type of each code. */
export const TOKEN_TYPES: readonly TokenType[] = [
  ...WORDS.map((word) => T.keywordTokens.get(word)!),
  T.LParen,
  T.RParen,
  T.Comma,
  T.StringLiteral,
  T.NumberLiteral,
  T.DateTimeLiteral,
  T.Identifier,
];

/** The fast scan's tokens as Chevrotain tokens, or undefined where it declines. */
export function fastLex(text: string, limits: ParseLimits): Token[] | undefined {
  const buffer = new TokenBuffer(16);
  if (!scan(text, limits, buffer)) return undefined;
  const tokens: Token[] = new Array(buffer.count);
  for (let i = 0; i < buffer.count; i++) {
    const code = buffer.codes[i]!;
    const start = buffer.starts[i]!;
    const end = buffer.ends[i]!;
    const image = code <= COMMA_CODE ? IMAGES[code]! : text.slice(start, end);
    const payload = code === STRING_CODE ? buffer.texts[i] : undefined;
    tokens[i] = makeToken(TOKEN_TYPES[code]!, image, start, end, payload);
  }
  return tokens;
}

/** The code of each Chevrotain token type (categories, which no token has, are absent). */
const CODES = new Map<TokenType, number>(TOKEN_TYPES.map((type, code) => [type, code]));

/**
 * Parses tokens (as {@link fastLex} returns them) on the fast path: the tree, or undefined on any
 * syntax error. `parse` reads text with {@link fastParseText} instead; this is the same parser,
 * for the test that holds the fast lexer's tokens to the full lexer's.
 */
export function fastParse(tokens: readonly IToken[]): Expression | undefined {
  const buffer = new TokenBuffer(tokens.length + 1);
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    const code = CODES.get(token.tokenType);
    if (code === undefined) return undefined;
    buffer.codes[i] = code;
    buffer.starts[i] = token.startOffset;
    buffer.ends[i] = (token.endOffset ?? token.startOffset) + 1;
    if (code === STRING_CODE)
      buffer.texts[i] = typeof token.payload === 'string' ? token.payload : token.image;
    else if (code > COMMA_CODE) buffer.texts[i] = token.image;
  }
  buffer.codes[tokens.length] = END_CODE;
  buffer.count = tokens.length;
  return parseBuffer(buffer);
}

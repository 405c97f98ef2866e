/**
 * @internal Test seams of the two parse paths, for test/syntax/ only: not exported from the
 * package (src/index.ts), not reached by `parse`, and free to change. They exist so that the tests
 * can hold the paths to each other (test/syntax/fast-path.test.ts):
 * - {@link parseWithoutFastPath}: `parse` with every filter on the full path;
 * - {@link fastLex}: the fast scan's tokens as Chevrotain tokens, to compare with the full lexer's
 *   (whenever the scan succeeds they must be exactly those, with no diagnostic);
 * - {@link fastParse}: the fast parser over such tokens, to compare with the full parser's tree.
 * This module loads Chevrotain (its tokens); `parse` never loads it.
 * @module
 */
import type { IToken, TokenType } from 'chevrotain';
import type { Expression } from '../ast/index.js';
import { parseBuffer } from './fast/parser.js';
import { scan } from './fast/scan.js';
import { TokenBuffer } from './fast/token-buffer.js';
import { COMMA_CODE, END_CODE, IMAGES, STRING_CODE, WORDS } from './fast/token-codes.js';
import { makeToken, type Token } from './full/token.js';
import * as T from './full/tokens.js';
import { loadFullParse } from './full-path-loader.js';
import { checkInput, checkUrlEncoding } from './input-checks.js';
import type { ParseLimits } from './limits.js';
import type { ParseOptions, ParseResult } from './parse.js';

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

/**
 * `parse` without its fast path: the same checks, then every filter through the full pipeline
 * (lexer with repairs, structure pass, recovering parser).
 */
export function parseWithoutFastPath(text: string, options?: ParseOptions): ParseResult {
  const limits = checkInput(text, options);
  if ('ok' in limits) return limits;
  return checkUrlEncoding(text) ?? loadFullParse().parseFully(text, limits);
}

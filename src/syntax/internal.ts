/**
 * @internal Test seams of the two parse paths, for test/syntax/ only: not exported from the
 * package (src/index.ts), not reached by `parse`, and free to change. They exist so that the tests
 * can hold the paths to each other (test/syntax/fast-path.test.ts):
 * - {@link parseWithoutFastPath}: `parse` with every filter on the full path;
 * - {@link fastLex}: the tokens the fast path read, as Chevrotain tokens, to compare with the full
 *   lexer's (wherever the fast path accepts they must be exactly those, with no diagnostic).
 * This module loads Chevrotain (its tokens); `parse` never loads it.
 * @module
 */
import type { TokenType } from 'chevrotain';
import { fastParseText } from './fast/parser.js';
import { COMMA_CODE, IMAGES, STRING_CODE, type TokenSink, WORDS } from './fast/token-codes.js';
import { makeToken, type Token } from './full/token.js';
import * as T from './full/tokens.js';
import { loadFullParse } from './full-path-loader.js';
import { checkBeforeFullPath, checkInput } from './input-checks.js';
import type { ParseLimits } from './limits.js';
import type { ParseOptions, ParseResult } from './parse.js';

/** The Chevrotain token type of each fast token code. */
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

/**
 * The tokens the fast path reads, as Chevrotain tokens, where it accepts `text` (its tree is then
 * `parse`'s); undefined where it declines.
 */
export function fastLex(text: string, limits: ParseLimits): Token[] | undefined {
  const tokens: Token[] = [];
  const sink: TokenSink = {
    token(code, start, end, value) {
      const image = code <= COMMA_CODE ? IMAGES[code]! : text.slice(start, end);
      tokens.push(makeToken(TOKEN_TYPES[code]!, image, start, end, code === STRING_CODE ? value : undefined));
    },
  };
  return fastParseText(text, limits, sink) === undefined ? undefined : tokens;
}

/**
 * `parse` without its fast path: the same checks, then every filter through the full pipeline
 * (lexer with repairs, structure pass, recovering parser).
 */
export function parseWithoutFastPath(text: string, options?: ParseOptions): ParseResult {
  const limits = checkInput(text, options);
  if ('ok' in limits) return limits;
  return checkBeforeFullPath(text) ?? loadFullParse().parseFully(text, limits);
}

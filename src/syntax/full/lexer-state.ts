import type { TokenType } from 'chevrotain';
import { type Diagnostic, error, type Fix, replaceFix } from '../../diagnostic/index.js';
import type { SyntaxCode } from '../codes.js';
import { makeToken, type Token } from './token.js';
import * as T from './tokens.js';

const compareTypes = T.compareOperatorTokens;
const listTypes = T.listOperatorTokens;

/**
 * What the lexer has produced so far, and where in a filter it stands. The language is not
 * context-free at the token level for error reporting: `Joe` after `eq` is a bare value, after a
 * field it is an unknown operator. The position is read off the previous tokens.
 */
export class LexerState {
  readonly tokens: Token[] = [];
  readonly diagnostics: Diagnostic[] = [];
  /** Inside the parentheses of an `in`/`ca` list. */
  inList = false;

  constructor(
    readonly text: string,
    readonly maxErrors: number,
  ) {}

  previous(back = 1): TokenType | undefined {
    return this.tokens[this.tokens.length - back]?.tokenType;
  }

  previousToken(back = 1): Token | undefined {
    return this.tokens[this.tokens.length - back];
  }

  push(type: TokenType, start: number, end: number, payload?: string): void {
    this.tokens.push(makeToken(type, this.text.slice(start, end), start, end, payload));
  }

  report(code: SyntaxCode, message: string, start: number, end: number, fixes?: readonly Fix[]): void {
    this.diagnostics.push(error(code, message, { start, end }, fixes));
  }

  get tooManyErrors(): boolean {
    return this.diagnostics.length > this.maxErrors;
  }

  /** Where a value is expected: after a comparison operator, or after `(` or `,` in a list. */
  get atValue(): boolean {
    const previous = this.previous();
    if (previous === undefined) return false;
    if (compareTypes.has(previous)) return true;
    return this.inList && (previous === T.LParen || previous === T.Comma);
  }

  /** Right after a field (not after prefix `pr field`): an operator is expected. */
  get atOperator(): boolean {
    return this.previous() === T.Identifier && this.previous(2) !== T.Pr;
  }

  /** Whether an operand starts after a token of `type`: at the start, after `and`/`or`/`not`/`(`. */
  private opensOperand(type: TokenType | undefined): boolean {
    return (
      type === undefined ||
      type === T.And ||
      type === T.Or ||
      type === T.Not ||
      (type === T.LParen && !this.inList)
    );
  }

  /** Where a field or `not`/`(` is expected: at the start, after `and`/`or`/`not`/`(`. */
  get atField(): boolean {
    return this.opensOperand(this.previous());
  }

  /** Right after a prefix `pr` (one written where a field was expected): its field comes next. */
  get afterPrefixPresence(): boolean {
    return this.previous() === T.Pr && this.opensOperand(this.previous(2));
  }

  /** Whether the previous token is `in` or `ca`. */
  get afterListOperator(): boolean {
    const previous = this.previous();
    return previous !== undefined && listTypes.has(previous);
  }

  /**
   * A fix that replaces `[start, end)` with `word`, adding a space on a side where the
   * neighbouring character would otherwise run into it (`a==1` becomes `a eq 1`).
   */
  spacedFix(message: string, start: number, end: number, word: string): Fix {
    const before = this.text.charCodeAt(start - 1);
    const after = this.text.charCodeAt(end);
    const needsSpaceBefore = start > 0 && !isSpaceOrParen(before, 40);
    const needsSpaceAfter = end < this.text.length && !isSpaceOrParen(after, 41);
    return replaceFix(
      message,
      { start, end },
      `${needsSpaceBefore ? ' ' : ''}${word}${needsSpaceAfter ? ' ' : ''}`,
    );
  }
}

function isSpaceOrParen(code: number, paren: number): boolean {
  return code === 32 || code === 9 || code === 10 || code === 13 || code === paren;
}

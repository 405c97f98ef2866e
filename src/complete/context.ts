import type { TokenType } from 'chevrotain';
import type { Diagnostic } from '../diagnostic/index.js';
import { startsWord } from '../language/words.js';
import type { Token } from '../syntax/full/token.js';
import { loadFullParse } from '../syntax/full-path-loader.js';

/**
 * Where the cursor stands in the grammar, read off the tokens before it:
 * - `operand`: a field, `not`, `(` or a prefix `pr` may start here;
 * - `prefix-pr`: after a prefix `pr`, its field;
 * - `operator`: after a field, its operator;
 * - `value`: after a comparison operator, or after `(`/`,` in a list;
 * - `list-open`: after `in`/`ca`, the list's `(`;
 * - `list-next`: after a list value, `,` or `)`;
 * - `connective`: after a whole condition, `and`/`or`, or `)` inside parentheses.
 */
export type Position =
  | 'operand'
  | 'prefix-pr'
  | 'operator'
  | 'value'
  | 'list-open'
  | 'list-next'
  | 'connective';

/** The grammatical situation at the cursor. */
export interface CursorContext {
  readonly position: Position;
  /** The field the operator or value belongs to (as written). */
  readonly field?: string;
  /** The operator the value belongs to (as the parser reads it: `EQ` and `==` are `eq`). */
  readonly operator?: string;
  /** Open groups `(` (not lists) before the cursor. */
  readonly groupDepth: number;
  /** Inside an `in`/`ca` list. */
  readonly inList: boolean;
  /** The values already in the list the cursor is in (strings decoded), so they are not offered again. */
  readonly listed: readonly string[];
  /**
   * The word or value the cursor is at the end of (a field being typed, an unterminated string),
   * which the options replace; undefined between tokens.
   */
  readonly partial?: PartialToken;
}

/** The token the cursor is typing. */
export interface PartialToken {
  readonly start: number;
  readonly text: string;
  /** A string whose closing quote is not written yet. */
  readonly unterminatedString: boolean;
  /** A value (string, number, date-time, boolean) rather than a word. */
  readonly isValue: boolean;
  /** A string's content as typed so far, escapes resolved. */
  readonly value?: string;
}

/** The token types the reader tells apart, made on first use (they come with Chevrotain, loaded lazily). */
interface TokenKinds {
  readonly T: ReturnType<typeof loadFullParse>['tokens'];
  readonly COMPARE: ReadonlySet<TokenType>;
  readonly VALUES: ReadonlySet<TokenType>;
  /** Tokens with no letters of their own: a cursor right after them starts a new token. */
  readonly PUNCTUATION: ReadonlySet<TokenType>;
}

let kinds: TokenKinds | undefined;

function tokenKinds(): TokenKinds {
  if (kinds) return kinds;
  const T = loadFullParse().tokens;
  kinds = {
    T,
    COMPARE: T.compareOperatorTokens,
    VALUES: new Set([T.StringLiteral, T.NumberLiteral, T.DateTimeLiteral, T.True, T.False]),
    PUNCTUATION: new Set([T.LParen, T.RParen, T.Comma]),
  };
  return kinds;
}

/** Lexer errors before the cursor past which no suggestion is made. */
const MAX_ERRORS = 1000;

/** The mutable reading state of {@link readContext}: a small pushdown automaton. */
class Reader {
  /** The token types, read once per reader rather than once per token. */
  private readonly kinds = tokenKinds();
  position: Position = 'operand';
  field: string | undefined;
  operator: string | undefined;
  /** One entry per open parenthesis: true for a list, false for a group. */
  readonly open: boolean[] = [];
  groupDepth = 0;
  /** The values of the innermost open list (lists do not nest). */
  listed: string[] = [];

  get inList(): boolean {
    return this.open.length > 0 && this.open[this.open.length - 1]!;
  }

  /** Moves past one token. Each token type decides the next position, so any text is read on. */
  step(token: Token): void {
    const { T, COMPARE, VALUES } = this.kinds;
    const type = token.tokenType;
    if (type === T.Identifier) {
      if (this.position === 'prefix-pr') {
        this.position = 'connective';
      } else {
        this.field = fieldName(token.image);
        this.position = 'operator';
      }
    } else if (COMPARE.has(type)) {
      this.operator = keywordOf(type);
      this.position = 'value';
    } else if (T.listOperatorTokens.has(type)) {
      this.operator = keywordOf(type);
      this.position = 'list-open';
    } else if (type === T.Pr) {
      this.position = this.position === 'operator' ? 'connective' : 'prefix-pr';
    } else if (T.postfixPresenceTokens.has(type)) {
      this.position = 'connective';
    } else if (type === T.And || type === T.Or || type === T.Not) {
      this.position = 'operand';
    } else if (type === T.LParen) {
      const list = this.position === 'list-open';
      this.open.push(list);
      if (list) this.listed = [];
      else this.groupDepth++;
      this.position = list ? 'value' : 'operand';
    } else if (type === T.RParen) {
      const list = this.open.pop();
      if (list === false) this.groupDepth--;
      this.position = 'connective';
    } else if (type === T.Comma) {
      this.position = this.inList ? 'value' : 'operand';
    } else if (VALUES.has(type)) {
      if (this.inList) this.listed.push(typeof token.payload === 'string' ? token.payload : token.image);
      this.position = this.inList ? 'list-next' : 'connective';
    }
  }
}

/** The operator a token stands for, even one the lexer repaired (`EQ`, `==`, `equals`). */
function keywordOf(type: TokenType): string {
  return type.name.toLowerCase();
}

/** A field written in quotes (`"status" eq 1`, reported by the lexer) is still that field. */
function fieldName(image: string): string {
  const first = image.charCodeAt(0);
  return first === 34 || first === 39 ? image.slice(1, -1) : image;
}

/** Whether the last token, ending at the cursor, is one the cursor is still typing. */
function isPartial(token: Token, offset: number, diagnostics: readonly Diagnostic[]): boolean {
  if (token.startOffset + token.image.length !== offset) return false;
  if (tokenKinds().PUNCTUATION.has(token.tokenType)) return false;
  if (opensQuote(token.image)) return unterminated(token, diagnostics);
  // Symbols the lexer read as operators (`==`, `&&`, `,` outside a list) are no words being typed.
  return startsWord(token.image.charCodeAt(0));
}

function opensQuote(image: string): boolean {
  const code = image.charCodeAt(0);
  return code === 34 || code === 39 || (code >= 0x2018 && code <= 0x201d);
}

function unterminated(token: Token, diagnostics: readonly Diagnostic[]): boolean {
  for (let i = diagnostics.length - 1; i >= 0; i--) {
    const d = diagnostics[i]!;
    if (d.span.start < token.startOffset) return false;
    if (d.code === 'unterminated-string' && d.span.start === token.startOffset) return true;
  }
  return false;
}

/**
 * Reads the grammatical situation at `offset` from the project's lexer run over the text before
 * the cursor (undefined past 1,000 lexer errors). The lexer is linear, never throws, and reads
 * incomplete text (an unterminated string is a string token to the end), and its repairs (`EQ`
 * read as `eq`, `,` as `and`) are what the parser will see, so the context agrees with the
 * diagnostics the user is shown.
 */
export function readContext(text: string, offset: number): CursorContext | undefined {
  const before = text.slice(0, offset);
  const { lex } = loadFullParse();
  const first = lex(before, MAX_ERRORS);
  // Past the error cap the lexer stops early, and the cursor's place is unknown: text that broken
  // gets no suggestions (and the cap keeps hostile text from building a diagnostic per character).
  if (!first.complete) return undefined;
  const last = first.tokens[first.tokens.length - 1];
  const partialToken = last && isPartial(last, offset, first.diagnostics) ? last : undefined;
  // The lexer looks one word ahead (`not in eq 1` uses `in` as a field), so a word half typed would
  // sway how the words before it are read: they are read again without it.
  const tokens = partialToken
    ? lex(before.slice(0, partialToken.startOffset), MAX_ERRORS).tokens
    : first.tokens;
  const reader = new Reader();
  for (const token of tokens) reader.step(token);
  const partial: PartialToken | undefined = partialToken && {
    start: partialToken.startOffset,
    text: partialToken.image,
    unterminatedString: opensQuote(partialToken.image),
    isValue: tokenKinds().VALUES.has(partialToken.tokenType),
    ...(typeof partialToken.payload === 'string' ? { value: partialToken.payload } : {}),
  };
  return {
    position: reader.position,
    ...(reader.field !== undefined ? { field: reader.field } : {}),
    ...(reader.operator !== undefined ? { operator: reader.operator } : {}),
    groupDepth: reader.groupDepth,
    inList: reader.inList,
    listed: reader.inList ? reader.listed : [],
    ...(partial ? { partial } : {}),
  };
}

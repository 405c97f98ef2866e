import { KEYWORDS, type Keyword, OPERATOR_RULES, type OperatorKind } from '../../language/operators.js';

/**
 * The fast path's token codes: small integers, as the fast parser recognises its tokens (and
 * hands them to a {@link TokenSink}). Keywords first, in the order of {@link KEYWORDS} in
 * language/operators.ts (the code of a keyword is its index there), then punctuation, then the
 * tokens that carry a text. Every code is derived from that order, so a row added to the
 * operator table needs no edit here.
 *
 * The composite operators come first in KEYWORDS: their codes are literals, each typed
 * {@link Spelled}, so should KEYWORDS ever be reordered the typecheck fails here, instead of the
 * fast path quietly reading `or` as `and`.
 * @module
 */

/** The code `C` when KEYWORDS[C] is the keyword `W`, otherwise `never` (assigning it fails). */
type Spelled<C extends number, W extends string> = (typeof KEYWORDS)[C] extends W ? C : never;

export const AND_CODE: Spelled<0, 'and'> = 0;
export const OR_CODE: Spelled<1, 'or'> = 1;
export const NOT_CODE: Spelled<2, 'not'> = 2;

/** The code of a keyword: its index in KEYWORDS. */
function codeOf(word: Keyword): number {
  return (KEYWORDS as readonly string[]).indexOf(word);
}

/** `pr`, which also starts an operand (`pr field`). */
export const PR_CODE = codeOf('pr');
export const TRUE_CODE = codeOf('true');
export const FALSE_CODE = codeOf('false');
/** The first code after the keywords: there are exactly this many keywords. */
export const OPEN_CODE = KEYWORDS.length;
export const CLOSE_CODE = OPEN_CODE + 1;
export const COMMA_CODE = OPEN_CODE + 2;
/** A string; its decoded value is the token's text. */
export const STRING_CODE = OPEN_CODE + 3;
/** A number; its text as written is the token's text. */
export const NUMBER_CODE = OPEN_CODE + 4;
/** A date-time; its text as written is the token's text. */
export const DATE_TIME_CODE = OPEN_CODE + 5;
/** A field; its name is the token's text. */
export const FIELD_CODE = OPEN_CODE + 6;

/** The keywords in the language's order (language/operators.ts), indexed by their token codes; `keywordAt` (words.ts) returns such a code. */
export const WORDS: readonly string[] = KEYWORDS;

/** The image of the tokens spelled one way: the keywords and the punctuation, by code. */
export const IMAGES: readonly string[] = [...WORDS, '(', ')', ','];

/** What the operator of a code builds ({@link OPERATOR_KINDS}): not an operator, a comparison, a list, a presence test. */
export const NOT_AN_OPERATOR = 0;
export const COMPARISON = 1;
export const LIST = 2;
export const PRESENCE = 3;

const KIND_NUMBERS: { readonly [K in OperatorKind]: number } = {
  comparison: COMPARISON,
  list: LIST,
  presence: PRESENCE,
};

/**
 * What each code's operator builds, from the operator table: {@link COMPARISON}, {@link LIST},
 * {@link PRESENCE}, or {@link NOT_AN_OPERATOR} for every other code (one load where the parser
 * reads an operator, instead of ranges of codes kept by hand).
 */
export const OPERATOR_KINDS: Uint8Array = Uint8Array.from(WORDS, (word) => {
  const row = OPERATOR_RULES.find((entry) => entry.word === word);
  return row === undefined ? NOT_AN_OPERATOR : KIND_NUMBERS[row.kind];
});

/**
 * Receives each token the fast parser reads, in order: its code, offsets (end exclusive) and, for
 * a field, number, date-time or string, the text the tree keeps (a string's decoded value). `parse`
 * passes none; internal.ts records them, for the test that holds them to the full lexer's tokens.
 */
export interface TokenSink {
  token(code: number, start: number, end: number, text: string | undefined): void;
}

import { KEYWORDS } from '../../language/operators.js';

/**
 * The fast path's token codes: small integers, as the fast parser recognises its tokens (and
 * hands them to a {@link TokenSink}). Keywords first, in the order of {@link KEYWORDS} in language/operators.ts (the code of a
 * keyword is its index there), then punctuation, then the tokens that carry a text.
 *
 * Each keyword code is typed {@link Spelled}: should KEYWORDS ever be reordered or a keyword
 * renamed, the code no longer spells its word and the typecheck fails here, instead of the fast
 * path quietly reading `or` as `and`. (The codes stay literals so that a `switch` on them compiles
 * to a jump table.)
 * @module
 */

/** The code `C` when KEYWORDS[C] is the keyword `W`, otherwise `never` (assigning it fails). */
type Spelled<C extends number, W extends string> = (typeof KEYWORDS)[C] extends W ? C : never;

export const AND_CODE: Spelled<0, 'and'> = 0;
export const OR_CODE: Spelled<1, 'or'> = 1;
export const NOT_CODE: Spelled<2, 'not'> = 2;
/** `eq` ... `sw`: the comparison operators are the codes from here to {@link SW_CODE}. */
export const EQ_CODE: Spelled<3, 'eq'> = 3;
export const NE_CODE: Spelled<4, 'ne'> = 4;
export const GT_CODE: Spelled<5, 'gt'> = 5;
export const GE_CODE: Spelled<6, 'ge'> = 6;
export const LT_CODE: Spelled<7, 'lt'> = 7;
export const LE_CODE: Spelled<8, 'le'> = 8;
export const CO_CODE: Spelled<9, 'co'> = 9;
export const SW_CODE: Spelled<10, 'sw'> = 10;
export const IN_CODE: Spelled<11, 'in'> = 11;
export const CA_CODE: Spelled<12, 'ca'> = 12;
export const PR_CODE: Spelled<13, 'pr'> = 13;
export const ISNULL_CODE: Spelled<14, 'isnull'> = 14;
export const TRUE_CODE: Spelled<15, 'true'> = 15;
export const FALSE_CODE: Spelled<16, 'false'> = 16;
/** The first code after the keywords: there are exactly this many keywords. */
export const OPEN_CODE: (typeof KEYWORDS)['length'] = 17;
export const CLOSE_CODE = 18;
export const COMMA_CODE = 19;
/** A string; its decoded value is the token's text. */
export const STRING_CODE = 20;
/** A number; its text as written is the token's text. */
export const NUMBER_CODE = 21;
/** A date-time; its text as written is the token's text. */
export const DATE_TIME_CODE = 22;
/** A field; its name is the token's text. */
export const FIELD_CODE = 23;

/** The keywords in the language's order (language/operators.ts), indexed by their token codes; `keywordAt` (words.ts) returns such a code. */
export const WORDS: readonly string[] = KEYWORDS;

/** The image of the tokens spelled one way: the keywords and the punctuation, by code. */
export const IMAGES: readonly string[] = [...WORDS, '(', ')', ','];

/**
 * Receives each token the fast parser reads, in order: its code, offsets (end exclusive) and, for
 * a field, number, date-time or string, the text the tree keeps (a string's decoded value). `parse`
 * passes none; internal.ts records them, for the test that holds them to the full lexer's tokens.
 */
export interface TokenSink {
  token(code: number, start: number, end: number, text: string | undefined): void;
}

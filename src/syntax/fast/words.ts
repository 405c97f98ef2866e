import { peekWord } from '../peek-word.js';
import { foreignOperatorWords, isOperatorSymbolChar, operatorWords } from '../spellings.js';
import { AND_CODE, OR_CODE, WORDS } from './token-codes.js';

/**
 * The fast parser's reading of words outside value position: where a word ends, which keyword it
 * spells (by character codes, without slicing it), and whether a keyword or field stands where
 * the full lexer would read it the same way and say nothing.
 * @module
 */

/** Set by {@link wordEnd}: whether the word it read is a field path (segments joined by dots). */
let isPath = false;

/** Whether the last word {@link wordEnd} read is a field path, as `isFieldPath` in chars.ts would answer. */
export function lastWordIsPath(): boolean {
  return isPath;
}

// What each ASCII character is to a word: a table lookup per character instead of a chain of
// comparisons (the word loop is the fast path's hottest).
const OTHER = 0;
const LETTER = 1; // [A-Za-z_]
const DIGIT = 2;
const DOT = 3;
const HYPHEN = 4;
const DELIMITER = 5; // space, tab, line break, `(`, `)`, `,`, `"`: the word ends before it
const WORD_CHARS = new Uint8Array(128);
for (let c = 65; c <= 90; c++) WORD_CHARS[c] = WORD_CHARS[c + 32] = LETTER;
for (let c = 48; c <= 57; c++) WORD_CHARS[c] = DIGIT;
WORD_CHARS[95] = LETTER;
WORD_CHARS[46] = DOT;
WORD_CHARS[45] = HYPHEN;
for (const c of [32, 9, 10, 13, 40, 41, 44, 34]) WORD_CHARS[c] = DELIMITER;

/**
 * The end of the word at `start`, if it is made of `[A-Za-z0-9_.-]` and followed by whitespace,
 * a parenthesis, a comma, a double quote or the end; otherwise `start` (the full lexer decides).
 */
export function wordEnd(text: string, start: number): number {
  const n = text.length;
  let end = start;
  let path = true;
  let atSegmentStart = true;
  while (end < n) {
    const c = text.charCodeAt(end);
    const kind = c < 128 ? WORD_CHARS[c]! : OTHER;
    if (kind === LETTER) {
      atSegmentStart = false;
    } else if (kind === DIGIT) {
      if (atSegmentStart) path = false;
      atSegmentStart = false;
    } else if (kind === DOT) {
      if (atSegmentStart) path = false;
      atSegmentStart = true;
    } else if (kind === HYPHEN) {
      path = false;
    } else if (kind === DELIMITER) {
      break;
    } else {
      return start;
    }
    end++;
  }
  isPath = path && !atSegmentStart;
  return end;
}

/**
 * The ASCII characters, in either case, that start a word `peekWord` takes for an operator (a
 * primitive operator or a foreign spelling of one) or a run of operator symbols; 0 elsewhere.
 */
const OPERATOR_INITIALS = new Uint8Array(128);
for (const word of [...operatorWords, ...foreignOperatorWords.keys()]) {
  OPERATOR_INITIALS[word.toLowerCase().charCodeAt(0)] = 1;
  OPERATOR_INITIALS[word.toUpperCase().charCodeAt(0)] = 1;
}
for (let c = 0; c < 128; c++) if (isOperatorSymbolChar(c)) OPERATOR_INITIALS[c] = 1;

/**
 * Whether `not` or prefix `pr`, ending at `end` where an operand starts, stands as itself. Where a
 * field could stand, full/lex-words.ts takes a keyword followed by an operator for a field
 * (`not eq 1`) and reports it: the fast path leaves that to it (`not pr x` is fine).
 */
export function keywordStandsHere(text: string, isNot: boolean, end: number): boolean {
  // `not (`, `not "`, `pr )`: the word `peekWord` would read is empty, so no operator.
  let next = end;
  while (next < text.length) {
    const c = text.charCodeAt(next);
    if (c !== 32 && c !== 10 && c !== 13 && c !== 9) break;
    next++;
  }
  if (next === text.length) return true;
  const c = text.charCodeAt(next);
  if (c === 40 || c === 41 || c === 44 || c === 34) return true;
  // A word no operator spelling starts with is no operator: no need to slice and look it up.
  if (c < 128 && OPERATOR_INITIALS[c] === 0) return true;
  const word = peekWord(text, end);
  return !word.isOperator || (isNot && word.word === 'pr');
}

/** The length of each keyword, by code: where a keyword {@link keywordHere} found ends. */
export const KEYWORD_LENGTHS: Uint8Array = Uint8Array.from(WORDS, (word) => word.length);

/**
 * The code of the keyword at `start` (no space there) where only a keyword may stand (an operator
 * after a field, a connective after an operand), or -1. As {@link wordEnd} then {@link keywordAt}
 * would answer there, without reading the word's path: a keyword is lowercase letters followed by
 * whitespace, a parenthesis, a comma, a double quote or the end; anything else is no keyword (a
 * longer word, or a character the full lexer reads otherwise). It ends {@link KEYWORD_LENGTHS}
 * of its code after `start`: no second result to hand back.
 */
export function keywordHere(text: string, start: number): number {
  const n = text.length;
  let end = start;
  let c = -1;
  while (end < n) {
    c = text.charCodeAt(end);
    if (c < 97 || c > 122) break;
    end++;
  }
  if (end < n && !(isSpace(c) || c === 40 || c === 41 || c === 44 || c === 34)) return -1;
  if (end - start === 2) return twoLetterKeyword(text.charCodeAt(start), text.charCodeAt(start + 1));
  return keywordAt(text, start, end);
}

/** The characters a keyword or value ends before: space, tab, line break, `(`, `)`, `,`, `"`. */
const ENDS_WORD = new Uint8Array(45);
for (const c of [32, 9, 10, 13, 40, 41, 44, 34]) ENDS_WORD[c] = 1;

/** Whether the word at `end` ends there: the end of the text or a character of {@link ENDS_WORD}. */
function endsHere(text: string, end: number): boolean {
  if (end >= text.length) return true;
  const c = text.charCodeAt(end);
  return c < 45 && ENDS_WORD[c] === 1;
}

/**
 * {@link keywordHere} where an operator stands: a two-letter operator is read by its two letters
 * and the character after them; any other word goes the general way.
 */
export function operatorAt(text: string, start: number): number {
  if (start + 2 <= text.length && endsHere(text, start + 2)) {
    return twoLetterKeyword(text.charCodeAt(start), text.charCodeAt(start + 1));
  }
  return keywordHere(text, start);
}

/** `AND_CODE` or `OR_CODE` where `and` or `or` stands at `start` as {@link keywordHere} reads it, otherwise -1. */
export function connectiveAt(text: string, start: number): number {
  if (start + 2 > text.length) return -1;
  const c0 = text.charCodeAt(start);
  if (c0 === 111) return text.charCodeAt(start + 1) === 114 && endsHere(text, start + 2) ? OR_CODE : -1;
  if (c0 !== 97 || start + 3 > text.length) return -1;
  return spells(text, start + 1, 110, 100) && endsHere(text, start + 3) ? AND_CODE : -1;
}

function isSpace(c: number): boolean {
  return c === 32 || c === 10 || c === 13 || c === 9;
}

/** `AND`, `Or`, `NOT` (a word of `[A-Za-z0-9_.-]`): full/lex-words.ts reports the case (or takes them for fields). */
export function spellsConnective(text: string, start: number, end: number): boolean {
  // `c | 32` lowercases an ASCII letter; for these characters it equals a lowercase letter only
  // when `c` is that letter in either case.
  const length = end - start;
  if (length !== 2 && length !== 3) return false;
  const c0 = text.charCodeAt(start) | 32;
  const c1 = text.charCodeAt(start + 1) | 32;
  switch (length) {
    case 2:
      return c0 === 111 && c1 === 114; // or
    case 3: {
      const c2 = text.charCodeAt(start + 2) | 32;
      return (c0 === 97 && c1 === 110 && c2 === 100) || (c0 === 110 && c1 === 111 && c2 === 116); // and, not
    }
    default:
      return false;
  }
}

/**
 * The code of the keyword spelled exactly by `text[start, end)`, or -1: by length, then a table
 * (two and three letters) or character codes. No slice, no hashing, no `startsWith` (a Map lookup
 * per word cost more than the rest of the fast path together). The tables are built from the
 * keywords of language/operators.ts, and test/syntax/fast-path.test.ts checks that it knows
 * exactly those.
 */
export function keywordAt(text: string, start: number, end: number): number {
  const length = end - start;
  if (length < 2) return -1;
  const c0 = text.charCodeAt(start);
  const c1 = text.charCodeAt(start + 1);
  switch (length) {
    case 2:
      return twoLetterKeyword(c0, c1);
    case 3:
      return threeLetterKeyword(c0, c1, text.charCodeAt(start + 2));
    default:
      // Few keywords are longer: most fields are ruled out by their first letter, without a call.
      return c0 < 128 && LONG_CODES[c0] !== undefined ? longKeywordAt(text, start, length, c0) : -1;
  }
}

/** Whether the two characters at `at` are `c0` and `c1` (a keyword's letters, without a builtin call). */
function spells(text: string, at: number, c0: number, c1: number): boolean {
  return text.charCodeAt(at) === c0 && text.charCodeAt(at + 1) === c1;
}

// The keywords of four letters or more, by their first letter: the codes that start with it.
const LONG_CODES: readonly (readonly number[] | undefined)[] = Array.from({ length: 128 }, (_, c) => {
  const codes = [...WORDS.keys()].filter(
    (code) => WORDS[code]!.length > 3 && WORDS[code]!.charCodeAt(0) === c,
  );
  return codes.length > 0 ? codes : undefined;
});

/** {@link keywordAt} for the longer keywords, apart so that the common case stays small. */
function longKeywordAt(text: string, start: number, length: number, c0: number): number {
  const codes = LONG_CODES[c0]!;
  for (let n = 0; n < codes.length; n++) {
    const code = codes[n]!;
    const word = WORDS[code]!;
    if (word.length !== length) continue;
    let i = 1;
    while (i < length && text.charCodeAt(start + i) === word.charCodeAt(i)) i++;
    if (i === length) return code;
  }
  return -1;
}

// The two- and three-letter keywords (the operators, `or`, `and`, `not`) by their letters: one
// load, no branch per keyword.
const TWO_LETTER_CODES = new Int8Array(26 * 26).fill(-1);
const THREE_LETTER_CODES = new Int8Array(26 * 26 * 26).fill(-1);
for (const [code, word] of WORDS.entries()) {
  const [i, j, k] = [0, 1, 2].map((at) => word.charCodeAt(at) - 97) as [number, number, number];
  if (word.length === 2) TWO_LETTER_CODES[i * 26 + j] = code;
  if (word.length === 3) THREE_LETTER_CODES[(i * 26 + j) * 26 + k] = code;
}

/** The code of the two-letter keyword `c0 c1`, or -1 (small, so that callers inline it). */
export function twoLetterKeyword(c0: number, c1: number): number {
  const i = c0 - 97;
  const j = c1 - 97;
  return i >= 0 && i < 26 && j >= 0 && j < 26 ? TWO_LETTER_CODES[i * 26 + j]! : -1;
}

/** The code of the three-letter keyword `c0 c1 c2`, or -1. */
function threeLetterKeyword(c0: number, c1: number, c2: number): number {
  const i = c0 - 97;
  const j = c1 - 97;
  const k = c2 - 97;
  return i >= 0 && i < 26 && j >= 0 && j < 26 && k >= 0 && k < 26
    ? THREE_LETTER_CODES[(i * 26 + j) * 26 + k]!
    : -1;
}

import type { TokenType } from 'chevrotain';
import { checkDateTime, scanDateTime, splitDateTime } from '../ast/date-time.js';
import { isNumberLiteral } from './chars.js';
import type { ParseLimits } from './limits.js';
import { peekWord } from './peek.js';
import { scanQuoted } from './quoted.js';
import { makeToken, type Token } from './token-stream.js';
import * as T from './tokens.js';

/**
 * The lexer's fast path, for filters that are written correctly (nearly all of them).
 *
 * It reads the same tokens as {@link lex} in lexer.ts, but only where that lexer would report
 * nothing: at the first character or word that the full lexer would treat with a diagnostic, a
 * heuristic or a repair (wrong case, foreign operators, single quotes, bare words, a keyword used
 * as a field, a bad escape, an impossible date...) it gives up and returns undefined, and the
 * caller starts over with the full lexer. It also gives up when a parse limit might be exceeded,
 * so that the structure pass, which only reports and repairs, can be skipped:
 * - nesting: it measures the depth as that pass does (open parentheses plus pending `not`s);
 * - comparisons: it counts the same operator tokens that pass counts;
 * - list values: it counts the values in each `in`/`ca` list.
 * Everything else that pass reports (unbalanced parentheses, a missing `and`, `in "a"`) is also a
 * syntax error for the parser, which then fails, and the caller starts over as well.
 *
 * test/syntax/fast-path.test.ts checks, on random and real input, that whenever this returns
 * tokens they are exactly those of {@link lex}, which reports nothing.
 */
export function fastLex(text: string, limits: ParseLimits): Token[] | undefined {
  const tokens: Token[] = [];
  const n = text.length;
  // Kinds of the last two tokens (small integers: cheaper to test than token types).
  let previous = START;
  let beforePrevious = START;
  let inList = false;
  let listValues = 0;
  const nesting = new Nesting();
  let comparisons = 0;
  let pos = 0;
  while (pos < n) {
    const code = text.charCodeAt(pos);
    if (code === 32 || code === 10 || code === 13 || code === 9) {
      pos++;
      continue;
    }
    let type: TokenType | undefined;
    let kind: number;
    let end = pos + 1;
    let image: string | undefined;
    let payload: string | undefined;
    if (code === 40) {
      if (inList) return undefined;
      inList = previous === LIST_OPERATOR;
      if (!inList && nesting.open() > limits.maxDepth) return undefined;
      listValues = 0;
      type = T.LParen;
      kind = OPEN;
      image = '(';
    } else if (code === 41) {
      if (inList && (previous === COMMA || previous === OPEN)) return undefined;
      if (!inList && !nesting.close()) return undefined; // a `)` that closes no `(`
      inList = false;
      type = T.RParen;
      kind = CLOSE;
      image = ')';
    } else if (code === 44) {
      if (!inList) return undefined;
      type = T.Comma;
      kind = COMMA;
      image = ',';
    } else {
      // Only values remain: strings, numbers, date-times and booleans where a value is due, and
      // keywords and fields elsewhere.
      const atValue = inList ? previous === OPEN || previous === COMMA : previous === COMPARE_OPERATOR;
      if (inList && !atValue) return undefined; // `in ("a" "b")`: the full lexer reports the missing comma
      if (atValue && inList && ++listValues > limits.maxListValues) return undefined;
      kind = VALUE;
      if (code === 34) {
        if (!atValue) return undefined;
        end = stringEnd(text, pos);
        if (end < 0) return undefined;
        type = T.StringLiteral;
        payload = hasEscape ? scanQuoted(text, pos, 34).value : text.slice(pos + 1, end - 1);
      } else if (atValue) {
        end = valueEnd(text, pos);
        image = text.slice(pos, end);
        type = valueType(text, image, pos, end);
      } else {
        end = wordEnd(text, pos);
        if (end === pos) return undefined; // a character that starts no token the fast path knows
        const index = keywordAt(text, pos, end);
        if (index >= 0) {
          kind = WORD_KINDS[index]!;
          image = WORDS[index]; // the word itself, unsliced
          if (previous === FIELD && beforePrevious !== PREFIX_PR) {
            if (!isPredicateOperator(kind)) return undefined;
          } else if (!keywordStandsHere(text, kind, end, previous, inList)) {
            return undefined;
          }
          type = WORD_TYPES[index];
        } else {
          if (previous === FIELD && beforePrevious !== PREFIX_PR) return undefined; // an unknown operator
          if (!isPath || spellsConnective(text, pos, end)) return undefined;
          type = T.Identifier;
          kind = FIELD;
        }
      }
      if (type === undefined) return undefined;
      if (kind === NOT && nesting.not() > limits.maxDepth) return undefined;
      if (kind === AND || kind === OR) nesting.connective();
      if (isPredicateOperator(kind) && ++comparisons > limits.maxComparisons) return undefined;
    }
    tokens.push(makeToken(type, image ?? text.slice(pos, end), pos, end, payload));
    beforePrevious = previous;
    previous = kind;
    pos = end;
  }
  return tokens;
}

// Token kinds. `pr` is PREFIX_PR as the kind of the word; after a field it is read as an operator.
const START = 0;
const FIELD = 1;
const COMPARE_OPERATOR = 2;
const LIST_OPERATOR = 3;
const PREFIX_PR = 4;
const ISNULL_OPERATOR = 5;
const AND = 6;
const OR = 7;
const NOT = 8;
const OPEN = 9;
const CLOSE = 10;
const COMMA = 11;
const VALUE = 12;

/** The kinds the structure pass counts against `maxComparisons`: every operator token. */
function isPredicateOperator(kind: number): boolean {
  return kind >= COMPARE_OPERATOR && kind <= ISNULL_OPERATOR;
}

/**
 * Nesting depth as structure.ts measures it: open parentheses plus the `not`s still pending at
 * each level (a `not` ends at the next `and`, `or` or `)` of its level).
 */
class Nesting {
  /** Pending `not`s per open parenthesis level; index 0 is the top level. */
  private readonly nots: number[] = [0];
  private pending = 0;

  /** The depth after a `(`. */
  open(): number {
    this.nots.push(0);
    return this.depth();
  }

  /** After a `)`; false when it closes no `(`. */
  close(): boolean {
    this.connective();
    if (this.nots.length === 1) return false;
    this.nots.pop();
    this.connective();
    return true;
  }

  /** The depth after a `not`. */
  not(): number {
    this.nots[this.nots.length - 1]!++;
    this.pending++;
    return this.depth();
  }

  /** After `and`/`or`: the `not`s of this level end. */
  connective(): void {
    const top = this.nots.length - 1;
    this.pending -= this.nots[top]!;
    this.nots[top] = 0;
  }

  private depth(): number {
    return this.nots.length - 1 + this.pending;
  }
}

/** Set by {@link wordEnd}: whether the word it read is a field path (segments joined by dots). */
let isPath = false;

/**
 * The end of the word at `start`, if it is made of `[A-Za-z0-9_.-]` and followed by whitespace,
 * a parenthesis, a comma, a double quote or the end; otherwise `start` (the full lexer decides).
 * Sets {@link isPath}, as `isFieldPath` in chars.ts would answer for the word.
 */
function wordEnd(text: string, start: number): number {
  let end = start;
  let path = true;
  let atSegmentStart = true;
  while (end < text.length) {
    const c = text.charCodeAt(end);
    const letter = (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95;
    if (letter || (c >= 48 && c <= 57)) {
      if (atSegmentStart && !letter) path = false;
      atSegmentStart = false;
    } else if (c === 46) {
      if (atSegmentStart) path = false;
      atSegmentStart = true;
    } else if (c === 45) {
      path = false;
    } else if (c === 32 || c === 10 || c === 13 || c === 9 || c === 40 || c === 41 || c === 44 || c === 34) {
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
 * The end of a bare value at `start`: up to whitespace, a parenthesis, a comma or a double quote,
 * like the full lexer's `wordEnd` (which also stops at Unicode spaces; a value holding one is not
 * a number, date-time or boolean here, so the full lexer gets it).
 */
function valueEnd(text: string, start: number): number {
  let end = start;
  while (end < text.length) {
    const c = text.charCodeAt(end);
    if (c === 32 || c === 10 || c === 13 || c === 9 || c === 40 || c === 41 || c === 44 || c === 34) break;
    end++;
  }
  return end;
}

/** The type of a word where a value is due, or undefined where the full lexer has more to say. */
function valueType(text: string, word: string, start: number, end: number): TokenType | undefined {
  if (isNumberLiteral(word)) return T.NumberLiteral;
  if (plainDateTime(text, start, end)) return T.DateTimeLiteral;
  if (word.length >= 10 && scanDateTime(word, 0) === word.length) {
    // A date the quick check leaves open (the 29th to 31st...): the full lexer's own check.
    return checkDateTime(splitDateTime(word)!) === undefined ? T.DateTimeLiteral : undefined;
  }
  if (word === 'true') return T.True;
  if (word === 'false') return T.False;
  return undefined;
}

/** The two decimal digits at `i` as a number, or -1. */
function twoDigits(text: string, i: number): number {
  const high = text.charCodeAt(i) - 48;
  const low = text.charCodeAt(i + 1) - 48;
  return high >= 0 && high <= 9 && low >= 0 && low <= 9 ? high * 10 + low : -1;
}

/**
 * Whether `text[start, end)` is, at a glance, a date-time that exists: the RFC 3339 shape that
 * `scanDateTime` reads, a day from 01 to 28 (valid in every month), and hours, minutes, seconds
 * and offset in range. A subset of what the full lexer accepts, read with `charCodeAt` only (its
 * general check cost more than all the other tokens of a filter together); false when unsure.
 */
function plainDateTime(text: string, start: number, end: number): boolean {
  if (end - start < 10) return false;
  const century = twoDigits(text, start);
  const year = twoDigits(text, start + 2);
  const month = twoDigits(text, start + 5);
  const day = twoDigits(text, start + 8);
  if (century < 0 || year < 0 || text.charCodeAt(start + 4) !== 45 || text.charCodeAt(start + 7) !== 45)
    return false;
  if (month < 1 || month > 12 || day < 1 || day > 28) return false;
  if (end - start === 10) return true;
  const t = text.charCodeAt(start + 10);
  if (t !== 84 && t !== 116) return false;
  const hour = twoDigits(text, start + 11);
  const minute = twoDigits(text, start + 14);
  const second = twoDigits(text, start + 17);
  if (hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59) return false;
  if (text.charCodeAt(start + 13) !== 58 || text.charCodeAt(start + 16) !== 58) return false;
  let i = start + 19;
  if (text.charCodeAt(i) === 46) {
    const fraction = ++i;
    while (i < end && text.charCodeAt(i) >= 48 && text.charCodeAt(i) <= 57) i++;
    if (i === fraction) return false;
  }
  const zone = text.charCodeAt(i);
  if (zone === 90 || zone === 122) return i + 1 === end;
  if (zone !== 43 && zone !== 45) return false;
  const offsetHours = twoDigits(text, i + 1);
  const offsetMinutes = twoDigits(text, i + 4);
  return (
    i + 6 === end &&
    text.charCodeAt(i + 3) === 58 &&
    offsetHours >= 0 &&
    offsetHours <= 23 &&
    offsetMinutes >= 0 &&
    offsetMinutes <= 59
  );
}

/**
 * Whether a keyword stands as itself here. Where a field could also stand, lex-words.ts takes a
 * keyword followed by an operator for a field (`in eq 1`) and reports it: the fast path leaves
 * that to it.
 */
function keywordStandsHere(
  text: string,
  kind: number,
  end: number,
  previous: number,
  inList: boolean,
): boolean {
  const atField =
    previous === START ||
    previous === AND ||
    previous === OR ||
    previous === NOT ||
    (previous === OPEN && !inList);
  if (!atField) return true;
  const next = peekWord(text, end);
  return !next.isOperator || (kind === NOT && next.word === 'pr');
}

/** `AND`, `Or`, `NOT`: lex-words.ts reports the case (or takes them for fields). */
function spellsConnective(text: string, start: number, end: number): boolean {
  const length = end - start;
  if (length !== 2 && length !== 3) return false;
  const lower = text.slice(start, end).toLowerCase();
  return lower === 'and' || lower === 'or' || lower === 'not';
}

/** The keywords; {@link keywordAt} returns an index into this list. */
const WORDS = [
  'and',
  'or',
  'not',
  'eq',
  'ne',
  'gt',
  'ge',
  'lt',
  'le',
  'co',
  'sw',
  'in',
  'ca',
  'pr',
  'isnull',
  'true',
  'false',
];
const WORD_TYPES: readonly TokenType[] = WORDS.map((word) => T.keywordTokens.get(word)!);
const AND_WORD = WORDS.indexOf('and');
const OR_WORD = WORDS.indexOf('or');
const NOT_WORD = WORDS.indexOf('not');
const EQ_WORD = WORDS.indexOf('eq');
const NE_WORD = WORDS.indexOf('ne');
const GT_WORD = WORDS.indexOf('gt');
const GE_WORD = WORDS.indexOf('ge');
const LT_WORD = WORDS.indexOf('lt');
const LE_WORD = WORDS.indexOf('le');
const CO_WORD = WORDS.indexOf('co');
const SW_WORD = WORDS.indexOf('sw');
const IN_WORD = WORDS.indexOf('in');
const CA_WORD = WORDS.indexOf('ca');
const PR_WORD = WORDS.indexOf('pr');
const ISNULL_WORD = WORDS.indexOf('isnull');
const TRUE_WORD = WORDS.indexOf('true');
const FALSE_WORD = WORDS.indexOf('false');

/** The kind of each keyword in {@link WORDS}. */
const WORD_KINDS: readonly number[] = WORDS.map((word) => {
  if (word === 'and') return AND;
  if (word === 'or') return OR;
  if (word === 'not') return NOT;
  if (word === 'in' || word === 'ca') return LIST_OPERATOR;
  if (word === 'pr') return PREFIX_PR;
  if (word === 'isnull') return ISNULL_OPERATOR;
  if (word === 'true' || word === 'false') return VALUE;
  return COMPARE_OPERATOR;
});

/**
 * The index in {@link WORDS} of the keyword spelled exactly by `text[start, end)`, or -1. A switch
 * on character codes: no slice, no hashing (a Map lookup per word cost more than the rest of the
 * fast lexer together).
 */
function keywordAt(text: string, start: number, end: number): number {
  const c0 = text.charCodeAt(start);
  const c1 = text.charCodeAt(start + 1);
  switch (end - start) {
    case 2:
      switch (c0) {
        case 99: // c
          return c1 === 111 ? CO_WORD : c1 === 97 ? CA_WORD : -1;
        case 101: // e
          return c1 === 113 ? EQ_WORD : -1;
        case 103: // g
          return c1 === 116 ? GT_WORD : c1 === 101 ? GE_WORD : -1;
        case 105: // i
          return c1 === 110 ? IN_WORD : -1;
        case 108: // l
          return c1 === 116 ? LT_WORD : c1 === 101 ? LE_WORD : -1;
        case 110: // n
          return c1 === 101 ? NE_WORD : -1;
        case 111: // o
          return c1 === 114 ? OR_WORD : -1;
        case 112: // p
          return c1 === 114 ? PR_WORD : -1;
        case 115: // s
          return c1 === 119 ? SW_WORD : -1;
        default:
          return -1;
      }
    case 3:
      if (c0 === 97) return text.startsWith('and', start) ? AND_WORD : -1;
      return c0 === 110 && text.startsWith('not', start) ? NOT_WORD : -1;
    case 4:
      return text.startsWith('true', start) ? TRUE_WORD : -1;
    case 5:
      return text.startsWith('false', start) ? FALSE_WORD : -1;
    case 6:
      return text.startsWith('isnull', start) ? ISNULL_WORD : -1;
    default:
      return -1;
  }
}

/** Set by {@link stringEnd}: whether the string it read holds an escape. */
let hasEscape = false;

/** The offset after the closing quote of a well-formed string at `start`, or -1. */
function stringEnd(text: string, start: number): number {
  hasEscape = false;
  for (let i = start + 1; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 34) return i + 1;
    if (c === 92) {
      const next = text.charCodeAt(i + 1);
      if (next !== 34 && next !== 92) return -1;
      hasEscape = true;
      i++;
    } else if (c === 10 || c === 13) {
      return -1;
    }
  }
  return -1;
}

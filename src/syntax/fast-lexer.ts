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
  let previous: TokenType | undefined;
  let beforePrevious: TokenType | undefined;
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
    let end = pos + 1;
    let image: string | undefined;
    let payload: string | undefined;
    if (code === 40) {
      if (inList) return undefined;
      inList = previous === T.In || previous === T.Ca;
      if (!inList && nesting.open() > limits.maxDepth) return undefined;
      listValues = 0;
      type = T.LParen;
      image = '(';
    } else if (code === 41) {
      if (inList && (previous === T.Comma || previous === T.LParen)) return undefined;
      if (!inList && !nesting.close()) return undefined; // a `)` that closes no `(`
      inList = false;
      type = T.RParen;
      image = ')';
    } else if (code === 44) {
      if (!inList) return undefined;
      type = T.Comma;
      image = ',';
    } else {
      // Only values remain: strings, numbers, date-times and booleans where a value is due, and
      // keywords and fields elsewhere.
      const atValue = inList ? previous === T.LParen || previous === T.Comma : isCompareOperator(previous);
      if (inList && !atValue) return undefined; // `in ("a" "b")`: the full lexer reports the missing comma
      if (atValue && inList && ++listValues > limits.maxListValues) return undefined;
      if (code === 34) {
        if (!atValue) return undefined;
        end = stringEnd(text, pos);
        if (end < 0) return undefined;
        type = T.StringLiteral;
        payload = hasBackslash(text, pos + 1, end - 1)
          ? scanQuoted(text, pos, 34).value
          : text.slice(pos + 1, end - 1);
      } else if (atValue) {
        end = valueEnd(text, pos);
        image = text.slice(pos, end);
        type = valueType(text, image, pos, end);
      } else {
        end = wordEnd(text, pos);
        if (end === pos) return undefined; // a character that starts no token the fast path knows
        const index = keywordAt(text, pos, end);
        const keyword = index < 0 ? undefined : WORD_TYPES[index];
        if (previous === T.Identifier && beforePrevious !== T.Pr) {
          type = keyword !== undefined && isPredicateOperator(keyword) ? keyword : undefined;
        } else if (keyword !== undefined) {
          type = keywordWhereFieldMayBe(text, keyword, end, previous, inList);
        } else if (!spellsConnective(text, pos, end) && isPath) {
          type = T.Identifier;
        }
        if (index >= 0) image = WORDS[index]; // the word itself, unsliced
      }
      if (type === undefined) return undefined;
      if (type === T.Not && nesting.not() > limits.maxDepth) return undefined;
      if (type === T.And || type === T.Or) nesting.connective();
      if (isPredicateOperator(type) && ++comparisons > limits.maxComparisons) return undefined;
    }
    tokens.push(makeToken(type, image ?? text.slice(pos, end), pos, end, payload));
    beforePrevious = previous;
    previous = type;
    pos = end;
  }
  return tokens;
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

function isCompareOperator(type: TokenType | undefined): boolean {
  return (
    type === T.Eq ||
    type === T.Ne ||
    type === T.Gt ||
    type === T.Ge ||
    type === T.Lt ||
    type === T.Le ||
    type === T.Co ||
    type === T.Sw
  );
}

/** The operator tokens the structure pass counts against `maxComparisons`. */
function isPredicateOperator(type: TokenType): boolean {
  return isCompareOperator(type) || type === T.In || type === T.Ca || type === T.Pr || type === T.Isnull;
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
 * A keyword where a field could also stand: lex-words.ts takes a keyword followed by an operator
 * for a field (`in eq 1`) and reports it, so the fast path leaves that to it.
 */
function keywordWhereFieldMayBe(
  text: string,
  keyword: TokenType,
  end: number,
  previous: TokenType | undefined,
  inList: boolean,
): TokenType | undefined {
  const atField =
    previous === undefined ||
    previous === T.And ||
    previous === T.Or ||
    previous === T.Not ||
    (previous === T.LParen && !inList);
  if (!atField) return keyword;
  const next = peekWord(text, end);
  return next.isOperator && !(keyword === T.Not && next.word === 'pr') ? undefined : keyword;
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
const AND = WORDS.indexOf('and');
const OR = WORDS.indexOf('or');
const NOT = WORDS.indexOf('not');
const EQ = WORDS.indexOf('eq');
const NE = WORDS.indexOf('ne');
const GT = WORDS.indexOf('gt');
const GE = WORDS.indexOf('ge');
const LT = WORDS.indexOf('lt');
const LE = WORDS.indexOf('le');
const CO = WORDS.indexOf('co');
const SW = WORDS.indexOf('sw');
const IN = WORDS.indexOf('in');
const CA = WORDS.indexOf('ca');
const PR = WORDS.indexOf('pr');
const ISNULL = WORDS.indexOf('isnull');
const TRUE = WORDS.indexOf('true');
const FALSE = WORDS.indexOf('false');

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
          return c1 === 111 ? CO : c1 === 97 ? CA : -1;
        case 101: // e
          return c1 === 113 ? EQ : -1;
        case 103: // g
          return c1 === 116 ? GT : c1 === 101 ? GE : -1;
        case 105: // i
          return c1 === 110 ? IN : -1;
        case 108: // l
          return c1 === 116 ? LT : c1 === 101 ? LE : -1;
        case 110: // n
          return c1 === 101 ? NE : -1;
        case 111: // o
          return c1 === 114 ? OR : -1;
        case 112: // p
          return c1 === 114 ? PR : -1;
        case 115: // s
          return c1 === 119 ? SW : -1;
        default:
          return -1;
      }
    case 3:
      if (c0 === 97) return text.startsWith('and', start) ? AND : -1;
      return c0 === 110 && text.startsWith('not', start) ? NOT : -1;
    case 4:
      return text.startsWith('true', start) ? TRUE : -1;
    case 5:
      return text.startsWith('false', start) ? FALSE : -1;
    case 6:
      return text.startsWith('isnull', start) ? ISNULL : -1;
    default:
      return -1;
  }
}

/** The offset after the closing quote of a well-formed string at `start`, or -1. */
function stringEnd(text: string, start: number): number {
  for (let i = start + 1; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 34) return i + 1;
    if (c === 92) {
      const next = text.charCodeAt(i + 1);
      if (next !== 34 && next !== 92) return -1;
      i++;
    } else if (c === 10 || c === 13) {
      return -1;
    }
  }
  return -1;
}

function hasBackslash(text: string, from: number, to: number): boolean {
  const at = text.indexOf('\\', from);
  return at >= 0 && at < to;
}

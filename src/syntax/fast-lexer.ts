import {
  type DateTimeFields,
  dateTimeProblem,
  newDateTimeFields,
  readDateTime,
} from '../language/date-time/read.js';
import { KEYWORDS } from '../language/operators.js';
import { scanQuoted } from '../language/quoting.js';
import { MAX_LIMITS, type ParseLimits } from './limits.js';
import { peekWord } from './peek.js';

/**
 * The lexer's fast path, for filters that are written correctly (nearly all of them).
 *
 * It reads the same tokens as {@link lex} in lexer.ts, but only where that lexer would report
 * nothing: at the first character or word that the full lexer would treat with a diagnostic, a
 * heuristic or a repair (wrong case, foreign operators, single quotes, bare words, a keyword used
 * as a field, a bad escape, an impossible date...) it gives up, and the caller starts over with
 * the full lexer. It also gives up when a parse limit might be exceeded, so that the structure
 * pass, which only reports and repairs, can be skipped:
 * - nesting: it measures the depth as that pass does (open parentheses plus pending `not`s);
 * - comparisons: it counts the same operator tokens that pass counts;
 * - list values: it counts the values in each `in`/`ca` list.
 * Everything else that pass reports (unbalanced parentheses, a missing `and`, `in "a"`) is also a
 * syntax error for the parser, which then fails, and the caller starts over as well.
 *
 * {@link scan} writes the tokens into a {@link TokenBuffer} (a code, offsets and, where the tree
 * needs one, the text of each token: no token object, no slice the tree does not keep), which the
 * fast parser reads. `fastLex` (fast-tokens.ts) turns that buffer into Chevrotain tokens for the
 * test that holds them to those of {@link lex}. Nothing here loads Chevrotain at run time: the fast
 * path works before the full pipeline (and Chevrotain with it) is ever loaded.
 */

// Token codes, as the scan writes them and the fast parser reads them. Keywords first, in the
// order of WORDS (the code of a keyword is its index there), then the other tokens.
export const AND_CODE = 0;
export const OR_CODE = 1;
export const NOT_CODE = 2;
/** `eq` ... `sw`: the comparison operators are the codes from here to {@link SW_CODE}. */
export const EQ_CODE = 3;
export const SW_CODE = 10;
export const IN_CODE = 11;
export const CA_CODE = 12;
export const PR_CODE = 13;
export const ISNULL_CODE = 14;
export const TRUE_CODE = 15;
export const FALSE_CODE = 16;
export const OPEN_CODE = 17;
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
/** After the last token. */
export const END_CODE = 24;

/** The keywords in the language's order (language/operators.ts), indexed by their token codes; {@link keywordAt} returns such a code. */
export const WORDS: readonly string[] = KEYWORDS;

/** The image of the tokens spelled one way: the keywords and the punctuation, by code. */
export const IMAGES: readonly string[] = [...WORDS, '(', ')', ','];

/**
 * Tokens as parallel arrays: the code of token i, where it starts and ends (end exclusive) and,
 * for a field, number, date-time or string, the text the tree keeps (the name, the digits as
 * written, the decoded string). `codes[count]` is {@link END_CODE}.
 */
export class TokenBuffer {
  codes: Uint8Array;
  starts: Int32Array;
  ends: Int32Array;
  texts: (string | undefined)[];
  count = 0;

  constructor(capacity: number) {
    this.codes = new Uint8Array(capacity);
    this.starts = new Int32Array(capacity);
    this.ends = new Int32Array(capacity);
    this.texts = new Array<string | undefined>(capacity).fill(undefined);
  }

  get capacity(): number {
    return this.codes.length;
  }

  /** Doubles the capacity, keeping the tokens. */
  grow(): void {
    const capacity = this.codes.length * 2;
    const codes = new Uint8Array(capacity);
    codes.set(this.codes);
    const starts = new Int32Array(capacity);
    starts.set(this.starts);
    const ends = new Int32Array(capacity);
    ends.set(this.ends);
    this.codes = codes;
    this.starts = starts;
    this.ends = ends;
    for (let i = this.texts.length; i < capacity; i++) this.texts.push(undefined);
  }
}

/**
 * Reads `text` into `buffer`; false where the full lexer has something to say (see
 * {@link fastLex}), or where a limit might be exceeded.
 */
export function scan(text: string, limits: ParseLimits, buffer: TokenBuffer): boolean {
  const n = text.length;
  // Kinds of the last two tokens (what the position allows next, not which token it was).
  let previous = START;
  let beforePrevious = START;
  let inList = false;
  let listValues = 0;
  const nesting = sharedNesting.reset();
  let comparisons = 0;
  let count = 0;
  let pos = 0;
  // The buffer's arrays, read again after it grows.
  let { codes, starts, ends, texts } = buffer;
  let capacity = codes.length;
  while (pos < n) {
    const code = text.charCodeAt(pos);
    if (code === 32 || code === 10 || code === 13 || code === 9) {
      pos++;
      continue;
    }
    let token: number;
    let kind: number;
    let end = pos + 1;
    let value: string | undefined;
    if (code === 40) {
      if (inList) return false;
      inList = previous === LIST_OPERATOR;
      if (!inList && !opensOperand(previous)) return false;
      if (!inList && nesting.open() > limits.maxDepth) return false;
      listValues = 0;
      token = OPEN_CODE;
      kind = OPEN;
    } else if (code === 41) {
      if (inList && (previous === COMMA || previous === OPEN)) return false;
      if (!inList && !(endsOperand(previous, beforePrevious) && nesting.close())) return false;
      inList = false;
      token = CLOSE_CODE;
      kind = CLOSE;
    } else if (code === 44) {
      if (!inList) return false;
      token = COMMA_CODE;
      kind = COMMA;
    } else {
      // Only values remain: strings, numbers, date-times and booleans where a value is due, and
      // keywords and fields elsewhere.
      const atValue = inList ? previous === OPEN || previous === COMMA : previous === COMPARE_OPERATOR;
      if (inList && !atValue) return false; // `in ("a" "b")`: the full lexer reports the missing comma
      if (atValue && inList && ++listValues > limits.maxListValues) return false;
      kind = VALUE;
      if (code === 34) {
        if (!atValue) return false;
        end = stringEnd(text, pos);
        if (end < 0) return false;
        token = STRING_CODE;
        value = hasEscape ? scanQuoted(text, pos, 34).value : text.slice(pos + 1, end - 1);
      } else if (atValue) {
        end = valueEnd(text, pos);
        token = valueCode(text, pos, end);
        if (token < 0) return false;
        if (token === NUMBER_CODE || token === DATE_TIME_CODE) value = text.slice(pos, end);
      } else {
        end = wordEnd(text, pos);
        if (end === pos) return false; // a character that starts no token the fast path knows
        token = keywordAt(text, pos, end);
        if (token >= 0) {
          kind = WORD_KINDS[token]!;
          if (previous === FIELD && beforePrevious !== PREFIX_PR) {
            if (!isPredicateOperator(kind)) return false;
          } else if (!keywordStandsHere(text, kind, end, previous, inList)) {
            return false;
          }
        } else {
          if (previous === FIELD && beforePrevious !== PREFIX_PR) return false; // an unknown operator
          if (!isPath || spellsConnective(text, pos, end)) return false;
          token = FIELD_CODE;
          kind = FIELD;
          value = text.slice(pos, end);
        }
      }
      if (!placedWell(kind, previous, beforePrevious)) return false;
      if (kind === NOT && nesting.not() > limits.maxDepth) return false;
      if (kind === AND || kind === OR) nesting.connective();
      if (isPredicateOperator(kind) && ++comparisons > limits.maxComparisons) return false;
    }
    if (count + 1 >= capacity) {
      // Room for this token and END_CODE.
      buffer.grow();
      ({ codes, starts, ends, texts } = buffer);
      capacity = codes.length;
    }
    codes[count] = token;
    starts[count] = pos;
    ends[count] = end;
    texts[count] = value;
    count++;
    beforePrevious = previous;
    previous = kind;
    pos = end;
  }
  codes[count] = END_CODE;
  buffer.count = count;
  return true;
}

// Token kinds: what a token allows next. `pr` is PREFIX_PR as the kind of the word; after a field
// it is read as an operator.
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

/** Whether an operand may start after a token of kind `previous`. */
function opensOperand(previous: number): boolean {
  return previous === START || previous === AND || previous === OR || previous === NOT || previous === OPEN;
}

/** Whether the last two kinds end an operand: a value, `isnull`, a `)`, `field pr` or `pr field`. */
function endsOperand(previous: number, beforePrevious: number): boolean {
  return (
    previous === VALUE ||
    previous === CLOSE ||
    previous === ISNULL_OPERATOR ||
    (previous === PREFIX_PR && beforePrevious === FIELD) ||
    (previous === FIELD && beforePrevious === PREFIX_PR)
  );
}

/**
 * Whether a word of kind `kind` may follow, outside a list: a connective after an operand, a field,
 * `not` or prefix `pr` where an operand starts. Anything else is a syntax error, where the scan
 * stops at once (rather than reading, say, 64 MiB of `()` into its buffer before the parser fails).
 */
function placedWell(kind: number, previous: number, beforePrevious: number): boolean {
  switch (kind) {
    case AND:
    case OR:
      return endsOperand(previous, beforePrevious);
    case NOT:
      return opensOperand(previous);
    case FIELD:
      return opensOperand(previous) || (previous === PREFIX_PR && opensOperand(beforePrevious));
    case PREFIX_PR:
      return opensOperand(previous) || (previous === FIELD && beforePrevious !== PREFIX_PR);
    default:
      return true;
  }
}

/** The kinds the structure pass counts against `maxComparisons`: every operator token. */
function isPredicateOperator(kind: number): boolean {
  return kind >= COMPARE_OPERATOR && kind <= ISNULL_OPERATOR;
}

/** The kind of each keyword, by code. */
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
 * Nesting depth as structure.ts measures it: open parentheses plus the `not`s still pending at
 * each level (a `not` ends at the next `and`, `or` or `)` of its level). One instance serves every
 * scan (a scan runs to its end before the next starts).
 */
class Nesting {
  /** Pending `not`s per open parenthesis level, `nots[0]` for the top level. */
  private readonly nots = new Int32Array(MAX_LIMITS.maxDepth + 2);
  /** The innermost open level: the number of open parentheses. */
  private top = 0;
  private pending = 0;

  reset(): this {
    this.nots[0] = 0;
    this.top = 0;
    this.pending = 0;
    return this;
  }

  /**
   * The depth after a `(`. The caller stops at a depth above the limit, at most
   * `MAX_LIMITS.maxDepth`, so `nots` never overflows.
   */
  open(): number {
    this.nots[++this.top] = 0;
    return this.depth();
  }

  /** After a `)`; false when it closes no `(`. */
  close(): boolean {
    this.connective();
    if (this.top === 0) return false;
    this.top--;
    this.connective();
    return true;
  }

  /** The depth after a `not`. */
  not(): number {
    this.nots[this.top]!++;
    this.pending++;
    return this.depth();
  }

  /** After `and`/`or`: the `not`s of this level end. */
  connective(): void {
    this.pending -= this.nots[this.top]!;
    this.nots[this.top] = 0;
  }

  private depth(): number {
    return this.top + this.pending;
  }
}

const sharedNesting = new Nesting();

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

/** The code of the bare value `text[start, end)`, or -1 where the full lexer has more to say. */
function valueCode(text: string, start: number, end: number): number {
  if (isNumber(text, start, end)) return NUMBER_CODE;
  if (plainDateTime(text, start, end)) return DATE_TIME_CODE;
  const word = keywordAt(text, start, end);
  return word === TRUE_CODE || word === FALSE_CODE ? word : -1;
}

/** Whether `text[start, end)` is a number literal, `-?[0-9]+(\.[0-9]+)?` (`isNumberLiteral`). */
function isNumber(text: string, start: number, end: number): boolean {
  let i = text.charCodeAt(start) === 45 ? start + 1 : start;
  const intStart = i;
  while (i < end && isDigit(text.charCodeAt(i))) i++;
  if (i === intStart) return false;
  if (i === end) return true;
  if (text.charCodeAt(i) !== 46) return false;
  const fracStart = ++i;
  while (i < end && isDigit(text.charCodeAt(i))) i++;
  return i > fracStart && i === end;
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

// The fast lexer's scratch fields for date-times: lexing is synchronous and re-enters nothing.
const dateTimeFields: DateTimeFields = newDateTimeFields();

/**
 * Whether `text[start, end)` is a date-time that exists: the one RFC 3339 reader and calendar
 * check the full lexer uses too, read with `charCodeAt` only (slicing the word first cost more
 * than all the other tokens of a filter together).
 */
function plainDateTime(text: string, start: number, end: number): boolean {
  return (
    readDateTime(text, start, end, dateTimeFields) === end && dateTimeProblem(dateTimeFields) === undefined
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
  // `not (`, `not "`, `pr )`: the word `peekWord` would read is empty, so no operator.
  let next = end;
  while (next < text.length) {
    const c = text.charCodeAt(next);
    if (c !== 32 && c !== 10 && c !== 13 && c !== 9) break;
    next++;
  }
  const c = text.charCodeAt(next);
  if (next === text.length || c === 40 || c === 41 || c === 44 || c === 34) return true;
  const word = peekWord(text, end);
  return !word.isOperator || (kind === NOT && word.word === 'pr');
}

/** `AND`, `Or`, `NOT` (a word of `[A-Za-z0-9_.-]`): lex-words.ts reports the case (or takes them for fields). */
function spellsConnective(text: string, start: number, end: number): boolean {
  // `c | 32` lowercases an ASCII letter; for these characters it equals a lowercase letter only
  // when `c` is that letter in either case.
  const c0 = text.charCodeAt(start) | 32;
  const c1 = text.charCodeAt(start + 1) | 32;
  switch (end - start) {
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
 * The code of the keyword spelled exactly by `text[start, end)`, or -1. A switch on character
 * codes: no slice, no hashing (a Map lookup per word cost more than the rest of the fast lexer
 * together).
 */
function keywordAt(text: string, start: number, end: number): number {
  const c0 = text.charCodeAt(start);
  const c1 = text.charCodeAt(start + 1);
  switch (end - start) {
    case 2:
      switch (c0) {
        case 99: // c
          return c1 === 111 ? CO_CODE : c1 === 97 ? CA_CODE : -1;
        case 101: // e
          return c1 === 113 ? EQ_CODE : -1;
        case 103: // g
          return c1 === 116 ? GT_CODE : c1 === 101 ? GE_CODE : -1;
        case 105: // i
          return c1 === 110 ? IN_CODE : -1;
        case 108: // l
          return c1 === 116 ? LT_CODE : c1 === 101 ? LE_CODE : -1;
        case 110: // n
          return c1 === 101 ? NE_CODE : -1;
        case 111: // o
          return c1 === 114 ? OR_CODE : -1;
        case 112: // p
          return c1 === 114 ? PR_CODE : -1;
        case 115: // s
          return c1 === 119 ? SW_CODE : -1;
        default:
          return -1;
      }
    case 3:
      if (c0 === 97) return text.startsWith('and', start) ? AND_CODE : -1;
      return c0 === 110 && text.startsWith('not', start) ? NOT_CODE : -1;
    case 4:
      return c0 === 116 && text.startsWith('true', start) ? TRUE_CODE : -1;
    case 5:
      return c0 === 102 && text.startsWith('false', start) ? FALSE_CODE : -1;
    case 6:
      return c0 === 105 && text.startsWith('isnull', start) ? ISNULL_CODE : -1;
    default:
      return -1;
  }
}

const NE_CODE = 4;
const GT_CODE = 5;
const GE_CODE = 6;
const LT_CODE = 7;
const LE_CODE = 8;
const CO_CODE = 9;

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

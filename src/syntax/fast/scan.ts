import { scanQuoted } from '../../language/quoting.js';
import type { ParseLimits } from '../limits.js';
import { valueCode, valueEnd } from './scan-values.js';
import { keywordAt, keywordStandsHere, spellsConnective } from './scan-words.js';
import type { TokenBuffer } from './token-buffer.js';
import {
  CLOSE_CODE,
  COMMA_CODE,
  DATE_TIME_CODE,
  END_CODE,
  FIELD_CODE,
  NUMBER_CODE,
  OPEN_CODE,
  STRING_CODE,
} from './token-codes.js';
import {
  AND,
  CLOSE,
  COMMA,
  COMPARE_OPERATOR,
  endsOperand,
  FIELD,
  isPredicateOperator,
  LIST_OPERATOR,
  NOT,
  OPEN,
  OR,
  opensOperand,
  PREFIX_PR,
  placedWell,
  START,
  sharedNesting,
  VALUE,
  WORD_KINDS,
} from './token-kinds.js';

/**
 * The lexer's fast path, for filters that are written correctly (nearly all of them).
 *
 * It reads the same tokens as `lex` in full/lexer.ts, but only where that lexer would report
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
 * fast parser reads. `fastLex` (internal.ts) turns that buffer into Chevrotain tokens for the
 * test that holds them to those of `lex`. Nothing here loads Chevrotain at run time: the fast
 * path works before the full pipeline (and Chevrotain with it) is ever loaded.
 */

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

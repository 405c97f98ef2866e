/**
 * What stands where in the static parts of a `v3f` template: a small forward scanner of the
 * language's tokens (no parser, so the builder entry stays free of Chevrotain) that tells, at each
 * interpolation, whether a value may stand there. It is deliberately narrow: it lets a value in
 * only where the grammar wants one (after a comparison operator, in or as an `in`/`ca` list,
 * inside a double-quoted string), and anywhere it cannot tell (text that is no filter, a single
 * quote) a value is refused. So an interpolated value can never become a field, an operator or a
 * parenthesis, whatever the static text around it is.
 * @module
 */

import { isWhitespace } from '../language/chars.js';
import { isKeyword, type OperatorKind, operatorEntry } from '../language/operators.js';
import { closingQuoteOf, DOUBLE_QUOTE, opensString, wordRunEnd } from '../language/words.js';

/** The position the scanner is at, in grammar terms. */
export type Position =
  /** Where a predicate starts: a field, `not`, `pr` or `(`. */
  | 'operand'
  /** After a field: an operator. */
  | 'operator'
  /** After a comparison operator: one value. */
  | 'value'
  /** After `in` or `ca`: a parenthesised list (or, interpolated, an array). */
  | 'list'
  /** Inside a list, where a value stands. */
  | 'list-value'
  /** Inside a list, after a value: `,` or `)`. */
  | 'list-next'
  /** After a prefix `pr`: a field. */
  | 'presence-field'
  /** After a predicate: `and`, `or`, `)` or the end. */
  | 'after'
  /** Inside a double-quoted string: an interpolated value joins its text. */
  | 'string'
  /** Inside a quote that is not the language's (`'`, `“`): no value may stand here. */
  | 'foreign-quote'
  /** Inside a double-quoted string where no value stands (a quoted field): no value may stand here. */
  | 'misplaced-string'
  /** Text the scanner cannot read as a filter: no value may stand here. */
  | 'unknown';

/** The scanner's state between static parts. */
export interface ScanState {
  position: Position;
  /** The position a string returns to when it closes (a string is a value). */
  afterString: Position;
  /** The quote that closes a foreign quote. */
  closeQuote: number;
  /** The field of the predicate being read, for a schema's value types. */
  field: string | undefined;
  /** Whether the part read last ended inside a string on a backslash that escapes what follows. */
  danglingEscape: boolean;
}

export function initialState(): ScanState {
  return {
    position: 'operand',
    afterString: 'after',
    closeQuote: 0,
    field: undefined,
    danglingEscape: false,
  };
}

/** Where a value leads: after one value, a comparison is done; in a list, `,` or `)` follows. */
export function afterValue(position: Position): Position {
  return position === 'list-value' ? 'list-next' : 'after';
}

/** What follows an operator of each kind (a new kind fails to compile here until it has a position). */
const AFTER_OPERATOR: { readonly [K in OperatorKind]: Position } = {
  comparison: 'value',
  list: 'list',
  presence: 'after',
};

function readWord(state: ScanState, word: string): Position {
  const { position } = state;
  if (position === 'operand') {
    if (word === 'not') return 'operand';
    if (word === 'pr') return 'presence-field';
    if (isKeyword(word)) return 'unknown';
    state.field = word;
    return 'operator';
  }
  if (position === 'presence-field') return isKeyword(word) ? 'unknown' : 'after';
  if (position === 'operator') {
    const kind = operatorEntry(word)?.kind;
    return kind === undefined ? 'unknown' : AFTER_OPERATOR[kind];
  }
  if (position === 'value' || position === 'list-value') {
    // A literal written in the static text: a boolean, a number or a date-time (which start with
    // a digit or `-`); a bare word is no value (the parser reports it).
    const code = word.charCodeAt(0);
    const literal = word === 'true' || word === 'false' || code === 45 || (code >= 48 && code <= 57);
    return literal ? afterValue(position) : 'unknown';
  }
  if (position === 'after' && (word === 'and' || word === 'or')) {
    state.field = undefined;
    return 'operand';
  }
  return 'unknown';
}

function readPunctuation(position: Position, code: number): Position {
  if (code === 40 /* ( */) {
    if (position === 'operand') return 'operand';
    return position === 'list' ? 'list-value' : 'unknown';
  }
  if (code === 41 /* ) */) return position === 'after' || position === 'list-next' ? 'after' : 'unknown';
  if (code === 44 /* , */) return position === 'list-next' ? 'list-value' : 'unknown';
  return 'unknown';
}

/**
 * Reads one static part from the state the previous part left, updating it. Linear in the part's
 * length; a quote left open carries over to the next part (the interpolation stands inside it).
 */
export function scanStatic(state: ScanState, text: string): void {
  let i = 0;
  const n = text.length;
  state.danglingEscape = false;
  while (i < n) {
    const code = text.charCodeAt(i);
    if (state.position === 'unknown') return;
    if (state.position === 'string') {
      // Inside the language's string: `\"` and `\\` are escapes, `"` closes.
      if (code === 92 /* \ */) {
        state.danglingEscape = i + 1 === n;
        i += 2;
      } else if (code === DOUBLE_QUOTE) {
        state.position = state.afterString;
        i++;
      } else i++;
      continue;
    }
    if (state.position === 'foreign-quote' || state.position === 'misplaced-string') {
      if (code === state.closeQuote) state.position = 'unknown';
      i++;
      continue;
    }
    if (isWhitespace(code)) {
      i++;
      continue;
    }
    if (opensString(code)) {
      if (code === DOUBLE_QUOTE && (state.position === 'value' || state.position === 'list-value')) {
        state.afterString = afterValue(state.position);
        state.position = 'string';
      } else {
        // A single or typographic quote is no string of the language: a value inside one would
        // be read as bare words, so none may stand there (and the parser reports the quote).
        state.closeQuote = closingQuoteOf(code);
        state.position = code === DOUBLE_QUOTE ? 'misplaced-string' : 'foreign-quote';
      }
      i++;
      continue;
    }
    const end = wordRunEnd(text, i);
    if (end > i) {
      state.position = readWord(state, text.slice(i, end));
      i = end;
      continue;
    }
    state.position = readPunctuation(state.position, code);
    i++;
  }
}

/** Why no value may stand at each position where none may, for the error message. */
const WHAT_STANDS: Partial<Record<Position, string>> = {
  operand: 'a field, `not`, `pr` or `(` stands here',
  operator: 'an operator stands here',
  'presence-field': 'a field stands here',
  after: '`and`, `or`, `)` or the end stands here',
  'list-next': '`,` or `)` stands here',
  'misplaced-string':
    'the value is inside a string where no value stands (a field or an operator is not quoted)',
  'foreign-quote':
    "the value is inside a quote the language does not have (`'` or a typographic quote): write the interpolation bare, v3f quotes it",
};

/** Why no value may stand at `position`, for the error message. */
export function whatStandsAt(position: Position): string {
  return WHAT_STANDS[position] ?? 'the text before it is not a filter v3f can read';
}

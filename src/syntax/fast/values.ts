import type { ValueNode } from '../../ast/index.js';
import {
  type DateTimeFields,
  dateTimeProblem,
  newDateTimeFields,
  readDateTime,
} from '../../language/date-time/read.js';
import { scanQuoted } from '../../language/quoting.js';
import {
  DATE_TIME_CODE,
  FALSE_CODE,
  NUMBER_CODE,
  STRING_CODE,
  type TokenSink,
  TRUE_CODE,
} from './token-codes.js';

/**
 * The fast parser's reading of values (after a comparison operator or in a list): strings,
 * numbers, date-times and booleans exactly where the full lexer reads them without a diagnostic.
 * A value is read in one pass that classifies it while it finds its end (its first character
 * says which kind it can be), and its node is built as the `create*` functions of ast/nodes build
 * it (same properties, same order), with a number's value taken from the digits just read.
 * @module
 */

/**
 * Whether the character code `c` ends a bare value, as the full lexer's `wordEnd` ends it
 * (which also stops at Unicode spaces; a value holding one is no number, date-time or boolean
 * here, so the full lexer gets it): space, tab, line break, a parenthesis, a comma, a double quote.
 */
function endsValue(c: number): boolean {
  return c === 32 || c === 10 || c === 13 || c === 9 || c === 40 || c === 41 || c === 44 || c === 34;
}

// The fast lexer's scratch fields for date-times: lexing is synchronous and re-enters nothing.
const dateTimeFields: DateTimeFields = newDateTimeFields();

/**
 * The value at `start` (no space there), or undefined where none stands as the full lexer reads
 * it silently: a well-formed string, a number `-?[0-9]+(\.[0-9]+)?`, a date-time that exists
 * (the one RFC 3339 reader and calendar check the full lexer uses too), `true` or `false`, each
 * followed by a character that ends a value or by the end. The node's span ends where it ends.
 */
export function readValue(text: string, start: number, sink: TokenSink | undefined): ValueNode | undefined {
  const n = text.length;
  if (start === n) return undefined;
  const first = text.charCodeAt(start);
  if (first === 34) return readString(text, start, sink);
  let i = first === 45 ? start + 1 : start;
  const intStart = i;
  // Up to 15 digits, the integer read as it is scanned is exact: `Number` of the text needs no second pass.
  let integer = 0;
  let c = -1;
  while (i < n) {
    c = text.charCodeAt(i);
    if (c < 48 || c > 57) break;
    integer = integer * 10 + (c - 48);
    i++;
  }
  const digits = i - intStart;
  if (digits === 0) return first === 116 || first === 102 ? readBoolean(text, start, sink) : undefined;
  let exact = digits <= 15;
  if (i < n && c === 46) {
    const fractionStart = ++i;
    while (i < n) {
      c = text.charCodeAt(i);
      if (c < 48 || c > 57) break;
      i++;
    }
    if (i === fractionStart) return undefined;
    exact = false;
  }
  if (i < n && !endsValue(text.charCodeAt(i))) {
    return digits === 4 && first !== 45 && c === 45 ? readDateTimeValue(text, start, sink) : undefined;
  }
  const written = text.slice(start, i);
  if (sink !== undefined) sink.token(NUMBER_CODE, start, i, written);
  const value = exact ? (first === 45 ? -integer : integer) : Number(written);
  return { kind: 'number', text: written, value, span: { start, end: i } };
}

/**
 * The date-time at `start` (which starts with four digits and a `-`), or undefined. The reader
 * may look up to the end of the text: every character of a date-time is one that does not end a
 * value, so it stops where the value ends exactly when the full lexer's reader, bounded by that
 * end, would accept.
 */
function readDateTimeValue(text: string, start: number, sink: TokenSink | undefined): ValueNode | undefined {
  const end = readDateTime(text, start, text.length, dateTimeFields);
  if (end < 0 || (end < text.length && !endsValue(text.charCodeAt(end)))) return undefined;
  if (dateTimeProblem(dateTimeFields) !== undefined) return undefined;
  const written = text.slice(start, end);
  if (sink !== undefined) sink.token(DATE_TIME_CODE, start, end, written);
  return { kind: 'date-time', text: written, dateOnly: dateTimeFields.dateOnly, span: { start, end } };
}

/** `true` or `false` at `start` (spelled so, followed by the end or a character that ends a value), or undefined. */
function readBoolean(text: string, start: number, sink: TokenSink | undefined): ValueNode | undefined {
  const isTrue = text.charCodeAt(start) === 116;
  const end = start + (isTrue ? 4 : 5);
  if (end > text.length || (end < text.length && !endsValue(text.charCodeAt(end)))) return undefined;
  const spelled = isTrue
    ? spells(text, start + 1, 114, 117, 101) // rue
    : spells(text, start + 1, 97, 108, 115) && text.charCodeAt(start + 4) === 101; // alse
  if (!spelled) return undefined;
  const code = isTrue ? TRUE_CODE : FALSE_CODE;
  if (sink !== undefined) sink.token(code, start, end, undefined);
  return { kind: 'boolean', value: isTrue, span: { start, end } };
}

/** Whether the three characters at `at` are `c0`, `c1`, `c2`. */
function spells(text: string, at: number, c0: number, c1: number, c2: number): boolean {
  return text.charCodeAt(at) === c0 && text.charCodeAt(at + 1) === c1 && text.charCodeAt(at + 2) === c2;
}

/** The well-formed string whose opening quote is at `start`, or undefined. */
export function readString(text: string, start: number, sink: TokenSink | undefined): ValueNode | undefined {
  let hasEscape = false;
  let end = -1;
  for (let i = start + 1; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 34) {
      end = i + 1;
      break;
    }
    if (c === 92) {
      const next = i + 1 < text.length ? text.charCodeAt(i + 1) : -1;
      if (next !== 34 && next !== 92) return undefined;
      hasEscape = true;
      i++;
    } else if (c === 10 || c === 13) {
      return undefined;
    }
  }
  if (end < 0) return undefined;
  const value = hasEscape ? scanQuoted(text, start, 34).value : text.slice(start + 1, end - 1);
  if (sink !== undefined) sink.token(STRING_CODE, start, end, value);
  return { kind: 'string', value, span: { start, end } };
}

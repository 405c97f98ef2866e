import {
  type DateTimeFields,
  dateTimeProblem,
  newDateTimeFields,
  readDateTime,
} from '../../language/date-time/read.js';
import { DATE_TIME_CODE, FALSE_CODE, NUMBER_CODE, TRUE_CODE } from './token-codes.js';
import { keywordAt } from './words.js';

/**
 * The fast parser's reading of values (after a comparison operator or in a list): strings,
 * numbers, date-times and booleans exactly where the full lexer reads them without a diagnostic.
 * @module
 */

/**
 * The end of a bare value at `start`: up to whitespace, a parenthesis, a comma or a double quote,
 * like the full lexer's `wordEnd` (which also stops at Unicode spaces; a value holding one is not
 * a number, date-time or boolean here, so the full lexer gets it).
 */
export function valueEnd(text: string, start: number): number {
  let end = start;
  while (end < text.length) {
    const c = text.charCodeAt(end);
    if (c === 32 || c === 10 || c === 13 || c === 9 || c === 40 || c === 41 || c === 44 || c === 34) break;
    end++;
  }
  return end;
}

/** The code of the bare value `text[start, end)`, or -1 where the full lexer has more to say. */
export function valueCode(text: string, start: number, end: number): number {
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

/** Set by {@link stringEnd}: whether the string it read holds an escape. */
let hasEscape = false;

/** Whether the last string {@link stringEnd} read holds an escape (`\"` or `\\`). */
export function lastStringHasEscape(): boolean {
  return hasEscape;
}

/** The offset after the closing quote of a well-formed string at `start`, or -1. */
export function stringEnd(text: string, start: number): number {
  hasEscape = false;
  for (let i = start + 1; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 34) return i + 1;
    if (c === 92) {
      const next = i + 1 < text.length ? text.charCodeAt(i + 1) : -1;
      if (next !== 34 && next !== 92) return -1;
      hasEscape = true;
      i++;
    } else if (c === 10 || c === 13) {
      return -1;
    }
  }
  return -1;
}

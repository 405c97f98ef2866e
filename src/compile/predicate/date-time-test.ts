import { civilFromDays, daysInMonth } from '../../language/date-time/calendar.js';
import type { Instant } from '../../language/date-time/instant.js';
import { compareParts, type InstantParts, instantParts, readInstant } from './instant-reader.js';
import { interned } from './interned.js';

/** Whether one record value satisfies a date-time comparison; false when it is no date-time. */
export type DateTimeTest = (value: unknown) => boolean;

/** The operators a date-time leaf compares with. */
export type DateTimeOperator = 'eq' | 'gt' | 'ge' | 'lt' | 'le';

const Z = 90;
const T = 84;
const DOT = 46;

/**
 * Whether `text`, already known to be `YYYY-MM-DDTHH:MM:SS[.digits]Z` in length and in its `T`,
 * `Z` and `.` (see {@link looksCanonical}), is a real UTC date-time: exactly what the RFC 3339
 * reader and the calendar check accept for that shape.
 */
function isCanonicalUtc(text: string, n: number): boolean {
  // Each digit less 48: a digit is one from 0 to 9, so `d | (9 - d)` is negative for any other
  // character, and one OR of them all is negative when any is. Straight-line code, no calls: this
  // runs for every record that would match.
  const y0 = text.charCodeAt(0) - 48;
  const y1 = text.charCodeAt(1) - 48;
  const y2 = text.charCodeAt(2) - 48;
  const y3 = text.charCodeAt(3) - 48;
  const mo0 = text.charCodeAt(5) - 48;
  const mo1 = text.charCodeAt(6) - 48;
  const d0 = text.charCodeAt(8) - 48;
  const d1 = text.charCodeAt(9) - 48;
  const h0 = text.charCodeAt(11) - 48;
  const h1 = text.charCodeAt(12) - 48;
  const mi0 = text.charCodeAt(14) - 48;
  const mi1 = text.charCodeAt(15) - 48;
  const s0 = text.charCodeAt(17) - 48;
  const s1 = text.charCodeAt(18) - 48;
  const digits =
    y0 | (9 - y0) | y1 | (9 - y1) | y2 | (9 - y2) | y3 | (9 - y3) | mo0 | (9 - mo0) | mo1 | (9 - mo1);
  const more = d0 | (9 - d0) | d1 | (9 - d1) | h0 | (9 - h0) | h1 | (9 - h1) | mi0 | (9 - mi0);
  if ((digits | more | mi1 | (9 - mi1) | s0 | (9 - s0) | s1 | (9 - s1)) < 0) return false;
  const month = mo0 * 10 + mo1;
  const day = d0 * 10 + d1;
  if (h0 * 10 + h1 > 23 || mi0 > 5 || s0 > 5 || month < 1 || month > 12 || day < 1) return false;
  if (text.charCodeAt(4) !== 45 || text.charCodeAt(7) !== 45) return false;
  if (text.charCodeAt(13) !== 58 || text.charCodeAt(16) !== 58) return false;
  if (n > 20) {
    if (n === 21) return false; // `.` with no digit
    for (let i = 20; i < n - 1; i++) {
      const c = text.charCodeAt(i);
      if (c < 48 || c > 57) return false;
    }
  }
  return day <= 28 || day <= daysInMonth(y0 * 1000 + y1 * 100 + y2 * 10 + y3, month);
}

/**
 * The order of the fraction digits of a canonical UTC record string (from index 20 to the `Z`)
 * against `fraction` (trailing zeros cut), digit by digit, a missing digit being 0: <0, 0 or >0.
 */
function fractionOrder(text: string, n: number, fraction: string): number {
  const end = n - 1;
  const length = fraction.length;
  for (let i = 20, j = 0; i < end || j < length; i++, j++) {
    const a = i < end ? text.charCodeAt(i) : 48;
    const b = j < length ? fraction.charCodeAt(j) : 48;
    if (a !== b) return a < b ? -1 : 1;
  }
  return 0;
}

/** Whether `text` has the length, `T`, `.` and `Z` of `YYYY-MM-DDTHH:MM:SS[.digits]Z`. */
function looksCanonical(text: string, n: number): boolean {
  return (
    n >= 20 &&
    text.charCodeAt(n - 1) === Z &&
    text.charCodeAt(10) === T &&
    (n === 20 || text.charCodeAt(19) === DOT)
  );
}

function holds(operator: DateTimeOperator, order: number): boolean {
  switch (operator) {
    case 'eq':
      return order === 0;
    case 'gt':
      return order > 0;
    case 'ge':
      return order >= 0;
    case 'lt':
      return order < 0;
    default:
      return order <= 0;
  }
}

function twoDigitText(n: number): string {
  return n < 10 ? `0${n}` : `${n}`;
}

/**
 * `YYYY-MM-DDTHH:MM:SS` of an instant in UTC, or undefined outside years 0000-9999 (no canonical
 * record string is there). Built by hand: this runs per compile.
 */
function utcPrefix(instant: Instant): string | undefined {
  const [year, month, day] = civilFromDays(instant.days);
  if (year < 0 || year > 9999) return undefined;
  const s = instant.seconds;
  const hour = Math.floor(s / 3600);
  const minute = Math.floor((s % 3600) / 60);
  return `${twoDigitText(Math.floor(year / 100))}${twoDigitText(year % 100)}-${twoDigitText(month)}-${twoDigitText(day)}T${twoDigitText(hour)}:${twoDigitText(minute)}:${twoDigitText(s % 60)}`;
}

/** The comparison through the full reader: any RFC 3339 string, or a `Date`. */
function fullReaderTest(operator: DateTimeOperator, c: InstantParts): DateTimeTest {
  // Written by readInstant on each call, read right after: no allocation per record.
  const read: InstantParts = { seconds: 0, fraction: '' };
  return (value) => readInstant(value, read) && holds(operator, compareParts(read.seconds, read.fraction, c));
}

/**
 * A date-time comparison with `instant`, exact to every fractional digit, offsets applied. A
 * record string in the common canonical UTC shape (`2022-02-07T20:13:29.356Z`: upper-case `T`
 * and `Z`, four-digit year) is ordered as text, since for real instants of that shape text order
 * is time order (there are no leap seconds), and checked in full only when it would match.
 * Any other string, and a `Date`, goes through the full reader. Allocates nothing per record.
 * `literal`, when given, is the text `instant` was read from (which spares building the prefix).
 */
export function dateTimeTest(operator: DateTimeOperator, instant: Instant, literal?: string): DateTimeTest {
  const c = instantParts(instant);
  // A literal written as a real canonical UTC date-time (the usual one) is its own prefix: its
  // first 19 characters are what utcPrefix would build from its instant.
  const canonical =
    literal !== undefined &&
    looksCanonical(literal, literal.length) &&
    isCanonicalUtc(literal, literal.length);
  const text = canonical ? literal.slice(0, 19) : utcPrefix(instant);
  const slow = fullReaderTest(operator, c);
  if (text === undefined) return slow;
  // A canonical string below `prefix` is in an earlier second, one above `beyond` in a later one,
  // and one between them in the constant's second (then the fractions decide): `prefix` followed
  // by `Z` or by `.` and digits, never above `beyond` (`.` sorts below `Z`). Two comparisons of
  // whole strings, which V8 does natively, settle most records. Both constants are the engine's
  // own flat one-byte copies (interned): a slice or a joined string is a view the engine follows
  // on every comparison, and a character above U+00FF would make a comparison with every
  // one-byte record string a comparison of mixed widths.
  const prefix = interned(text);
  const beyond = interned(`${text}Z`);
  const fraction = c.fraction;
  // One closure per operator: this is the hot path. A value that would match is then checked to
  // be a real instant (isCanonicalUtc); a malformed one never matches, whatever its order.
  switch (operator) {
    case 'eq':
      return (value) => {
        if (typeof value !== 'string') return slow(value);
        const n = value.length;
        if (!looksCanonical(value, n)) return slow(value);
        if (value < prefix || value > beyond) return false;
        return fractionOrder(value, n, fraction) === 0 && isCanonicalUtc(value, n);
      };
    case 'gt':
      return (value) => {
        if (typeof value !== 'string') return slow(value);
        const n = value.length;
        if (!looksCanonical(value, n)) return slow(value);
        if (value < prefix) return false;
        return (value > beyond || fractionOrder(value, n, fraction) > 0) && isCanonicalUtc(value, n);
      };
    case 'ge':
      return (value) => {
        if (typeof value !== 'string') return slow(value);
        const n = value.length;
        if (!looksCanonical(value, n)) return slow(value);
        if (value < prefix) return false;
        return (value > beyond || fractionOrder(value, n, fraction) >= 0) && isCanonicalUtc(value, n);
      };
    case 'lt':
      return (value) => {
        if (typeof value !== 'string') return slow(value);
        const n = value.length;
        if (!looksCanonical(value, n)) return slow(value);
        if (value > beyond) return false;
        return (value < prefix || fractionOrder(value, n, fraction) < 0) && isCanonicalUtc(value, n);
      };
    default:
      return (value) => {
        if (typeof value !== 'string') return slow(value);
        const n = value.length;
        if (!looksCanonical(value, n)) return slow(value);
        if (value > beyond) return false;
        return (value < prefix || fractionOrder(value, n, fraction) <= 0) && isCanonicalUtc(value, n);
      };
  }
}

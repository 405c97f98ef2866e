/**
 * The parts of an RFC 3339 date-time or full-date, as written. Kept as text where precision
 * matters: `fraction` holds every fractional-second digit (SailPoint's timestamps carry
 * nanoseconds, beyond what `Date` holds).
 */
export interface DateTimeParts {
  readonly year: number;
  readonly month: number;
  readonly day: number;
  readonly hour: number;
  readonly minute: number;
  readonly second: number;
  /** The fractional-second digits without the dot; `''` when none were written. */
  readonly fraction: string;
  /** Offset from UTC in minutes (`Z` is 0); a full-date without time counts as UTC. */
  readonly offsetMinutes: number;
  /**
   * The minutes field of the offset as written (`+01:30` gives 30); kept apart because
   * `offsetMinutes` alone cannot tell `+01:75` (invalid) from `+02:15`.
   */
  readonly offsetMinuteField: number;
  /** True for a full-date such as `2025-08-01`. */
  readonly dateOnly: boolean;
}

/** Why a date-time that has the right shape still names no real instant. */
export type DateTimeProblem = 'month' | 'day' | 'hour' | 'minute' | 'second' | 'offset';

const DIGIT_0 = 48;

function isDigit(code: number): boolean {
  return code >= DIGIT_0 && code <= DIGIT_0 + 9;
}

function digits(text: string, start: number, count: number): number {
  let value = 0;
  for (let i = start; i < start + count; i++) {
    const code = text.charCodeAt(i);
    if (!isDigit(code)) return -1;
    value = value * 10 + (code - DIGIT_0);
  }
  return value;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) {
    const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
    return leap ? 29 : 28;
  }
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/**
 * Reads the RFC 3339 date-time shape at `start` in `text` and returns where it ends, or -1 when
 * the text there is not shaped like `YYYY-MM-DD` optionally followed by
 * `THH:MM:SS[.fraction](Z|±HH:MM)`. It checks shape only, in one pass with no regex (so it is
 * linear and cannot overflow the regex stack); {@link checkDateTime} checks the calendar.
 */
export function scanDateTime(text: string, start: number): number {
  const n = text.length;
  if (start + 10 > n) return -1;
  if (digits(text, start, 4) < 0 || text[start + 4] !== '-' || digits(text, start + 5, 2) < 0) return -1;
  if (text[start + 7] !== '-' || digits(text, start + 8, 2) < 0) return -1;
  let i = start + 10;
  const t = text[i];
  if (t !== 'T' && t !== 't') return i;
  // A time part must be complete once the `T` is written.
  i++;
  if (i + 8 > n) return -1;
  if (digits(text, i, 2) < 0 || text[i + 2] !== ':' || digits(text, i + 3, 2) < 0) return -1;
  if (text[i + 5] !== ':' || digits(text, i + 6, 2) < 0) return -1;
  i += 8;
  if (text[i] === '.') {
    i++;
    const fractionStart = i;
    while (i < n && isDigit(text.charCodeAt(i))) i++;
    if (i === fractionStart) return -1;
  }
  const zone = text[i];
  if (zone === 'Z' || zone === 'z') return i + 1;
  if (zone === '+' || zone === '-') {
    if (i + 6 > n) return -1;
    if (digits(text, i + 1, 2) < 0 || text[i + 3] !== ':' || digits(text, i + 4, 2) < 0) return -1;
    return i + 6;
  }
  return -1;
}

/**
 * Splits a date-time of the shape {@link scanDateTime} accepts into its parts, without checking
 * the calendar. Returns undefined when `text` is not exactly one such literal.
 */
export function splitDateTime(text: string): DateTimeParts | undefined {
  if (scanDateTime(text, 0) !== text.length) return undefined;
  const year = digits(text, 0, 4);
  const month = digits(text, 5, 2);
  const day = digits(text, 8, 2);
  if (text.length === 10) {
    return {
      year,
      month,
      day,
      hour: 0,
      minute: 0,
      second: 0,
      fraction: '',
      offsetMinutes: 0,
      offsetMinuteField: 0,
      dateOnly: true,
    };
  }
  const hour = digits(text, 11, 2);
  const minute = digits(text, 14, 2);
  const second = digits(text, 17, 2);
  let i = 19;
  let fraction = '';
  if (text[i] === '.') {
    const end = text.length - (text.endsWith('Z') || text.endsWith('z') ? 1 : 6);
    fraction = text.slice(i + 1, end);
    i = end;
  }
  let offsetMinutes = 0;
  let offsetMinuteField = 0;
  const zone = text[i];
  if (zone === '+' || zone === '-') {
    offsetMinuteField = digits(text, i + 4, 2);
    const magnitude = digits(text, i + 1, 2) * 60 + offsetMinuteField;
    offsetMinutes = zone === '-' ? -magnitude : magnitude;
  }
  return {
    year,
    month,
    day,
    hour,
    minute,
    second,
    fraction,
    offsetMinutes,
    offsetMinuteField,
    dateOnly: false,
  };
}

/**
 * Checks that the parts name a real instant: month 1-12, a day that exists in that month (leap
 * years included), hour 0-23, minute 0-59, second 0-59 (leap seconds are not supported: `Date`
 * and the SQL engines cannot hold them) and an offset within ±23:59.
 */
export function checkDateTime(parts: DateTimeParts): DateTimeProblem | undefined {
  if (parts.month < 1 || parts.month > 12) return 'month';
  if (parts.day < 1 || parts.day > daysInMonth(parts.year, parts.month)) return 'day';
  if (parts.hour > 23) return 'hour';
  if (parts.minute > 59) return 'minute';
  if (parts.second > 59) return 'second';
  if (Math.abs(parts.offsetMinutes) > 23 * 60 + 59 || parts.offsetMinuteField > 59) return 'offset';
  return undefined;
}

/** Parses and checks a date-time literal; undefined when it is malformed or impossible. */
export function parseDateTime(text: string): DateTimeParts | undefined {
  const parts = splitDateTime(text);
  return parts && checkDateTime(parts) === undefined ? parts : undefined;
}

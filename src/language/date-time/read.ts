import { daysInMonth, MAX_OFFSET_MINUTES, twoDigits } from './calendar.js';

/**
 * The fields of an RFC 3339 date-time or full-date as {@link readDateTime} read them, filled in
 * place so that the hot readers (the fast lexer, the predicate's record reader) allocate nothing.
 */
export interface DateTimeFields {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  /** Where the fractional-second digits start and end in the text (equal when none). */
  fractionStart: number;
  fractionEnd: number;
  /** The signed offset from UTC in minutes (`Z` and a full-date are 0). */
  offsetMinutes: number;
  /** The minutes field of the offset as written: `+01:75` must not pass as `+02:15`. */
  offsetMinuteField: number;
  /** True for a full-date such as `2025-08-01`. */
  dateOnly: boolean;
}

/** The fields the calendar check reads (DateTimeParts has them too, with the fraction as text). */
export type CalendarFields = Pick<
  DateTimeFields,
  'year' | 'month' | 'day' | 'hour' | 'minute' | 'second' | 'offsetMinutes' | 'offsetMinuteField'
>;

/** Why a date-time that has the right shape still names no real instant. */
export type DateTimeProblem = 'month' | 'day' | 'hour' | 'minute' | 'second' | 'offset';

/** Fresh fields to read into (reuse one per reader). */
export function newDateTimeFields(): DateTimeFields {
  return {
    year: 0,
    month: 0,
    day: 0,
    hour: 0,
    minute: 0,
    second: 0,
    fractionStart: 0,
    fractionEnd: 0,
    offsetMinutes: 0,
    offsetMinuteField: 0,
    dateOnly: true,
  };
}

/**
 * Reads the RFC 3339 shape at `start` of `text`, no further than `limit`, into `out`, and returns
 * where it ends, or -1 when the text there is not shaped like `YYYY-MM-DD` optionally followed by
 * `THH:MM:SS[.fraction](Z|±HH:MM)` (`T` and `Z` in either case). Shape only, in one pass with no
 * regex (linear, stack-safe); {@link dateTimeProblem} checks the calendar. This is the one place
 * the shape rules live.
 */
export function readDateTime(text: string, start: number, limit: number, out: DateTimeFields): number {
  if (start + 10 > limit) return -1;
  const century = twoDigits(text, start);
  const yy = twoDigits(text, start + 2);
  const month = twoDigits(text, start + 5);
  const day = twoDigits(text, start + 8);
  if (century < 0 || yy < 0 || month < 0 || day < 0) return -1;
  if (text.charCodeAt(start + 4) !== 45 || text.charCodeAt(start + 7) !== 45) return -1;
  out.year = century * 100 + yy;
  out.month = month;
  out.day = day;
  out.hour = 0;
  out.minute = 0;
  out.second = 0;
  out.offsetMinutes = 0;
  out.offsetMinuteField = 0;
  let i = start + 10;
  out.fractionStart = i;
  out.fractionEnd = i;
  const t = text.charCodeAt(i);
  out.dateOnly = i >= limit || (t !== 84 && t !== 116);
  if (out.dateOnly) return i;
  // A time part must be complete once the `T` is written.
  if (i + 9 > limit) return -1;
  const hour = twoDigits(text, i + 1);
  const minute = twoDigits(text, i + 4);
  const second = twoDigits(text, i + 7);
  if (hour < 0 || minute < 0 || second < 0) return -1;
  if (text.charCodeAt(i + 3) !== 58 || text.charCodeAt(i + 6) !== 58) return -1;
  out.hour = hour;
  out.minute = minute;
  out.second = second;
  i += 9;
  if (i < limit && text.charCodeAt(i) === 46) {
    const fractionStart = ++i;
    while (i < limit) {
      const code = text.charCodeAt(i);
      if (code < 48 || code > 57) break;
      i++;
    }
    if (i === fractionStart) return -1;
    out.fractionStart = fractionStart;
    out.fractionEnd = i;
  } else {
    out.fractionStart = i;
    out.fractionEnd = i;
  }
  if (i >= limit) return -1;
  const zone = text.charCodeAt(i);
  if (zone === 90 || zone === 122) return i + 1;
  if (zone !== 43 && zone !== 45) return -1;
  if (i + 6 > limit || text.charCodeAt(i + 3) !== 58) return -1;
  const offsetHour = twoDigits(text, i + 1);
  const offsetMinute = twoDigits(text, i + 4);
  if (offsetHour < 0 || offsetMinute < 0) return -1;
  const magnitude = offsetHour * 60 + offsetMinute;
  out.offsetMinutes = zone === 45 ? -magnitude : magnitude;
  out.offsetMinuteField = offsetMinute;
  return i + 6;
}

/**
 * Checks that fields read by {@link readDateTime} name a real instant: month 1-12, a day that
 * exists in that month (leap years included), hour 0-23, minute 0-59, second 0-59 (leap seconds
 * are not supported: `Date` and the SQL engines cannot hold them) and an offset within ±23:59.
 * The one place the calendar rules of a literal live.
 */
export function dateTimeProblem(fields: Readonly<CalendarFields>): DateTimeProblem | undefined {
  if (fields.month < 1 || fields.month > 12) return 'month';
  if (fields.day < 1 || fields.day > daysInMonth(fields.year, fields.month)) return 'day';
  if (fields.hour > 23) return 'hour';
  if (fields.minute > 59) return 'minute';
  if (fields.second > 59) return 'second';
  if (Math.abs(fields.offsetMinutes) > MAX_OFFSET_MINUTES || fields.offsetMinuteField > 59) return 'offset';
  return undefined;
}

import { civilFromDays, daysFromCivil, SECONDS_PER_DAY } from './calendar.js';
import { parseDateTime } from './rfc3339.js';

/**
 * An exact point in time: whole days and seconds since the Unix epoch in UTC plus every written
 * fractional-second digit, so nanoseconds (and finer) survive where `Date` keeps milliseconds.
 */
export interface Instant {
  /** Days since 1970-01-01 UTC (negative before it). */
  readonly days: number;
  /** Seconds since midnight UTC, 0 to 86399. */
  readonly seconds: number;
  /** Fractional-second digits with trailing zeros removed (`''` for a whole second). */
  readonly fraction: string;
}

const MS_PER_DAY = SECONDS_PER_DAY * 1000;

function stripTrailingZeros(digits: string): string {
  let end = digits.length;
  while (end > 0 && digits.charCodeAt(end - 1) === 48) end--;
  return end === digits.length ? digits : digits.slice(0, end);
}

/**
 * The instant an RFC 3339 date-time or full-date names, offset applied; undefined when `text` is
 * not one or names an impossible date. A full-date is midnight UTC.
 */
export function instantFromText(text: string): Instant | undefined {
  const parts = parseDateTime(text);
  if (parts === undefined) return undefined;
  let days = daysFromCivil(parts.year, parts.month, parts.day);
  let seconds = parts.hour * 3600 + (parts.minute - parts.offsetMinutes) * 60 + parts.second;
  if (seconds < 0) {
    seconds += SECONDS_PER_DAY;
    days--;
  } else if (seconds >= SECONDS_PER_DAY) {
    seconds -= SECONDS_PER_DAY;
    days++;
  }
  return { days, seconds, fraction: stripTrailingZeros(parts.fraction) };
}

/** The instant a `Date` holds (millisecond precision); undefined for an invalid `Date`. */
export function instantFromDate(date: Date): Instant | undefined {
  const ms = date.getTime();
  if (Number.isNaN(ms)) return undefined;
  const days = Math.floor(ms / MS_PER_DAY);
  const msOfDay = ms - days * MS_PER_DAY;
  const millis = msOfDay % 1000;
  return {
    days,
    seconds: (msOfDay - millis) / 1000,
    fraction: stripTrailingZeros(String(millis).padStart(3, '0')),
  };
}

/** The instant of a record value: an RFC 3339 string or a `Date`; undefined for anything else. */
export function instantOf(value: unknown): Instant | undefined {
  if (typeof value === 'string') return instantFromText(value);
  if (value instanceof Date) return instantFromDate(value);
  return undefined;
}

/** Where an instant falls relative to the SQL storage form (see {@link toSqlDateTime}). */
export type SqlInstant =
  /** Representable: `text` is its storage form; `exact` is false when digits beyond nanoseconds were cut. */
  | { readonly kind: 'within'; readonly text: string; readonly exact: boolean }
  /** Before 0000-01-01T00:00:00Z, earlier than every storable value. */
  | { readonly kind: 'before' }
  /** After 9999-12-31T23:59:59.999999999Z, later than every storable value. */
  | { readonly kind: 'after' };

function pad(value: number, width: number): string {
  return String(value).padStart(width, '0');
}

/** Places an instant in the SQL storage form, truncating below nanoseconds. */
export function sqlInstant(instant: Instant): SqlInstant {
  const [year, month, day] = civilFromDays(instant.days);
  if (year < 0) return { kind: 'before' };
  if (year > 9999) return { kind: 'after' };
  const s = instant.seconds;
  const hour = Math.floor(s / 3600);
  const minute = Math.floor((s % 3600) / 60);
  const nanos = instant.fraction.slice(0, 9).padEnd(9, '0');
  const text = `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}T${pad(hour, 2)}:${pad(minute, 2)}:${pad(s % 60, 2)}.${nanos}Z`;
  return { kind: 'within', text, exact: instant.fraction.length <= 9 };
}

/**
 * The storage form of a date-time for the SQL compilers: UTC, fixed width, nine fractional
 * digits, `YYYY-MM-DDTHH:MM:SS.fffffffffZ` (e.g. `2022-02-07T19:13:29.356648026Z`). Plain text
 * comparison of this form is temporal comparison on both engines, with nanosecond precision,
 * which PostgreSQL's `timestamptz` (microseconds) cannot hold. Accepts an RFC 3339 string (any
 * offset) or a `Date`. Returns undefined when the value is not a valid date-time, falls outside
 * years 0000-9999 in UTC, or has non-zero digits beyond nanoseconds (it cannot be stored exactly).
 */
export function toSqlDateTime(value: string | Date): string | undefined {
  const instant = instantOf(value);
  if (instant === undefined) return undefined;
  const placed = sqlInstant(instant);
  return placed.kind === 'within' && placed.exact ? placed.text : undefined;
}

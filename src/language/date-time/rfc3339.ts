import { daysInMonth } from './calendar.js';
import {
  type DateTimeFields,
  type DateTimeProblem,
  dateTimeProblem,
  newDateTimeFields,
  readDateTime,
} from './read.js';

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

export type { DateTimeProblem } from './read.js';

// One reader's scratch fields: the functions below are synchronous and call nothing that could
// re-enter them. Pure, so a bundle that only asks isDateTimeLiteral leaves the reader out.
const scratch: DateTimeFields = /* @__PURE__ */ newDateTimeFields();

/**
 * Reads the RFC 3339 date-time shape at `start` in `text` and returns where it ends, or -1 when
 * the text there is not shaped like `YYYY-MM-DD` optionally followed by
 * `THH:MM:SS[.fraction](Z|±HH:MM)`. It checks shape only (`readDateTime` in language/date-time/read.ts holds the rules);
 * {@link checkDateTime} checks the calendar.
 */
export function scanDateTime(text: string, start: number): number {
  return readDateTime(text, start, text.length, scratch);
}

/**
 * Splits a date-time of the shape {@link scanDateTime} accepts into its parts, without checking
 * the calendar. Returns undefined when `text` is not exactly one such literal.
 */
export function splitDateTime(text: string): DateTimeParts | undefined {
  if (readDateTime(text, 0, text.length, scratch) !== text.length) return undefined;
  const f = scratch;
  return {
    year: f.year,
    month: f.month,
    day: f.day,
    hour: f.hour,
    minute: f.minute,
    second: f.second,
    fraction: text.slice(f.fractionStart, f.fractionEnd),
    offsetMinutes: f.offsetMinutes,
    offsetMinuteField: f.offsetMinuteField,
    dateOnly: f.dateOnly,
  };
}

/**
 * Checks that the parts name a real instant: month 1-12, a day that exists in that month (leap
 * years included), hour 0-23, minute 0-59, second 0-59 (leap seconds are not supported: `Date`
 * and the SQL engines cannot hold them) and an offset within ±23:59.
 */
export function checkDateTime(parts: DateTimeParts): DateTimeProblem | undefined {
  return dateTimeProblem(parts);
}

/**
 * The shape `readDateTime` reads, as one anchored regex: `YYYY-MM-DD`, optionally
 * `THH:MM:SS[.fraction](Z|±HH:MM)` (`T` and `Z` in either case), capturing the year, month, day,
 * hour and offset hour. Minutes and seconds past 59 already fail here. No group repeats another,
 * so it runs in linear time at any length; `\d` is `[0-9]` without the `u` flag.
 */
const LITERAL = /^(\d{4})-(\d\d)-(\d\d)(?:[Tt](\d\d):[0-5]\d:[0-5]\d(?:\.\d+)?(?:[Zz]|[+-](\d\d):[0-5]\d))?$/;

/**
 * Whether `text` is exactly one date-time literal that names a real instant: what
 * {@link parseDateTime} accepts, without building its parts (the printer and the builder only ask).
 * A regex and the calendar rather than the reader, so that the builder entry, which needs only
 * this answer, stays small; test/language/date-time-literal.test.ts holds the two equal.
 */
export function isDateTimeLiteral(text: string): boolean {
  const found = LITERAL.exec(text);
  if (found === null) return false;
  // The captured number of group `group`; a full-date has no hour and no offset, both read as 0.
  const part = (group: number): number => Number(found[group] ?? 0);
  const month = part(2);
  const day = part(3);
  // An offset within ±23:59 is an offset hour within 23, its minutes being at most 59.
  return (
    month >= 1 &&
    month <= 12 &&
    day >= 1 &&
    day <= daysInMonth(part(1), month) &&
    part(4) <= 23 &&
    part(5) <= 23
  );
}

/** Parses and checks a date-time literal; undefined when it is malformed or impossible. */
export function parseDateTime(text: string): DateTimeParts | undefined {
  const parts = splitDateTime(text);
  return parts && checkDateTime(parts) === undefined ? parts : undefined;
}

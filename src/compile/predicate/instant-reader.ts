import { daysFromCivil, SECONDS_PER_DAY } from '../../language/date-time/calendar.js';
import type { Instant } from '../../language/date-time/instant.js';
import {
  type DateTimeFields,
  dateTimeProblem,
  newDateTimeFields,
  readDateTime,
} from '../../language/date-time/read.js';

/**
 * A record's date-time as two comparable parts: whole seconds since the epoch (exact in a double
 * for any `Date` or RFC 3339 year) and the fractional digits without trailing zeros. Two
 * instants compare by `seconds`, then by `fraction` as plain strings.
 */
export interface InstantParts {
  seconds: number;
  fraction: string;
}

/** The parts of a literal's instant. */
export function instantParts(instant: Instant): InstantParts {
  return { seconds: instant.days * SECONDS_PER_DAY + instant.seconds, fraction: instant.fraction };
}

/** Orders two instants given as parts: <0, 0 or >0. */
export function compareParts(seconds: number, fraction: string, other: InstantParts): number {
  if (seconds !== other.seconds) return seconds - other.seconds;
  return fraction === other.fraction ? 0 : fraction < other.fraction ? -1 : 1;
}

/** A string that is equal for equal instants only (for sets of literals). */
export function partsKey(parts: InstantParts): string {
  return `${parts.seconds}.${parts.fraction}`;
}

// The record reader's scratch fields: readText is synchronous and re-enters nothing.
const fields: DateTimeFields = newDateTimeFields();

/**
 * Reads an RFC 3339 date-time or full-date into `out`, accepting exactly what `parseDateTime`
 * accepts (the same reader and calendar check), allocating nothing beyond the fraction text. Runs
 * once per record and date-time leaf.
 */
function readText(text: string, out: InstantParts): boolean {
  const n = text.length;
  if (readDateTime(text, 0, n, fields) !== n || dateTimeProblem(fields) !== undefined) return false;
  let end = fields.fractionEnd;
  const start = fields.fractionStart;
  while (end > start && text.charCodeAt(end - 1) === 48) end--;
  out.fraction = end === start ? '' : text.slice(start, end);
  const secondOfDay = fields.hour * 3600 + (fields.minute - fields.offsetMinutes) * 60 + fields.second;
  out.seconds = daysFromCivil(fields.year, fields.month, fields.day) * SECONDS_PER_DAY + secondOfDay;
  return true;
}

function millisFraction(millis: number): string {
  if (millis === 0) return '';
  const digits = String(millis).padStart(3, '0');
  return digits.endsWith('00') ? digits.slice(0, 1) : digits.endsWith('0') ? digits.slice(0, 2) : digits;
}

/**
 * Reads a record value (RFC 3339 string or `Date`) into `out`; false when it is neither, or is
 * malformed, impossible, or an invalid `Date`.
 */
export function readInstant(value: unknown, out: InstantParts): boolean {
  if (typeof value === 'string') return readText(value, out);
  if (value instanceof Date) {
    const ms = value.getTime();
    if (Number.isNaN(ms)) return false;
    const seconds = Math.floor(ms / 1000);
    out.seconds = seconds;
    out.fraction = millisFraction(ms - seconds * 1000);
    return true;
  }
  return false;
}

/** {@link partsKey} of a record value, or undefined when it is not a date-time. */
export function instantKeyOfValue(value: unknown): string | undefined {
  const out: InstantParts = { seconds: 0, fraction: '' };
  return readInstant(value, out) ? partsKey(out) : undefined;
}

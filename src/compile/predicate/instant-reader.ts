import type { Instant } from '../../language/date-time/instant.js';

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
  return { seconds: instant.days * 86_400 + instant.seconds, fraction: instant.fraction };
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

function twoDigits(text: string, i: number): number {
  const a = text.charCodeAt(i) - 48;
  const b = text.charCodeAt(i + 1) - 48;
  // Out-of-range indexes give NaN, which fails both tests.
  return a >= 0 && a <= 9 && b >= 0 && b <= 9 ? a * 10 + b : -1;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * ((month + 9) % 12) + 2) / 5) + day - 1;
  return (
    era * 146_097 +
    yearOfEra * 365 +
    Math.floor(yearOfEra / 4) -
    Math.floor(yearOfEra / 100) +
    dayOfYear -
    719_468
  );
}

/**
 * Reads an RFC 3339 date-time or full-date into `out` without allocating (beyond the fraction
 * text), accepting exactly what `parseDateTime` accepts. Runs once per record and date-time
 * leaf, so it is a hand-written scanner rather than the general parser.
 */
function readText(text: string, out: InstantParts): boolean {
  const n = text.length;
  if (n < 10) return false;
  const century = twoDigits(text, 0);
  const yy = twoDigits(text, 2);
  const month = twoDigits(text, 5);
  const day = twoDigits(text, 8);
  if (century < 0 || yy < 0 || month < 1 || month > 12 || day < 1) return false;
  if (text.charCodeAt(4) !== 45 || text.charCodeAt(7) !== 45) return false;
  const year = century * 100 + yy;
  if (day > daysInMonth(year, month)) return false;
  let secondOfDay = 0;
  let fraction = '';
  if (n > 10) {
    const t = text.charCodeAt(10);
    if ((t !== 84 && t !== 116) || n < 20) return false;
    const hour = twoDigits(text, 11);
    const minute = twoDigits(text, 14);
    const second = twoDigits(text, 17);
    if (hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59) return false;
    if (text.charCodeAt(13) !== 58 || text.charCodeAt(16) !== 58) return false;
    let i = 19;
    if (text.charCodeAt(i) === 46) {
      const start = ++i;
      let code = text.charCodeAt(i);
      while (code >= 48 && code <= 57) code = text.charCodeAt(++i);
      if (i === start) return false;
      let end = i;
      while (end > start && text.charCodeAt(end - 1) === 48) end--;
      fraction = end === start ? '' : text.slice(start, end);
    }
    let offset = 0;
    const zone = text.charCodeAt(i);
    if (zone === 90 || zone === 122) {
      if (i + 1 !== n) return false;
    } else if (zone === 43 || zone === 45) {
      if (i + 6 !== n || text.charCodeAt(i + 3) !== 58) return false;
      const oh = twoDigits(text, i + 1);
      const om = twoDigits(text, i + 4);
      // The same bounds as checkDateTime: hours 0-23, minutes 0-59.
      if (oh < 0 || om < 0 || oh > 23 || om > 59) return false;
      offset = oh * 60 + om;
      if (zone === 45) offset = -offset;
    } else return false;
    secondOfDay = hour * 3600 + (minute - offset) * 60 + second;
  }
  out.seconds = daysFromCivil(year, month, day) * 86_400 + secondOfDay;
  out.fraction = fraction;
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

/**
 * What a careful developer writes by hand to get exactly our predicate's semantics, shared by the
 * hand-written arrows and the hand closure compiler: own-property reads, the Unicode simple
 * lowercase fold, and exact date-time comparison (every fractional digit, offsets applied),
 * without allocating per record.
 */

const own = Object.prototype.hasOwnProperty;

/** The own property `key` of `record`; undefined when missing or when `record` is no object. */
export function get(record: unknown, key: string): unknown {
  return typeof record === 'object' && record !== null && own.call(record, key)
    ? (record as Record<string, unknown>)[key]
    : undefined;
}

// toLowerCase is the simple mapping except on U+0130 and U+03A3 (full and contextual mappings).
const SPECIALS = /[\u0130\u03a3]/;

/** The Unicode simple lowercase mapping, code point by code point. */
export function fold(text: string): string {
  if (!SPECIALS.test(text)) return text.toLowerCase();
  return text
    .replace(/\u0130/g, 'i')
    .replace(/\u03a3/g, '\u03c3')
    .toLowerCase();
}

/**
 * The fold as a comparison with a constant needs it, fast: native toLowerCase, which differs from
 * the simple mapping only by lengthening U+0130 (to `i` + U+0307) and by mapping U+03A3 to `ς` or
 * `σ` by context. When the length is kept, the units line up with the exact fold's and differ at
 * most on σ/ς, so `eq`, `co`, `sw` and the order against a constant without σ, ς or U+0307 decide
 * as on the exact fold. The caller checks the constant ({@link fastFoldDecides}).
 */
export function foldForConstant(text: string): string {
  const lower = text.toLowerCase();
  return lower.length === text.length ? lower : fold(text);
}

/** Whether {@link foldForConstant} decides comparisons with the folded `constant` exactly. */
export function fastFoldDecides(constant: string): boolean {
  return !(constant.includes('\u03c3') || constant.includes('\u03c2') || constant.includes('\u0307'));
}

/** An exact instant: seconds since the epoch (UTC) and the fractional digits, trailing zeros cut. */
export interface Instant {
  readonly seconds: number;
  readonly fraction: string;
}

const DAYS = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const digit = (text: string, i: number): number => {
  const d = text.charCodeAt(i) - 48;
  return d >= 0 && d <= 9 ? d : Number.NaN;
};
const two = (text: string, i: number): number => digit(text, i) * 10 + digit(text, i + 1);

/** The instant an RFC 3339 date-time or full-date names (or a valid `Date`); undefined otherwise. */
export function instantOf(value: unknown): Instant | undefined {
  if (value instanceof Date) {
    const ms = value.getTime();
    if (Number.isNaN(ms)) return undefined;
    const milli = ((ms % 1000) + 1000) % 1000;
    return { seconds: (ms - milli) / 1000, fraction: String(milli).padStart(3, '0').replace(/0+$/, '') };
  }
  if (typeof value !== 'string' || value.length < 10) return undefined;
  const t = value;
  const year = two(t, 0) * 100 + two(t, 2);
  const month = two(t, 5);
  const day = two(t, 8);
  if (t[4] !== '-' || t[7] !== '-' || !(month >= 1 && month <= 12) || !(day >= 1)) return undefined;
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  if (day > DAYS[month - 1]! || (month === 2 && day === 29 && !leap)) return undefined;
  // Date.UTC maps years 0-99 to 1900-1999: shift by 400 years (146,097 days) and back.
  const midnight =
    year < 100
      ? Date.UTC(year + 400, month - 1, day) / 1000 - 146_097 * 86_400
      : Date.UTC(year, month - 1, day) / 1000;
  if (t.length === 10) return { seconds: midnight, fraction: '' };
  const sep = t[10];
  if ((sep !== 'T' && sep !== 't' && sep !== ' ') || t[13] !== ':' || t[16] !== ':') return undefined;
  const hour = two(t, 11);
  const minute = two(t, 14);
  const second = two(t, 17);
  if (!(hour <= 23 && minute <= 59 && second <= 60)) return undefined;
  let i = 19;
  let fraction = '';
  if (t[i] === '.') {
    const start = ++i;
    while (i < t.length && !Number.isNaN(digit(t, i))) i++;
    if (i === start) return undefined;
    let end = i;
    while (end > start && t.charCodeAt(end - 1) === 48) end--;
    fraction = t.slice(start, end);
  }
  let offset = 0;
  const zone = t[i];
  if (zone === 'Z' || zone === 'z') {
    if (i + 1 !== t.length) return undefined;
  } else if ((zone === '+' || zone === '-') && t.length === i + 6 && t[i + 3] === ':') {
    const oh = two(t, i + 1);
    const om = two(t, i + 4);
    if (!(oh <= 23 && om <= 59)) return undefined;
    offset = (zone === '+' ? 1 : -1) * (oh * 3600 + om * 60);
  } else return undefined;
  return { seconds: midnight + hour * 3600 + minute * 60 + second - offset, fraction };
}

/** Orders two instants: <0, 0 or >0. */
export function compareInstants(a: Instant, b: Instant): number {
  if (a.seconds !== b.seconds) return a.seconds - b.seconds;
  return a.fraction === b.fraction ? 0 : a.fraction < b.fraction ? -1 : 1;
}

/** Days from 1970-01-01 to a proleptic Gregorian date (no Date object, any year). */
function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * ((month + 9) % 12) + 2) / 5) + day - 1;
  return era * 146_097 + yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy - 719_468;
}

/**
 * `value` (a record's date-time) against `target`: <0, 0, >0, or NaN when it is not one. The
 * fast path reads the common `YYYY-MM-DDTHH:MM:SS[.fff…]Z` form digit by digit, allocating
 * nothing; any other form goes through {@link instantOf}.
 */
export function compareToInstant(value: unknown, target: Instant): number {
  if (typeof value !== 'string' || value.length < 20 || value.charCodeAt(value.length - 1) !== 90) {
    const instant = instantOf(value);
    return instant === undefined ? Number.NaN : compareInstants(instant, target);
  }
  const t = value;
  const year = two(t, 0) * 100 + two(t, 2);
  const month = two(t, 5);
  const day = two(t, 8);
  const hour = two(t, 11);
  const minute = two(t, 14);
  const second = two(t, 17);
  const shape =
    t[4] === '-' && t[7] === '-' && (t[10] === 'T' || t[10] === 't') && t[13] === ':' && t[16] === ':';
  if (!shape || !(month >= 1 && month <= 12 && day >= 1 && hour <= 23 && minute <= 59 && second <= 60)) {
    return Number.NaN;
  }
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  if (day > DAYS[month - 1]! || (month === 2 && day === 29 && !leap)) return Number.NaN;
  const seconds = daysFromCivil(year, month, day) * 86_400 + hour * 3600 + minute * 60 + second;
  if (seconds !== target.seconds) return seconds - target.seconds;
  // Same second: compare the fractional digits, a missing digit counting as 0.
  const end = t.length - 1;
  if (end !== 19 && (t[19] !== '.' || end === 20)) return Number.NaN;
  const fraction = target.fraction;
  for (let i = 20, k = 0; i < end || k < fraction.length; i++, k++) {
    const a = i < end ? digit(t, i) : 0;
    if (Number.isNaN(a)) return Number.NaN;
    const b = k < fraction.length ? fraction.charCodeAt(k) - 48 : 0;
    if (a !== b) return a - b;
  }
  return 0;
}

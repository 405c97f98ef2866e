import { civilFromDays, SECONDS_PER_DAY } from './calendar.js';
import type { Instant } from './instant.js';

/**
 * An instant on a clock that ticks `10^-digits` seconds at a time (a native timestamp column:
 * 6 digits for microseconds, 3 for milliseconds): whole seconds since 1970-01-01T00:00:00Z, and
 * the ticks within that second. Plain numbers: every instant an RFC 3339 literal can name
 * (years -1 to 10000 in UTC) is far within `Number`'s exact integers.
 */
export interface Tick {
  /** Seconds since the Unix epoch (negative before it). */
  readonly second: number;
  /** Ticks within the second, 0 to `10^digits - 1`. */
  readonly tick: number;
}

/** Where a literal falls on a clock of some precision. */
export interface Placed {
  /** The latest tick at or before the instant. */
  readonly floor: Tick;
  /** The earliest tick at or after it: `floor` when the instant is on the clock, else the next tick. */
  readonly ceiling: Tick;
  /** Whether the instant is exactly a tick (no non-zero digit beyond the clock's precision). */
  readonly exact: boolean;
}

/** The instant placed on a clock of `digits` fractional digits (exact: digits are never rounded). */
export function placeOnClock(instant: Instant, digits: number): Placed {
  const second = instant.days * SECONDS_PER_DAY + instant.seconds;
  const tick =
    instant.fraction.length === 0 ? 0 : Number(instant.fraction.slice(0, digits).padEnd(digits, '0'));
  const floor = { second, tick };
  const exact = instant.fraction.length <= digits;
  return { floor, ceiling: exact ? floor : nextTick(floor, digits), exact };
}

/** The tick after `t` on a clock of `digits` fractional digits. */
export function nextTick(t: Tick, digits: number): Tick {
  return t.tick + 1 === 10 ** digits
    ? { second: t.second + 1, tick: 0 }
    : { second: t.second, tick: t.tick + 1 };
}

/** Negative, zero or positive as `a` is before, at or after `b` (on the same clock). */
export function compareTicks(a: Tick, b: Tick): number {
  return a.second === b.second ? a.tick - b.tick : a.second - b.second;
}

/** A tick's UTC calendar fields: proleptic Gregorian year (0 is 1 BC), month, day, time of day. */
export interface TickFields {
  readonly year: number;
  readonly month: number;
  readonly day: number;
  readonly hour: number;
  readonly minute: number;
  readonly second: number;
}

/** The UTC calendar fields of `t`. */
export function tickFields(t: Tick): TickFields {
  const days = Math.floor(t.second / SECONDS_PER_DAY);
  const ofDay = t.second - days * SECONDS_PER_DAY;
  const [year, month, day] = civilFromDays(days);
  return {
    year,
    month,
    day,
    hour: Math.floor(ofDay / 3600),
    minute: Math.floor((ofDay % 3600) / 60),
    second: ofDay % 60,
  };
}

function pad(value: number, width: number): string {
  return String(value).padStart(width, '0');
}

/**
 * `YYYY-MM-DD HH:MM:SS.fff…` (UTC, `digits` fractional digits) for a year 0 to 9999, or with
 * `year` given in place of the tick's own (PostgreSQL writes 1 BC as year 1 with a `BC` suffix).
 */
export function tickText(t: Tick, digits: number, year?: number): string {
  const f = tickFields(t);
  const fraction = digits === 0 ? '' : `.${pad(t.tick, digits)}`;
  return `${pad(year ?? f.year, 4)}-${pad(f.month, 2)}-${pad(f.day, 2)} ${pad(f.hour, 2)}:${pad(f.minute, 2)}:${pad(f.second, 2)}${fraction}`;
}

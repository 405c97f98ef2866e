import fc from 'fast-check';

/**
 * Instants for the native timestamp tests, computed independently of the code under test:
 * nanoseconds since the epoch as a bigint, the calendar from `Date` (exact for whole
 * milliseconds, years -271821 to 275760).
 */

export const NS_PER_MS = 1_000_000n;
export const NS_PER_DAY = 86_400_000_000_000n;

/** A column's clock: how many nanoseconds one tick is (1,000 for microseconds, 10^6 for ms). */
export type TickNs = 1_000n | 1_000_000n;

function floorDiv(a: bigint, b: bigint): bigint {
  const q = a / b;
  return a % b !== 0n && a < 0n !== b < 0n ? q - 1n : q;
}

function pad(value: number | bigint, width: number): string {
  const text = String(value < 0 ? -value : value);
  return text.padStart(width, '0');
}

/** UTC fields of an instant: year (0 is 1 BC), month, day, time, and nanoseconds in the second. */
export function fieldsOf(ns: bigint) {
  const ms = floorDiv(ns, NS_PER_MS);
  const date = new Date(Number(ms));
  const nanos = ns - floorDiv(ns, 1_000_000_000n) * 1_000_000_000n;
  return {
    year: date.getUTCFullYear(),
    month: date.getUTCMonth() + 1,
    day: date.getUTCDate(),
    hour: date.getUTCHours(),
    minute: date.getUTCMinutes(),
    second: date.getUTCSeconds(),
    nanos,
  };
}

/**
 * RFC 3339 text of `ns` at an offset in minutes (`-0` writes `-00:00`), with the fewest
 * fractional digits plus `extraZeros`; undefined when the local year leaves 0000-9999.
 */
export function rfc3339(ns: bigint, offsetMinutes: number, extraZeros = 0): string | undefined {
  const f = fieldsOf(ns + BigInt(offsetMinutes) * 60_000_000_000n);
  if (f.year < 0 || f.year > 9999) return undefined;
  const digits = pad(f.nanos, 9).replace(/0+$/, '') + '0'.repeat(extraZeros);
  const fraction = digits === '' ? '' : `.${digits}`;
  const negative = offsetMinutes < 0 || Object.is(offsetMinutes, -0);
  const zone =
    offsetMinutes === 0 && !Object.is(offsetMinutes, -0)
      ? 'Z'
      : `${negative ? '-' : '+'}${pad(Math.trunc(Math.abs(offsetMinutes) / 60), 2)}:${pad(Math.abs(offsetMinutes) % 60, 2)}`;
  return `${pad(f.year, 4)}-${pad(f.month, 2)}-${pad(f.day, 2)}T${pad(f.hour, 2)}:${pad(f.minute, 2)}:${pad(f.second, 2)}${fraction}${zone}`;
}

/** `YYYY-MM-DD HH:MM:SS.ffffff` in UTC (MySQL's DATETIME(6) literal) for an instant on microseconds. */
export function mysqlText(ns: bigint): string {
  const f = fieldsOf(ns);
  return `${pad(f.year, 4)}-${pad(f.month, 2)}-${pad(f.day, 2)} ${pad(f.hour, 2)}:${pad(f.minute, 2)}:${pad(f.second, 2)}.${pad(f.nanos / 1000n, 6)}`;
}

/** Whole days since the epoch and microseconds within the day (for PostgreSQL's exact arithmetic). */
export function daysAndMicros(ns: bigint): [number, number] {
  const days = floorDiv(ns, NS_PER_DAY);
  return [Number(days), Number((ns - days * NS_PER_DAY) / 1000n)];
}

const ns = (text: string) => BigInt(Date.parse(text)) * NS_PER_MS;

/** Base instants: the epoch's edge, a leap day, recent times, and the years' ends. */
export const BASES: readonly bigint[] = [
  ns('1969-12-31T23:59:59.999Z'),
  ns('1970-01-01T00:00:00.000Z'),
  ns('2000-02-29T12:00:00.000Z'),
  ns('2022-01-01T00:00:00.000Z'),
  ns('2022-01-01T00:00:00.001Z'),
  ns('2024-02-29T23:59:59.999Z'),
  ns('2038-01-19T03:14:07.000Z'),
  ns('0001-01-01T00:00:00.000Z'),
  ns('9999-12-31T23:59:59.999Z') + 999_999n,
];

/** An instant before year 1 (1 BC), which PostgreSQL and SQLite hold and MySQL does not. */
export const YEAR_ZERO = ns('0000-06-15T12:00:00.000Z');

/** Offsets in minutes a literal is written at (`-0` is `-00:00`). */
export const OFFSETS = [0, -0, 60, -60, 330, -570, 840, -(23 * 60 + 59), 23 * 60 + 59] as const;

/** Nanosecond steps from a base: at, below and above a tick, and across seconds and days. */
const STEPS = [
  0n,
  1n,
  -1n,
  500n,
  -500n,
  999n,
  1_000n,
  -1_000n,
  1_500n,
  999_999n,
  1_000_000n,
  -1_000_000n,
  1_000_000_000n,
  -1_000_000_000n,
  NS_PER_DAY,
];

/** A row's instant on the column's clock, within `[min, max]` (`min` on the clock). */
export function genStoredInstant(tick: TickNs, min: bigint, max: bigint): fc.Arbitrary<bigint> {
  return fc
    .tuple(
      fc.constantFrom(...BASES, YEAR_ZERO),
      fc.integer({ min: -3, max: 3 }),
      fc.constantFrom(1n, 7n, 1_000n),
    )
    .map(([base, k, scale]) => {
      const value = floorDiv(base, tick) * tick + BigInt(k) * scale * tick;
      return floorDiv(value < min ? min : value > max ? max : value, tick) * tick;
    });
}

/** A literal near `near` (or a base), at nanosecond, microsecond, millisecond or second precision. */
export function genLiteral(near: readonly bigint[]): fc.Arbitrary<string> {
  return fc
    .tuple(
      fc.constantFrom(...near, ...BASES, YEAR_ZERO),
      fc.constantFrom(...STEPS),
      fc.boolean(),
      fc.constantFrom(...OFFSETS),
      fc.nat(3),
      fc.constantFrom(1n, 1_000n, 1_000_000_000n, 1n, 1n),
    )
    .map(([base, step, down, offset, zeros, truncate]) => {
      let value = base + (down ? -step : step);
      value = floorDiv(value, truncate) * truncate;
      // Beyond year 9999 (or before 0) locally and in UTC: the last literal RFC 3339 can write.
      return (
        rfc3339(value, offset, zeros) ??
        rfc3339(value, 0) ??
        (value < 0n ? '0000-01-01T00:00:00Z' : '9999-12-31T23:59:59.999999999Z')
      );
    });
}

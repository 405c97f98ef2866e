import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  compareParts,
  type InstantParts,
  instantKeyOfValue,
  instantParts,
  readInstant,
} from '../../src/compile/predicate/instant-reader.js';
import {
  instantFromDate,
  instantFromText,
  sqlInstant,
  toSqlDateTime,
} from '../../src/language/date-time/instant.js';
import { type GenInstant, genInstant, OFFSETS, oracleStorage, writeInstant } from './support/data.js';

function partsKeyOf(instant: ReturnType<typeof instantFromDate> & object): string {
  const parts = instantParts(instant);
  return `${parts.seconds}.${parts.fraction}`;
}

function compareOracle(a: GenInstant, b: GenInstant): number {
  if (a.ms !== b.ms) return a.ms - b.ms;
  const x = a.subMs.padEnd(6, '0');
  const y = b.subMs.padEnd(6, '0');
  return x < y ? -1 : x > y ? 1 : 0;
}

const written = fc
  .tuple(genInstant, fc.constantFrom(...OFFSETS), fc.nat(3))
  .map(([instant, offset, zeros]) => ({
    instant,
    text: writeInstant(instant, offset, zeros) ?? writeInstant(instant, 0, zeros)!,
  }));

describe('date-time instants', () => {
  it('toSqlDateTime gives the UTC, nine-digit form at any offset', () => {
    fc.assert(
      fc.property(written, ({ instant, text }) => {
        expect(toSqlDateTime(text)).toBe(oracleStorage(instant));
      }),
      { numRuns: 500 },
    );
    expect(toSqlDateTime('2022-02-07T20:13:29.356648026+01:00')).toBe('2022-02-07T19:13:29.356648026Z');
    expect(toSqlDateTime(new Date('2022-02-07T20:13:29.356Z'))).toBe('2022-02-07T20:13:29.356000000Z');
    expect(toSqlDateTime('2025-08-01')).toBe('2025-08-01T00:00:00.000000000Z');
  });

  it('toSqlDateTime refuses what it cannot store exactly', () => {
    expect(toSqlDateTime('0000-01-01T00:30:00+01:00')).toBeUndefined(); // UTC year -1
    expect(toSqlDateTime('9999-12-31T23:30:00-01:00')).toBeUndefined(); // UTC year 10000
    expect(toSqlDateTime('2022-02-07T20:13:29.3566480261Z')).toBeUndefined(); // below a nanosecond
    expect(toSqlDateTime('2022-02-07T20:13:29.3566480260Z')).toBe('2022-02-07T20:13:29.356648026Z');
    expect(toSqlDateTime('2023-02-30')).toBeUndefined();
    expect(toSqlDateTime(new Date(Number.NaN))).toBeUndefined();
    expect(toSqlDateTime('yesterday')).toBeUndefined();
  });

  it('keys order as the instants do, and are equal exactly for the same instant', () => {
    fc.assert(
      fc.property(written, written, (a, b) => {
        const pa: InstantParts = { seconds: 0, fraction: '' };
        expect(readInstant(a.text, pa)).toBe(true);
        const pb: InstantParts = { seconds: 0, fraction: '' };
        expect(readInstant(b.text, pb)).toBe(true);
        const expected = Math.sign(compareOracle(a.instant, b.instant));
        expect(Math.sign(compareParts(pa.seconds, pa.fraction, pb))).toBe(expected);
        expect(instantKeyOfValue(a.text) === instantKeyOfValue(b.text)).toBe(expected === 0);
        // The storage form sorts the same way as text.
        const sa = toSqlDateTime(a.text)!;
        const sb = toSqlDateTime(b.text)!;
        expect(sa < sb ? -1 : sa > sb ? 1 : 0).toBe(expected);
      }),
      { numRuns: 1000 },
    );
  });

  it('a Date and its RFC 3339 text have the same key', () => {
    fc.assert(
      // Dates of the years RFC 3339 writes (0000-9999; Date's six-digit years are not RFC 3339).
      fc.property(
        fc.date({
          noInvalidDate: true,
          min: new Date('0000-01-01T00:00:00.000Z'),
          max: new Date('9999-12-31T23:59:59.999Z'),
        }),
        (date) => {
          const iso = date.toISOString();
          expect(iso).toMatch(/^\d{4}-/);
          expect(instantKeyOfValue(date)).toBe(instantKeyOfValue(iso));
          expect(instantKeyOfValue(date)).toBe(partsKeyOf(instantFromDate(date)!));
        },
      ),
    );
  });

  it('places out-of-range and sub-nanosecond literals around the storable values', () => {
    expect(sqlInstant(instantFromText('0000-01-01T00:30:00+01:00')!).kind).toBe('before');
    expect(sqlInstant(instantFromText('9999-12-31T23:30:00-01:00')!).kind).toBe('after');
    expect(sqlInstant(instantFromText('2022-01-01T00:00:00.0000000001Z')!)).toEqual({
      kind: 'within',
      text: '2022-01-01T00:00:00.000000000Z',
      exact: false,
    });
    const before = instantParts(instantFromText('1969-12-31T23:59:59.9Z')!);
    expect(
      compareParts(before.seconds, before.fraction, instantParts(instantFromText('1970-01-01T00:00:00Z')!)),
    ).toBeLessThan(0);
  });

  it("the predicate's allocation-free reader accepts exactly what parseDateTime accepts, with the same instant", () => {
    const chars = fc.constantFrom(...'0123456789-:.TtZz+ '.split(''));
    const mangled = fc.oneof(
      written.map((w) => w.text),
      fc.tuple(written, fc.nat(40), chars).map(([w, i, c]) => {
        const at = i % (w.text.length + 1);
        return w.text.slice(0, at) + c + w.text.slice(at + 1);
      }),
      fc.constantFrom(
        '2024-02-29',
        '2023-02-29',
        '2022-01-01T24:00:00Z',
        '2022-01-01T00:00:00+23:59',
        '2022-01-01T00:00:00+24:00',
        '2022-01-01T00:00:00+01:75',
        '2022-01-01T00:00:00-00:60',
        '2022-01-01T00:00:00.Z',
        '',
      ),
    );
    fc.assert(
      fc.property(mangled, (text) => {
        const reference = instantFromText(text);
        const parts: InstantParts = { seconds: 0, fraction: '' };
        expect(readInstant(text, parts)).toBe(reference !== undefined);
        if (reference !== undefined) expect(parts).toEqual(instantParts(reference));
      }),
      { numRuns: 3000 },
    );
  });
});

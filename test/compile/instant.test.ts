import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  instantFromText,
  instantKey,
  instantKeyOf,
  sqlInstant,
  toSqlDateTime,
} from '../../src/compile/instant.js';
import { type GenInstant, genInstant, OFFSETS, oracleStorage, writeInstant } from './support/data.js';

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
        const ka = instantKeyOf(a.text)!;
        const kb = instantKeyOf(b.text)!;
        const expected = Math.sign(compareOracle(a.instant, b.instant));
        expect(ka < kb ? -1 : ka > kb ? 1 : 0).toBe(expected);
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
      fc.property(fc.date({ noInvalidDate: true }), (date) => {
        const iso = date.toISOString();
        if (!/^\d{4}-/.test(iso)) return; // Date's six-digit years are not RFC 3339
        expect(instantKeyOf(date)).toBe(instantKeyOf(iso));
      }),
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
    expect(
      instantKey(instantFromText('1969-12-31T23:59:59.9Z')!) <
        instantKey(instantFromText('1970-01-01T00:00:00Z')!),
    ).toBe(true);
  });
});

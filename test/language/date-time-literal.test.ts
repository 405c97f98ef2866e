import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isDateTimeLiteral, parseDateTime } from '../../src/language/date-time/rfc3339.js';

// Date-times written the ways the language allows (any offset, fraction or case of `T`/`Z`),
// then one character replaced by one of the grammar's own, so most of them are near misses.
const written = fc
  .tuple(
    fc.date({
      min: new Date('0000-01-01T00:00:00Z'),
      max: new Date('9999-12-31T23:59:59Z'),
      noInvalidDate: true,
    }),
    fc.constantFrom('Z', 'z', '+00:00', '-05:30', '+23:59', '+24:00', '+01:75', '-23:60', '+99:99', '+19:00'),
    fc.constantFrom('', '.5', '.123456789', '.'),
    fc.boolean(),
  )
  .map(([date, offset, fraction, dateOnly]) => {
    const iso = date.toISOString();
    return dateOnly ? iso.slice(0, 10) : `${iso.slice(0, 19)}${fraction}${offset}`;
  });
const chars = fc.constantFrom(...'0123456789-:.TtZz+ '.split(''));
const texts = fc.oneof(
  written,
  fc.tuple(written, fc.nat(40), chars).map(([text, i, c]) => {
    const at = i % (text.length + 1);
    return text.slice(0, at) + c + text.slice(at + 1);
  }),
  fc.string(),
  fc.constantFrom(
    '2024-02-29',
    '2023-02-29',
    '1900-02-29',
    '2000-02-29',
    '0000-02-29',
    '2022-01-01T24:00:00Z',
    '2022-01-01T23:60:00Z',
    '2022-01-01T23:59:60Z',
    '2022-13-01',
    '2022-00-01',
    '2022-01-00',
    '2022-04-31',
    '2022-01-01T00:00:00.Z',
    '2022-01-01\n',
    '',
  ),
  // Any two digits in every numeric field, often a calendar bound or its neighbour, so each
  // bound is met from both sides.
  fc
    .tuple(
      fc.array(
        fc.oneof(
          fc.integer({ min: 0, max: 99 }),
          fc.constantFrom(0, 1, 2, 12, 13, 23, 24, 28, 29, 30, 31, 59, 60),
        ),
        {
          minLength: 8,
          maxLength: 8,
        },
      ),
      fc.constantFrom('T', 't'),
      fc.constantFrom('Z', 'z', '+', '-'),
    )
    .map(([n, t, zone]) => {
      const d = n.map((v) => String(v).padStart(2, '0'));
      const offset = zone === '+' || zone === '-' ? `${zone}${d[6]}:${d[7]}` : zone;
      return `${d[0]}${d[0]}-${d[1]}-${d[2]}${t}${d[3]}:${d[4]}:${d[5]}${offset}`;
    }),
);

describe('isDateTimeLiteral', () => {
  it('accepts exactly what parseDateTime parses', () => {
    fc.assert(
      fc.property(texts, (text) => {
        expect(isDateTimeLiteral(text)).toBe(parseDateTime(text) !== undefined);
      }),
      { numRuns: 3000 },
    );
  });

  it('accepts a real instant and refuses a day the calendar does not have', () => {
    expect(isDateTimeLiteral('2024-02-29T12:00:00.5+01:30')).toBe(true);
    expect(isDateTimeLiteral('2023-02-29')).toBe(false);
  });
});

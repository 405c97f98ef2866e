import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type DateTimeOperator, dateTimeTest } from '../../src/compile/predicate/date-time-test.js';
import { type Instant, instantFromText, instantOf } from '../../src/language/date-time/instant.js';

/** The reference: the full reader, then the order of (days, seconds, fraction). */
function reference(operator: DateTimeOperator, constant: Instant, value: unknown): boolean {
  const instant = instantOf(value);
  if (instant === undefined) return false;
  const order =
    instant.days !== constant.days
      ? instant.days - constant.days
      : instant.seconds !== constant.seconds
        ? instant.seconds - constant.seconds
        : instant.fraction === constant.fraction
          ? 0
          : instant.fraction < constant.fraction
            ? -1
            : 1;
  switch (operator) {
    case 'eq':
      return order === 0;
    case 'gt':
      return order > 0;
    case 'ge':
      return order >= 0;
    case 'lt':
      return order < 0;
    case 'le':
      return order <= 0;
  }
}

const OPERATORS: readonly DateTimeOperator[] = ['eq', 'gt', 'ge', 'lt', 'le'];
const pad = (n: number, width: number) => String(n).padStart(width, '0');

// Fields drawn close to and beyond their ranges, so impossible dates and times are common.
const genParts = fc.record({
  year: fc.constantFrom(0, 1, 1999, 2000, 2022, 2024, 2100, 9999),
  month: fc.integer({ min: 0, max: 13 }),
  day: fc.integer({ min: 0, max: 32 }),
  hour: fc.constantFrom(0, 1, 20, 23, 24),
  minute: fc.constantFrom(0, 13, 59, 60),
  second: fc.constantFrom(0, 29, 59, 60),
  fraction: fc.oneof(fc.constant(undefined), fc.stringMatching(/^[0-9]{0,12}$/)),
  zone: fc.constantFrom('Z', 'Z', 'Z', 'z', '+00:00', '+01:00', '-23:59', ''),
  separator: fc.constantFrom('T', 'T', 't', ' '),
});

const genText = fc.oneof(
  genParts.map(
    (p) =>
      `${pad(p.year, 4)}-${pad(p.month, 2)}-${pad(p.day, 2)}${p.separator}${pad(p.hour, 2)}:${pad(p.minute, 2)}:${pad(p.second, 2)}${p.fraction === undefined ? '' : `.${p.fraction}`}${p.zone}`,
  ),
  // One character of a valid canonical string replaced.
  fc
    .tuple(
      fc.integer({ min: 0, max: 30 }),
      fc.constantFrom('x', '-', ':', '.', 'Z', '0', '9', '/', '\u0660', '\uff10'),
    )
    .map(([at, c]) => {
      const text = '2022-02-07T20:13:29.123456789Z';
      return `${text.slice(0, at)}${c}${text.slice(at + 1)}`;
    }),
  fc.string(),
);

const genConstant = fc
  .tuple(
    fc.constantFrom(
      '2022-02-07T20:13:29Z',
      '2022-02-07T20:13:29.5Z',
      '2022-02-07T20:13:29.000000001Z',
      '2022-02-07',
      '2000-02-29T23:59:59.999999999999Z',
      '0000-01-01T00:00:00+01:00',
      '9999-12-31T23:59:59-01:00',
      '2022-02-07T21:13:29.1234+01:00',
    ),
  )
  .map(([text]) => instantFromText(text)!);

/** Canonical UTC strings in the constant's second and the seconds either side of it. */
function canonicalNear(constant: Instant): string[] {
  const ms = (constant.days * 86_400 + constant.seconds) * 1000;
  return [-1000, 0, 1000].flatMap((delta) => {
    const date = new Date(ms + delta);
    if (Number.isNaN(date.getTime())) return [];
    const second = date.toISOString().slice(0, 19);
    return [`${second}Z`, `${second}.${constant.fraction || '0'}Z`, `${second}.9Z`, `${second}.0Z`];
  });
}

describe('the date-time leaf test', () => {
  it('agrees with the full reader on generated strings, near misses included', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...OPERATORS),
        genConstant,
        fc.array(genText),
        (operator, constant, texts) => {
          const test = dateTimeTest(operator, constant);
          for (const text of texts)
            expect(test(text), `${operator} ${text}`).toBe(reference(operator, constant, text));
        },
      ),
      { numRuns: 400 },
    );
  });

  it('agrees with the full reader when given the literal text the constant was read from', () => {
    // The literal, when canonical UTC, stands in for the prefix built from the instant: generated
    // literals (offsets, lower-case, second 60, impossible dates) must change no answer.
    const genLiteral = genText.filter((text) => instantFromText(text) !== undefined);
    fc.assert(
      fc.property(
        fc.constantFrom(...OPERATORS),
        fc.oneof(genLiteral, fc.constantFrom('2022-02-07T20:13:29Z', '2022-02-07T20:13:29.5Z')),
        fc.array(genText),
        (operator, literal, texts) => {
          const constant = instantFromText(literal)!;
          const test = dateTimeTest(operator, constant, literal);
          for (const text of [literal, ...canonicalNear(constant), ...texts])
            expect(test(text), `${operator} ${literal} ${text}`).toBe(reference(operator, constant, text));
        },
      ),
      { numRuns: 400 },
    );
  });

  it('agrees with the full reader around the constant, to the last digit', () => {
    const constant = instantFromText('2022-02-07T20:13:29.5Z')!;
    const texts = [
      '2022-02-07T20:13:29Z',
      '2022-02-07T20:13:29.4999999999Z',
      '2022-02-07T20:13:29.5Z',
      '2022-02-07T20:13:29.50000Z',
      '2022-02-07T20:13:29.5000001Z',
      '2022-02-07T20:13:30Z',
      '2022-02-07T21:13:29.5+01:00',
      '2022-02-07T20:13:29.Z',
      '2022-02-30T20:13:29.5Z',
      '2022-02-07T20:13:60Z',
      new Date('2022-02-07T20:13:29.500Z'),
      new Date(Number.NaN),
      1644264809,
      null,
    ];
    for (const operator of OPERATORS) {
      const test = dateTimeTest(operator, constant);
      for (const text of texts)
        expect(test(text), `${operator} ${String(text)}`).toBe(reference(operator, constant, text));
    }
  });
});

/**
 * Date-time leaves against record text near their fast path (canonical `…Z` text compared as
 * text, then proved a real instant in straight-line code): canonical and offset forms, `+00:00`
 * and `-00:00`, lower-case `t` and `z`, fractions of any length, leap seconds, Feb 29 in common
 * and leap years, year 0000, digits that are not ASCII, text of the canonical length that names
 * nothing, characters above U+00FF, strings the engine holds sliced from a two-byte string or
 * joined at run time, `String` objects and `Date`s. Closures and generated code are compared
 * with an instant oracle written here from RFC 3339 (which allows `t` and `z` in lower case).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { daysFromCivil, daysInMonth } from './instant.js';
import { compileBoth, date, field } from './leaf-harness.js';
import type { CompareOp, Filter } from './oracle.js';

interface Moment {
  readonly seconds: bigint;
  /** Fractional digits without trailing zeros. */
  readonly fraction: string;
}

const RFC3339 = /^(\d{4})-(\d{2})-(\d{2})(?:[Tt](\d{2}):(\d{2}):(\d{2})(?:\.(\d+))?([Zz]|[+-]\d{2}:\d{2}))?$/;

/** The instant an RFC 3339 date-time or full-date names; undefined for anything else. */
function momentOfText(text: string): Moment | undefined {
  const m = RFC3339.exec(text);
  if (m === null) return undefined;
  const [year, month, day] = [m[1], m[2], m[3]].map(Number) as [number, number, number];
  const [hour, minute, second] = [m[4], m[5], m[6]].map((x) => Number(x ?? 0)) as [number, number, number];
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined;
  if (hour > 23 || minute > 59 || second > 59) return undefined;
  const zone = m[8] ?? 'Z';
  let offset = 0;
  if (zone !== 'Z' && zone !== 'z') {
    const [h, mm] = [Number(zone.slice(1, 3)), Number(zone.slice(4, 6))];
    if (h > 23 || mm > 59) return undefined;
    offset = (zone[0] === '-' ? -1 : 1) * (h * 60 + mm);
  }
  const seconds =
    BigInt(daysFromCivil(year, month, day)) * 86400n + BigInt(hour * 3600 + (minute - offset) * 60 + second);
  return { seconds, fraction: (m[7] ?? '').replace(/0+$/, '') };
}

function momentOf(value: unknown): Moment | undefined {
  if (typeof value === 'string') return momentOfText(value);
  if (value instanceof Date && !Number.isNaN(value.getTime())) {
    const ms = BigInt(value.getTime());
    const seconds = ms >= 0n ? ms / 1000n : -((-ms + 999n) / 1000n);
    return {
      seconds,
      fraction: String(ms - seconds * 1000n)
        .padStart(3, '0')
        .replace(/0+$/, ''),
    };
  }
  return undefined;
}

function order(a: Moment, b: Moment): number {
  if (a.seconds !== b.seconds) return a.seconds < b.seconds ? -1 : 1;
  return a.fraction === b.fraction ? 0 : a.fraction < b.fraction ? -1 : 1;
}

type Op = 'eq' | 'ne' | 'gt' | 'ge' | 'lt' | 'le' | 'in';

/** The manual's answer: a value that names no instant is missing, and every comparison on it false. */
function expected(op: Op, literals: readonly string[], value: unknown): boolean {
  const v = momentOf(value);
  if (v === undefined) return false;
  const orders = literals.map((literal) => order(v, momentOfText(literal) as Moment));
  switch (op) {
    case 'eq':
    case 'in':
      return orders.some((o) => o === 0);
    case 'ne':
      return orders[0] !== 0;
    case 'gt':
      return orders[0]! > 0;
    case 'ge':
      return orders[0]! >= 0;
    case 'lt':
      return orders[0]! < 0;
    default:
      return orders[0]! <= 0;
  }
}

const two = (n: number): string => String(n).padStart(2, '0');

interface Parts {
  readonly year: number;
  readonly month: number;
  readonly day: number;
  readonly hour: number;
  readonly minute: number;
  readonly second: number;
  readonly fraction: string;
  readonly t: string;
  readonly zone: string;
}

/** Each field's pool: values near each other, so that equal instants and their neighbours meet. */
const POOLS = {
  year: [0, 1, 1900, 2000, 2022, 2023, 2024, 9999],
  month: [1, 2, 2, 2, 3, 12, 0, 13],
  day: [1, 7, 8, 28, 29, 29, 30, 31, 0],
  hour: [0, 20, 21, 23, 24],
  minute: [0, 13, 59, 60],
  second: [0, 29, 30, 59, 60],
  fraction: [
    '',
    '',
    '.0',
    '.000',
    '.5',
    '.50',
    '.356648026',
    '.3566480260',
    '.1234567891234',
    `.${'0'.repeat(38)}1`,
    '.',
    '.5a',
  ],
  t: ['T', 'T', 'T', 't', ' '],
  zone: ['Z', 'Z', 'Z', 'z', '+00:00', '-00:00', '+01:00', '-01:00', '-23:59', '+24:00', 'Zz'],
} as const;

const partsArbitrary: fc.Arbitrary<Parts> = fc.record({
  year: fc.constantFrom(...POOLS.year),
  month: fc.constantFrom(...POOLS.month),
  day: fc.constantFrom(...POOLS.day),
  hour: fc.constantFrom(...POOLS.hour),
  minute: fc.constantFrom(...POOLS.minute),
  second: fc.constantFrom(...POOLS.second),
  fraction: fc.constantFrom(...POOLS.fraction),
  t: fc.constantFrom(...POOLS.t),
  zone: fc.constantFrom(...POOLS.zone),
});

function written(p: Parts): string {
  return `${String(p.year).padStart(4, '0')}-${two(p.month)}-${two(p.day)}${p.t}${two(p.hour)}:${two(p.minute)}:${two(p.second)}${p.fraction}${p.zone}`;
}

/** A valid literal's parts: generated parts that name an instant. */
const literalArbitrary = partsArbitrary.filter((p) => momentOfText(written(p)) !== undefined && p.t !== ' ');

/** A record's parts: the literal's, with one to three fields drawn again from their pools. */
function nearArbitrary(literal: Parts): fc.Arbitrary<Parts> {
  const keys = Object.keys(POOLS) as (keyof Parts)[];
  return fc
    .array(
      fc
        .constantFrom(...keys)
        .chain((key) =>
          fc.constantFrom<Parts[keyof Parts]>(...POOLS[key]).map((value) => [key, value] as const),
        ),
      { maxLength: 3 },
    )
    .map((changes) => Object.assign({ ...literal }, Object.fromEntries(changes)) as Parts);
}

/** Ways to break a text while keeping its length: a non-ASCII digit, a wrong separator, a wide `Z`. */
const MUTATIONS: readonly ((text: string, at: number) => string)[] = [
  (text) => text,
  (text, at) => replaceDigit(text, at, '\u0663'), // ARABIC-INDIC DIGIT THREE
  (text, at) => replaceDigit(text, at, '\uff13'), // FULLWIDTH DIGIT THREE
  (text, at) => replaceDigit(text, at, '/'),
  (text, at) => replaceDigit(text, at, ':'),
  (text) => text.replace('-', '/'),
  (text) => text.replace(/:/, ';'),
  (text) => text.replace(/Z$/, '\uff3a'), // FULLWIDTH Z
  (text) => `${text}\u0100`,
  (text) => `\u0100${text}`,
];

function replaceDigit(text: string, at: number, by: string): string {
  const digits = [...text.matchAll(/\d/g)].map((m) => m.index);
  if (digits.length === 0) return text;
  const index = digits[at % digits.length]!;
  return `${text.slice(0, index)}${by}${text.slice(index + 1)}`;
}

/** How the string reaches the leaf: flat, sliced from a two-byte string, joined at run time, boxed, a Date. */
const FORMS = ['flat', 'sliced-two-byte', 'joined', 'string-object', 'date'] as const;
type Form = (typeof FORMS)[number];

function inForm(text: string, form: Form): unknown {
  switch (form) {
    case 'flat':
      return text;
    case 'sliced-two-byte':
      // All one-byte characters, held by the engine as a slice of a two-byte string.
      return `\u0100${text}${'\u0101'.repeat(16)}`.slice(1, text.length + 1);
    case 'joined': {
      const half = text.length >> 1;
      return text.slice(0, half) + text.slice(half);
    }
    case 'string-object':
      return new String(text);
    default: {
      const moment = momentOfText(text);
      if (moment === undefined) return new Date(Number.NaN);
      return new Date(Number(moment.seconds) * 1000 + Number(`${moment.fraction}000`.slice(0, 3)));
    }
  }
}

const recordArbitrary = (literal: Parts) =>
  fc.record({
    text: nearArbitrary(literal).map(written),
    mutation: fc.oneof(
      { weight: 6, arbitrary: fc.constant(0) },
      fc.integer({ min: 1, max: MUTATIONS.length - 1 }),
    ),
    at: fc.nat(),
    form: fc.oneof({ weight: 4, arbitrary: fc.constant<Form>('flat') }, fc.constantFrom(...FORMS)),
    nullPrototype: fc.boolean(),
  });

describe('date-time leaves near the fast path', () => {
  it('answer as the instant oracle, in both modes, plain and negated', () => {
    fc.assert(
      fc.property(
        fc.constantFrom<Op>('eq', 'ne', 'gt', 'ge', 'lt', 'le', 'in'),
        fc
          .array(literalArbitrary, { minLength: 1, maxLength: 3 })
          .chain((parts) =>
            fc.tuple(
              fc.constant(parts.map(written)),
              fc.array(recordArbitrary(parts[0]!), { minLength: 10, maxLength: 40 }),
            ),
          ),
        fc.boolean(),
        (op, [literals, records], negated) => {
          const used = op === 'in' ? literals : literals.slice(0, 1);
          const at = field(['at'], 'date-time');
          const leaf: Filter = { kind: 'compare', field: at, op: op as CompareOp, values: used.map(date) };
          const filter: Filter = negated ? { kind: 'not', operand: leaf } : leaf;
          const { text, closures, generated } = compileBoth(filter, {
            fields: [at],
            caseSensitive: undefined,
          });
          for (let pass = 0; pass < 2; pass++) {
            for (const r of records) {
              const raw = MUTATIONS[r.mutation]!(r.text, r.at);
              const value = inForm(raw, r.form);
              const want = expected(op, used, value) !== negated;
              const make = (): object => {
                const record = r.nullPrototype ? (Object.create(null) as Record<string, unknown>) : {};
                record.at = value;
                return record;
              };
              const shown = `${text} on ${JSON.stringify(raw)} (${r.form})`;
              expect(closures(make()), `${shown}: closures`).toBe(want);
              expect(generated(make()), `${shown}: generated`).toBe(want);
            }
          }
        },
      ),
      { numRuns: 400 },
    );
  });

  it('take each canonical text of the literal second at its fraction, whatever its length', () => {
    const at = field(['at'], 'date-time');
    const second = '2022-02-07T20:13:29';
    const literals = ['', '.5', '.000000001', `.${'9'.repeat(40)}`];
    const fractions = [
      '',
      '.0',
      '.4',
      '.5',
      '.50',
      '.500000000000000000001',
      '.000000001',
      '.0000000009',
      `.${'9'.repeat(41)}`,
    ];
    for (const literal of literals) {
      for (const op of ['eq', 'gt', 'ge', 'lt', 'le'] as const) {
        const filter: Filter = { kind: 'compare', field: at, op, values: [date(`${second}${literal}Z`)] };
        const { text, closures, generated } = compileBoth(filter, { fields: [at], caseSensitive: undefined });
        for (const fraction of fractions) {
          for (const zone of ['Z', 'z', '+00:00', '-00:00']) {
            const value = `${second}${fraction}${zone}`;
            const want = expected(op, [`${second}${literal}Z`], value);
            expect(closures({ at: value }), `${text} on ${value}: closures`).toBe(want);
            expect(generated({ at: value }), `${text} on ${value}: generated`).toBe(want);
          }
        }
      }
    }
  });
});

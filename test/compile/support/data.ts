import fc from 'fast-check';
import { PRIMITIVE_OPERATORS } from '../../../src/language/operators.js';
import type { FieldSchema, Schema } from '../../../src/schema/types.js';

/** The scalar types the differential tests generate. */
export type GenType = 'string' | 'number' | 'integer' | 'boolean' | 'date-time';

/** A generated field: its schema entry plus what the test needs to store it. */
export interface GenField {
  readonly name: string;
  readonly type: GenType;
  readonly collection: boolean;
  readonly caseSensitive: boolean;
  /** Property path in the JS record (may be nested). */
  readonly path: readonly string[];
  /** SQL column name (often hostile, to exercise quoting). */
  readonly column: string;
}

/** A generated date-time record value with what an independent oracle knows about it. */
export interface GenInstant {
  /** Milliseconds since the epoch (whole part). */
  readonly ms: number;
  /** The sub-millisecond digits (0 to 6 of them). */
  readonly subMs: string;
}

/** A generated row: the record the predicate sees, and the id the SQL engines return. */
export interface GenRow {
  readonly id: number;
  readonly record: Record<string, unknown>;
}

/** A generated dataset: schema, fields and rows. */
export interface GenDataset {
  readonly fields: readonly GenField[];
  /** The texts string values were drawn from (filters draw from them too). */
  readonly pool: readonly string[];
  readonly schema: Schema;
  readonly rows: readonly GenRow[];
}

/**
 * Characters chosen to break things: ASCII case pairs, letters whose case mappings differ between
 * ASCII and Unicode folding (Kelvin sign, dotted capital I, final sigma, sharp s, titlecase ǅ),
 * LIKE/GLOB wildcards and escapes, quotes, controls (no NUL), and code points above U+FFFF and
 * in U+E000-U+FFFF (where UTF-16 order and code-point order differ).
 */
export const ALPHABET = [
  'a',
  'A',
  'b',
  'B',
  'k',
  'K',
  'i',
  'I',
  's',
  'S',
  'z',
  '\u212a',
  'ä',
  'Ä',
  'é',
  'É',
  'ß',
  'ẞ',
  'σ',
  'Σ',
  'ς',
  'İ',
  'ı',
  'ǅ',
  'ǆ',
  'Ж',
  'ж',
  'Å',
  'å',
  '\u212b',
  '%',
  '_',
  '\\',
  '!',
  '*',
  '?',
  '[',
  ']',
  '"',
  "'",
  ' ',
  '\t',
  '\n',
  '\u0001',
  '\u007f',
  '-',
  '0',
  '9',
  '😀',
  '\u{1F600}\u{1F3FB}',
  '\ue000',
  '\uffee',
  '中',
] as const;

// Wildcards and the code points around U+E000 twice as likely as the rest.
const WEIGHTED = [...ALPHABET, '%', '_', '*', '?', '[', '😀', '\ue000', '\uffee'];

const textArb = fc.array(fc.constantFrom(...WEIGHTED), { maxLength: 5 }).map((chars) => chars.join(''));

/** Some text from {@link ALPHABET}. */
export const genText = textArb;

/**
 * A few characters that collide often: case pairs that fold differently in ASCII and Unicode,
 * wildcards, and code points on both sides of U+E000 (UTF-16 and code-point order differ there).
 */
const NARROW = ['a', 'A', 'k', '\u212a', 'i', 'İ', 'σ', 'Σ', '_', '%', '😀', '\ue000', '\uffee'];

const narrowText = fc
  .array(fc.constantFrom(...NARROW), { minLength: 1, maxLength: 3 })
  .map((chars) => chars.join(''));

const BASE_TIMES = [
  '2022-02-07T20:13:29.356Z',
  '2022-02-07T20:13:29.357Z',
  '2022-02-07T20:13:30.000Z',
  '1970-01-01T00:00:00.000Z',
  '1969-12-31T23:59:59.999Z',
  '2024-02-29T12:00:00.000Z',
  '0001-01-01T00:00:00.000Z',
  '9999-12-31T23:59:59.999Z',
].map((text) => Date.parse(text));

/** A date-time: a few base instants, with and without sub-millisecond digits, a ms apart. */
export const genInstant: fc.Arbitrary<GenInstant> = fc.record({
  ms: fc.constantFrom(...BASE_TIMES),
  subMs: fc.constantFrom('', '', '000', '000001', '5', '648026', '999999'),
});

/** Offsets in minutes used when writing a date-time. */
export const OFFSETS = [0, 0, 60, -60, 330, -(9 * 60 + 30), 14 * 60, -(23 * 60 + 59)] as const;

function pad(value: number, width: number): string {
  return String(Math.abs(value)).padStart(width, '0');
}

/**
 * Writes an instant as RFC 3339 at an offset, independently of the code under test (Date for the
 * calendar). `extraZeros` adds trailing zero digits; undefined when the local year leaves 0-9999.
 */
export function writeInstant(instant: GenInstant, offsetMinutes: number, extraZeros = 0): string | undefined {
  const local = new Date(instant.ms + offsetMinutes * 60_000);
  const year = local.getUTCFullYear();
  if (year < 0 || year > 9999) return undefined;
  const date = `${pad(year, 4)}-${pad(local.getUTCMonth() + 1, 2)}-${pad(local.getUTCDate(), 2)}`;
  const time = `${pad(local.getUTCHours(), 2)}:${pad(local.getUTCMinutes(), 2)}:${pad(local.getUTCSeconds(), 2)}`;
  const digits =
    `${pad(local.getUTCMilliseconds(), 3)}${instant.subMs}`.replace(/0+$/, '') + '0'.repeat(extraZeros);
  const shown = digits === '' ? '' : `.${digits}`;
  const zone =
    offsetMinutes === 0
      ? 'Z'
      : `${offsetMinutes < 0 ? '-' : '+'}${pad(Math.trunc(offsetMinutes / 60), 2)}:${pad(offsetMinutes % 60, 2)}`;
  return `${date}T${time}${shown}${zone}`;
}

/** The storage form, computed independently: UTC, 9 fractional digits. */
export function oracleStorage(instant: GenInstant): string {
  const iso = new Date(instant.ms).toISOString(); // YYYY-MM-DDTHH:MM:SS.mmmZ for years 0-9999
  return `${iso.slice(0, 23)}${instant.subMs.padEnd(6, '0')}Z`;
}

const genRecordInstant: fc.Arbitrary<unknown> = fc
  .tuple(genInstant, fc.constantFrom(...OFFSETS), fc.nat(2), fc.boolean())
  .map(([instant, offset, zeros, asDate]) => {
    if (asDate && /^0*$/.test(instant.subMs)) return new Date(instant.ms);
    return writeInstant(instant, offset, zeros) ?? writeInstant(instant, 0, zeros);
  });

const NUMBERS = [0, -0, 1, -1, 2, 3, -2.5, 0.5, 0.1, 0.30000000000000004, 1.5, 1e-7, 123456.789, -1e6];

const genNumber = fc.oneof(fc.constantFrom(...NUMBERS), fc.integer({ min: -3, max: 3 }));
const genInteger = fc.oneof(fc.integer({ min: -3, max: 3 }), fc.constantFrom(2 ** 40, -(2 ** 40)));

/** A value of a scalar type as a record would hold it. */
export function genScalar(type: GenType, pool: readonly string[]): fc.Arbitrary<unknown> {
  switch (type) {
    case 'string':
      // A small pool, re-cased, makes equal and case-insensitively equal values common.
      return fc.oneof(
        { weight: 3, arbitrary: fc.constantFrom(...pool) },
        { weight: 1, arbitrary: fc.constantFrom(...pool).map((s) => s.toUpperCase()) },
        { weight: 1, arbitrary: textArb },
      );
    case 'number':
      return genNumber;
    case 'integer':
      return genInteger;
    case 'boolean':
      return fc.boolean();
    case 'date-time':
      return genRecordInstant;
  }
}

const HOSTILE_COLUMNS = [
  'status',
  'Status',
  'value',
  'json',
  'v',
  'type',
  'v3f_member',
  'col "quoted"',
  "it's",
  "'; DROP TABLE t; --",
  '" OR 1=1 --',
  'back\\slash',
  'Ünïcödé',
  'with space',
  '%_',
];

const genField = (index: number): fc.Arbitrary<GenField> =>
  fc
    .record({
      type: fc.constantFrom<GenType>('string', 'string', 'number', 'integer', 'boolean', 'date-time'),
      collection: fc.integer({ min: 0, max: 3 }).map((n) => n === 0),
      caseSensitive: fc.boolean(),
      nested: fc.boolean(),
      column: fc.constantFrom(...HOSTILE_COLUMNS),
    })
    .map(({ type, collection, caseSensitive, nested, column }) => {
      const name = `f${index}`;
      return {
        name,
        type,
        collection,
        caseSensitive,
        path: nested ? ['nest', name] : [name],
        column: `${column} ${index}`,
      };
    });

function toSchema(fields: readonly GenField[], schemaCaseSensitive: boolean): Schema {
  const entries: Record<string, FieldSchema> = {};
  for (const f of fields) {
    entries[f.name] = {
      type: f.type,
      operators: PRIMITIVE_OPERATORS.filter((o) => f.collection || o !== 'ca'),
      collection: f.collection,
      // Sometimes inherited from the schema-wide setting.
      ...(f.caseSensitive === schemaCaseSensitive ? {} : { caseSensitive: f.caseSensitive }),
      path: f.path.join('.'),
      column: f.column,
    };
  }
  return { fields: entries, caseSensitive: schemaCaseSensitive };
}

function genValue(field: GenField, pool: readonly string[]): fc.Arbitrary<unknown> {
  // undefined = missing property.
  const absent = fc.constantFrom(undefined, null);
  const scalar = genScalar(field.type, pool);
  const present = field.collection
    ? fc.array(fc.oneof({ weight: 6, arbitrary: scalar }, { weight: 1, arbitrary: fc.constant(null) }), {
        maxLength: 4,
      })
    : scalar;
  return fc.oneof({ weight: 1, arbitrary: absent }, { weight: 4, arbitrary: present });
}

function buildRecord(
  fields: readonly GenField[],
  values: readonly unknown[],
  nestState: number,
): Record<string, unknown> {
  const record: Record<string, unknown> = {};
  const nest: Record<string, unknown> = {};
  fields.forEach((field, i) => {
    const value = values[i];
    if (value === undefined) return;
    if (field.path.length === 1) record[field.name] = value;
    else nest[field.name] = value;
  });
  // Occasionally the whole nested object is null or missing.
  if (nestState === 0) record.nest = nest;
  else if (nestState === 1) record.nest = null;
  return record;
}

/** The value a record holds at a field's path (undefined when missing). */
export function readGenField(record: Record<string, unknown>, field: GenField): unknown {
  let current: unknown = record;
  for (const key of field.path) {
    if (typeof current !== 'object' || current === null || !Object.hasOwn(current, key)) return undefined;
    current = (current as Record<string, unknown>)[key];
  }
  return current;
}

/** A dataset: 2-6 fields of every type and 0-30 rows. */
export const genDataset: fc.Arbitrary<GenDataset> = fc
  .tuple(
    fc.integer({ min: 2, max: 6 }),
    fc.boolean(),
    fc.oneof(
      fc.array(textArb, { minLength: 1, maxLength: 4 }),
      fc.array(narrowText, { minLength: 2, maxLength: 6 }),
    ),
  )
  .chain(([count, schemaCaseSensitive, pool]) =>
    fc.tuple(...Array.from({ length: count }, (_, i) => genField(i))).chain((fields) => {
      const row = fc.tuple(
        fc.tuple(...fields.map((f) => genValue(f, pool))),
        fc.constantFrom(0, 0, 0, 0, 1, 2),
      );
      return fc.array(row, { maxLength: 30 }).map((rows) => ({
        fields,
        schema: toSchema(fields, schemaCaseSensitive),
        rows: rows.map(([values, nestState], id) => ({ id, record: buildRecord(fields, values, nestState) })),
        pool,
      }));
    }),
  );

/**
 * Generators for the attack on the predicate: schemas whose field names and paths are the names
 * `Object.prototype` has, filters valid for them, and values of every type, right and wrong.
 * Values that collide (the same instant at two offsets, `Σ` and `σ`, `-0` and `0`) are drawn from
 * small pools so that equal and nearly equal values meet often.
 */
import fc from 'fast-check';
import { daysFromCivil, daysInMonth } from './instant.js';
import {
  type CompareOp,
  type FieldSpec,
  type Filter,
  type Literal,
  operatorsFor,
  type ScalarType,
  type SchemaSpec,
} from './oracle.js';

/** Names `Object.prototype` or a class has, and plain ones: the reads an optimisation may get wrong. */
export const SEGMENTS = [
  'constructor',
  '__proto__',
  'toString',
  'valueOf',
  'hasOwnProperty',
  'isPrototypeOf',
  'toLocaleString',
  '__lookupGetter__',
  'a',
  'b',
  'status',
  'x_1',
] as const;

const TYPES: readonly ScalarType[] = ['string', 'number', 'integer', 'boolean', 'date-time'];

const fieldArbitrary = fc.record({
  path: fc.array(fc.constantFrom(...SEGMENTS), { minLength: 1, maxLength: 3 }),
  alias: fc.boolean(),
  type: fc.constantFrom(...TYPES),
  collection: fc.boolean(),
  caseSensitive: fc.constantFrom(undefined, true, false),
});

export const schemaArbitrary: fc.Arbitrary<SchemaSpec> = fc
  .record({
    fields: fc.array(fieldArbitrary, { minLength: 1, maxLength: 5 }),
    caseSensitive: fc.constantFrom(undefined, true, false),
  })
  .map(({ fields, caseSensitive }) => {
    const seen = new Set<string>();
    const specs: FieldSpec[] = [];
    fields.forEach((field, index) => {
      const name = field.alias ? `f${index}` : field.path.join('.');
      if (seen.has(name)) return;
      seen.add(name);
      specs.push({
        name,
        path: field.path,
        type: field.type,
        collection: field.collection,
        caseSensitive: field.caseSensitive,
      });
    });
    return { fields: specs, caseSensitive };
  });

/** Pieces of text: case pairs whose simple and full mappings differ, astral and lone surrogates, LIKE and glob metacharacters. */
const TEXT_PIECES = [
  'a',
  'A',
  'b',
  'Ä',
  'ä',
  'Σ',
  'σ',
  'ς',
  'İ',
  'i',
  '\u212A',
  'k',
  'ß',
  'SS',
  'ẞ',
  'ǅ',
  '😀',
  '𐐀',
  '𐐨',
  '\uE000',
  '\uFFFF',
  '%',
  '_',
  '*',
  '[',
  '\\',
  '"',
  ' ',
  '\t',
];
/** Text no filter can hold (validate refuses it) and SQL cannot store, but a record in memory can. */
const RECORD_ONLY_PIECES = ['\uD83D', '\uDE00', '\0'];

/** Text for a filter literal or a stored row (`'text'`), or for a record in memory (`'record'`). */
export function textArbitrary(kind: 'text' | 'record'): fc.Arbitrary<string> {
  const pieces = kind === 'record' ? [...TEXT_PIECES, ...RECORD_ONLY_PIECES] : TEXT_PIECES;
  return fc.array(fc.constantFrom(...pieces), { maxLength: 4 }).map((parts) => parts.join(''));
}

const integerText = fc.integer({ min: -3, max: 3 }).map(String);
const numberText = fc.oneof(
  integerText,
  fc
    .tuple(fc.integer({ min: -3, max: 3 }), fc.constantFrom('5', '25', '0', '50'))
    .map(([whole, fraction]) => `${whole}.${fraction}`),
);

const pad = (value: number, width: number): string => String(Math.abs(value)).padStart(width, '0');

/** A date-time text: one of a few instants, written at one of several offsets and precisions. */
export const dateTimeTextArbitrary = fc
  .record({
    day: fc.constantFrom<[number, number, number]>(
      [2022, 2, 7],
      [2022, 2, 8],
      [2024, 2, 29],
      [1, 1, 1],
      [9998, 12, 31],
    ),
    seconds: fc.constantFrom(0, 73_409, 86_399),
    fraction: fc.constantFrom('', '.5', '.356648026', '.356648025', '.3566480260', '.000000000001', '.000'),
    offset: fc.constantFrom(0, 60, -330, 23 * 60 + 59, -(23 * 60 + 59)),
    negativeZero: fc.boolean(),
  })
  .map(({ day: [year, month, date], seconds, fraction, offset, negativeZero }) => {
    const utc = daysFromCivil(year, month, date) * 86400 + seconds;
    const local = utc + offset * 60;
    let days = Math.floor(local / 86400);
    const rest = local - days * 86400;
    // Walk the civil calendar from a nearby year: plain and obviously right.
    let y = Math.floor(days / 365.2425) + 1970;
    while (daysFromCivil(y, 1, 1) > days) y -= 1;
    while (daysFromCivil(y + 1, 1, 1) <= days) y += 1;
    days -= daysFromCivil(y, 1, 1);
    let m = 1;
    while (days >= daysInMonth(y, m)) {
      days -= daysInMonth(y, m);
      m += 1;
    }
    const time = `${pad(Math.floor(rest / 3600), 2)}:${pad(Math.floor(rest / 60) % 60, 2)}:${pad(rest % 60, 2)}`;
    const zone =
      offset === 0
        ? negativeZero
          ? '-00:00'
          : 'Z'
        : `${offset < 0 ? '-' : '+'}${pad(Math.floor(Math.abs(offset) / 60), 2)}:${pad(Math.abs(offset) % 60, 2)}`;
    return `${pad(y, 4)}-${pad(m, 2)}-${pad(days + 1, 2)}T${time}${fraction}${zone}`;
  });

export function literalArbitrary(type: ScalarType): fc.Arbitrary<Literal> {
  switch (type) {
    case 'string':
      return textArbitrary('text').map((value) => ({ type, value }));
    case 'number':
      return numberText.map((text) => ({ type, text }));
    case 'integer':
      return integerText.map((text) => ({ type: 'number' as const, text }));
    case 'boolean':
      return fc.boolean().map((value) => ({ type, value }));
    default:
      return fc
        .oneof(dateTimeTextArbitrary, fc.constantFrom('2022-02-07', '2022-02-08', '0001-01-01'))
        .map((text) => ({ type, text }));
  }
}

const COMPARE_OPS: ReadonlySet<string> = new Set([
  'eq',
  'ne',
  'gt',
  'ge',
  'lt',
  'le',
  'co',
  'sw',
  'in',
  'ca',
]);

function leafArbitrary(field: FieldSpec): fc.Arbitrary<Filter> {
  const operators = operatorsFor(field.type, field.collection);
  return fc.constantFrom(...operators).chain((op): fc.Arbitrary<Filter> => {
    if (op === 'pr' || op === 'isnull') {
      return fc.boolean().map((prefix) => ({ kind: 'presence', field, op, prefix: op === 'pr' && prefix }));
    }
    if (!COMPARE_OPS.has(op)) throw new Error(`no operator ${op}`);
    const count = op === 'in' || op === 'ca' ? 3 : 1;
    return fc
      .array(literalArbitrary(field.type), { minLength: 1, maxLength: count })
      .map((values) => ({ kind: 'compare', field, op: op as CompareOp, values }));
  });
}

export function filterArbitrary(schema: SchemaSpec): fc.Arbitrary<Filter> {
  const leaf = fc.constantFrom(...schema.fields).chain((field) => leafArbitrary(field));
  const { tree } = fc.letrec<{ tree: Filter }>((tie) => ({
    tree: fc.oneof(
      { maxDepth: 3, depthIdentifier: 'filter' },
      leaf,
      tie('tree').map((operand): Filter => ({ kind: 'not', operand })),
      fc
        .tuple(
          fc.constantFrom('and' as const, 'or' as const),
          fc.array(tie('tree'), { minLength: 2, maxLength: 3 }),
        )
        .map(([kind, operands]): Filter => ({ kind, operands })),
    ),
  }));
  return tree;
}

import fc from 'fast-check';
import {
  createAnd,
  createBoolean,
  createComparison,
  createDateTime,
  createField,
  createList,
  createNot,
  createNumber,
  createOr,
  createPresence,
  createString,
  type Expression,
  span,
  type ValueNode,
} from '../../../src/ast/index.js';
import {
  type CompareOperator,
  isOperatorOfKind,
  type ListOperator,
  OPERATOR_TABLE,
  operatorProblem,
  type PresenceOperator,
} from '../../../src/language/operators.js';
import {
  ALPHABET,
  type GenDataset,
  type GenField,
  genInstant,
  genText,
  OFFSETS,
  readGenField,
  writeInstant,
} from './data.js';

const S = span(0, 0);

/** Writes a JS number as a literal of the language (`-?[0-9]+(\.[0-9]+)?`). */
export function decimalText(n: number): string {
  const plain = String(n);
  if (!plain.includes('e')) return plain;
  const fixed = Math.abs(n) < 1 ? n.toFixed(20).replace(/0+$/, '') : BigInt(Math.round(n)).toString();
  return fixed;
}

function recase(text: string, flips: readonly boolean[]): string {
  let out = '';
  let i = 0;
  for (const char of text) {
    const flip = flips[i++ % Math.max(1, flips.length)];
    out += flip ? char.toUpperCase() : char.toLowerCase();
  }
  return out;
}

/**
 * Characters a literal gets one of in place of one of its own: LIKE/GLOB wildcards (which must
 * match only themselves) and code points on both sides of U+E000-U+FFFF (where UTF-16 order and
 * code-point order disagree), so near-misses of stored values are common.
 */
const TRICKY = ['%', '_', '!', '*', '?', '[', '\\', '😀', '\ue000', '\uffee', 'Σ', 'İ', '\u212a'];

function replaceOne(text: string, position: number, replacement: string): string {
  const chars = [...text];
  if (chars.length === 0) return replacement;
  chars[position % chars.length] = replacement;
  return chars.join('');
}

function fieldValues(dataset: GenDataset, field: GenField): unknown[] {
  const values: unknown[] = [];
  for (const row of dataset.rows) {
    const value = readGenField(row.record, field);
    if (Array.isArray(value)) values.push(...value);
    else values.push(value);
  }
  return values.filter((v) => v !== null && v !== undefined);
}

function genStringLiteral(dataset: GenDataset, field: GenField): fc.Arbitrary<string> {
  const seen = fieldValues(dataset, field).filter((v): v is string => typeof v === 'string');
  const sources = [...dataset.pool, ...seen];
  const source = fc.constantFrom(...sources);
  return fc.oneof(
    { weight: 3, arbitrary: source },
    {
      weight: 2,
      arbitrary: fc
        .tuple(source, fc.array(fc.boolean(), { minLength: 1, maxLength: 4 }))
        .map(([s, f]) => recase(s, f)),
    },
    {
      weight: 2,
      arbitrary: fc.tuple(source, fc.nat(), fc.nat()).map(([s, a, b]) => {
        const chars = [...s];
        const start = a % (chars.length + 1);
        return chars.slice(start, start + (b % (chars.length + 1))).join('');
      }),
    },
    {
      weight: 2,
      arbitrary: fc
        .tuple(source, fc.nat(), fc.constantFrom(...TRICKY), fc.boolean())
        .map(([s, p, c, prefix]) => {
          const replaced = replaceOne(s, p, c);
          // A prefix of it, for `sw`/`co` to be a near miss.
          return prefix ? [...replaced].slice(0, (p % [...replaced].length) + 1).join('') : replaced;
        }),
    },
    { weight: 1, arbitrary: genText },
    { weight: 1, arbitrary: fc.constantFrom(...ALPHABET) },
  );
}

function genNumberLiteral(dataset: GenDataset, field: GenField): fc.Arbitrary<ValueNode> {
  const seen = fieldValues(dataset, field).filter((v): v is number => typeof v === 'number');
  const integer = field.type === 'integer';
  const base = integer
    ? fc.oneof(fc.integer({ min: -4, max: 4 }), fc.constantFrom(2 ** 40, -(2 ** 40)))
    : fc.oneof(fc.integer({ min: -4, max: 4 }), fc.constantFrom(-2.5, 0.5, 0.1, 0.3, 1e-7, 2.25, 123456.789));
  const arb = seen.length > 0 ? fc.oneof(fc.constantFrom(...seen), base) : base;
  return arb.map((n) => createNumber(decimalText(n), S));
}

const SPECIAL_DATES = [
  '2022-02-07',
  '1970-01-01',
  '0000-01-01T00:30:00+01:00',
  '0000-01-01T00:00:00Z',
  '9999-12-31T23:30:00-01:00',
  '9999-12-31T23:59:59.9999999999Z',
  '2022-02-07T20:13:29.3560000001Z',
  '2022-02-07T21:13:29.356+01:00',
];

const genDateLiteral: fc.Arbitrary<ValueNode> = fc
  .oneof(
    {
      weight: 4,
      arbitrary: fc
        .tuple(genInstant, fc.constantFrom(...OFFSETS), fc.nat(2))
        .map(([instant, offset, zeros]) => writeInstant(instant, offset, zeros) ?? writeInstant(instant, 0)!),
    },
    {
      // One digit beyond nanoseconds: strictly between two storable instants.
      weight: 1,
      arbitrary: fc
        .tuple(genInstant, fc.constantFrom(...OFFSETS), fc.constantFrom('1', '9'))
        .map(([instant, offset, digit]) => {
          const finer = { ms: instant.ms, subMs: `${instant.subMs.padEnd(6, '0')}${digit}` };
          return writeInstant(finer, offset) ?? writeInstant(finer, 0)!;
        }),
    },
    { weight: 1, arbitrary: fc.constantFrom(...SPECIAL_DATES) },
  )
  .map((text) => createDateTime(text, S));

function genLiteral(dataset: GenDataset, field: GenField): fc.Arbitrary<ValueNode> {
  switch (field.type) {
    case 'string':
      return genStringLiteral(dataset, field).map((v) => createString(v, S));
    case 'number':
    case 'integer':
      return genNumberLiteral(dataset, field);
    case 'boolean':
      return fc.boolean().map((v) => createBoolean(v, S));
    case 'date-time':
      return genDateLiteral;
  }
}

/**
 * Every operator of the language's table that applies to `field` (its own operator-by-type rule),
 * so a new row is drawn here without an edit. The text and collection operators apply to fewer
 * fields, so each is drawn two and three times as often to test them as much as the others.
 */
function operators(field: GenField): string[] {
  const kind = field.type === 'integer' ? 'number' : field.type;
  const ops: string[] = [];
  for (const row of OPERATOR_TABLE) {
    if (operatorProblem(row.word, kind, field.collection) !== undefined) continue;
    const weight = row.collectionOnly ? 3 : row.textOnly ? 2 : 1;
    for (let i = 0; i < weight; i++) ops.push(row.word);
  }
  return ops;
}

function genLeaf(dataset: GenDataset): fc.Arbitrary<Expression> {
  return fc.constantFrom(...dataset.fields).chain((field) =>
    fc.constantFrom(...operators(field)).chain((op): fc.Arbitrary<Expression> => {
      const fieldNode = createField(field.name, S);
      if (isOperatorOfKind(op, 'presence')) {
        return fc.constant(createPresence(fieldNode, op as PresenceOperator, S, S));
      }
      const literal = genLiteral(dataset, field);
      if (isOperatorOfKind(op, 'list')) {
        return fc
          .array(literal, { minLength: 1, maxLength: 4 })
          .map((values) => createList(fieldNode, op as ListOperator, S, values, S));
      }
      return literal.map((value) => createComparison(fieldNode, op as CompareOperator, S, value, S));
    }),
  );
}

/** Filters over a dataset's fields: every operator, literals drawn to hit, nested and/or/not. */
export function genFilter(dataset: GenDataset): fc.Arbitrary<Expression> {
  const leaf = genLeaf(dataset);
  const { node } = fc.letrec<{ node: Expression; and: Expression; or: Expression; not: Expression }>(
    (tie) => ({
      node: fc.oneof(
        { depthSize: 'small', maxDepth: 5 },
        { weight: 4, arbitrary: leaf },
        { weight: 1, arbitrary: tie('and') },
        { weight: 1, arbitrary: tie('or') },
        { weight: 1, arbitrary: tie('not') },
      ),
      and: fc.array(tie('node'), { minLength: 2, maxLength: 4 }).map((ops) => createAnd(ops, S)),
      or: fc.array(tie('node'), { minLength: 2, maxLength: 4 }).map((ops) => createOr(ops, S)),
      not: tie('node').map((op) => createNot(op, S)),
    }),
  );
  return node;
}

/**
 * An independent attack on `compilePredicate`, closures and generated code alike: random schemas
 * whose fields are named and placed where `Object.prototype` has names, random valid filters, and
 * records of every shape (class instances, prototype getters, null prototypes, proxies, throwing
 * getters, frozen objects, arrays for objects, values of the wrong type, NaN, -0, huge and
 * surrogate-laden strings), some under a polluted `Object.prototype` or `Array.prototype`. Each
 * answer is checked against an oracle written from the manual (./oracle.ts), and, for records
 * SQL can hold, against `compileSql` on SQLite.
 */
import Database from 'better-sqlite3';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileSql, parse, type Schema, sqlStorage } from '../../src/index.js';
import { filterArbitrary, schemaArbitrary } from './arbitraries.js';
import { compileBoth } from './leaf-harness.js';
import { evaluate, type Filter, type Folding, type SchemaSpec, toSchema } from './oracle.js';
import { POLLUTIONS, SharedRow, withPollution } from './pollution.js';
import { buildRecord, recordPlanArbitrary } from './records.js';
import { independentFields, type StorableRow, storableRowsArbitrary } from './storable.js';

const foldingArbitrary = fc.constantFrom<Folding | undefined>(undefined, 'unicode', 'ascii');

const attackCase = schemaArbitrary.chain((schema) =>
  fc.record({
    schema: fc.constant(schema),
    filter: filterArbitrary(schema),
    plans: fc.array(recordPlanArbitrary(schema), { minLength: 1, maxLength: 8 }),
    pollution: fc.constantFrom(...POLLUTIONS),
    compilePollution: fc.constantFrom(...POLLUTIONS),
    caseFolding: foldingArbitrary,
  }),
);

/** The shrunk cases the properties below found in the library, kept as examples that always run. */
describe('the cases the attack found', () => {
  const field = (name: string, type: 'string' | 'number', collection: boolean) =>
    ({ name, path: [name], type, collection, caseSensitive: true }) as const;
  const numbers = field('c', 'number', true);
  const text = field('s', 'string', false);
  const schema: SchemaSpec = { fields: [numbers, text], caseSensitive: undefined };

  it('a hole in a collection is a null member, whatever Array.prototype holds', () => {
    const filter: Filter = {
      kind: 'compare',
      field: numbers,
      op: 'in',
      values: [{ type: 'number', text: '1' }],
    };
    const all: Filter = {
      kind: 'compare',
      field: numbers,
      op: 'ca',
      values: [{ type: 'number', text: '1' }],
    };
    const compiled = [filter, all].map((each) => compileBoth(each, schema, undefined));
    // biome-ignore lint/suspicious/noSparseArray: the hole is the point
    const records = [{ c: [, 5] }, { c: [] }, { c: [, 1] }, { c: Object.assign([5, 6], { 0: undefined }) }];
    const answers = withPollution(filter, 'arrays', () =>
      compiled.flatMap(({ closures, generated }) =>
        records.flatMap((record) => [closures(record), generated(record)]),
      ),
    );
    const expected = [filter, all].flatMap((each) =>
      records.flatMap((record) => [
        evaluate(each, schema, record, 'unicode'),
        evaluate(each, schema, record, 'unicode'),
      ]),
    );
    expect(expected).toEqual([
      false,
      false,
      false,
      false,
      true,
      true,
      false,
      false,
      false,
      false,
      false,
      false,
      true,
      true,
      false,
      false,
    ]);
    expect(answers).toEqual(expected);
  });

  it('a member whose reading throws is a null member, and the others still count', () => {
    const throwingFirst = (): unknown => {
      const members = [0, 5];
      Object.defineProperty(members, 0, {
        get: () => {
          throw new Error('hostile member');
        },
      });
      return { c: members };
    };
    const filters: Filter[] = [
      { kind: 'compare', field: numbers, op: 'eq', values: [{ type: 'number', text: '5' }] },
      { kind: 'compare', field: numbers, op: 'ca', values: [{ type: 'number', text: '5' }] },
      { kind: 'compare', field: numbers, op: 'ne', values: [{ type: 'number', text: '7' }] },
      { kind: 'presence', field: numbers, op: 'pr', prefix: false },
      {
        kind: 'not',
        operand: { kind: 'compare', field: numbers, op: 'eq', values: [{ type: 'number', text: '5' }] },
      },
    ];
    for (const filter of filters) {
      const compiled = compileBoth(filter, schema, undefined);
      const expected = evaluate(filter, schema, throwingFirst(), 'unicode');
      expect(
        [compiled.closures(throwingFirst()), compiled.generated(throwingFirst())],
        compiled.text,
      ).toEqual([expected, expected]);
    }
    expect(filters.map((filter) => evaluate(filter, schema, throwingFirst(), 'unicode'))).toEqual([
      true,
      true,
      true,
      true,
      false,
    ]);
  });

  it('an unpaired surrogate sorts as the code point it names, below U+E000 and every astral one', () => {
    const cases: [string, string, string, boolean][] = [
      ['\uDE00', 'lt', '\uE000', true],
      ['\uD83D', 'lt', '\u{10000}', true],
      ['\uD83D', 'gt', '\uD7FF', true],
      ['a\uD83D', 'lt', 'a\uFFFF', true],
      ['\u{1F600}', 'gt', '\uFFFF', true],
      ['\uDE00\uD83D', 'lt', '\uE000', true],
    ];
    for (const [value, op, literal, holds] of cases) {
      const filter: Filter = {
        kind: 'compare',
        field: text,
        op: op as 'lt' | 'gt',
        values: [{ type: 'string', value: literal }],
      };
      const compiled = compileBoth(filter, schema, undefined);
      expect(
        [
          evaluate(filter, schema, { s: value }, 'unicode'),
          compiled.closures({ s: value }),
          compiled.generated({ s: value }),
        ],
        compiled.text,
      ).toEqual([holds, holds, holds]);
    }
  });

  it('a proxy whose get answers for a field its other traps say it lacks: the field is missing, in both modes', () => {
    const when: SchemaSpec = {
      fields: [{ name: 'b', path: ['b'], type: 'date-time', collection: false, caseSensitive: undefined }],
      caseSensitive: true,
    };
    const [b] = when.fields;
    const filter: Filter = {
      kind: 'not',
      operand: { kind: 'compare', field: b!, op: 'ge', values: [{ type: 'date-time', text: '2022-02-07' }] },
    };
    const record = new Proxy({}, { get: (_, key) => (key === 'b' ? '2022-02-07T00:00:00Z' : undefined) });
    const compiled = compileBoth(filter, when, undefined);
    // Asked twice: a leaf that learnt the record's shape on the first call must answer alike.
    expect(
      [compiled.closures(record), compiled.generated(record), compiled.closures(record)],
      compiled.text,
    ).toEqual([true, true, true]);
  });
});

describe('the predicate under attack, against an oracle from the manual', () => {
  it('answers as the oracle on every record shape, in both modes, with prototypes polluted or not', () => {
    fc.assert(
      fc.property(attackCase, ({ schema, filter, plans, pollution, compilePollution, caseFolding }) => {
        const compiled = compileBoth(filter, schema, caseFolding, compilePollution);
        for (const plan of plans) {
          const expected = evaluate(filter, schema, buildRecord(plan), caseFolding ?? 'unicode');
          // First on clean prototypes, so that anything the predicate learns from a record's shape
          // is learnt before the prototypes change under it.
          const clean = buildRecord(plan);
          const first = { closures: compiled.closures(clean), generated: compiled.generated(clean) };
          expect(first, compiled.text).toEqual({ closures: expected, generated: expected });
          const answers = withPollution(filter, pollution, () => {
            const record = buildRecord(plan);
            return { closures: compiled.closures(record), generated: compiled.generated(record) };
          });
          expect(answers, compiled.text).toEqual({ closures: expected, generated: expected });
        }
      }),
      { numRuns: 600 },
    );
  });

  it('never matches a record that owns none of its fields, whatever the prototypes hold', () => {
    const positive = (filter: Filter): boolean =>
      filter.kind === 'not' || (filter.kind === 'presence' && filter.op === 'isnull')
        ? false
        : filter.kind === 'and' || filter.kind === 'or'
          ? filter.operands.every(positive)
          : true;
    const bare = [
      () => ({}),
      () => [],
      () => new (class Row {})(),
      () => 'text',
      () => Object.freeze({}),
      () => new SharedRow(),
    ];
    fc.assert(
      fc.property(
        schemaArbitrary.chain((schema) => fc.tuple(fc.constant(schema), filterArbitrary(schema))),
        fc.constantFrom(...POLLUTIONS.filter((pollution) => pollution !== 'none')),
        ([schema, filter], pollution) => {
          fc.pre(positive(filter));
          const compiled = compileBoth(filter, schema, undefined);
          const answers = withPollution(filter, pollution, () =>
            bare.flatMap((make) => [compiled.closures(make()), compiled.generated(make())]),
          );
          expect(answers, compiled.text).toEqual(answers.map(() => false));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('selects on SQLite the rows the predicate and the oracle select (caseFolding ascii)', () => {
    const db = new Database(':memory:');
    const storage = sqlStorage('sqlite');
    let table = 0;
    try {
      fc.assert(
        fc.property(
          schemaArbitrary.map(independentFields).chain((schema) =>
            fc.record({
              schema: fc.constant(schema),
              rows: storableRowsArbitrary(schema),
              filters: fc.array(filterArbitrary(schema), { minLength: 1, maxLength: 10 }),
            }),
          ),
          ({ schema, rows, filters }) => {
            table += 1;
            const name = `attack_rows_${table}`;
            const columns = schema.fields.map((field, index) => {
              const type = field.collection
                ? storage.collectionColumn(field.type)
                : storage.columns[field.type];
              return `"c${index}" ${type}`;
            });
            db.exec(`CREATE TABLE ${name} (id INTEGER PRIMARY KEY, ${columns.join(', ')})`);
            const insert = db.prepare(
              `INSERT INTO ${name} VALUES (${['?', ...columns.map(() => '?')].join(', ')})`,
            );
            rows.forEach((row, id) => {
              insert.run(id, ...schema.fields.map((_, index) => row.stored[index]));
            });
            const sqlSchema = toSchema({
              ...schema,
              fields: schema.fields.map((field, index) => ({ ...field, column: `c${index}` })),
            }) as Schema;
            for (const filter of filters) {
              const compiled = compileBoth(filter, schema, 'ascii');
              const parsed = parse(compiled.text);
              if (!parsed.ok) throw new Error(compiled.text);
              const sql = compileSql(parsed.ast, { schema: sqlSchema, dialect: 'sqlite' });
              const selected = (
                db.prepare(`SELECT id FROM ${name} WHERE ${sql.sql} ORDER BY id`).all(...sql.params) as {
                  id: number;
                }[]
              ).map((row) => row.id);
              const pick = (test: (row: StorableRow) => boolean): number[] =>
                rows.flatMap((row, id) => (test(row) ? [id] : []));
              expect(
                {
                  closures: pick((row) => compiled.closures(row.record)),
                  generated: pick((row) => compiled.generated(row.record)),
                  sql: selected,
                },
                compiled.text,
              ).toEqual({
                closures: pick((row) => evaluate(filter, schema, row.record, 'ascii')),
                generated: pick((row) => evaluate(filter, schema, row.record, 'ascii')),
                sql: pick((row) => evaluate(filter, schema, row.record, 'ascii')),
              });
            }
            db.exec(`DROP TABLE ${name}`);
          },
        ),
        { numRuns: 120 },
      );
    } finally {
      db.close();
    }
  });
});

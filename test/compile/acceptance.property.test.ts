import Database from 'better-sqlite3';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compilePredicate } from '../../src/compile/predicate/index.js';
import { tryCompileSql } from '../../src/compile/sql/index.js';
import type { SqlDialectName } from '../../src/compile/sql/types.js';
import { COMPARE_OPERATORS, LIST_OPERATORS, PRESENCE_OPERATORS } from '../../src/language/operators.js';
import { quoteString } from '../../src/language/quoting.js';
import type { FieldSchema, FieldType, Schema } from '../../src/schema/types.js';
import { parse } from '../../src/syntax/parse.js';
import { validate } from '../../src/validate/index.js';
import { ident, openPostgres, type PostgresEngine } from './support/engines.js';

/**
 * The acceptance rule: whatever `validate` passes, `compilePredicate` and `compileSql` (both
 * dialects) compile, and the SQL runs on SQLite and PostgreSQL. Schemas and filters are random,
 * values deliberately hostile to the rule: every literal kind on every field type (`unknown`
 * included), mixed lists, numbers of up to 400 digits, text with U+0000 and lone surrogates,
 * date-times at the ends of the storable years.
 */

const TYPES: readonly FieldType[] = ['string', 'number', 'integer', 'boolean', 'date-time', 'unknown'];
const OPERATORS = COMPARE_OPERATORS;
const PG_TYPES: Record<FieldType, string> = {
  string: 'text',
  number: 'double precision',
  integer: 'bigint',
  boolean: 'boolean',
  'date-time': 'text',
  // An untyped field's column: text runs every comparison the compiler writes for it.
  unknown: 'text',
};

interface GenSchema {
  readonly schema: Schema;
  readonly fields: readonly { name: string; type: FieldType; collection: boolean }[];
}

const genSchema: fc.Arbitrary<GenSchema> = fc
  .array(fc.record({ type: fc.constantFrom(...TYPES), collection: fc.boolean() }), {
    minLength: 1,
    maxLength: 5,
  })
  .map((specs) => {
    const fields = specs.map((s, i) => ({ name: `f${i}`, ...s }));
    const entries: Record<string, FieldSchema> = {};
    for (const f of fields) {
      entries[f.name] = {
        type: f.type,
        operators: [...OPERATORS, 'in', 'pr', 'isnull', ...(f.collection ? (['ca'] as const) : [])],
        collection: f.collection,
      };
    }
    return { schema: { fields: entries }, fields };
  });

const digits = (min: number, max: number) =>
  fc
    .tuple(
      fc.integer({ min: 1, max: 9 }),
      fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: min, maxLength: max }),
    )
    .map(([first, rest]) => `${first}${rest}`);

const genLiteral: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom('"x"', '"Ab"', '""', '"%_!"', '"\\u0000"', '"ı"'),
  fc.constantFrom('a\u0000b', '\ud800', 'x\udfffy', 'é', 'ÄΣ').map(quoteString),
  fc.string({ maxLength: 6 }).map(quoteString),
  fc.integer({ min: -1000, max: 1000 }).map(String),
  fc.constantFrom(
    '1.5',
    '-0',
    '0.0',
    '2.50',
    '9007199254740993',
    '9223372036854775807',
    '-9223372036854775808',
  ),
  fc.constantFrom(
    '9223372036854774784',
    '9223372036854775808',
    '18446744073709551616',
    '100000000000000000000',
  ),
  fc.oneof(digits(15, 25), digits(300, 400)).chain((d) => fc.constantFrom(d, `-${d}`, `${d}.5`)),
  fc.constantFrom('true', 'false'),
  fc.constantFrom(
    '2022-02-07T20:13:29Z',
    '2022-02-07',
    '0000-01-01T00:00:00Z',
    '9999-12-31T23:59:59.9999999999Z',
    '0000-01-01T00:00:00+14:00',
    '2022-02-07T20:13:29.123456789123-01:30',
  ),
);

function genLeaf(fields: GenSchema['fields']): fc.Arbitrary<string> {
  const field = fc.constantFrom(...fields.map((f) => f.name));
  return fc.oneof(
    fc.tuple(field, fc.constantFrom(...OPERATORS), genLiteral).map(([f, o, v]) => `${f} ${o} ${v}`),
    fc
      .tuple(field, fc.constantFrom(...LIST_OPERATORS), fc.array(genLiteral, { minLength: 1, maxLength: 4 }))
      .map(([f, o, vs]) => `${f} ${o} (${vs.join(', ')})`),
    fc.tuple(field, fc.constantFrom(...PRESENCE_OPERATORS)).map(([f, o]) => `${f} ${o}`),
  );
}

function genFilterText(fields: GenSchema['fields']): fc.Arbitrary<string> {
  const leaf = genLeaf(fields);
  return fc.oneof(
    { weight: 3, arbitrary: leaf },
    { weight: 1, arbitrary: leaf.map((l) => `not (${l})`) },
    { weight: 1, arbitrary: fc.tuple(leaf, fc.constantFrom('and', 'or'), leaf).map((p) => p.join(' ')) },
  );
}

const RECORDS: readonly Record<string, unknown>[] = [
  {},
  { f0: 'x', f1: 1, f2: true, f3: '2022-02-07T20:13:29Z', f4: ['x', 1], f5: Number.NaN },
  { f0: ['Ab'], f1: [2.5], f2: [false], f3: null, f4: 9e18 },
];

describe('validate clean implies both compilers compile and every engine runs the SQL', () => {
  let pg: PostgresEngine;
  beforeAll(async () => {
    pg = await openPostgres();
  });
  afterAll(async () => {
    await pg.close();
  });

  it('holds for random schemas and hostile filters', async () => {
    const stats = { filters: 0, clean: 0, refused: 0 };
    let tableNumber = 0;
    await fc.assert(
      fc.asyncProperty(
        genSchema.chain((g) =>
          fc.record({
            g: fc.constant(g),
            texts: fc.array(genFilterText(g.fields), { minLength: 30, maxLength: 30 }),
          }),
        ),
        async ({ g, texts }) => {
          const table = `accept_${tableNumber++}`;
          const sqlite = new Database(':memory:');
          const columns = g.fields.map((f) => ident(f.name));
          sqlite.exec(`CREATE TABLE ${ident(table)} (${columns.join(', ')})`);
          sqlite
            .prepare(`INSERT INTO ${ident(table)} VALUES (${columns.map(() => 'NULL').join(', ')})`)
            .run();
          const pgColumns = g.fields.map(
            (f) => `${ident(f.name)} ${PG_TYPES[f.type]}${f.collection ? '[]' : ''}`,
          );
          await pg.exec(`CREATE TABLE ${ident(table)} (${pgColumns.join(', ')})`);
          try {
            for (const text of texts) {
              stats.filters++;
              const parsed = parse(text);
              if (!parsed.ok) continue;
              if (validate(parsed.ast, g.schema).some((d) => d.severity === 'error')) {
                stats.refused++;
                continue;
              }
              stats.clean++;
              const matches = compilePredicate(parsed.ast, { schema: g.schema });
              for (const record of RECORDS) expect(typeof matches(record)).toBe('boolean');
              for (const dialect of ['sqlite', 'postgres'] as SqlDialectName[]) {
                const compiled = tryCompileSql(parsed.ast, { schema: g.schema, dialect });
                expect(compiled.ok, `${dialect}: ${text} ${JSON.stringify(compiled.diagnostics)}`).toBe(true);
                if (!compiled.ok) continue;
                const select = `SELECT count(*) AS n FROM ${ident(table)} WHERE ${compiled.sql}`;
                if (dialect === 'sqlite') sqlite.prepare(select).all(...compiled.params);
                else await pg.query(select, compiled.params);
              }
            }
          } finally {
            sqlite.close();
            await pg.exec(`DROP TABLE ${ident(table)}`);
          }
        },
      ),
      { numRuns: 40 },
    );
    // Not vacuous: many filters pass validation, and many are refused by the rule.
    expect(stats.clean).toBeGreaterThan(stats.filters / 5);
    expect(stats.refused).toBeGreaterThan(stats.filters / 10);
    console.log(
      `acceptance (${pg.kind}): ${stats.filters} filters, ${stats.clean} clean and run, ${stats.refused} refused`,
    );
  }, 120_000);
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  compilePredicate,
  compileSql,
  createCollectionHandler,
  FilterCompileError,
  InvalidCollectionOptionsError,
  loadSchema,
  parse,
  parseCollectionQuery,
  type Schema,
  toSqlOrderBy,
  tryCompileSql,
  validate,
} from '../../src/index.js';
import { drizzleFilter, tryDrizzleFilter } from '../../src/integrations/drizzle/index.js';
import { v3Collection as expressCollection } from '../../src/integrations/express/index.js';
import { v3Collection as fastifyCollection } from '../../src/integrations/fastify/index.js';
import { v3Collection as honoCollection } from '../../src/integrations/hono/index.js';
import { kyselyFilter, tryKyselyFilter } from '../../src/integrations/kysely/index.js';
import { validSchema } from './schema-arbitraries.js';

/**
 * Every entry that takes a raw schema object refuses one that `loadSchema` refuses, with
 * `loadSchema`'s codes, and takes one `loadSchema` takes. `loadSchema` is the reference: the
 * promise is "the same diagnostics as loadSchema".
 */

const filter = (() => {
  const parsed = parse('name eq "x"');
  if (!parsed.ok) throw new Error('the probe filter must parse');
  return parsed.ast;
})();

/** What one entry answers for a schema: the codes it refuses it with, or [] when it takes it. */
type Entry = (schema: Schema) => string[];

function thrownCodes(run: () => unknown, kind: new (...args: never[]) => Error): string[] {
  try {
    run();
    return [];
  } catch (error) {
    if (!(error instanceof kind)) throw error;
    if (error instanceof FilterCompileError) return error.diagnostics.map((d) => d.code);
    // InvalidCollectionOptionsError lists each error as `pointer: message`; the codes are not in it.
    return ['refused'];
  }
}

const compileEntries: Record<string, Entry> = {
  tryCompileSql: (schema) => {
    const result = tryCompileSql(filter, { schema, dialect: 'postgres' });
    return result.ok ? [] : result.diagnostics.map((d) => d.code);
  },
  compileSql: (schema) =>
    thrownCodes(() => compileSql(filter, { schema, dialect: 'sqlite' }), FilterCompileError),
  compilePredicate: (schema) => thrownCodes(() => compilePredicate(filter, { schema }), FilterCompileError),
  tryKyselyFilter: (schema) => {
    const result = tryKyselyFilter(filter, { schema, dialect: 'mysql' });
    return result.ok ? [] : result.diagnostics.map((d) => d.code);
  },
  kyselyFilter: (schema) =>
    thrownCodes(() => kyselyFilter(filter, { schema, dialect: 'postgres' }), FilterCompileError),
  tryDrizzleFilter: (schema) => {
    const result = tryDrizzleFilter(filter, { schema, dialect: 'sqlite' });
    return result.ok ? [] : result.diagnostics.map((d) => d.code);
  },
  drizzleFilter: (schema) =>
    thrownCodes(() => drizzleFilter(filter, { schema, dialect: 'postgres' }), FilterCompileError),
  validate: (schema) => validate(filter, schema).map((d) => d.code),
  parseCollectionQuery: (schema) =>
    parseCollectionQuery('filters=name+eq+%22x%22', schema).diagnostics.map((d) => d.code),
};

const creationEntries: Record<string, (schema: Schema) => unknown> = {
  createCollectionHandler: (schema) => createCollectionHandler(schema),
  toSqlOrderBy: (schema) => toSqlOrderBy([], schema, 'postgres'),
  'express v3Collection': (schema) => expressCollection(schema),
  'fastify v3Collection': (schema) => fastifyCollection(schema),
  'hono v3Collection': (schema) => honoCollection(schema),
};

/** A field `name` (which the probe filter uses), with `extra` merged into its declaration. */
const withName = (extra: Record<string, unknown>, rest: Record<string, unknown> = {}): unknown => ({
  fields: { name: { type: 'string', operators: ['eq'], ...extra } },
  ...rest,
});

/** One schema per kind of mistake `loadSchema` reports on an object (all but `invalid-json`). */
const MISTAKES: Readonly<Record<string, unknown>> = {
  'misspelt field key (caseSensitve)': withName({ caseSensitve: true }),
  'misspelt schema key (sorter)': withName({}, { sorter: ['name'] }),
  'not an object': 5,
  'fields not an object': { fields: [] },
  'field name not a path': {
    fields: { name: { type: 'string', operators: ['eq'] }, 'a b': { type: 'string', operators: [] } },
  },
  'field not an object': { fields: { name: { type: 'string', operators: ['eq'] }, other: 5 } },
  'missing type': { fields: { name: { operators: ['eq'] } } },
  'unknown type': withName({ type: 'text' }),
  'operators not a list': withName({ operators: 'eq' }),
  'unknown operator': withName({ operators: ['eq', 'EQ'] }),
  'ca on a non-collection': withName({ operators: ['eq', 'ca'] }),
  'empty enum': withName({ enum: [] }),
  'enum on a number': withName({ type: 'number', enum: ['1'] }),
  'collection not a boolean': withName({ collection: 'yes' }),
  'empty column': withName({ column: '' }),
  'path not a path': withName({ path: 'a..b' }),
  'composite not a list': withName({}, { composite: 'and' }),
  'unknown composite operator': withName({}, { composite: ['xor'] }),
  'sorters not paths': withName({}, { sorters: ['a b'] }),
  'a getter that throws': {
    get fields(): never {
      throw new Error('no');
    },
  },
};

/** The error codes `loadSchema` reports for `schema`, in order. */
function referenceCodes(schema: unknown): string[] {
  return loadSchema(schema)
    .diagnostics.filter((d) => d.severity === 'error')
    .map((d) => d.code);
}

describe('every entry refuses a schema loadSchema refuses, with its codes', () => {
  for (const [mistake, schema] of Object.entries(MISTAKES)) {
    const expected = referenceCodes(schema);
    it(`${mistake}: ${expected.join(', ')}`, () => {
      expect(expected.length).toBeGreaterThan(0);
      for (const [name, entry] of Object.entries(compileEntries)) {
        const got = entry(schema as Schema);
        // Entries that check `options.schema` leave a schema with no `fields` object to their
        // option check (`compile-invalid-option` naming `schema`); the others report it as loadSchema.
        if (got.includes('compile-invalid-option')) {
          expect(['not an object', 'fields not an object', 'a getter that throws'], name).toContain(mistake);
          continue;
        }
        expect(got, name).toEqual(expected);
      }
      for (const [name, create] of Object.entries(creationEntries)) {
        expect(() => create(schema as Schema), name).toThrow(InvalidCollectionOptionsError);
      }
    });
  }

  it('names the misspelt key and the right one, where the compiler would have lowered both sides', () => {
    const schema = MISTAKES['misspelt field key (caseSensitve)'] as Schema;
    const result = tryCompileSql(filter, { schema, dialect: 'postgres' });
    expect(result.ok).toBe(false);
    expect(result.diagnostics[0]?.message).toBe(
      'Invalid schema at `/fields/name/caseSensitve`: Unknown property `caseSensitve`; did you mean `caseSensitive`? Known properties: `type`, `operators`, `enum`, `closed`, `collection`, `caseSensitive`, `path`, `column`, `storage` and `description`',
    );
    expect(() => createCollectionHandler(schema)).toThrow(/caseSensitve.*did you mean `caseSensitive`/);
  });

  it('takes a schema with warnings only (no-operators, operator-not-applicable)', () => {
    const schema = {
      fields: {
        name: { type: 'string', operators: ['eq'] },
        n: { type: 'number', operators: ['co'] },
        z: { type: 'string', operators: [] },
      },
    } as Schema;
    expect(loadSchema(schema).ok).toBe(true);
    for (const [name, entry] of Object.entries(compileEntries)) expect(entry(schema), name).toEqual([]);
    for (const [name, create] of Object.entries(creationEntries))
      expect(() => create(schema), name).not.toThrow();
  });
});

/** A valid schema with one random mistake of a kind loadSchema reports, or none. */
const mistaken = fc
  .tuple(
    validSchema,
    fc.constantFrom(
      ...Object.entries(MISTAKES)
        .filter(([kind, m]) => typeof m === 'object' && m !== null && kind !== 'a getter that throws')
        .map(([, m]) => m),
    ),
    fc.boolean(),
  )
  .map(([valid, mistake, spoil]): unknown => {
    const fields = { ...valid.fields, name: { type: 'string', operators: ['eq'] } };
    if (!spoil) return { ...valid, fields };
    const bad = mistake as { fields?: Record<string, unknown> };
    const merged: Record<string, unknown> = { ...valid, ...(mistake as object) };
    if (bad.fields && typeof bad.fields === 'object' && !Array.isArray(bad.fields)) {
      merged.fields = { ...fields, ...bad.fields };
    }
    return merged;
  });

describe('on random schemas, each entry refuses exactly what loadSchema refuses', () => {
  it('holds for every entry', () => {
    fc.assert(
      fc.property(mistaken, (schema) => {
        const expected = referenceCodes(schema);
        for (const [name, entry] of Object.entries(compileEntries)) {
          const got = entry(schema as Schema);
          if (expected.length === 0) {
            // The probe `name eq "x"` fits every unspoilt schema (its `name` field is fixed).
            expect(got, name).toEqual([]);
          } else if (!got.includes('compile-invalid-option')) {
            expect(got, name).toEqual(expected);
          }
        }
        for (const [name, create] of Object.entries(creationEntries)) {
          let threw = false;
          try {
            create(schema as Schema);
          } catch (error) {
            expect(error, name).toBeInstanceOf(InvalidCollectionOptionsError);
            threw = true;
          }
          expect(threw, name).toBe(expected.length > 0);
        }
      }),
      { numRuns: 200 },
    );
  });
});

describe('a schema object is read once', () => {
  it('checks a schema once per object: later calls do not read its declarations again', () => {
    let reads = 0;
    const operators = ['eq'];
    const name = {
      type: 'string',
      get operators() {
        reads++;
        return operators;
      },
    };
    const schema = { fields: { name } } as unknown as Schema;
    compileSql(filter, { schema, dialect: 'postgres' });
    const afterFirst = reads;
    expect(afterFirst).toBeGreaterThan(0);
    for (let i = 0; i < 50; i++) {
      compileSql(filter, { schema, dialect: 'postgres' });
      compilePredicate(filter, { schema });
      validate(filter, schema);
      parseCollectionQuery('filters=name+eq+%22x%22', schema);
    }
    expect(reads).toBe(afterFirst);
  });

  it('a change after the first use is neither checked nor seen: every entry keeps the first reading', () => {
    const operators = ['eq'];
    const schema = { fields: { name: { type: 'string', operators } } } as unknown as Schema;
    expect(compileSql(filter, { schema, dialect: 'sqlite' }).sql).toBe('lower("name") = lower(?)');
    // A misspelt key and a widened whitelist, added afterwards: neither reaches a compile.
    (schema.fields.name as unknown as Record<string, unknown>).caseSensitve = true;
    operators.push('ne');
    const ne = parse('name ne "x"');
    if (!ne.ok) throw new Error('parses');
    expect(compileSql(filter, { schema, dialect: 'sqlite' }).sql).toBe('lower("name") = lower(?)');
    expect(validate(ne.ast, schema).map((d) => d.code)).toEqual(['operator-not-allowed']);
  });
});

describe('on any value as a schema, every entry answers without throwing', () => {
  /** Arbitrary JSON-like values, and objects shaped like schemas with arbitrary parts. */
  const anySchema = fc.oneof(
    fc.anything({ maxDepth: 3 }).filter((v) => typeof v !== 'string'),
    fc.record({ fields: fc.dictionary(fc.string({ maxLength: 6 }), fc.anything({ maxDepth: 2 })) }),
    fc.record({
      fields: fc.dictionary(
        fc.constantFrom('name', 'a', 'b.c', 'and', ''),
        fc.record(
          {
            type: fc.constantFrom('string', 'number', 'x', 1),
            operators: fc.oneof(fc.array(fc.constantFrom('eq', 'ca', 'EQ', 1)), fc.constant('eq')),
            caseSensitve: fc.boolean(),
            column: fc.constantFrom('c', '', 'a\0'),
            path: fc.constantFrom('p', 'a..b', 5),
          },
          { requiredKeys: [] },
        ),
      ),
      sorters: fc.option(fc.array(fc.constantFrom('name', 'a b', 3)), { nil: undefined }),
      composite: fc.option(fc.constantFrom(['and'], 'or', ['xor']), { nil: undefined }),
    }),
  );

  it('refuses exactly what loadSchema refuses, and throws nothing but the documented errors', () => {
    fc.assert(
      fc.property(anySchema, (schema) => {
        const expected = referenceCodes(schema);
        // validate has no option check of its own: it reports loadSchema's errors for any value.
        if (expected.length > 0)
          expect(validate(filter, schema as Schema).map((d) => d.code)).toEqual(expected);
        const sql = tryCompileSql(filter, { schema: schema as Schema, dialect: 'sqlite' });
        if (expected.length > 0) expect(sql.ok).toBe(false);
        const query = parseCollectionQuery('filters=name+eq+%22x%22', schema as Schema);
        if (expected.length > 0) expect(query.ok).toBe(false);
        for (const [name, create] of Object.entries(creationEntries)) {
          try {
            create(schema as Schema);
            expect(expected, name).toEqual([]);
          } catch (error) {
            expect(error, name).toBeInstanceOf(InvalidCollectionOptionsError);
            expect(expected.length, name).toBeGreaterThan(0);
          }
        }
        try {
          compilePredicate(filter, { schema: schema as Schema });
        } catch (error) {
          expect(error).toBeInstanceOf(FilterCompileError);
        }
      }),
      { numRuns: 500 },
    );
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkSchema, loadSchema } from '../../src/schema/index.js';
import { validSchema } from './schema-arbitraries.js';

/** The codes and pointers of a load, in order: what each table row below pins down. */
function problems(input: unknown): string[] {
  const result = loadSchema(input);
  return result.diagnostics.map((d) => `${d.severity} ${d.code} ${d.pointer}`);
}

const field = (extra: Record<string, unknown>) => ({
  fields: { f: { type: 'string', operators: ['eq'], ...extra } },
});

describe('loadSchema: one row per diagnostic code', () => {
  const table: [string, unknown, string[]][] = [
    ['not an object', [1, 2], ['error invalid-schema ']],
    ['no fields', {}, ['error invalid-fields /fields']],
    ['fields is an array', { fields: [] }, ['error invalid-fields /fields']],
    ['unknown root property', { fields: {}, caseSensitve: true }, ['error unknown-property /caseSensitve']],
    ['field is not an object', { fields: { f: 'string' } }, ['error invalid-field /fields/f']],
    ['missing type', { fields: { f: { operators: ['eq'] } } }, ['error missing-type /fields/f']],
    ['unknown type', field({ type: 'datetime' }), ['error unknown-type /fields/f/type']],
    [
      'operators missing',
      { fields: { f: { type: 'string' } } },
      ['error invalid-operators /fields/f/operators'],
    ],
    [
      'unknown operator',
      field({ operators: ['eq', 'EQ', 'like'] }),
      ['error unknown-operator /fields/f/operators/1', 'error unknown-operator /fields/f/operators/2'],
    ],
    [
      'duplicate operator',
      field({ operators: ['eq', 'in', 'eq'] }),
      ['warning duplicate-operator /fields/f/operators/2'],
    ],
    ['no operators', field({ operators: [] }), ['warning no-operators /fields/f/operators']],
    [
      'ca without collection',
      field({ operators: ['eq', 'ca'] }),
      ['error ca-requires-collection /fields/f/operators/1'],
    ],
    [
      'co on a number',
      field({ type: 'number', operators: ['co'] }),
      ['warning operator-not-applicable /fields/f/operators/0'],
    ],
    [
      'gt on a boolean',
      field({ type: 'boolean', operators: ['eq', 'gt'] }),
      ['warning operator-not-applicable /fields/f/operators/1'],
    ],
    [
      'enum on a number',
      field({ type: 'number', enum: ['1'] }),
      ['error enum-requires-string /fields/f/enum'],
    ],
    ['empty enum', field({ enum: [] }), ['error invalid-enum /fields/f/enum']],
    ['enum of numbers', field({ enum: [1, 2] }), ['error invalid-enum /fields/f/enum']],
    [
      'enum duplicate ignoring case',
      field({ enum: ['A', 'a'] }),
      ['warning duplicate-enum-value /fields/f/enum/1'],
    ],
    ['collection not boolean', field({ collection: 'yes' }), ['error invalid-property /fields/f/collection']],
    ['path not a path', field({ path: 'a..b' }), ['error invalid-property /fields/f/path']],
    ['empty column', field({ column: '' }), ['error invalid-property /fields/f/column']],
    ['unknown field property', field({ operator: ['eq'] }), ['error unknown-property /fields/f/operator']],
    [
      'keyword field name',
      { fields: { and: { type: 'string', operators: ['eq'] } } },
      ['error invalid-field-name /fields/and'],
    ],
    [
      'bad field name',
      { fields: { 'a b': { type: 'string', operators: ['eq'] } } },
      ['error invalid-field-name /fields/a b'],
    ],
    [
      'unknown composite',
      { fields: {}, composite: ['and', 'xor'] },
      ['error unknown-composite-operator /composite/1'],
    ],
    ['composite not a list', { fields: {}, composite: 'and' }, ['error invalid-composite /composite']],
    ['sorters not a list', { fields: {}, sorters: 'name' }, ['error invalid-sorters /sorters']],
    ['duplicate sorter', { fields: {}, sorters: ['name', 'name'] }, ['warning duplicate-sorter /sorters/1']],
    [
      'caseSensitive not boolean',
      { fields: {}, caseSensitive: 1 },
      ['error invalid-property /caseSensitive'],
    ],
    [
      'a slash in a name is escaped',
      { fields: { f: 1, 'a/b': 2 } },
      [
        'error invalid-field /fields/f',
        'error invalid-field-name /fields/a~1b',
        'error invalid-field /fields/a~1b',
      ],
    ],
  ];
  it.each(table)('%s', (_, input, expected) => {
    expect(problems(input)).toEqual(expected);
  });

  it('reports every problem at once, not just the first', () => {
    const result = loadSchema({
      fields: { a: { type: 'text', operators: ['eq'] }, b: { type: 'string', operators: ['ca'] } },
      composite: ['xor'],
    });
    expect(result.ok).toBe(false);
    expect(result.diagnostics.map((d) => d.code)).toEqual([
      'unknown-type',
      'ca-requires-collection',
      'unknown-composite-operator',
    ]);
  });

  it('suggests the nearest spelling', () => {
    const [unknownType] = loadSchema(field({ type: 'datetime' })).diagnostics;
    expect(unknownType?.message).toContain('did you mean `date-time`?');
    const [unknownKey] = loadSchema({ fields: {}, caseSensitve: true }).diagnostics;
    expect(unknownKey?.message).toContain('did you mean `caseSensitive`?');
    const [upper] = loadSchema(field({ operators: ['EQ'] })).diagnostics;
    expect(upper?.message).toContain('operators are lowercase: `eq`');
  });

  it('loads JSON text, and reports text that is not JSON', () => {
    const loaded = loadSchema('{"fields": {"status": {"type": "string", "operators": ["eq"]}}}');
    expect(loaded).toMatchObject({ ok: true, schema: { fields: { status: { type: 'string' } } } });
    const bad = loadSchema('{"fields": ');
    expect(bad.ok).toBe(false);
    expect(bad.diagnostics[0]?.code).toBe('invalid-json');
  });

  it('keeps warnings on success and ignores $- and x- keys', () => {
    const loaded = loadSchema({ $schema: 'x', 'x-note': 1, ...field({ operators: ['eq', 'eq'] }) });
    expect(loaded.ok).toBe(true);
    expect(loaded.diagnostics.map((d) => d.code)).toEqual(['duplicate-operator']);
  });

  it('returns a frozen copy with only the known properties, and keeps a field named __proto__ as data', () => {
    const input = JSON.parse('{"fields": {"__proto__": {"type": "string", "operators": ["eq"], "x-a": 1}}}');
    const loaded = loadSchema(input);
    if (!loaded.ok) throw new Error('expected a schema');
    expect(Object.hasOwn(loaded.schema.fields, '__proto__')).toBe(true);
    expect(Object.getPrototypeOf(loaded.schema.fields)).toBe(Object.prototype);
    const own = Object.getOwnPropertyDescriptor(loaded.schema.fields, '__proto__')?.value;
    expect(own).toEqual({ type: 'string', operators: ['eq'] });
    expect(Object.isFrozen(own.operators)).toBe(true);
    expect(loaded.schema).not.toBe(input);
  });

  it('never throws, even on a hostile object', () => {
    const hostile = {
      get fields(): never {
        throw new Error('boom');
      },
    };
    expect(loadSchema(hostile).diagnostics[0]?.code).toBe('unreadable-schema');
    expect(checkSchema(hostile)[0]?.code).toBe('unreadable-schema');
  });
});

describe('loadSchema properties', () => {
  it('loads every valid schema, unchanged, from its JSON text', () => {
    fc.assert(
      fc.property(validSchema, (schema) => {
        const loaded = loadSchema(JSON.stringify(schema));
        expect(loaded.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
        expect(loaded.ok && loaded.schema).toEqual(schema);
      }),
    );
  });

  it('never throws on any JSON value, and errors point into the document', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const result = loadSchema(value);
        for (const d of result.diagnostics) expect(d.pointer === '' || d.pointer.startsWith('/')).toBe(true);
        // A JSON value loads only if it is an object with a fields object.
        if (result.ok) expect(typeof value === 'object' && value !== null && 'fields' in value).toBe(true);
      }),
    );
  });
});

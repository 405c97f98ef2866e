import { describe, expect, it } from 'vitest';
import { COLLECTION_CODES, parseCollectionQuery } from '../../src/collection/index.js';
import { parse } from '../../src/index.js';
import { importOpenApi, OPENAPI_CODES } from '../../src/openapi/index.js';
import { loadSchema, SCHEMA_CODES, type Schema, workflowExecutionsSchema } from '../../src/schema/index.js';
import { VALIDATION_CODES, validate } from '../../src/validate/index.js';
import { readManual } from '../support/manual.js';

const schema: Schema = {
  fields: {
    status: { type: 'string', enum: ['Failed'], operators: ['eq', 'in'] },
    flag: { type: 'boolean', operators: ['eq'] },
    size: { type: 'number', operators: ['eq'] },
  },
  composite: ['and'],
};

function validationCodes(text: string, options?: { maxDiagnostics: number }): string[] {
  const parsed = parse(text);
  if (!parsed.ok) throw new Error(text);
  return validate(parsed.ast, schema, { text, ...options }).map((d) => d.code);
}

/** One input per code, each of which must produce it: every listed code is reachable. */
const producers: Record<string, () => string[]> = {
  'unknown-field': () => validationCodes('stauts eq "Failed"'),
  'operator-not-allowed': () => validationCodes('status ne "Failed"'),
  'composite-not-allowed': () => validationCodes('flag eq true or flag eq false'),
  'type-mismatch': () => validationCodes('flag eq "true"'),
  'unknown-enum-value': () => validationCodes('status eq "Fail"'),
  'duplicate-value': () => validationCodes('status in ("Failed", "failed")'),
  'too-many-errors': () => validationCodes('x eq 1 and y eq 2', { maxDiagnostics: 1 }),
  'value-out-of-range': () => validationCodes(`size eq 1${'0'.repeat(309)}`),
  'unsupported-character': () => validationCodes('status eq "\u0000"'),
};

const load = (input: unknown) => () => loadSchema(input).diagnostics.map((d) => d.code);
const one = (extra: Record<string, unknown>) => ({
  fields: { f: { type: 'string', operators: ['eq'], ...extra } },
});
const schemaProducers: Record<string, () => string[]> = {
  'invalid-json': load('{'),
  'invalid-schema': load(null),
  'invalid-fields': load({}),
  'unknown-property': load({ fields: {}, x: 1 }),
  'invalid-field-name': load({ fields: { 'a-b': { type: 'string', operators: [] } } }),
  'invalid-field': load({ fields: { f: 1 } }),
  'missing-type': load({ fields: { f: { operators: [] } } }),
  'unknown-type': load(one({ type: 'text' })),
  'invalid-operators': load(one({ operators: 'eq' })),
  'unknown-operator': load(one({ operators: ['equals'] })),
  'ca-requires-collection': load(one({ operators: ['ca'] })),
  'invalid-enum': load(one({ enum: [] })),
  'enum-requires-string': load(one({ type: 'number', enum: ['1'] })),
  'invalid-property': load(one({ collection: 'no' })),
  'invalid-composite': load({ fields: {}, composite: 'and' }),
  'unknown-composite-operator': load({ fields: {}, composite: ['xor'] }),
  'invalid-sorters': load({ fields: {}, sorters: [1] }),
  'unreadable-schema': load(
    new Proxy(
      {},
      {
        ownKeys: () => {
          throw new Error('no');
        },
      },
    ),
  ),
  'duplicate-operator': load(one({ operators: ['eq', 'eq'] })),
  'duplicate-enum-value': load(one({ enum: ['a', 'a'] })),
  'duplicate-sorter': load({ fields: {}, sorters: ['a', 'a'] }),
  'no-operators': load(one({ operators: [] })),
  'operator-not-applicable': load(one({ type: 'number', operators: ['sw'] })),
};

const query =
  (text: string, against: Schema = { ...workflowExecutionsSchema, sorters: ['status'] }) =>
  () =>
    parseCollectionQuery(text, against).diagnostics.map((d) => d.code);
const collectionProducers: Record<string, () => string[]> = {
  'invalid-limit': query('limit=x'),
  'invalid-offset': query('offset=x'),
  'invalid-count': query('count=x'),
  'invalid-sorters': query('sorters=a,'),
  'unknown-sorter': query('sorters=x'),
  'duplicate-sorter': query('sorters=status,status'),
  'sorting-not-supported': query('sorters=status', workflowExecutionsSchema),
  'repeated-parameter': query('count=true&count=true'),
  'malformed-encoding': query('filters=%'),
  'unencoded-plus': query('filters=start_time+ge+2022-02-07T20:13:29+01:00'),
  'unknown-parameter': query('limits=5'),
  'invalid-query': () =>
    parseCollectionQuery(undefined as never, workflowExecutionsSchema).diagnostics.map((d) => d.code),
  'invalid-option': () =>
    parseCollectionQuery('', workflowExecutionsSchema, { maxLimit: Number.NaN }).diagnostics.map(
      (d) => d.code,
    ),
};

const header = 'Filtering is supported for the following fields and operators:\n\n';
const withFilters = (description: string, extra: Record<string, unknown> = {}) => ({
  paths: { '/a': { get: { parameters: [{ in: 'query', name: 'filters', description }], ...extra } } },
  ...(extra.components ? { components: extra.components } : {}),
});
const imported = (document: unknown) => () => importOpenApi(document).diagnostics.map((d) => d.code);
const stringResponse = (schemaValue: unknown) => ({
  responses: { 200: { content: { 'application/json': { schema: schemaValue } } } },
});
const openapiProducers: Record<string, () => string[]> = {
  'invalid-document': imported('{'),
  'unreadable-document': imported({
    get paths(): never {
      throw new Error('no');
    },
  }),
  'unresolved-ref': imported({ paths: { '/a': { get: { parameters: [{ $ref: '#/nowhere' }] } } } }),
  'ref-cycle': imported({
    paths: { '/a': { $ref: '#/paths/~1b' }, '/b': { $ref: '#/paths/~1a' } },
  }),
  'no-filter-declaration': imported(withFilters('Nothing declared.')),
  'unknown-operator': imported(withFilters(`${header}**a**: *eq, like*`)),
  'untyped-field': imported(withFilters(`${header}**a**: *eq*`)),
  'duplicate-field': imported(withFilters(`${header}**a**: *eq*\n\n**a**: *in*`)),
  'enum-on-non-string': imported(
    withFilters(
      `${header}**a**: *eq*\n**Possible Values:** X, Y`,
      stringResponse({ type: 'object', properties: { a: { type: 'integer' } } }),
    ),
  ),
};

const registries: [string, Readonly<Record<string, string>>, Record<string, () => string[]>][] = [
  ['validation', VALIDATION_CODES, producers],
  ['schema', SCHEMA_CODES, schemaProducers],
  ['collection', COLLECTION_CODES, collectionProducers],
  ['openapi', OPENAPI_CODES, openapiProducers],
];

describe('diagnostic code registries', () => {
  for (const [name, registry, table] of registries) {
    it(`${name}: every listed code is produced by its input, and every input's code is listed`, () => {
      expect(Object.keys(table).sort()).toEqual(Object.keys(registry).sort());
      for (const [code, produce] of Object.entries(table)) expect(produce(), code).toContain(code);
    });
  }

  it('the documentation has a table row for every code', () => {
    const text = readManual();
    const missing = registries.flatMap(([, registry]) =>
      Object.keys(registry).filter((code) => !text.includes(`| \`${code}\` |`)),
    );
    expect(missing).toEqual([]);
  });
});

import { describe, expect, it } from 'vitest';
import { createField, createList, createString } from '../../src/ast/index.js';
import { generateSchemaModule } from '../../src/codegen/index.js';
import { COLLECTION_CODES, parseCollectionQuery } from '../../src/collection/index.js';
import { type SqlOptions, tryCompileSql } from '../../src/compile/sql/index.js';
import { CODEGEN_CODES, COMPILE_CODES, type Expression, parse, SYNTAX_CODES } from '../../src/index.js';
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
  'closed-requires-enum': load(one({ closed: true })),
  'storage-requires-date-time': load(one({ type: 'string', storage: 'timestamp' })),
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
  'misspelled-parameter': query('limits=5'),
  'unknown-parameter': query('account=5'),
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

/** Compiled as written, without validation: what the compilers refuse themselves. */
const compileSchema: Schema = {
  fields: {
    name: { type: 'string', operators: ['eq', 'co', 'in'] },
    size: { type: 'number', operators: ['eq', 'co'] },
    // A valid schema (an empty column would have it refused whole); an unpaired surrogate is still no identifier.
    blank: { type: 'string', operators: ['eq'], column: '\ud800' },
  },
};
const compiled =
  (filter: string | Expression, options: Partial<SqlOptions> = {}) =>
  () => {
    const ast = typeof filter === 'string' ? parse(filter) : undefined;
    if (ast !== undefined && !ast.ok) throw new Error(`does not parse: ${String(filter)}`);
    const tree = ast === undefined ? (filter as Expression) : ast.ast;
    return tryCompileSql(tree, { schema: compileSchema, dialect: 'sqlite', ...options }).diagnostics.map(
      (d) => d.code,
    );
  };
const noSpan = { start: 0, end: 0 };
const compileProducers: Record<string, () => string[]> = {
  'compile-unknown-field': compiled('other eq "x"'),
  'compile-value-type': compiled('size eq "x"'),
  'compile-operator': compiled('size co 1'),
  'compile-empty-list': compiled(createList(createField('name', noSpan), 'in', noSpan, [], noSpan)),
  'compile-malformed-ast': compiled({ kind: 'nothing' } as unknown as Expression),
  'sql-nul-character': compiled('name eq "a\u0000"'),
  'sql-lone-surrogate': compiled('name eq "\ud800"'),
  'sql-invalid-identifier': compiled('blank eq "x"'),
  'sql-too-many-parameters': compiled(
    createList(
      createField('name', noSpan),
      'in',
      noSpan,
      Array.from({ length: 40_000 }, (_, i) => createString(String(i), noSpan)),
      noSpan,
    ),
  ),
  'compile-invalid-option': compiled('name eq "x"', { parameterOffset: -1 }),
  'sql-case-folding-unsupported': compiled('name eq "x"', { caseFolding: 'unicode' }),
};

const operation = (operationId: string, path: string) => ({
  [path]: {
    get: {
      operationId,
      parameters: [{ in: 'query', name: 'filters', description: `${header}**a**: *eq*` }],
    },
  },
});
const codegenProducers: Record<string, () => string[]> = {
  'endpoint-not-found': () =>
    generateSchemaModule({ paths: operation('listA', '/a') }, { endpoints: ['listB'] }).diagnostics.map(
      (d) => d.code,
    ),
  'renamed-export': () =>
    generateSchemaModule({
      paths: { ...operation('list-a', '/a'), ...operation('listA', '/b') },
    }).diagnostics.map((d) => d.code),
};

const registries: [string, Readonly<Record<string, string>>, Record<string, () => string[]>][] = [
  ['validation', VALIDATION_CODES, producers],
  ['schema', SCHEMA_CODES, schemaProducers],
  ['collection', COLLECTION_CODES, collectionProducers],
  ['openapi', OPENAPI_CODES, openapiProducers],
  ['compile', COMPILE_CODES, compileProducers],
  ['codegen', CODEGEN_CODES, codegenProducers],
];

/** Every catalogue the root entry exports, by its name there. */
const catalogues: Record<string, Readonly<Record<string, string>>> = {
  SYNTAX_CODES,
  VALIDATION_CODES,
  SCHEMA_CODES,
  OPENAPI_CODES,
  COLLECTION_CODES,
  COMPILE_CODES,
  CODEGEN_CODES,
};

describe('diagnostic code registries', () => {
  for (const [name, registry, table] of registries) {
    it(`${name}: every listed code is produced by its input, and every input's code is listed`, () => {
      expect(Object.keys(table).sort()).toEqual(Object.keys(registry).sort());
      for (const [code, produce] of Object.entries(table)) expect(produce(), code).toContain(code);
    });
  }

  it('every catalogue has one shape: a stable kebab-case code to the sentence saying what it means', () => {
    for (const [name, catalogue] of Object.entries(catalogues)) {
      for (const [code, meaning] of Object.entries(catalogue)) {
        expect(code, name).toMatch(/^[a-z]+(?:-[a-z0-9]+)+$|^[a-z]+$/);
        expect(meaning, `${name}.${code}`).toMatch(/^\S.* .*\.$/s);
      }
    }
  });

  it('the documentation has a table row for every code', () => {
    const text = readManual();
    const missing = registries.flatMap(([, registry]) =>
      Object.keys(registry).filter((code) => !text.includes(`| \`${code}\` |`)),
    );
    expect(missing).toEqual([]);
  });
});

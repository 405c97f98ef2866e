import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { beforeAll, describe, expect, it } from 'vitest';
import { generateSchemaModule, type SchemaModule } from '../../src/codegen/index.js';
import * as library from '../../src/index.js';
import { importOpenApi } from '../../src/openapi/index.js';
import { readManual } from '../support/manual.js';
import { type Problem, typeCheck } from './support/typecheck.js';

const specPath = fileURLToPath(new URL('../fixtures/openapi/sailpoint-api.v3.json', import.meta.url));
const specText = readFileSync(specPath, 'utf8');

const header = 'Filtering is supported for the following fields and operators:\n\n';
function operation(operationId: string | undefined, summary: string, declaration: string) {
  return {
    ...(operationId !== undefined ? { operationId } : {}),
    summary,
    parameters: [
      { in: 'query', name: 'filters', description: header + declaration, schema: { type: 'string' } },
    ],
    responses: {
      '200': {
        description: 'ok',
        content: {
          'application/json': {
            schema: {
              type: 'array',
              items: {
                type: 'object',
                properties: {
                  name: { type: 'string' },
                  __proto__: { type: 'string' },
                  kind: { type: 'string', enum: ['A', 'B*/C'] },
                },
              },
            },
          },
        },
      },
    },
  };
}

/** Odd operationIds, a clash, a name that would shadow the import, hostile text for comments. */
const quirky = {
  openapi: '3.0.3',
  info: { title: 'Quirks', version: '1' },
  paths: {
    '/a': { get: operation('list-accounts', 'Accounts */ alert(1) /*', '**name**: *eq, sw*') },
    '/b': { get: operation('list accounts', 'Line one\nline two \u202e evil', '**kind**: *eq, in*') },
    '/c': { get: operation('2fa/check', 'Digits first', '**name**: *eq*') },
    '/d': { get: operation('define', 'Shadows the import', '**name**: *eq*') },
    '/things/{id}': { get: operation(undefined, 'No operationId', '**__proto__**: *eq*') },
    '/e': { get: operation('ÜberListe', '@deprecated is not a tag here', '**name**: *pr*') },
  },
};

let sailpoint: SchemaModule;
let odd: SchemaModule;
let problems: Map<string, Problem[]>;

const builderSnippet = (body: string) => `import { createFilterBuilder } from 'v3-filters';
import { getWorkflowExecutionsSchema, listAccessProfilesSchema } from './sailpoint.js';
const p = createFilterBuilder(listAccessProfilesSchema);
const w = createFilterBuilder(getWorkflowExecutionsSchema);
${body}
`;

/** The snippets below, each a file of one program, with the line of interest at line 5. */
/** The README's builder block for the generated module, pointed at the module generated here. */
const readme = readManual();
const readmeStart = readme.indexOf(
  "```ts\nimport { createFilterBuilder } from 'v3-filters';\nimport { getWorkflowExecutionsSchema }",
);
const readmeBlock = readme.slice(readmeStart + 6, readme.indexOf('```\n', readmeStart + 6));

const snippets = {
  'readme.ts': readmeBlock.replace("'./filter-schemas.js'", "'./sailpoint.js'"),
  'allowed.ts': builderSnippet(`export const allowed = [
  p.sw('name', 'Sail'), p.eq('name', 'x'), p.in('id', ['a', 'b']), p.gt('created', new Date()),
  p.eq('requestable', true), p.and(p.eq('name', 'x'), p.ge('modified', '2022-02-07T20:13:29Z')),
  w.eq('status', 'Failed'), w.lt('start_time', new Date(0)),
];`),
  'operator-co.ts': builderSnippet("export const bad = p.co('name', 'Sail');"),
  'operator-lt.ts': builderSnippet("export const bad = p.lt('created', new Date());"),
  'field.ts': builderSnippet("export const bad = p.eq('nosuch', 'x');"),
  'enum.ts': builderSnippet("export const bad = w.eq('status', 'Fail');"),
  'type.ts': builderSnippet("export const bad = p.eq('requestable', 'true');"),
};

beforeAll(() => {
  sailpoint = generateSchemaModule(specText, { source: 'sailpoint-api.v3.json' });
  odd = generateSchemaModule(quirky);
  problems = typeCheck({
    'sailpoint.ts': sailpoint.text,
    'quirky.ts': odd.text,
    ...snippets,
  });
}, 120_000);

describe('generateSchemaModule', () => {
  it('is exported from the package entry', () => {
    expect(library.generateSchemaModule).toBe(generateSchemaModule);
  });

  it("writes one defineSchema export per SailPoint endpoint that takes filters, importing 'v3-filters'", () => {
    const imported = importOpenApi(specText);
    expect(sailpoint.exports).toHaveLength(44);
    expect(sailpoint.exports.map((e) => e.operationId)).toEqual(imported.endpoints.map((e) => e.operationId));
    expect(sailpoint.text).toContain('import { defineSchema } from "v3-filters";');
    expect(sailpoint.text.match(/^export const \w+ = defineSchema\(\{$/gm)).toHaveLength(44);
    expect(sailpoint.exports.find((e) => e.path === '/workflows/{id}/executions')?.name).toBe(
      'getWorkflowExecutionsSchema',
    );
    expect(sailpoint.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(sailpoint.diagnostics.filter((d) => d.code === 'renamed-export')).toEqual([]);
  });

  it('the SailPoint module type-checks under strict settings', () => {
    expect(problems.get('sailpoint.ts')).toEqual([]);
  });

  it('a builder call the endpoint allows compiles', () => {
    expect(problems.get('allowed.ts')).toEqual([]);
  });

  it.each([
    [
      'operator-co.ts',
      '`co` on a field that allows eq and sw',
      `Argument of type '"name"' is not assignable to parameter of type 'never'.`,
    ],
    [
      'operator-lt.ts',
      '`lt` on a date-time that allows gt, ge and le',
      `Argument of type '"created"' is not assignable to parameter of type '"modified"'.`,
    ],
    ['field.ts', 'a field the endpoint does not have', `Argument of type '"nosuch"' is not assignable`],
    [
      'enum.ts',
      'a value outside the enum',
      `Argument of type '"Fail"' is not assignable to parameter of type '"Completed" | "Failed" | "Canceled" | "Queued" | "Running"'.`,
    ],
    [
      'type.ts',
      'a string for a boolean',
      `Argument of type 'string' is not assignable to parameter of type 'boolean'.`,
    ],
  ])('%s: %s fails to compile, with one error at the call', (file, _, message) => {
    const found = problems.get(file)!;
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ code: 2345, line: 5 });
    expect(found[0]!.message).toContain(message);
  });

  it("the README's block compiles where it says ok and fails where it says, with those errors", () => {
    expect(readmeStart).toBeGreaterThan(0);
    const lines = readmeBlock.split('\n');
    const expected = lines.flatMap((line, i) => {
      const said = / \/\/ error TS(\d+): (.*)$/.exec(line);
      return said ? [{ code: Number(said[1]), line: i + 1, message: said[2]! }] : [];
    });
    expect(expected).toHaveLength(3);
    expect(lines.filter((line) => line.includes('// ok'))).toHaveLength(1);
    expect(problems.get('readme.ts')).toEqual(expected);
  });

  it('names exports from operationIds: camelCase, unique, clear of the import and of a leading digit', () => {
    expect(odd.exports.map((e) => e.name)).toEqual([
      'listAccountsSchema',
      'listAccountsSchema2',
      '_2faCheckSchema',
      'defineSchema2',
      'getThingsIdSchema',
      'berListeSchema',
    ]);
    expect(odd.diagnostics.filter((d) => d.code === 'renamed-export').map((d) => d.message)).toEqual([
      'GET /b: `listAccountsSchema` is taken; exported as `listAccountsSchema2`',
      'GET /d: `defineSchema` is taken; exported as `defineSchema2`',
    ]);
    expect(problems.get('quirky.ts')).toEqual([]);
  });

  it('escapes comment text and keeps a __proto__ field a field when the module runs', () => {
    expect(odd.text).toContain(' * GET /a: Accounts *\\/ alert(1) /*\n');
    expect(odd.text).toContain(' * GET /b: Line one\\nline two \\u{202e} evil\n');
    expect(odd.text).toContain(' * GET /e: @deprecated is not a tag here\n');
    // Run it: transpiled, with the real defineSchema behind its import.
    const js = ts.transpileModule(odd.text, {
      compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022 },
    }).outputText;
    const exports: Record<string, unknown> = {};
    new Function('exports', 'require', js)(exports, (id: string) => {
      expect(id).toBe('v3-filters');
      return library;
    });
    const imported = importOpenApi(quirky).endpoints;
    expect(Object.keys(exports).filter((k) => k !== '__esModule')).toEqual(odd.exports.map((e) => e.name));
    odd.exports.forEach((e, i) => {
      expect(exports[e.name]).toEqual(imported[i]!.schema);
    });
    const things = exports.getThingsIdSchema as { fields: object };
    expect(Object.hasOwn(things.fields, '__proto__')).toBe(true);
    expect(Object.getPrototypeOf(things.fields)).toBe(Object.prototype);
    expect(odd.text).toContain('"B*/C"');
  });

  it('selects endpoints by operationId, METHOD /path or path, and reports one that matches nothing', () => {
    const some = generateSchemaModule(specText, {
      endpoints: ['getWorkflowExecutions', 'GET /access-profiles', '/accounts', 'nope'],
    });
    expect(some.exports.map((e) => e.name)).toEqual([
      'listAccessProfilesSchema',
      'listAccountsSchema',
      'getWorkflowExecutionsSchema',
    ]);
    expect(some.diagnostics.filter((d) => d.severity === 'error')).toEqual([
      {
        code: 'endpoint-not-found',
        severity: 'error',
        message: 'No operation `nope` takes `filters` in the document',
        pointer: '/paths',
      },
    ]);
  });

  it("never throws: an unreadable document gives no text and the importer's error", () => {
    for (const input of ['{', 42, null, { paths: 3 }, '']) {
      const result = generateSchemaModule(input);
      expect(result.text).toBe('');
      expect(result.diagnostics.some((d) => d.severity === 'error')).toBe(true);
    }
  });
});

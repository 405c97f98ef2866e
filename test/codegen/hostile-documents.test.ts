import fc from 'fast-check';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { generateSchemaModule } from '../../src/codegen/index.js';
import { importOpenApi } from '../../src/openapi/index.js';
import { expectLinear, ratiosPerDoubling } from '../support/growth.js';

/**
 * Codegen on hostile documents: time linear in the number of operations, even when they all
 * share one operationId; and no bidi, zero-width, line-separator or control character raw in the
 * generated module (string literals, comments, identifiers), which still evaluates to the schemas
 * the importer read.
 */

const HEADER = 'Filtering is supported for the following fields and operators:\n\n';

/** Never raw in generated code: controls but tab and line feed, DEL, C1, bidi, zero-width, separators, BOM, lone surrogates. */
const RAW =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point: they are what must never pass raw
  /[\0-\x08\x0b-\x1f\x7f-\x9f\u061c\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

function documentOf(operations: readonly { path: string; operationId: string; text: string }[]) {
  const paths: Record<string, unknown> = {};
  for (const { path, operationId, text } of operations) {
    paths[path] = {
      get: {
        operationId,
        summary: `List ${text}`,
        parameters: [
          {
            in: 'query',
            name: 'filters',
            description: `${HEADER}**status**: *eq, in*\n\n**Possible Values:** Failed${text}, ${text}x, Done\n\n**name**: *eq*`,
            example: `status eq "${text}"`,
          },
        ],
        responses: {
          '200': {
            content: {
              'application/json': {
                schema: {
                  type: 'array',
                  items: {
                    type: 'object',
                    properties: { status: { type: 'string' }, name: { type: 'string' } },
                  },
                },
              },
            },
          },
        },
      },
    };
  }
  return { openapi: '3.0.0', paths };
}

/** Evaluates a generated module with `defineSchema` as the identity: its exports by name. */
function evaluateModule(text: string): Record<string, unknown> {
  const js = ts.transpileModule(text.replace(/^import .*$/m, ''), {
    compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022 },
  }).outputText;
  const exports: Record<string, unknown> = {};
  new Function('exports', 'defineSchema', js)(exports, (schema: unknown) => schema);
  return exports;
}

const hostile = fc
  .array(
    fc.constantFrom(
      '\u202e',
      '\u2066',
      '\u2069',
      '\u200b',
      '\u200e',
      '\u061c',
      '\u2028',
      '\u2029',
      '\ufeff',
      '\u009b',
      '\u007f',
      '\x1b',
      '\ud800',
      '*/',
      '"',
      '\\',
      'a',
      ' ',
    ),
    { minLength: 1, maxLength: 6 },
  )
  .map((parts) => parts.join(''));

describe('codegen on hostile documents', () => {
  it('takes time linear in the number of operations sharing one operationId', () => {
    const make = (n: number) =>
      documentOf(
        Array.from({ length: n }, (_, i) => ({ path: `/p${i}`, operationId: 'listItems', text: '' })),
      );
    const ratios = ratiosPerDoubling((document) => generateSchemaModule(document), make, {
      sizes: [2000, 4000, 8000],
      samples: 2,
    });
    expectLinear(ratios);
  }, 180_000);

  it('copies no bidi, zero-width, separator or control character raw, and evaluates to the imported schemas', () => {
    fc.assert(
      fc.property(fc.array(hostile, { minLength: 1, maxLength: 3 }), hostile, (texts, source) => {
        const document = documentOf(
          texts.map((text, i) => ({ path: `/w${text}${i}`, operationId: `op${text}`, text })),
        );
        const module = generateSchemaModule(document, { source, importFrom: `v3-filters${source}` });
        const raw = RAW.exec(module.text);
        expect(
          raw,
          raw ? JSON.stringify(module.text.slice(Math.max(0, raw.index - 30), raw.index + 5)) : '',
        ).toBeNull();
        const evaluated = evaluateModule(module.text);
        const imported = importOpenApi(document).endpoints;
        expect(module.exports.map((e) => evaluated[e.name])).toEqual(imported.map((e) => e.schema));
      }),
      { numRuns: 200 },
    );
  });
});

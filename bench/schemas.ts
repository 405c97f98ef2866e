/**
 * Shows that the schema-side work is linear: `importOpenApi` on documents that grow (declared
 * fields; a ladder of self-referring `anyOf`/`oneOf`/`allOf` schemas) and `validate` with many
 * misspelt enum values, at sizes n, 2n, 4n, 8n with the ratio of each time to the one before
 * (about 2 means linear; quadratic work shows about 4, exponential far more). Run alone with
 * `npx tsx bench/schemas.ts`.
 */

import { importOpenApi, parse, validate } from '../src/index.js';
import { runsAlone } from './root.js';

const header = 'Filtering is supported for the following fields and operators:\n\n';

function openApi(fields: readonly string[], schemas: Record<string, unknown>) {
  return {
    openapi: '3.0.0',
    paths: {
      '/items': {
        get: {
          parameters: [
            {
              in: 'query',
              name: 'filters',
              description: header + fields.map((f) => `**${f}**: *eq*`).join('\n'),
            },
          ],
          responses: {
            '200': {
              content: {
                'application/json': { schema: { type: 'array', items: { $ref: '#/components/schemas/S0' } } },
              },
            },
          },
        },
      },
    },
    components: { schemas },
  };
}

const shapes: Record<string, (n: number) => () => unknown> = {
  'openapi: declared fields': (n) => {
    const fields = Array.from({ length: n }, (_, i) => `f${i}`);
    const properties = Object.fromEntries(fields.map((f) => [f, { type: 'string' }]));
    const doc = openApi(fields, { S0: { type: 'object', properties } });
    return () => importOpenApi(doc);
  },
  'openapi: self-ref ladder': (n) => {
    const schemas: Record<string, unknown> = {};
    const levels = n / 100;
    for (let i = 0; i < levels; i++) {
      const next = { $ref: `#/components/schemas/S${i + 1}` };
      const self = { $ref: `#/components/schemas/S${i}` };
      schemas[`S${i}`] = { anyOf: [next, next, self], allOf: [self, { oneOf: [next, self] }] };
    }
    schemas[`S${levels}`] = { type: 'object', properties: { a: { type: 'string' } } };
    const doc = openApi(['a'], schemas);
    return () => importOpenApi(doc);
  },
  'validate: misspelt enum values': (n) => {
    const values = Array.from({ length: 2000 }, (_, i) => `VALUE_${i}`);
    const schema = { fields: { k: { type: 'string' as const, enum: values, operators: ['eq' as const] } } };
    const text = Array.from({ length: n / 50 }, (_, i) => `k eq "VALUE_${i % 20}!"`).join(' or ');
    const parsed = parse(text, { limits: { maxComparisons: 1_000_000, maxLength: 64 * 1024 * 1024 } });
    if (!parsed.ok) throw new Error('bench filter does not parse');
    return () => validate(parsed.ast, schema);
  },
};

function timeOf(work: () => unknown): number {
  let best = Number.POSITIVE_INFINITY;
  for (let i = 0; i < 3; i++) {
    const start = performance.now();
    work();
    best = Math.min(best, performance.now() - start);
  }
  return best;
}

/** Prints the scaling table. */
export async function run(): Promise<void> {
  const sizes = [5_000, 10_000, 20_000, 40_000];
  console.log('\nSchema-side scaling (best of 3; ratio to the previous size, ~2 = linear)');
  console.log(['shape'.padEnd(32), ...sizes.map((s) => `n=${s}`.padStart(18))].join(''));
  for (const [name, make] of Object.entries(shapes)) {
    const times = sizes.map((size) => timeOf(make(size)));
    const cells = times.map((t, i) => {
      const ratio = i === 0 ? '' : ` (x${(t / times[i - 1]!).toFixed(2)})`;
      return `${t.toFixed(1)}ms${ratio}`.padStart(18);
    });
    console.log([name.padEnd(32), ...cells].join(''));
  }
}

if (runsAlone(import.meta.url)) await run();

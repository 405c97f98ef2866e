import { describe, expect, it } from 'vitest';
import { importOpenApi } from '../../src/openapi/index.js';

const header = 'Filtering is supported for the following fields and operators:\n\n';

/** A document with one endpoint whose filter fields are typed from `schemas.Item`. */
function documentWith(schemas: Record<string, unknown>, fields: readonly string[] = ['name']) {
  return {
    openapi: '3.0.0',
    paths: {
      '/items': {
        get: {
          parameters: [
            {
              in: 'query',
              name: 'filters',
              description: `${header}${fields.map((f) => `**${f}**: *eq*`).join('\n\n')}`,
            },
          ],
          responses: {
            '200': {
              content: {
                'application/json': {
                  schema: { type: 'array', items: { $ref: '#/components/schemas/Item' } },
                },
              },
            },
          },
        },
      },
    },
    components: { schemas },
  };
}

const selfRef = { $ref: '#/components/schemas/Item' };

describe('importOpenApi: schema walks are memoised, cycle-safe and linear', () => {
  // Before memoisation the first two ran for minutes (3^16 walks) and the third overflowed the
  // stack into `unreadable-document`, dropping every endpoint.
  it.each(['anyOf', 'oneOf', 'allOf'])(
    'a schema that is %s of itself three times imports at once',
    (key) => {
      const started = performance.now();
      const result = importOpenApi(documentWith({ Item: { [key]: [selfRef, selfRef, selfRef] } }));
      const elapsed = performance.now() - started;
      expect(elapsed).toBeLessThan(2000);
      expect(result.diagnostics.map((d) => d.code)).not.toContain('unreadable-document');
      expect(result.endpoints).toHaveLength(1);
      expect(result.endpoints[0]!.schema.fields.name?.type).toBe('unknown');
    },
    10_000,
  );

  it('finds a property through self-referring variants that all declare it', () => {
    const item = {
      anyOf: [
        { type: 'object', properties: { name: { type: 'string' } } },
        { allOf: [selfRef, { type: 'object', properties: { name: { type: 'string' } } }] },
      ],
    };
    const result = importOpenApi(documentWith({ Item: item }));
    expect(result.endpoints[0]!.schema.fields.name?.type).toBe('string');
  });

  it('walks a 30-level ladder of triple variants (3^30 paths) in linear time', () => {
    const schemas: Record<string, unknown> = {};
    const levels = 30;
    for (let i = 0; i < levels; i++) {
      const next = { $ref: `#/components/schemas/L${i + 1}` };
      schemas[i === 0 ? 'Item' : `L${i}`] = { oneOf: [next, next, { allOf: [next, next] }] };
    }
    schemas[`L${levels}`] = { type: 'object', properties: { name: { type: 'integer' } } };
    const started = performance.now();
    const result = importOpenApi(documentWith(schemas));
    expect(performance.now() - started).toBeLessThan(2000);
    // Past the variant depth bound (32) nothing is lost here: 30 levels are followed to the end.
    expect(result.endpoints[0]!.schema.fields.name?.type).toBe('integer');
  });

  it('follows a 20,000-link $ref chain and a 20,000-part allOf chain without overflowing', () => {
    const schemas: Record<string, unknown> = {};
    const n = 20_000;
    schemas.Item = { $ref: '#/components/schemas/R1' };
    for (let i = 1; i < n; i++) schemas[`R${i}`] = { $ref: `#/components/schemas/R${i + 1}` };
    schemas[`R${n}`] = { allOf: [{ $ref: '#/components/schemas/A1' }] };
    for (let i = 1; i < n; i++) schemas[`A${i}`] = { allOf: [{ $ref: `#/components/schemas/A${i + 1}` }] };
    schemas[`A${n}`] = { type: 'object', properties: { name: { type: 'boolean' } } };
    const result = importOpenApi(JSON.stringify(documentWith(schemas)));
    expect(result.diagnostics.map((d) => d.code)).not.toContain('unreadable-document');
    expect(result.endpoints[0]!.schema.fields.name?.type).toBe('boolean');
  });

  it('imports 40,000 declared fields in time linear in their number', () => {
    const fields = Array.from({ length: 40_000 }, (_, i) => `f${i}`);
    const doc = documentWith({}, fields) as { paths: Record<string, { get: { responses?: unknown } }> };
    delete doc.paths['/items']!.get.responses;
    const started = performance.now();
    const result = importOpenApi(doc);
    // Quadratic before (a linear search per declared field): 20 s here, against about 1.5 s now.
    expect(performance.now() - started).toBeLessThan(10_000);
    expect(Object.keys(result.endpoints[0]!.schema.fields)).toHaveLength(40_000);
  }, 30_000);
});

describe('importOpenApi: messages never carry raw control or bidi characters', () => {
  it('escapes them in paths, references and YAML errors', () => {
    const hostile = '/a\u202e\u0007\u2066b';
    const doc = documentWith({ Item: { $ref: '#/components/schemas/\u202eNope\u0000' } });
    const paths = doc.paths as Record<string, unknown>;
    paths[hostile] = paths['/items'];
    const fromObject = importOpenApi(doc).diagnostics;
    const fromYaml = importOpenApi('a: [\u202e\u0007\n  b: "\u2066').diagnostics;
    const messages = [...fromObject, ...fromYaml].map((d) => d.message);
    expect(messages.length).toBeGreaterThan(2);
    expect(messages.some((m) => m.includes('\\u{202e}'))).toBe(true);
    for (const message of messages) {
      // Controls (Cc) and format characters (Cf: bidi marks, isolates, zero-width, BOM).
      expect(message).not.toMatch(/[\p{Cc}\p{Cf}\u2028\u2029]/u);
    }
  });
});

describe('lint-openapi on a self-referring document', () => {
  it.each(['anyOf', 'allOf'])('finishes at once (%s), checking the example', async (key) => {
    const { mkdtempSync, rmSync, writeFileSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const { runInProcess } = await import('../cli/support/in-process.js');
    const dir = mkdtempSync(join(tmpdir(), 'v3f-selfref-'));
    try {
      const doc = documentWith({ Item: { [key]: [selfRef, selfRef, selfRef] } });
      const operation = doc.paths['/items'].get as { parameters: Record<string, unknown>[] };
      operation.parameters[0]!.example = 'name eq "x"';
      const file = join(dir, 'selfref.json');
      writeFileSync(file, JSON.stringify(doc));
      const started = performance.now();
      const run = await runInProcess(['lint-openapi', file]);
      expect(performance.now() - started).toBeLessThan(5000);
      expect(run.code, run.stderr + run.stdout).toBe(0);
      expect(run.stdout).toContain('1 with an example');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

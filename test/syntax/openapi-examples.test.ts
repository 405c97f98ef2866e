import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse } from '../../src/index.js';

const specPath = fileURLToPath(new URL('../fixtures/openapi/sailpoint-api.v3.json', import.meta.url));
interface Parameter {
  $ref?: string;
  name?: string;
  in?: string;
  example?: unknown;
  schema?: { example?: unknown };
}

const spec = JSON.parse(readFileSync(specPath, 'utf8')) as {
  paths: Record<string, Record<string, { parameters?: Parameter[] }>>;
  components: { parameters?: Record<string, Parameter> };
};

/** Every `filters` query parameter's example, read straight from the document (refs resolved). */
function filterExamples(): { operation: string; example: string }[] {
  const found: { operation: string; example: string }[] = [];
  for (const [path, item] of Object.entries(spec.paths)) {
    for (const [method, operation] of Object.entries(item)) {
      for (const raw of operation.parameters ?? []) {
        const parameter = raw.$ref ? spec.components.parameters?.[raw.$ref.split('/').pop()!] : raw;
        // The example sits on the parameter, or (once) on its schema.
        const example = parameter?.example ?? parameter?.schema?.example;
        if (parameter?.name === 'filters' && parameter.in === 'query' && typeof example === 'string') {
          found.push({ operation: `${method.toUpperCase()} ${path}`, example });
        }
      }
    }
  }
  return found;
}

/** SailPoint's examples that are not valid filters, with the diagnostic each must get. */
const wrong: Record<string, { code: string; under: string }> = {
  // An unquoted string value.
  'GET /roles/{id}/assigned-identities': { code: 'bareword-value', under: 'Joe' },
};

describe("SailPoint's published filter examples", () => {
  const examples = filterExamples();

  it('finds all 44 examples', () => {
    expect(examples).toHaveLength(44);
  });

  it.each(examples)('$operation: $example', ({ operation, example }) => {
    const result = parse(example);
    const expected = wrong[operation];
    if (!expected) {
      expect(result.diagnostics).toEqual([]);
      expect(result.ok).toBe(true);
      return;
    }
    expect(result.ok).toBe(false);
    const [diagnostic] = result.diagnostics;
    expect(diagnostic!.code).toBe(expected.code);
    expect(example.slice(diagnostic!.span.start, diagnostic!.span.end)).toBe(expected.under);
  });

  it('the URL-encoded examples in descriptions are recognised, with the decoded text as the fix', () => {
    const text = JSON.stringify(spec);
    const encoded = [...text.matchAll(/filters=([^`"\s\\]+)/g)].map((m) => m[1]!);
    expect(encoded).toContain('rights+ca+(%22CREATE%22)+and+target+eq+%22SYS.OBJAUTH2%22');
    const good = parse('rights+ca+(%22CREATE%22)+and+target+eq+%22SYS.OBJAUTH2%22');
    expect(good.diagnostics[0]?.code).toBe('url-encoded');
    expect(good.diagnostics[0]?.fixes?.[0]?.edits[0]?.text).toBe(
      'rights ca ("CREATE") and target eq "SYS.OBJAUTH2"',
    );
    // This one is broken beyond decoding: `%SELECT%22` lost its `22`.
    const broken = 'rights+ca+(%22CREATE%22)+and+rights+ca+(%SELECT%22)';
    expect(encoded.some((e) => e.startsWith(broken))).toBe(true);
    const result = parse(broken);
    expect(result.diagnostics.map((d) => [d.code, broken.slice(d.span.start, d.span.end)])).toEqual([
      ['url-encoded', '%SE'],
    ]);
  });
});

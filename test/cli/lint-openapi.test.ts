import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt, ROOT } from './support/build.js';
import { runCli } from './support/run-cli.js';

const SPEC = 'test/fixtures/openapi/sailpoint-api.v3.json';
let dir: string;

beforeAll(async () => {
  await ensureBuilt();
  dir = mkdtempSync(join(tmpdir(), 'v3-filters-openapi-'));
});

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

interface Entry {
  method: string;
  path: string;
  example: string;
  diagnostics: { code: string; severity: string; span: { start: number; end: number } }[];
}

/** The `filters` example of an operation, read straight from the document (no importer involved). */
function exampleIn(
  spec: { paths: Record<string, Record<string, { parameters?: unknown[] }>> },
  path: string,
) {
  const parameters = (spec.paths[path]?.get?.parameters ?? []) as {
    in?: string;
    name?: string;
    example?: string;
  }[];
  return parameters.find((p) => p.in === 'query' && p.name === 'filters')?.example;
}

describe.concurrent('lint-openapi on SailPoint V3 API document', () => {
  it('finds exactly the three examples that break their own whitelist, with the reasons', async () => {
    const run = await runCli(['lint-openapi', SPEC, '--format', 'json']);
    expect(run.code).toBe(1);
    const entries = JSON.parse(run.stdout) as Entry[];
    expect(entries.map((e) => [e.method, e.path, e.example, e.diagnostics.map((d) => d.code)])).toEqual([
      // `directConnect` is a boolean in the 200 response: "true" in quotes is text.
      ['GET', '/connectors', 'directConnect eq "true"', ['type-mismatch']],
      // `operational` is a boolean too, and "operation" is not even a boolean word.
      ['GET', '/managed-clusters', 'operational eq "operation"', ['type-mismatch']],
      // An unquoted word: text values are double-quoted.
      ['GET', '/roles/{id}/assigned-identities', 'name sw Joe', ['bareword-value']],
    ]);
    const spec = JSON.parse(readFileSync(join(ROOT, SPEC), 'utf8'));
    for (const entry of entries) expect(exampleIn(spec, entry.path)).toBe(entry.example);
    // Each diagnostic's span is the offending part of the example.
    expect(
      entries.map((e) => e.example.slice(e.diagnostics[0]!.span.start, e.diagnostics[0]!.span.end)),
    ).toEqual(['"true"', '"operation"', 'Joe']);
  });

  it('text output: operation, example, and the place in the document of each problem', async ({ expect }) => {
    const run = await runCli(['lint-openapi', SPEC]);
    expect(run.code).toBe(1);
    const text = readFileSync(join(ROOT, SPEC), 'utf8').split('\n');
    // The positions, found here independently: the example literal's line, the span's column in it.
    for (const [example, part] of [
      ['directConnect eq \\"true\\"', '\\"true\\"'],
      ['operational eq \\"operation\\"', '\\"operation\\"'],
      ['name sw Joe', 'Joe'],
    ] as const) {
      const line = text.findIndex((l) => l.includes(`"example": "${example}"`));
      const column = text[line]!.indexOf(`"${example}"`) + 1 + example.indexOf(part) + 1;
      expect(run.stdout).toContain(`${SPEC}:${line + 1}:${column}: error`);
    }
    expect(run.stdout).toMatchInlineSnapshot(`
      "GET /connectors (getConnectorList): example \`directConnect eq "true"\`
      test/fixtures/openapi/sailpoint-api.v3.json:8871:42: error type-mismatch: \`"true"\` is text, but \`directConnect\` is a boolean field: booleans are written without quotes
        directConnect eq "true"
                         ^^^^^^
        suggestion: Use \`true\`

      GET /managed-clusters (getManagedClusters): example \`operational eq "operation"\`
      test/fixtures/openapi/sailpoint-api.v3.json:11318:40: error type-mismatch: \`"operation"\` is text, but \`operational\` is a boolean field: use \`true\` or \`false\`
        operational eq "operation"
                       ^^^^^^^^^^^

      GET /roles/{id}/assigned-identities (getRoleAssignedIdentities): example \`name sw Joe\`
      test/fixtures/openapi/sailpoint-api.v3.json:17555:33: error bareword-value: Text values are double-quoted: write \`"Joe"\`
        name sw Joe
                ^^^
        fix: Quote the value

      44 operations take filters, 44 with an example: 3 examples have problems; reading the whitelists gave 30 notes (--verbose lists them)
      "
    `);
  });

  it('SARIF: a result per problem, located in the document and named by operation', async () => {
    const run = await runCli(['lint-openapi', SPEC, '--format', 'sarif']);
    const log = JSON.parse(run.stdout) as {
      runs: { results: { ruleId: string; locations: Record<string, unknown>[] }[] }[];
    };
    const results = log.runs[0]!.results;
    expect(results.map((r) => r.ruleId)).toEqual(['type-mismatch', 'type-mismatch', 'bareword-value']);
    expect(results.map((r) => r.locations[0]!.logicalLocations)).toEqual([
      [{ fullyQualifiedName: 'GET /connectors', kind: 'member' }],
      [{ fullyQualifiedName: 'GET /managed-clusters', kind: 'member' }],
      [{ fullyQualifiedName: 'GET /roles/{id}/assigned-identities', kind: 'member' }],
    ]);
    const text = readFileSync(join(ROOT, SPEC), 'utf8');
    const snippets = results.map((r) => {
      const region = (
        r.locations[0]!.physicalLocation as { region: { charOffset: number; charLength: number } }
      ).region;
      return text.slice(region.charOffset, region.charOffset + region.charLength);
    });
    expect(snippets).toEqual(['\\"true\\"', '\\"operation\\"', 'Joe']);
  });
});

const YAML_SPEC = `openapi: 3.0.1
info: { title: test, version: '1' }
paths:
${[
  ['/single', `"id eq '2c91'"`],
  ['/comma', `'name eq "a", id eq "b"'`],
  ['/unterminated', `'name eq "abc'`],
  ['/prefix', `'filters=name eq "x"'`],
  ['/whitelist', `'status eq "x"'`],
  ['/fine', 'name sw "Jo" and id in ("a", "b")'],
]
  .map(
    ([path, example]) => `  ${path}:
    get:
      operationId: op${path!.slice(1)}
      parameters:
        - in: query
          name: filters
          schema: { type: string }
          example: ${example}
          description: |
            Filtering is supported for the following fields and operators:

            **id**: *eq, in*

            **name**: *eq, sw*
      responses:
        '200':
          description: ok
          content:
            application/json:
              schema:
                type: array
                items:
                  type: object
                  properties:
                    id: { type: string }
                    name: { type: string }
`,
  )
  .join('')}`;

describe.concurrent('lint-openapi on YAML, with the mistakes published docs make', () => {
  it('reports each broken example with its code and a fix; passes the good one', async () => {
    const path = join(dir, 'spec.yaml');
    writeFileSync(path, YAML_SPEC);
    const run = await runCli(['lint-openapi', path, '--format', 'json']);
    expect(run.code).toBe(1);
    const entries = JSON.parse(run.stdout) as Entry[];
    expect(entries.map((e) => [e.path, e.example, e.diagnostics.map((d) => d.code)])).toEqual([
      ['/single', "id eq '2c91'", ['single-quoted-string']],
      ['/comma', 'name eq "a", id eq "b"', ['comma-between-comparisons']],
      ['/unterminated', 'name eq "abc', ['unterminated-string']],
      ['/prefix', 'filters=name eq "x"', ['filters-prefix']],
      ['/whitelist', 'status eq "x"', ['unknown-field']],
    ]);
    // Text output points into the YAML file itself.
    const text = await runCli(['lint-openapi', path]);
    const lines = YAML_SPEC.split('\n');
    const line = lines.findIndex((l) => l.includes(`example: "id eq '2c91'"`));
    const column = lines[line]!.indexOf("'2c91'") + 1;
    expect(text.stdout).toContain(`${path}:${line + 1}:${column}: error single-quoted-string`);
    expect(text.stdout).toContain('6 operations take filters, 6 with an example: 5 examples have problems');
  });

  it('a document without problems exits 0', async () => {
    const path = join(dir, 'fine.yaml');
    writeFileSync(path, YAML_SPEC.replace(/example: .*/g, 'example: id eq "x"'));
    const run = await runCli(['lint-openapi', path]);
    expect(run.code).toBe(0);
    expect(run.stdout).toBe('6 operations take filters, 6 with an example: every example passes\n');
  });

  it('a document that cannot be read is exit 2 with one message (a YAML error with its frame, indented)', async () => {
    const notObject = join(dir, 'list.json');
    writeFileSync(notObject, '[1, 2]');
    const noPaths = join(dir, 'nopaths.json');
    writeFileSync(noPaths, '{"openapi": "3.0.0"}');
    const garbage = join(dir, 'garbage.yaml');
    writeFileSync(garbage, 'a: [unclosed\n  b: {');
    for (const [path, message] of [
      [notObject, 'An OpenAPI document must be an object'],
      [noPaths, 'The document has no `paths` object'],
      [garbage, 'The document is neither valid JSON nor valid YAML'],
      [join(dir, 'missing.json'), 'no such file'],
    ] as const) {
      const run = await runCli(['lint-openapi', path]);
      expect(run.code).toBe(2);
      expect(run.stdout).toBe('');
      expect(run.stderr.startsWith(`v3-filters: ${path}`)).toBe(true);
      expect(run.stderr).toContain(message);
      const [, ...more] = run.stderr.trimEnd().split('\n');
      if (path === garbage) {
        // The parser's frame: real line breaks (never a literal `\n`), each later line indented.
        expect(run.stderr).not.toContain('\\n');
        expect(more.length).toBeGreaterThan(0);
        for (const line of more) expect(line).toMatch(/^ {2}|^$/);
      } else {
        expect(more).toEqual([]);
      }
    }
  });
});

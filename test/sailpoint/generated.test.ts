import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import {
  DOCUMENT_FILES,
  DOCUMENTS_DIR,
  GENERATED_DIR,
  generateSailPointModules,
  readDocuments,
} from '../../scripts/sailpoint.js';
import { loadSchema } from '../../src/index.js';
import { listSailPointOperations, SAILPOINT_API_VERSIONS } from '../../src/sailpoint/index.js';

const texts = readDocuments();

describe('the generated SailPoint schemas', () => {
  it('are what scripts/sailpoint.ts makes of the documents now (run `npm run sailpoint` after a change)', () => {
    const files = generateSailPointModules(texts);
    expect(readdirSync(GENERATED_DIR).sort()).toEqual([...files.keys()].sort());
    for (const [name, text] of files)
      expect(readFileSync(join(GENERATED_DIR, name), 'utf8'), name).toBe(text);
  });

  it("carry the documents' MIT notice in every file", () => {
    const notice = readFileSync(join(DOCUMENTS_DIR, 'LICENSE'), 'utf8');
    expect(notice).toMatch(/^MIT License/);
    for (const name of readdirSync(GENERATED_DIR).filter((n) => n.endsWith('.ts'))) {
      const text = readFileSync(join(GENERATED_DIR, name), 'utf8');
      expect(text, name).toContain('Copyright (c) 2022 SailPoint');
      expect(text, name).toContain('The above copyright notice and this permission notice shall be included');
    }
  });

  it('hold one operation for every operation of each document that takes a `filters` query parameter', () => {
    // Counted from the documents independently of the importer: each path's operations, their
    // parameters (path-level ones too) with `$ref`s followed.
    for (const version of SAILPOINT_API_VERSIONS) {
      const raw = texts[version];
      const root = DOCUMENT_FILES[version].endsWith('.yaml') ? parseYaml(raw) : JSON.parse(raw);
      type Parameter = { $ref?: string; name?: string; in?: string };
      const resolve = (p: Parameter): Parameter => {
        if (typeof p.$ref !== 'string') return p;
        let node = root;
        for (const key of p.$ref.slice(2).split('/'))
          node = node[key.replaceAll('~1', '/').replaceAll('~0', '~')];
        return resolve(node);
      };
      const expected: string[] = [];
      for (const [path, item] of Object.entries<
        Record<string, { parameters?: object[]; operationId?: string }>
      >(root.paths)) {
        for (const method of ['get', 'put', 'post', 'delete', 'patch']) {
          const operation = item[method];
          if (!operation) continue;
          const parameters = [
            ...((item.parameters as object[] | undefined) ?? []),
            ...(operation.parameters ?? []),
          ];
          if (parameters.map(resolve).some((p) => p.name === 'filters' && p.in === 'query')) {
            expected.push(`${method.toUpperCase()} ${path} ${operation.operationId}`);
          }
        }
      }
      const generated = listSailPointOperations(version).map((o) => `${o.method} ${o.path} ${o.methodName}`);
      expect(generated.sort(), version).toEqual(expected.sort());
      expect(generated.length, version).toBeGreaterThan(40);
    }
  });

  it('are each a schema that loads without errors, with at least one field', () => {
    for (const operation of listSailPointOperations()) {
      const loaded = loadSchema(operation.schema);
      expect(
        loaded.diagnostics.filter((d) => d.severity === 'error'),
        operation.className,
      ).toEqual([]);
      expect(
        Object.keys(operation.schema.fields).length,
        `${operation.className}.${operation.methodName}`,
      ).toBeGreaterThan(0);
    }
  });
});

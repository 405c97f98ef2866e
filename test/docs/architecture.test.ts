import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { ENTRIES } from '../../scripts/entries.js';
import { sqlDialectNames } from '../../src/compile/sql/dialects.js';
import { RANKS } from '../architecture/import-graph.js';
import { architectureSection, filesNamed, readRecipes, recipe } from '../support/recipes.js';

const ROOT = path.resolve(import.meta.dirname, '../..');
const exists = (file: string) => existsSync(path.join(ROOT, file));
const read = (file: string) => readFileSync(path.join(ROOT, file), 'utf8');

/**
 * The framework adapters: the integration entries that make a collection handler, so a new one is
 * held to the adapter recipe without being listed here.
 */
const ADAPTERS = ENTRIES.filter(
  (entry) =>
    entry.source.startsWith('src/integrations/') && read(entry.source).includes('createCollectionHandler('),
).map((entry) => path.basename(path.dirname(entry.source)));

/** Every `.ts` file under `dir` (from the root), tests left out. */
function sources(dir: string): string[] {
  return readdirSync(path.join(ROOT, dir), { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.ts'))
    .map((entry) => path.relative(ROOT, path.join(entry.parentPath, entry.name)))
    .filter((file) => !file.includes('node_modules') && !file.endsWith('.test.ts'));
}

/** Whether `file`'s code (its comments aside) holds the string literal `word`. */
function spells(file: string, word: string): boolean {
  const source = ts.createSourceFile(file, read(file), ts.ScriptTarget.Latest, true);
  let found = false;
  const visit = (node: ts.Node): void => {
    if ((ts.isStringLiteralLike(node) && node.text === word) || found) found = true;
    else ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

describe('docs/architecture.md', () => {
  it('the layer table is the import rules: each folder at the rank structure.test.ts holds it to', () => {
    const table: Record<string, number> = {};
    for (const [, rank, folders] of architectureSection('Layers').matchAll(/^\| (\d+) \| (.+) \|$/gm)) {
      for (const [, folder] of folders!.matchAll(/`([^`]+)`/g)) table[folder!] = Number(rank);
    }
    expect(table).toEqual(RANKS);
  });

  it('names only files that exist, in the flow and in each recipe (a new file as its model has it)', () => {
    const flow = filesNamed(architectureSection('A filter from an HTTP query to SQL and to a predicate'));
    expect(flow.length).toBeGreaterThan(10);
    expect(flow.filter((file) => !exists(file))).toEqual([]);
    const recipes = readRecipes();
    expect(recipes.map((r) => r.title)).toEqual([
      'A new SQL dialect',
      'A new operator',
      'A new framework adapter',
    ]);
    for (const { title, model, files } of recipes) {
      expect(files.length, title).toBeGreaterThan(3);
      expect(
        files.map((file) => file.replaceAll('<name>', model)).filter((file) => !exists(file)),
        title,
      ).toEqual([]);
    }
  });

  it('a dialect: the code that spells out a dialect’s name is the dialect recipe’s', () => {
    const { model, files } = recipe('A new SQL dialect');
    expect(sqlDialectNames()).toContain(model);
    const named = files.map((file) => file.replaceAll('<name>', model));
    const spelling = ['src', 'server', 'playground/src', 'bench', 'scripts']
      .flatMap(sources)
      .filter((file) => spells(file, model));
    expect(spelling.filter((file) => !named.includes(file))).toEqual([]);
    expect(spelling.length).toBeGreaterThanOrEqual(3);
    // The pages and the tests the recipe names speak of the model.
    for (const file of named.filter((f) => !spelling.includes(f))) {
      expect(read(file).toLowerCase().includes(model), file).toBe(true);
    }
  });

  it('an adapter: every framework adapter is in every file of the adapter recipe', () => {
    const { model, files } = recipe('A new framework adapter');
    expect(ADAPTERS).toEqual(expect.arrayContaining(['express', 'fastify', 'hono']));
    expect(ADAPTERS).toContain(model);
    for (const adapter of ADAPTERS) {
      for (const file of files) {
        const named = file.replaceAll('<name>', adapter);
        if (file.includes('<name>')) expect(exists(named), named).toBe(true);
        else expect(read(named).toLowerCase().includes(adapter), `${adapter} in ${named}`).toBe(true);
      }
    }
  });
});

import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ENTRIES } from '../../scripts/entries.js';

const ROOT = path.resolve(import.meta.dirname, '../..');
const PAGE = path.join(ROOT, 'playground/src');

/** The package name of an entry: `v3-filters`, `v3-filters/codemirror`... */
const nameOf = (subpath: string) => `v3-filters${subpath.slice(1)}`;

describe('the playground uses the package as an application does', () => {
  it('imports the library by its entries only, never a module of src/', () => {
    const entries = new Set(ENTRIES.map((entry) => nameOf(entry.subpath)));
    const imports = readdirSync(PAGE)
      .filter((file) => file.endsWith('.ts'))
      .flatMap((file) =>
        [
          ...readFileSync(path.join(PAGE, file), 'utf8').matchAll(
            /(?:from|import)\s*\(?\s*['"]([^'"]+)['"]/g,
          ),
        ].map((match) => ({ file, specifier: match[1]! })),
      );
    const library = imports.filter(({ specifier }) => specifier.startsWith('v3-filters'));
    expect(library.length).toBeGreaterThan(5);
    expect(library.filter(({ specifier }) => !entries.has(specifier))).toEqual([]);
    // Relative imports stay inside the page's own folder.
    expect(imports.filter(({ specifier }) => specifier.startsWith('../'))).toEqual([]);
  });

  it('resolves each entry name to its source for the type checker, as the page build does (scripts/entries.ts)', () => {
    const config = JSON.parse(readFileSync(path.join(ROOT, 'tsconfig.json'), 'utf8')) as {
      compilerOptions: { paths: Record<string, string[]> };
    };
    expect(config.compilerOptions.paths).toEqual(
      Object.fromEntries(ENTRIES.map((entry) => [nameOf(entry.subpath), [`./${entry.source}`]])),
    );
  });
});

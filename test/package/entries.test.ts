import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { exportsFromEntries, typesVersionsFromEntries } from '../../scripts/build.js';
import { ENTRIES } from '../../scripts/entries.js';
import { ROOT } from '../cli/support/build.js';

/**
 * scripts/entries.ts is the one list of entry points: package.json `exports` and `typesVersions`
 * and typedoc.json `entryPoints` must follow it (`npm run build` rewrites `exports` and
 * `typesVersions`; typedoc.json is edited by hand).
 */
const json = (file: string): Record<string, unknown> =>
  JSON.parse(readFileSync(join(ROOT, file), 'utf8')) as Record<string, unknown>;

describe('the entry list', () => {
  it('package.json `exports` is what the list defines (run `npm run build` after adding an entry)', () => {
    expect(json('package.json').exports).toEqual(exportsFromEntries());
  });

  it('package.json `typesVersions` maps every subpath to its declarations (moduleResolution "node")', () => {
    expect(json('package.json').typesVersions).toEqual(typesVersionsFromEntries());
    const paths = (typesVersionsFromEntries() as { '*': Record<string, string[]> })['*'];
    expect(Object.keys(paths).map((name) => `./${name}`)).toEqual(
      ENTRIES.filter((e) => e.subpath !== '.').map((e) => e.subpath),
    );
  });

  it('every entry is documented: typedoc.json lists its source', () => {
    const entryPoints = json('typedoc.json').entryPoints as string[];
    for (const entry of ENTRIES) expect(entryPoints, entry.subpath).toContain(entry.source);
  });

  it('every entry has its source, and `v3-filters/builder` is one of them', () => {
    for (const entry of ENTRIES) expect(existsSync(join(ROOT, entry.source)), entry.source).toBe(true);
    expect(ENTRIES.map((e) => e.subpath)).toEqual(expect.arrayContaining(['.', './builder']));
  });

  it('each export gives types, import, and require (Node 20.19+ loads the ESM bundle)', () => {
    for (const [subpath, target] of Object.entries(exportsFromEntries())) {
      if (subpath === './package.json') continue;
      expect(Object.keys(target as object), subpath).toEqual(['types', 'import', 'require', 'default']);
    }
  });
});

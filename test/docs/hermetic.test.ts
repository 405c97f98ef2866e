import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));
const skipped = new Set(['node_modules', 'dist', '.git', 'site', 'test/fixtures']);

function* files(dir: string): Generator<string> {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (skipped.has(relative(root, path))) continue;
    if (statSync(path).isDirectory()) yield* files(path);
    else if (/\.(ts|js|json|md|sh)$/.test(name) || name === 'run') yield path;
  }
}

describe('the repository stands alone', () => {
  it('no test, example, script, bench or document reads a folder beside the repository', () => {
    // A clone with nothing beside it must pass: fixtures live in test/fixtures, not ../shared.
    const outside = /\.\.\/(?:\.\.\/)*shared\//;
    const offenders: string[] = [];
    for (const path of files(root)) {
      if (path === fileURLToPath(import.meta.url)) continue;
      const text = readFileSync(path, 'utf8');
      if (outside.test(text)) offenders.push(relative(root, path));
    }
    expect(offenders).toEqual([]);
  });

  it('keeps the licence notice beside the copied OpenAPI document', () => {
    const notice = readFileSync(join(root, 'test/fixtures/openapi/LICENSE'), 'utf8');
    expect(notice).toMatch(/MIT License/);
    expect(notice).toMatch(/Copyright \(c\) 2022 SailPoint/);
  });
});

import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readPage } from '../support/manual.js';

const ROOT = path.resolve(import.meta.dirname, '../..');
const readme = readPage('docs/architecture.md');
const section = readme.slice(
  readme.indexOf('## Project layout'),
  readme.indexOf('\n## ', readme.indexOf('## Project layout') + 1),
);
const rows = section.split('\n').filter((line) => line.startsWith('| `'));

/** Every path below `dir`, relative to it, folders with a trailing slash. */
function listTree(dir: string, prefix = ''): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const relative = `${prefix}${entry.name}`;
    return entry.isDirectory()
      ? [`${relative}/`, ...listTree(path.join(dir, entry.name), `${relative}/`)]
      : [relative];
  });
}

describe('the project layout of docs/architecture.md', () => {
  it('has a row for every folder of src/', () => {
    const folders = readdirSync(path.join(ROOT, 'src'), { withFileTypes: true })
      .filter((entry) => entry.isDirectory())
      .map((entry) => `src/${entry.name}/`);
    const named = new Set(
      rows.flatMap((row) => [...row.split('|')[1]!.matchAll(/`([^`]+)`/g)].map((m) => m[1]!)),
    );
    expect(folders.filter((folder) => !named.has(folder))).toEqual([]);
  });

  it('names only folders and files that exist, each under the row that names it', () => {
    const missing: string[] = [];
    for (const row of rows) {
      const [, first, what] = row.split('|');
      for (const [, folder] of first!.matchAll(/`([^`]+\/)`/g)) {
        if (!existsSync(path.join(ROOT, folder!))) {
          missing.push(folder!);
          continue;
        }
        if (!folder!.startsWith('src/')) continue;
        const tree = listTree(path.join(ROOT, folder!));
        // A file or folder named in the description must exist somewhere under the row's folder.
        for (const [, name] of what!.matchAll(/`([\w.-]+(?:\/[\w.-]+)*(?:\.ts|\/))`/g)) {
          if (!tree.some((entry) => entry === name || entry.endsWith(`/${name}`)))
            missing.push(`${folder}…${name}`);
        }
      }
    }
    expect(missing).toEqual([]);
  });
});

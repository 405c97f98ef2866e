import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(import.meta.dirname, '../..');

/** One page of the documentation, by its path from the repository's root (`docs/sql.md`). */
export function readPage(page: string): string {
  return readFileSync(path.join(ROOT, page), 'utf8');
}

/**
 * The README and every page of the manual under docs/, each starting on its own line: the tests
 * that keep examples honest find them by their marker, wherever a page keeps them.
 */
export function readManual(): string {
  const pages = readdirSync(path.join(ROOT, 'docs'))
    .filter((name) => name.endsWith('.md'))
    .sort()
    .map((name) => `docs/${name}`);
  return ['README.md', ...pages].map(readPage).join('\n');
}

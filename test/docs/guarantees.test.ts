import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readPage } from '../support/manual.js';

/**
 * The guarantees page names, for each promise, the test files and the tests that hold it. A
 * promise is only as good as the test named beside it: every file named must exist, and every
 * test quoted must be one of those files' tests, so a renamed or deleted test cannot leave the
 * page pointing at nothing.
 */

const ROOT = path.resolve(import.meta.dirname, '../..');

interface Row {
  readonly guarantee: string;
  readonly files: readonly string[];
  readonly titles: readonly string[];
}

/** The rows of every table whose header is `| guarantee | test file | test |`. */
function rowsOf(page: string): Row[] {
  const rows: Row[] = [];
  let inTable = false;
  for (const line of page.split('\n')) {
    if (/^\| guarantee \| test file \| test \|$/.test(line)) inTable = true;
    else if (!line.startsWith('|')) inTable = false;
    else if (inTable && !line.startsWith('|---')) {
      // Cells split on pipes outside code spans (a guarantee may quote `a | b`).
      const cells = line
        .replace(/`[^`]*`/g, (code) => code.replaceAll('|', '\u0000'))
        .split('|')
        .slice(1, -1)
        .map((cell) => cell.replaceAll('\u0000', '|').trim());
      const [guarantee = '', files = '', tests = ''] = cells;
      rows.push({
        guarantee,
        files: [...files.matchAll(/`(test\/[^`]+)`/g)].map((m) => m[1]!),
        titles: quotedTitles(tests),
      });
    }
  }
  return rows;
}

/**
 * The test titles quoted in a cell, `"…"`: a quote inside a code span (`` `eq "Failed"` ``) or
 * written `\"` belongs to the title.
 */
function quotedTitles(cell: string): string[] {
  const masked = cell.replace(/\\"/g, '\u0001').replace(/`[^`]*`/g, (code) => code.replaceAll('"', '\u0001'));
  return [...masked.matchAll(/"([^"]*)"/g)].map((m) => m[1]!.replaceAll('\u0001', '"'));
}

/** The files a named path stands for: itself, or what its `*` matches in its folder. */
function filesOf(named: string): string[] {
  if (!named.includes('*')) return existsSync(path.join(ROOT, named)) ? [named] : [];
  const folder = path.dirname(named);
  const pattern = new RegExp(`^${path.basename(named).split('*').map(escapeRegExp).join('.*')}$`);
  if (!existsSync(path.join(ROOT, folder))) return [];
  return readdirSync(path.join(ROOT, folder))
    .filter((name) => pattern.test(name))
    .map((name) => `${folder}/${name}`);
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * The titles of a file's tests and suites, as written: string literals opening `it`, `test` and
 * `describe` calls (with their modifiers and `.each(...)`), each `${…}` of a template as `%s`.
 * Any other call written `f(…)('text')` counts too: a title too many only makes a quote easier to
 * find, never a missing test harder.
 */
function titlesIn(file: string): string[] {
  const source = readFileSync(path.join(ROOT, file), 'utf8');
  // `it(…`, `describe.skipIf(…)(…`, and `it.each([…])(…`: a title opens the call after the name, or after a `)`.
  const call = /(?:\b(?:it|test|describe)(?:\.\w+)*|\))\(\s*(['"`])((?:\\.|(?!\1)[\s\S])*?)\1/g;
  return [...source.matchAll(call)].map((m) =>
    m[2]!
      .replace(/\$\{(?:[^{}]|\{[^{}]*\})*\}/g, '%s')
      .replace(/\\(.)/g, '$1')
      .replace(/\s+/g, ' '),
  );
}

/** A title with `%s`-like placeholders as a pattern where each placeholder stands for any text. */
function titlePattern(title: string): RegExp {
  return new RegExp(
    `^${title
      .split(/%[sdijo#]/)
      .map(escapeRegExp)
      .join('[\\s\\S]*')}$`,
  );
}

/**
 * A quoted title names a test when either one, read as a pattern, matches the other; the page may
 * quote a title's beginning, up to where it goes on with `:`, `,` or `(`.
 */
function names(quoted: string, title: string): boolean {
  const heads = [title, ...[...title.matchAll(/ ?[:,(]/g)].map((m) => title.slice(0, m.index))];
  return heads.some(
    (head) =>
      quoted === head ||
      (literalLength(head) >= MIN_LITERAL && titlePattern(head).test(quoted)) ||
      titlePattern(quoted).test(head),
  );
}

/** What a title spells besides its placeholders: a title that is almost all placeholder names nothing. */
function literalLength(title: string): number {
  return title.replace(/%[sdijo#]/g, '').length;
}

/** The fewest characters of its own a test's title needs to stand as a pattern for a quote. */
const MIN_LITERAL = 12;

// The README's own table holds the served endpoint's guarantees, under the same rules.
const ROWS = [...rowsOf(readPage('docs/guarantees.md')), ...rowsOf(readPage('README.md'))];

describe('the guarantees page', () => {
  it('has its tables', () => {
    expect(ROWS.length).toBeGreaterThan(50);
  });

  it('names test files that exist, at least one per guarantee', () => {
    for (const row of ROWS) {
      expect(row.files.length, row.guarantee).toBeGreaterThan(0);
      for (const file of row.files) expect(filesOf(file), `${row.guarantee}: ${file}`).not.toEqual([]);
    }
  });

  it('quotes tests that are tests of the files it names', () => {
    const missing: string[] = [];
    for (const row of ROWS) {
      const titles = row.files.flatMap(filesOf).flatMap(titlesIn);
      for (const quoted of row.titles) {
        if (!titles.some((title) => names(quoted, title)))
          missing.push(`${row.files.join(', ')}: "${quoted}"`);
      }
    }
    expect(missing).toEqual([]);
  });

  it('would notice a quoted test that is not there', () => {
    const titles = titlesIn('test/docs/guarantees.test.ts');
    expect(titles.some((title) => names('quotes tests that are tests of the files it names', title))).toBe(
      true,
    );
    expect(titles.some((title) => names('quotes tests that are not tests', title))).toBe(false);
    // A title that is only placeholders (`${a}: ${b}`) stands for no quote but its own spelling.
    expect(names('checks a schema twice per object', '%s: %s')).toBe(false);
    expect(names('%s: %s', '%s: %s')).toBe(true);
    expect(names('a process killed mid-write (6 times)', 'a process killed mid-write (%s times)')).toBe(true);
  });
});

import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * The README is read on npm and in node_modules as often as in the repository: each of its
 * relative links must reach a file the package ships. Every page of the manual links only to
 * files and headings that exist, under the anchor rules of both places it is read: GitHub's and
 * the typedoc site's (`npm run docs`), which differ on headings holding code.
 */

const ROOT = path.resolve(import.meta.dirname, '../..');
const PAGES = [
  'README.md',
  'CHANGELOG.md',
  ...readdirSync(path.join(ROOT, 'docs'))
    .filter((name) => name.endsWith('.md'))
    .map((name) => `docs/${name}`),
];

interface Link {
  readonly page: string;
  readonly target: string;
}

/** Inline links and images outside code, `[text](target)`, with their targets. */
function linksOf(page: string): Link[] {
  const text = readFileSync(path.join(ROOT, page), 'utf8').replace(/```[\s\S]*?```/g, '');
  const prose = text.replace(/`[^`\n]*`/g, (code) => (code.includes('](') ? '' : code));
  return [...prose.matchAll(/!?\[[^\]]*\]\(([^)\s]+)\)/g)].map((m) => ({ page, target: m[1]! }));
}

const isRelative = (target: string) => !/^[a-z][a-z0-9+.-]*:/i.test(target);

/** A heading's text as the two renderers see it: with its code spans, and without. */
function headingsOf(page: string): string[] {
  const text = readFileSync(path.join(ROOT, page), 'utf8').replace(/```[\s\S]*?```/g, '');
  return [...text.matchAll(/^#{1,6} (.+)$/gm)].map((m) => m[1]!.trim());
}

/** GitHub's anchor: the text (code spans kept), lowercase, punctuation dropped, spaces as `-`. */
function githubSlug(heading: string): string {
  const text = heading.replace(/\[([^\]]*)\]\([^)]*\)/g, '$1').replace(/[`*_]/g, (c) => (c === '_' ? c : ''));
  return text
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s_-]/gu, '')
    .replace(/\s/g, '-');
}

/** Typedoc's anchor: the text without code spans, its punctuation dropped, the first `--` run one `-`. */
function typedocSlug(heading: string): string {
  const text = heading.replace(/`[^`]*`/g, '').replace(/\[([^\]]*)\]\([^)]*\)/g, '$1');
  return text
    .trim()
    .replace(/[\u2000-\u206F\u2E00-\u2E7F\\'!"#$%&()*+,./:;<=>?@[\]^`{|}~]/g, '')
    .replace(/\s/g, '-')
    .replace(/--+/, '-')
    .toLowerCase();
}

/** Each slug with the `-1`, `-2` suffixes both give repeated headings. */
function anchors(page: string, slug: (heading: string) => string): Set<string> {
  const seen = new Map<string, number>();
  const result = new Set<string>();
  for (const heading of headingsOf(page)) {
    const base = slug(heading);
    const count = seen.get(base);
    seen.set(base, (count ?? -1) + 1);
    result.add(count === undefined ? base : `${base}-${count + 1}`);
  }
  return result;
}

describe('links of the README and the manual', () => {
  const links = PAGES.flatMap(linksOf).filter((link) => isRelative(link.target));

  it('finds the links to check', () => {
    expect(links.filter((l) => l.page === 'README.md').length).toBeGreaterThanOrEqual(10);
  });

  it('every relative link names a file or folder that exists', () => {
    const missing = links.filter(({ page, target }) => {
      const file = target.split('#')[0]!;
      return file !== '' && !existsSync(path.resolve(ROOT, path.dirname(page), file));
    });
    expect(missing).toEqual([]);
  });

  it('every anchor names a heading of its page, for GitHub and for the typedoc site alike', () => {
    const broken: string[] = [];
    for (const { page, target } of links) {
      const [file, anchor] = target.split('#') as [string, string | undefined];
      if (anchor === undefined) continue;
      const to = file === '' ? page : path.relative(ROOT, path.resolve(ROOT, path.dirname(page), file));
      if (!to.endsWith('.md') || !statSync(path.join(ROOT, to)).isFile()) continue;
      if (!anchors(to, githubSlug).has(anchor)) broken.push(`${page} -> ${target} (GitHub)`);
      if (!anchors(to, typedocSlug).has(anchor)) broken.push(`${page} -> ${target} (typedoc)`);
    }
    expect(broken).toEqual([]);
  });

  it('the slugs follow each renderer on the headings that tell them apart', () => {
    expect(githubSlug('Typed schemas from OpenAPI: `codegen`')).toBe('typed-schemas-from-openapi-codegen');
    expect(typedocSlug('Typed schemas from OpenAPI: `codegen`')).toBe('typed-schemas-from-openapi');
    expect(githubSlug('Two parse paths, one language')).toBe('two-parse-paths-one-language');
    expect(typedocSlug('Two parse paths, one language')).toBe('two-parse-paths-one-language');
  });
});

describe('the README in the installed package', () => {
  it('is a front door: at most 400 lines', () => {
    expect(readFileSync(path.join(ROOT, 'README.md'), 'utf8').split('\n').length).toBeLessThanOrEqual(400);
  });

  it('links only to files the package ships (npm pack --dry-run)', () => {
    const [packed] = JSON.parse(
      execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], {
        cwd: ROOT,
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'pipe'],
      }),
    ) as { files: { path: string }[] }[];
    const shipped = new Set(packed!.files.map((file) => file.path));
    const unshipped = linksOf('README.md')
      .filter((link) => isRelative(link.target))
      .map((link) => link.target.split('#')[0]!)
      .filter((file) => file !== '' && !shipped.has(path.posix.normalize(file)));
    expect(unshipped).toEqual([]);
  }, 60_000);
});

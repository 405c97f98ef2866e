import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { check, type Parameters } from 'recheck';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

/**
 * Every regular expression in src/ runs in linear time, whatever text it is given: the library
 * reads untrusted text everywhere (filters, OpenAPI documents, files), and one super-linear
 * pattern is a denial of service. recheck's fuzzing checker analyses each pattern (its own
 * backtracking VM counts steps; the settings below make it count, never time, so a loaded
 * machine gives the same answer) and must call it safe.
 *
 * recheck, not eslint-plugin-regexp: the plugin's `no-super-linear-move` looks only at
 * quantifiers reachable from the start of a pattern, so it misses `\ball values\b[^.\n]*?\bcase`
 * (quadratic on "all values all values ..."); recheck flags all three patterns of
 * {@link KNOWN_SUPER_LINEAR}, which is what the last test shows.
 */

const SRC = path.resolve(import.meta.dirname, '../../src');

/**
 * Deterministic: no time limit on an attack or a seed, a bound on VM steps instead. The fuzzing
 * effort is half recheck's default (about 6 s for src/ rather than 20 s), still enough to flag
 * every pattern of {@link KNOWN_SUPER_LINEAR}.
 */
const PARAMETERS: Parameters = {
  checker: 'fuzz',
  maxIteration: 5,
  maxInitialGenerationSize: 100,
  attackTimeout: null,
  incubationTimeout: null,
  seedingTimeout: null,
  attackLimit: 10_000_000,
  maxAttackStringSize: 30_000,
  timeout: 120_000,
};

/** Patterns that are super-linear on adversarial text: the checker must flag each one. */
const KNOWN_SUPER_LINEAR: readonly (readonly [string, string, string])[] = [
  [
    'adjacent optional runs of spaces (n^5 on spaces)',
    String.raw`supported composite operators(?:\*\*)?\s*(?:are\b|:)?\s*(?:\*\*)?\s*:?\s*\*?\s*([A-Za-z]+(?:\s*,\s*[A-Za-z]+)*)`,
    'i',
  ],
  [
    'a lazy run that can eat its own prefix (quadratic on repeats of it)',
    String.raw`\ball (?:filter |field )?values\b[^.\n]*?\bcase-(in)?sensitive`,
    'i',
  ],
  [
    'a trailing run searched from every position (quadratic on spaces)',
    String.raw`^[\s*\x60"']+|[\s*\x60"'.]+$`,
    'g',
  ],
  ['a run searched again from each of its characters', '_+([A-Za-z0-9])', 'g'],
];

interface FoundPattern {
  readonly where: string;
  readonly source: string;
  readonly flags: string;
}

function* sourceFiles(dir: string): Generator<string> {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) yield* sourceFiles(full);
    else if (entry.name.endsWith('.ts')) yield full;
  }
}

/** Every regex literal of src/, and every `RegExp(...)` call (which this check cannot read). */
function collectPatterns(): { patterns: FoundPattern[]; constructed: string[] } {
  const patterns: FoundPattern[] = [];
  const constructed: string[] = [];
  for (const file of sourceFiles(SRC)) {
    const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
    const where = (node: ts.Node) =>
      `${path.relative(SRC, file)}:${source.getLineAndCharacterOfPosition(node.getStart()).line + 1}`;
    const visit = (node: ts.Node): void => {
      if (node.kind === ts.SyntaxKind.RegularExpressionLiteral) {
        const text = node.getText();
        const end = text.lastIndexOf('/');
        patterns.push({ where: where(node), source: text.slice(1, end), flags: text.slice(end + 1) });
      } else if (
        (ts.isNewExpression(node) || ts.isCallExpression(node)) &&
        ts.isIdentifier(node.expression) &&
        node.expression.text === 'RegExp'
      ) {
        constructed.push(where(node));
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return { patterns, constructed };
}

/**
 * A pattern without a quantifier does a bounded amount of work at each position: linear without
 * analysis. (A quantifier character inside a class, `[*+]`, only makes this conservative.)
 */
function mayRepeat(source: string): boolean {
  return /(?<!\\)[*+?{]/.test(source);
}

describe('regular expressions in src/', () => {
  const { patterns, constructed } = collectPatterns();

  it('are all literals, so the check below sees every one', () => {
    expect(patterns.length).toBeGreaterThan(20);
    expect(constructed, 'RegExp built at run time: write a literal').toEqual([]);
  });

  it('all run in linear time (recheck finds no super-linear input)', async () => {
    const unique = new Map<string, FoundPattern[]>();
    for (const pattern of patterns.filter((p) => mayRepeat(p.source))) {
      const key = `/${pattern.source}/${pattern.flags}`;
      unique.set(key, [...(unique.get(key) ?? []), pattern]);
    }
    const problems: string[] = [];
    const queue = [...unique];
    // recheck's agent checks several patterns at once; its verdicts do not depend on timing.
    const worker = async () => {
      for (let next = queue.shift(); next !== undefined; next = queue.shift()) {
        const [key, found] = next;
        const verdict = await check(found[0]!.source, found[0]!.flags, PARAMETERS);
        if (verdict.status === 'safe') continue;
        const why =
          verdict.status === 'vulnerable'
            ? `${verdict.complexity.summary}, e.g. ${verdict.attack.pattern}`
            : verdict.error.kind;
        problems.push(`${found.map((f) => f.where).join(', ')}: ${key} is ${verdict.status} (${why})`);
      }
    };
    await Promise.all(Array.from({ length: 4 }, worker));
    expect(problems.sort()).toEqual([]);
  }, 300_000);

  it.each(KNOWN_SUPER_LINEAR)(
    'the check flags %s',
    async (_, source, flags) => {
      const verdict = await check(source, flags, PARAMETERS);
      expect(verdict.status).toBe('vulnerable');
    },
    120_000,
  );
});

import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/**
 * Words about the software only: comments, tests, docs, benchmarks and scripts state the
 * requirement or the reason, never the ticket or the work history that asked for it. History
 * belongs in the changelog and in commit messages. Third-party fixtures are quoted as they are.
 */

const ROOT = path.resolve(import.meta.dirname, '../..');
const SELF = path.relative(ROOT, fileURLToPath(import.meta.url));
const EXEMPT = [/^CHANGELOG\.md$/, /^test\/fixtures\//, /^package-lock\.json$/];

/** Phrases that speak of how the work went rather than of the software. */
const HISTORY: readonly RegExp[] = [
  /\bissues?\s*#?\d+/i, // "issue 9", "issue #12"
  /\bsessions?\s*#?\d+/i, // "session 3"
  /\b(?:first|second|third|this|last|previous) round\b/i,
  /\b(?:before|after) (?:this|these|that) (?:work|change|changes|round|session|fix)\b/i,
  /\bthis work\b/i,
  /\bthe audit\b|\baudit (?:found|showed)\b/i,
  /\bthe issue'?s\b|\bissue filter\b/i,
];

function trackedFiles(): string[] {
  return execFileSync('git', ['ls-files', '-z'], { cwd: ROOT, encoding: 'utf8', maxBuffer: 64 << 20 })
    .split('\0')
    .filter((file) => file !== '' && file !== SELF && !EXEMPT.some((pattern) => pattern.test(file)));
}

describe('words about the software only', () => {
  it('the patterns catch the phrases they are for, and not the words of the software', () => {
    const caught = (text: string) => HISTORY.some((pattern) => pattern.test(text));
    for (const text of [
      'Linear time (issue 9)',
      'a quiet machine at the end of session 3',
      'measured against the code before this work',
      "the issue's filter",
      'Issue 12, second round',
    ])
      expect(caught(text), text).toBe(true);
    for (const text of [
      'overlapping fixes wait for the next round',
      'the seed endpoint',
      'this works offline',
      'Opens a ServiceNow ticket when an identity changes manager.',
    ])
      expect(caught(text), text).toBe(false);
  });

  it('no tracked file speaks of issues, sessions or the work history', () => {
    const found: string[] = [];
    for (const file of trackedFiles()) {
      let text: string;
      try {
        text = readFileSync(path.join(ROOT, file), 'utf8');
      } catch {
        continue; // listed but absent (deleted in the work tree)
      }
      if (text.includes('\0')) continue; // binary
      text.split('\n').forEach((line, index) => {
        if (HISTORY.some((pattern) => pattern.test(line))) found.push(`${file}:${index + 1}: ${line.trim()}`);
      });
    }
    expect(found).toEqual([]);
  });
});

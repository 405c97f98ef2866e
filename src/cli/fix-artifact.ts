import type { FilterInput } from './inputs.js';

/** A filter's text after `--fix`, for one input. */
export interface FixedInput {
  readonly input: FilterInput;
  readonly fixed: string;
}

/** A filter left as it was, and why. */
export interface SkippedFix {
  readonly input: FilterInput;
  /** Why, e.g. `the fix would split the line`. */
  readonly reason: string;
}

/** What rewriting an artifact gives: its new text, and the filters that could not be written back. */
export interface RewrittenArtifact {
  readonly text: string;
  readonly changed: number;
  /** Filters left as they were: the fix would change how the file is read. */
  readonly skipped: readonly SkippedFix[];
}

/**
 * Why a fixed filter cannot go back into a one-per-line file, or undefined when it can. The file
 * must read the same way afterwards: one filter per line (a line break would split it, a blank
 * line would drop it), and never as a JSON array (a file that starts with `[` is read as one, so
 * the first filter may not start with it: decoding `%5B` could do that).
 */
function lineLayoutProblem(text: string, input: FilterInput, fixed: string): string | undefined {
  if (/[\r\n]/.test(fixed)) return 'the fix would split the line';
  if (fixed.trim() === '') return 'the fix would empty the line';
  const first = text.slice(0, input.rawStart).trim() === '';
  if (first && fixed.trimStart().startsWith('[')) {
    return 'the fixed filter would start the file with `[`, which reads as a JSON array';
  }
  return undefined;
}

/**
 * The artifact's text with each fixed filter written over the original (in a JSON array, as a
 * JSON literal), everything around the filters (blank lines, line endings, the array's layout)
 * kept as it was.
 */
export function rewriteArtifact(text: string, fixes: readonly FixedInput[]): RewrittenArtifact {
  const sorted = [...fixes].sort((a, b) => a.input.rawStart - b.input.rawStart);
  let out = '';
  let cursor = 0;
  let changed = 0;
  const skipped: SkippedFix[] = [];
  for (const { input, fixed } of sorted) {
    if (fixed === input.text) continue;
    const problem = input.artifact.layout === 'lines' ? lineLayoutProblem(text, input, fixed) : undefined;
    if (problem !== undefined) {
      skipped.push({ input, reason: problem });
      continue;
    }
    out += text.slice(cursor, input.rawStart) + input.encode(fixed);
    cursor = input.rawEnd;
    changed++;
  }
  return { text: out + text.slice(cursor), changed, skipped };
}

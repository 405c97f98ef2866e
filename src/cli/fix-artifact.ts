import type { FilterInput } from './inputs.js';

/** A filter's text after `--fix`, for one input. */
export interface FixedInput {
  readonly input: FilterInput;
  readonly fixed: string;
}

/** What rewriting an artifact gives: its new text, and the filters that could not be written back. */
export interface RewrittenArtifact {
  readonly text: string;
  readonly changed: number;
  /** Filters left as they were: in a one-per-line file, the fix would split or empty the line. */
  readonly skipped: readonly FilterInput[];
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
  const skipped: FilterInput[] = [];
  for (const { input, fixed } of sorted) {
    if (fixed === input.text) continue;
    // Decoding `%0A` could put a line break into a filter (in a one-per-line file it would split
    // it), and removing `filters=` from a line holding nothing else would leave no filter at all.
    if (input.artifact.layout === 'lines' && (/[\r\n]/.test(fixed) || fixed.trim() === '')) {
      skipped.push(input);
      continue;
    }
    out += text.slice(cursor, input.rawStart) + input.encode(fixed);
    cursor = input.rawEnd;
    changed++;
  }
  return { text: out + text.slice(cursor), changed, skipped };
}

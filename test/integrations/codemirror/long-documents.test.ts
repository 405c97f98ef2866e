import { CompletionContext, type CompletionSource } from '@codemirror/autocomplete';
import { ensureSyntaxTree } from '@codemirror/language';
import { EditorState } from '@codemirror/state';
import { describe, expect, it } from 'vitest';
import { workflowExecutionsSchema as seed } from '../../../src/index.js';
import {
  EDITOR_MAX_LENGTH,
  filterCompletionSource,
  tooLongForEditor,
  v3Filters,
} from '../../../src/integrations/codemirror/index.js';

const CLAUSE = 'status eq "Failed" and ';

/** A document of about `length` characters: a long chain of comparisons, as a pasted link might hold. */
function longFilter(length: number): string {
  return CLAUSE.repeat(Math.ceil(length / CLAUSE.length)).slice(0, length);
}

function stateOf(doc: string): EditorState {
  return EditorState.create({ doc, extensions: [v3Filters({ schema: seed })] });
}

function cpuMillis(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
}

/** CPU time to build the syntax tree of a fresh editor state holding `doc`, fastest of `samples`. */
function treeTime(doc: string, samples: number): number {
  let best = Number.POSITIVE_INFINITY;
  for (let i = 0; i < samples; i++) {
    const state = stateOf(doc);
    const start = cpuMillis();
    ensureSyntaxTree(state, doc.length, 60_000);
    best = Math.min(best, cpuMillis() - start);
  }
  return best;
}

describe('a document longer than the editor reads', () => {
  const doc = longFilter(2 * 1024 * 1024);

  it('is highlighted up to EDITOR_MAX_LENGTH only, the rest left plain', () => {
    const tree = ensureSyntaxTree(stateOf(doc), doc.length, 60_000);
    expect(tree).not.toBeNull();
    expect(tree!.length).toBe(doc.length);
    expect(tree!.resolveInner(1, 1).name).toBe('Field');
    expect(tree!.resolveInner(doc.lastIndexOf('status', EDITOR_MAX_LENGTH - 10) + 1, 1).name).toBe('Field');
    expect(tree!.resolveInner(EDITOR_MAX_LENGTH + 10, 1).name).toBe('Filter');
    expect(tree!.resolveInner(doc.length - 5, 1).name).toBe('Filter');
  });

  it('costs each change what EDITOR_MAX_LENGTH costs, whatever the length (a growth ratio, not a timing)', () => {
    const capped = longFilter(EDITOR_MAX_LENGTH * 2);
    const huge = longFilter(EDITOR_MAX_LENGTH * 32);
    // Uncapped, 16 times the text took about 16 times as long; capped, both read the same 64 KiB.
    let ratio = Number.POSITIVE_INFINITY;
    for (let attempt = 0; attempt < 3 && ratio >= 2; attempt++) {
      ratio = treeTime(huge, 5) / Math.max(treeTime(capped, 5), 0.5);
    }
    expect(ratio).toBeLessThan(2);
  });

  it('is linted with one notice over the part the editor does not read', () => {
    expect(tooLongForEditor(doc.length)).toEqual({
      from: EDITOR_MAX_LENGTH,
      to: doc.length,
      severity: 'error',
      message: `The filter is ${doc.length} characters long: past ${EDITOR_MAX_LENGTH}, this editor neither highlights nor checks it`,
      source: 'editor-too-long',
    });
  });

  it('gets no completions past the limit, and the usual ones before it', () => {
    const state = stateOf(doc);
    const source: CompletionSource = filterCompletionSource();
    expect(source(new CompletionContext(state, doc.length, true))).toBeNull();
    const near = source(new CompletionContext(state, CLAUSE.length, true)) as { options: unknown[] } | null;
    expect(near?.options.length).toBeGreaterThan(0);
  });
});

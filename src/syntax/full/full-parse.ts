/**
 * The full pipeline of `parse`: the lexer with its repairs, the structure pass and Chevrotain's
 * recovering parser, the one source of syntax diagnostics. `parse` reaches it through
 * full-path-loader.ts, so that a filter the fast path reads never loads Chevrotain.
 * @module
 */
import { type Diagnostic, error } from '../../diagnostic/index.js';
import type { ParseLimits } from '../limits.js';
import type { ParseFailure, ParseResult } from '../parse-result.js';
import { toDiagnostic } from './error-diagnostics.js';
import { lexInto } from './lexer.js';
import { LexerState } from './lexer-state.js';
import { KthSmallest, parseGroups } from './parse-groups.js';
import { SpanIndex } from './span-index.js';
import { StructureChecker } from './structure.js';

// The lexer and its token types reach Chevrotain too: `complete` reads them through the same
// lazy boundary, so importing the package still loads no Chevrotain.
export { lex } from './lexer.js';
export * as tokens from './tokens.js';

/**
 * The full pipeline: lexer with repairs, structure pass, recovering parser. Its time is linear in
 * the input and its memory in the part of the input it reads: the structure pass checks the
 * limits as the lexer hands it tokens, and stops lexing at the first one exceeded; and once more
 * than `maxErrors` errors have been found, the rest of the input is not read (the errors reported
 * are the first `maxErrors` by position, and the input's end cannot come before them).
 */
export function parseFully(text: string, limits: ParseLimits): ParseResult {
  const { maxErrors } = limits;
  const state = new LexerState(text, maxErrors);
  const checker = new StructureChecker(text, limits);
  // The lexer may still replace its last token (a trailing comma) and the structure pass looks
  // one token ahead: it reads every token but the last two as the lexer goes.
  const readToEnd = lexInto(
    state,
    () =>
      !checker.feed(state.tokens, state.tokens.length - 2) ||
      state.diagnostics.length + checker.errorCount > maxErrors,
  );
  checker.feed(state.tokens, state.tokens.length);
  const structure = checker.finish(!readToEnd);
  const early = [...state.diagnostics, ...structure.diagnostics];
  if (structure.limitExceeded) return fail(capped(early, maxErrors, text));

  // A token the lexer or the structure pass already reported is not reported again; past the
  // `maxErrors + 1`-th error by position, none is reported (so none need be found).
  const reported = new SpanIndex(early.map((d) => d.span));
  const kth = new KthSmallest(maxErrors + 1);
  const seen = new Set<string>();
  const count = (d: Diagnostic): void => {
    // `capped` keeps one diagnostic per code and start: count each once.
    const key = `${d.code}@${d.span.start}`;
    if (!seen.has(key)) {
      seen.add(key);
      kth.add(d.span.start);
    }
  };
  for (const diagnostic of early) count(diagnostic);
  const fresh: Diagnostic[] = [];
  const ast = parseGroups(structure.tokens, structure.groupParens, maxErrors, {
    get cutoff() {
      return kth.position;
    },
    add(exception) {
      const diagnostic = toDiagnostic(text, exception);
      if (reported.overlaps(diagnostic.span)) return;
      fresh.push(diagnostic);
      count(diagnostic);
    },
  });
  const all = [...early, ...fresh];
  if (ast === undefined || !readToEnd || all.some((d) => d.severity === 'error')) {
    return fail(capped(all, maxErrors, text));
  }
  return { ok: true, ast, diagnostics: all };
}

function fail(diagnostics: readonly Diagnostic[]): ParseFailure {
  return { ok: false, diagnostics };
}

/** Sorted by position, duplicates dropped, at most `max` (then one `too-many-errors`). */
function capped(diagnostics: readonly Diagnostic[], max: number, text: string): Diagnostic[] {
  const sorted = [...diagnostics].sort((a, b) => a.span.start - b.span.start || a.span.end - b.span.end);
  const unique = sorted.filter(
    (d, i) => i === 0 || d.code !== sorted[i - 1]!.code || d.span.start !== sorted[i - 1]!.span.start,
  );
  if (unique.length <= max) return unique;
  const kept = unique.slice(0, max);
  const next = unique[max]!;
  kept.push(
    error('too-many-errors', `More than ${max} errors; the rest are not reported`, {
      start: next.span.start,
      end: text.length,
    }),
  );
  return kept;
}

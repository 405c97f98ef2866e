/**
 * The full pipeline of `parse`: the lexer with its repairs, the structure pass and Chevrotain's
 * recovering parser, the one source of syntax diagnostics. `parse` reaches it through
 * full-parse-loader.ts, so that a filter the fast path reads never loads Chevrotain.
 * @module
 */
import { type Diagnostic, error } from '../diagnostic/index.js';
import { lex } from './lexer.js';
import type { ParseLimits } from './limits.js';
import type { ParseFailure, ParseResult } from './parse.js';
import { toDiagnostic } from './parse-errors.js';
import { sharedParser } from './parser.js';
import { checkStructure } from './structure.js';

// The lexer and its token types reach Chevrotain too: `complete` reads them through the same
// lazy boundary, so importing the package still loads no Chevrotain.
export { lex } from './lexer.js';
export * as tokens from './tokens.js';

/** The full pipeline: lexer with repairs, structure pass, recovering parser. */
export function parseFully(text: string, limits: ParseLimits): ParseResult {
  const lexed = lex(text, limits.maxErrors);
  if (!lexed.complete) return fail(capped(lexed.diagnostics, limits.maxErrors, text));
  const structure = checkStructure(text, lexed.tokens, limits);
  const early = [...lexed.diagnostics, ...structure.diagnostics];
  if (structure.limitExceeded) return fail(capped(early, limits.maxErrors, text));

  const parser = sharedParser();
  parser.input = structure.tokens as typeof parser.input;
  const ast = parser.filter();
  const parseErrors = parser.errors.map((exception) => toDiagnostic(text, exception));
  // A token the lexer or the structure pass already reported is not reported again.
  const fresh = parseErrors.filter((d) => !early.some((e) => overlaps(e.span, d.span)));
  const all = [...early, ...fresh];
  if (all.some((d) => d.severity === 'error')) return fail(capped(all, limits.maxErrors, text));
  return { ok: true, ast, diagnostics: all };
}

function fail(diagnostics: readonly Diagnostic[]): ParseFailure {
  return { ok: false, diagnostics };
}

function overlaps(a: { start: number; end: number }, b: { start: number; end: number }): boolean {
  if (a.start === a.end || b.start === b.end) return a.start === b.start;
  return a.start < b.end && b.start < a.end;
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

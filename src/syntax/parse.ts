import type { Expression } from '../ast/index.js';
import { type Diagnostic, error, quote, replaceFix } from '../diagnostic/index.js';
import { fastParseText } from './fast-parser.js';
import { lexInto } from './lexer.js';
import { LexerState } from './lexer-state.js';
import { DEFAULT_LIMITS, type ParseLimits } from './limits.js';
import { toDiagnostic } from './parse-errors.js';
import { KthSmallest, parseGroups } from './parse-groups.js';
import { readParseOptions } from './parse-options.js';
import { SpanIndex } from './span-index.js';
import { StructureChecker } from './structure.js';
import { decodeQueryValue, looksUrlEncoded, malformedEscape } from './url-encoding.js';

/** Options of {@link parse}. */
export interface ParseOptions {
  /**
   * Overrides of the default limits ({@link DEFAULT_LIMITS}): each an integer from 1 to its
   * {@link MAX_LIMITS} value. Anything else makes `parse` answer an `invalid-option` diagnostic.
   */
  readonly limits?: Partial<ParseLimits>;
}

/** A filter that parsed: its tree, and warnings (never errors). */
export interface ParseSuccess {
  readonly ok: true;
  readonly ast: Expression;
  readonly diagnostics: readonly Diagnostic[];
}

/** A filter that did not parse: at least one error. */
export interface ParseFailure {
  readonly ok: false;
  readonly diagnostics: readonly Diagnostic[];
}

/** The result of {@link parse}. */
export type ParseResult = ParseSuccess | ParseFailure;

/**
 * Parses a filter. Never throws, whatever the input: every problem, including a limit exceeded,
 * comes back as a {@link Diagnostic} with a precise span into `text`.
 *
 * @example
 * const result = parse('status eq "Failed" and start_time ge 2022-02-07T20:13:29Z');
 * if (result.ok) console.log(result.ast.kind); // "and"
 */
export function parse(text: string, options?: ParseOptions): ParseResult {
  return parseOnPath(text, options, true);
}

/**
 * {@link parse} without its fast path: every filter goes through the full pipeline. Internal, for
 * the test that checks both give the same result.
 */
export function parseWithoutFastPath(text: string, options?: ParseOptions): ParseResult {
  return parseOnPath(text, options, false);
}

function parseOnPath(text: string, options: ParseOptions | undefined, fastPath: boolean): ParseResult {
  // Options are input too: a bad one is a diagnostic (without options, the defaults themselves).
  let limits = DEFAULT_LIMITS;
  if (options !== undefined) {
    const read = readParseOptions(options);
    if ('code' in read) return fail([read]);
    limits = read;
  }
  if (typeof text !== 'string') {
    return fail([error('not-a-string', 'A filter must be a string', { start: 0, end: 0 })]);
  }
  if (text.length > limits.maxLength) {
    return fail([
      error(
        'input-too-long',
        `The filter is ${text.length} characters long; the limit is ${limits.maxLength}`,
        {
          start: limits.maxLength,
          end: text.length,
        },
      ),
    ]);
  }
  if (text.trim() === '') {
    return fail([error('empty-filter', 'The filter is empty', { start: 0, end: text.length })]);
  }
  if (looksUrlEncoded(text)) {
    const decoded = decodeQueryValue(text);
    if (decoded !== undefined && decoded !== text) return fail([urlEncoded(text, decoded)]);
    const bad = decoded === undefined ? malformedEscape(text) : -1;
    if (bad >= 0) {
      return fail([
        error(
          'url-encoded',
          `The filter is still URL-encoded, and ${quote(text.slice(bad, bad + 3))} is not a valid escape: decode it (and check that escape) before parsing`,
          { start: bad, end: Math.min(text.length, bad + 3) },
        ),
      ]);
    }
  }

  // The fast path reads a well-formed filter; anything else, it leaves to the full pipeline below,
  // which alone writes diagnostics (fast-lexer.ts says why both give the same tree).
  if (fastPath) {
    const ast = fastParseText(text, limits);
    if (ast) return { ok: true, ast, diagnostics: [] };
  }
  return parseFully(text, limits);
}

/**
 * The full pipeline: lexer with repairs, structure pass, recovering parser. Its time is linear in
 * the input and its memory in the part of the input it reads: the structure pass checks the
 * limits as the lexer hands it tokens, and stops lexing at the first one exceeded; and once more
 * than `maxErrors` errors have been found, the rest of the input is not read (the errors reported
 * are the first `maxErrors` by position, and the input's end cannot come before them).
 */
function parseFully(text: string, limits: ParseLimits): ParseResult {
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

function urlEncoded(text: string, decoded: string): Diagnostic {
  return error(
    'url-encoded',
    'The filter is still URL-encoded (`%22`, `%20`, `+`): decode it before parsing',
    { start: 0, end: text.length },
    [replaceFix('Use the decoded text', { start: 0, end: text.length }, decoded)],
  );
}

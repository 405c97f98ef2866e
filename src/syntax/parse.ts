import type { Expression } from '../ast/index.js';
import { type Diagnostic, error, quote, replaceFix } from '../diagnostic/index.js';
import { fastParseText } from './fast-parser.js';
import { loadFullParse } from './full-parse-loader.js';
import { DEFAULT_LIMITS, type ParseLimits } from './limits.js';
import { readParseOptions } from './parse-options.js';
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
  // Chevrotain and the recovering parser load on the first filter that needs them (full-parse-loader.ts).
  return loadFullParse().parseFully(text, limits);
}

function fail(diagnostics: readonly Diagnostic[]): ParseFailure {
  return { ok: false, diagnostics };
}

function urlEncoded(text: string, decoded: string): Diagnostic {
  return error(
    'url-encoded',
    'The filter is still URL-encoded (`%22`, `%20`, `+`): decode it before parsing',
    { start: 0, end: text.length },
    [replaceFix('Use the decoded text', { start: 0, end: text.length }, decoded)],
  );
}

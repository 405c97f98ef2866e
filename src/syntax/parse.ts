import type { Diagnostic } from '../diagnostic/index.js';
import { fastParseText } from './fast/parser.js';
import { loadFullParse } from './full-path-loader.js';
import { checkBeforeFullPath, checkInput } from './input-checks.js';
import type { ParseOptions, ParseResult } from './parse-result.js';

/** The diagnostics of a filter read on the fast path: none (one frozen array, not one per parse). */
const NO_DIAGNOSTICS: readonly Diagnostic[] = Object.freeze([]);

export type { ParseFailure, ParseOptions, ParseResult, ParseSuccess } from './parse-result.js';

/**
 * Parses a filter. Never throws, whatever the input: every problem, including a limit exceeded,
 * comes back as a {@link Diagnostic} with a precise span into `text`.
 *
 * Two paths read the text (docs/architecture.md says why): the fast path (fast/), for a
 * well-formed filter, builds the tree with no token objects and without Chevrotain; whatever it
 * declines goes to the full path (full/: the lexer with its repairs, the structure pass and
 * Chevrotain's recovering parser), which alone writes diagnostics and is loaded on first need
 * (full-path-loader.ts). Both give the same result on any input (test/syntax/fast-path.test.ts).
 *
 * @example
 * const result = parse('status eq "Failed" and start_time ge 2022-02-07T20:13:29Z');
 * if (result.ok) console.log(result.ast.kind); // "and"
 */
export function parse(text: string, options?: ParseOptions): ParseResult {
  const limits = checkInput(text, options);
  if ('ok' in limits) return limits;
  const ast = fastParseText(text, limits);
  if (ast !== undefined) return { ok: true, ast, diagnostics: NO_DIAGNOSTICS };
  return checkBeforeFullPath(text) ?? loadFullParse().parseFully(text, limits);
}

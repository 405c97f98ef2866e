/**
 * What `parse` checks besides the grammar: its options, that the input is a string within
 * `maxLength` (before either path), and that it is not blank or still URL-encoded (before the
 * full path).
 * @module
 */
import { type Diagnostic, error, quote, replaceFix, suggestionFix } from '../diagnostic/index.js';
import { DEFAULT_LIMITS, type ParseLimits } from './limits.js';
import { readParseOptions } from './parse-options.js';
import type { ParseFailure, ParseOptions } from './parse-result.js';
import { decodeEscapeEdits, decodeQueryValue, malformedEscape, urlEncodingOf } from './url-encoding.js';

/**
 * The limits to read `text` with, or the failure that ends the parse before any token: options
 * are input too, so a bad one is a diagnostic (without options, the defaults themselves).
 */
export function checkInput(text: unknown, options: ParseOptions | undefined): ParseLimits | ParseFailure {
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
        { start: limits.maxLength, end: text.length },
      ),
    ]);
  }
  return limits;
}

/**
 * The failure for a filter the full path must not read: blank, or still URL-encoded; or
 * undefined. The fast path accepts neither (a blank filter has no operand; outside strings it
 * reads no `%`, and no `+` but a date-time offset's), so `parse` asks only when it declines.
 */
export function checkBeforeFullPath(text: string): ParseFailure | undefined {
  if (text.trim() === '') {
    return fail([error('empty-filter', 'The filter is empty', { start: 0, end: text.length })]);
  }
  return checkUrlEncoding(text);
}

/**
 * The failure for a filter that is still URL-encoded (`%22`, `%20`, `+` outside strings), or
 * undefined. Decoding is a fix only when the whole filter is encoded; otherwise only the escapes
 * outside its strings are decoded, as a suggestion (what is inside quotes is never touched).
 */
function checkUrlEncoding(text: string): ParseFailure | undefined {
  const encoding = urlEncodingOf(text);
  if (encoding.kind === 'none') return undefined;
  if (encoding.kind === 'mixed') {
    const edits = decodeEscapeEdits(text, encoding.escapes);
    const first = encoding.escapes[0]!;
    return fail([
      error(
        'url-encoded',
        `The filter has URL escapes outside its strings (${quote(text.slice(first.start, first.end))}): decode them if the filter was copied from a URL`,
        { start: first.start, end: encoding.escapes[encoding.escapes.length - 1]!.end },
        edits ? [suggestionFix('Decode the escapes outside strings', edits)] : undefined,
      ),
    ]);
  }
  const decoded = decodeQueryValue(text);
  if (decoded !== undefined && decoded !== text) {
    return fail([
      error(
        'url-encoded',
        'The filter is still URL-encoded (`%22`, `%20`, `+`): decode it before parsing',
        { start: 0, end: text.length },
        [replaceFix('Use the decoded text', { start: 0, end: text.length }, decoded)],
      ),
    ]);
  }
  const bad = decoded === undefined ? malformedEscape(text) : -1;
  if (bad < 0) return undefined;
  return fail([
    error(
      'url-encoded',
      `The filter is still URL-encoded, and ${quote(text.slice(bad, bad + 3))} is not a valid escape: decode it (and check that escape) before parsing`,
      { start: bad, end: Math.min(text.length, bad + 3) },
    ),
  ]);
}

function fail(diagnostics: readonly Diagnostic[]): ParseFailure {
  return { ok: false, diagnostics };
}

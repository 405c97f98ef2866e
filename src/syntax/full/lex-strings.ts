import { type Fix, replaceFix, suggestionFix } from '../../diagnostic/index.js';
import { quote } from '../../diagnostic/text.js';
import { isFieldPath } from '../../language/chars.js';
import { quoteString, scanQuoted } from '../../language/quoting.js';
import { closingQuoteOf, DOUBLE_QUOTE, SINGLE_QUOTE } from '../../language/words.js';
import { peekWord } from '../peek-word.js';
import type { LexerState } from './lexer-state.js';
import * as T from './tokens.js';

/** How many backslashes end `text[from, end)`. */
function trailingBackslashes(text: string, from: number, end: number): number {
  let count = 0;
  while (end - count > from && text.charCodeAt(end - count - 1) === 92) count++;
  return count;
}

/** The offsets of the backslashes of the escaped closing quotes (`\"`) in `text[from, end)`. */
function escapedCloses(text: string, from: number, end: number, close: number): number[] {
  const found: number[] = [];
  for (let i = from; i < end; i++) {
    if (text.charCodeAt(i) !== 92) continue;
    if (text.charCodeAt(i + 1) === close) found.push(i);
    i++;
  }
  return found;
}

/**
 * The fixes of a string that never closes (on one line). Closing it at the end keeps the value
 * the writer meant when the string holds no escaped quote: a quote is added, or `\"` after a
 * lone backslash at the end, which stays a backslash (`"C:\` becomes `"C:\\"`). A string that
 * holds an escaped quote reads two ways: an escaped quote still to be closed (`"say \"hi\"`) or
 * a backslash before the quote that ends it (`"C:\" and x eq 1`): both are suggestions, the
 * likelier first (a second escaped quote makes the first reading likelier).
 */
function closingFixes(text: string, start: number, end: number, closing: string): Fix[] {
  const close = closingQuoteOf(text.charCodeAt(start));
  const loneBackslash = trailingBackslashes(text, start + 1, end) % 2 === 1;
  const atEnd = loneBackslash
    ? replaceFix(
        `Close the string after the backslash: add \`\\${closing}\``,
        { start: end, end },
        `\\${closing}`,
      )
    : replaceFix(`Add the closing \`${closing}\``, { start: end, end }, closing);
  const escaped = escapedCloses(text, start + 1, end, close);
  if (escaped.length === 0) return [atEnd];
  const asQuote = suggestionFix(atEnd.message, atEnd.edits);
  const at = escaped[0]!;
  const asBackslash = suggestionFix(
    `Read \`\\${closing}\` as a backslash that ends the string: write \`\\\\${closing}\``,
    [{ span: { start: at, end: at }, text: '\\' }],
  );
  return escaped.length > 1 ? [asQuote, asBackslash] : [asBackslash, asQuote];
}

/**
 * Lexes a string starting at the quote at `start` and returns the offset after it. A properly
 * double-quoted string is a string token; single or typographic quotes are reported with a fix to
 * double quotes and still give a string token, so parsing goes on and finds further problems.
 */
export function lexQuoted(state: LexerState, start: number): number {
  const { text } = state;
  const open = text.charCodeAt(start);
  // One problem past the cap is enough for the lexer to say that errors were cut off.
  const scan = scanQuoted(text, start, closingQuoteOf(open), state.maxErrors + 1);
  if (!scan.terminated) {
    const closing = String.fromCharCode(closingQuoteOf(open));
    const fix = scan.hasLineBreak ? undefined : closingFixes(text, start, scan.end, closing);
    state.report(
      'unterminated-string',
      `Unterminated string: the string that starts here has no closing \`${closing}\``,
      start,
      scan.end,
      fix,
    );
    state.push(T.StringLiteral, start, scan.end, scan.value);
    return scan.end;
  }
  for (const problem of scan.problems) {
    if (problem.kind === 'invalid-escape') {
      const written = text.slice(problem.start, problem.end);
      state.report(
        'invalid-escape',
        `Invalid escape ${quote(written)} in a string: only \`\\"\` and \`\\\\\` are escapes; write \`\\\\\` for a backslash`,
        problem.start,
        problem.end,
        [replaceFix('Escape the backslash', { start: problem.start, end: problem.start + 1 }, '\\\\')],
      );
    } else {
      state.report(
        'line-break-in-string',
        'A string cannot contain a raw line break; close the string before the end of the line',
        problem.start,
        problem.end,
      );
    }
  }
  if (open !== DOUBLE_QUOTE) {
    const kind = open === SINGLE_QUOTE ? 'single-quoted-string' : 'typographic-quotes';
    const what =
      open === SINGLE_QUOTE
        ? 'Single quotes do not delimit strings'
        : 'Typographic quotes do not delimit strings';
    const edits = [{ span: { start, end: scan.end }, text: quoteString(scan.value) }];
    // `\'` inside reads as an escaped quote here, but as a backslash before the closing quote in
    // languages whose single quotes have no escapes (SQL): a guess, so only a suggestion.
    const ambiguous = escapedCloses(text, start + 1, scan.end - 1, closingQuoteOf(open)).length > 0;
    state.report(kind, `${what}; use double quotes: ${quote(quoteString(scan.value))}`, start, scan.end, [
      ambiguous ? suggestionFix('Use double quotes', edits) : { message: 'Use double quotes', edits },
    ]);
  }
  if (state.atField && isFieldPath(scan.value) && peekWord(text, scan.end).isOperator) {
    state.report(
      'quoted-field',
      `Field names are not quoted: write ${quote(scan.value)} without quotes`,
      start,
      scan.end,
      [replaceFix('Remove the quotes', { start, end: scan.end }, scan.value)],
    );
    state.push(T.Identifier, start, scan.end);
    return scan.end;
  }
  state.push(T.StringLiteral, start, scan.end, scan.value);
  return scan.end;
}

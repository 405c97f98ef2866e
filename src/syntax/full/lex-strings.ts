import { replaceFix } from '../../diagnostic/index.js';
import { quote } from '../../diagnostic/text.js';
import { isFieldPath } from '../../language/chars.js';
import { quoteString, scanQuoted } from '../../language/quoting.js';
import {
  DOUBLE_QUOTE,
  LEFT_DOUBLE,
  LEFT_SINGLE,
  RIGHT_DOUBLE,
  RIGHT_SINGLE,
  SINGLE_QUOTE,
} from '../../language/words.js';
import { peekWord } from '../peek-word.js';
import type { LexerState } from './lexer-state.js';
import * as T from './tokens.js';

function closingQuote(open: number): number {
  if (open === LEFT_DOUBLE) return RIGHT_DOUBLE;
  if (open === LEFT_SINGLE) return RIGHT_SINGLE;
  return open;
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
  const scan = scanQuoted(text, start, closingQuote(open), state.maxErrors + 1);
  if (!scan.terminated) {
    const closing = open === DOUBLE_QUOTE ? '"' : String.fromCharCode(closingQuote(open));
    const fix = scan.hasLineBreak
      ? undefined
      : [replaceFix(`Add the closing \`${closing}\``, { start: scan.end, end: scan.end }, closing)];
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
    state.report(kind, `${what}; use double quotes: ${quote(quoteString(scan.value))}`, start, scan.end, [
      replaceFix('Use double quotes', { start, end: scan.end }, quoteString(scan.value)),
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

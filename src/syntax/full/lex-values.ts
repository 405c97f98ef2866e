import { replaceFix } from '../../diagnostic/index.js';
import { quote } from '../../diagnostic/text.js';
import { isDigit, isNumberLiteral } from '../../language/chars.js';
import {
  checkDateTime,
  type DateTimeProblem,
  scanDateTime,
  splitDateTime,
} from '../../language/date-time/rfc3339.js';
import { quoteString } from '../../language/quoting.js';
import { wordEnd } from '../../language/words.js';
import type { LexerState } from './lexer-state.js';
import * as T from './tokens.js';

const problemWords: Record<DateTimeProblem, string> = {
  month: 'there is no such month',
  day: 'that month has no such day',
  hour: 'hours run from 00 to 23',
  minute: 'minutes run from 00 to 59',
  second: 'seconds run from 00 to 59 (leap seconds are not supported)',
  offset: 'offsets run from -23:59 to +23:59',
};

/** Looks like the start of a date (`2023-`): a malformed one is reported as a date, not a word. */
function startsLikeDate(word: string): boolean {
  return word.length > 5 && /^\d{4}-\d/.test(word.slice(0, 6));
}

function looksNumeric(word: string): boolean {
  const first = word.charCodeAt(0);
  const signed = first === 45 || first === 43;
  return (isDigit(first) || (signed && isDigit(word.charCodeAt(1)))) && /^[-+0-9.eE]+$/.test(word);
}

/**
 * Lexes an unquoted value (number, date-time, boolean) at `start`, where a value is expected,
 * and returns the offset after it, or -1 when the word there is a keyword (the parser reports the
 * missing value). Other words are reported: `null`, malformed numbers and dates, and bare words,
 * which get a fix that quotes them.
 */
export function lexValueWord(state: LexerState, start: number): number {
  const { text } = state;
  const end = wordEnd(text, start);
  const word = text.slice(start, end);
  if (isNumberLiteral(word)) {
    state.push(T.NumberLiteral, start, end);
    return end;
  }
  if (word.length >= 10 && scanDateTime(word, 0) === word.length) {
    const problem = checkDateTime(splitDateTime(word)!);
    if (problem) {
      state.report(
        'invalid-date-time',
        `Impossible date-time ${quote(word)}: ${problemWords[problem]}`,
        start,
        end,
      );
    }
    state.push(T.DateTimeLiteral, start, end);
    return end;
  }
  if (word === 'true' || word === 'false') {
    state.push(word === 'true' ? T.True : T.False, start, end);
    return end;
  }
  const lower = word.toLowerCase();
  if (lower === 'true' || lower === 'false') {
    state.report('boolean-case', `Booleans are lowercase: use \`${lower}\``, start, end, [
      replaceFix(`Use \`${lower}\``, { start, end }, lower),
    ]);
    state.push(lower === 'true' ? T.True : T.False, start, end);
    return end;
  }
  if (T.keywordTokens.has(word)) return -1;
  if (lower === 'null') {
    reportNull(state, start, end);
  } else if (startsLikeDate(word)) {
    state.report(
      'malformed-date-time',
      `Malformed date-time ${quote(word)}: write RFC 3339, e.g. \`2022-02-07T20:13:29Z\` (a time needs seconds and a zone, \`Z\` or \`+01:00\`)`,
      start,
      end,
    );
  } else if (looksNumeric(word)) {
    state.report(
      'invalid-number',
      `Invalid number ${quote(word)}: numbers are written \`-12\` or \`3.25\` (no exponent, no leading \`+\`)`,
      start,
      end,
    );
  } else {
    state.report(
      'bareword-value',
      `Text values are double-quoted: write ${quote(quoteString(word))}`,
      start,
      end,
      [replaceFix('Quote the value', { start, end }, quoteString(word))],
    );
  }
  state.push(T.StringLiteral, start, end, word);
  return end;
}

/** `x eq null` becomes `x isnull`, `x ne null` becomes `x pr`; other operators get no fix. */
function reportNull(state: LexerState, start: number, end: number): void {
  const operator = state.previousToken();
  const field = state.previousToken(2)?.image ?? 'field';
  const op = operator?.image;
  const replacement = op === 'eq' ? 'isnull' : op === 'ne' ? 'pr' : undefined;
  const advice = replacement
    ? `write ${quote(`${field} ${replacement}`)}`
    : 'test for null with `isnull`, or for presence with `pr`';
  const fixes =
    operator && replacement
      ? [replaceFix(`Use \`${replacement}\``, { start: operator.startOffset, end }, replacement)]
      : undefined;
  state.report('null-literal', `There is no \`null\` value: ${advice}`, start, end, fixes);
}

import type { Diagnostic } from '../../diagnostic/index.js';
import { replaceFix } from '../../diagnostic/index.js';
import { quote } from '../../diagnostic/text.js';
import { isForeignSpace, isWhitespace } from '../../language/chars.js';
import { opensString, startsWord } from '../../language/words.js';
import { isOperatorSymbolChar } from '../spellings.js';
import { lexQuoted } from './lex-strings.js';
import { lexValueWord } from './lex-values.js';
import { lexSymbols, lexWord } from './lex-words.js';
import { LexerState } from './lexer-state.js';
import type { Token } from './token.js';
import * as T from './tokens.js';

/** What the lexer hands on: tokens for the parser and the problems it found on the way. */
export interface LexResult {
  readonly tokens: readonly Token[];
  readonly diagnostics: readonly Diagnostic[];
  /** False when lexing stopped early because more than the allowed number of errors were found. */
  readonly complete: boolean;
}

/**
 * Splits `text` into tokens in one forward pass with no regex over unbounded input, so it is
 * linear in the input and safe on any string. Mistakes with a clear intent (wrong case, foreign
 * operators, single quotes, bare words, commas between comparisons...) are reported with a fix
 * and replaced by the token that was meant, so that the parser goes on to find further problems.
 */
export function lex(text: string, maxErrors: number): LexResult {
  const state = new LexerState(text, maxErrors);
  lexInto(state, () => state.tooManyErrors);
  return { tokens: state.tokens, diagnostics: state.diagnostics, complete: !state.tooManyErrors };
}

/**
 * The lexer's loop: reads `state.text` into `state`, asking `stop` before each token (a caller
 * checks limits as the tokens come, and stops lexing at the first one exceeded). Returns whether
 * it read to the end.
 */
export function lexInto(state: LexerState, stop: () => boolean): boolean {
  const { text } = state;
  let pos = skipFiltersPrefix(state);
  const n = text.length;
  while (pos < n) {
    if (stop()) return false;
    const code = text.charCodeAt(pos);
    if (isWhitespace(code)) {
      pos++;
    } else if (code === 40) {
      state.inList = state.afterListOperator;
      state.push(T.LParen, pos, ++pos);
    } else if (code === 41) {
      closeParen(state, pos);
      pos++;
    } else if (code === 44) {
      lexComma(state, pos);
      pos++;
    } else if (opensString(code)) {
      checkMissingComma(state, pos);
      pos = lexQuoted(state, pos);
    } else if (state.atValue && (startsWord(code) || code === 43)) {
      const end = lexValueWord(state, pos);
      pos = end >= 0 ? end : lexWord(state, pos);
    } else if (startsWord(code)) {
      if (checkMissingComma(state, pos)) {
        const end = lexValueWord(state, pos);
        pos = end >= 0 ? end : lexWord(state, pos);
      } else {
        pos = lexWord(state, pos);
      }
    } else if (isOperatorSymbolChar(code)) {
      pos = lexSymbols(state, pos);
    } else if (isForeignSpace(code)) {
      state.report(
        'invalid-whitespace',
        `Unexpected ${quote(text[pos]!)}: only spaces, tabs and line breaks separate tokens`,
        pos,
        pos + 1,
        [replaceFix('Use a space', { start: pos, end: pos + 1 }, ' ')],
      );
      pos++;
    } else {
      pos = lexUnexpected(state, pos);
    }
  }
  return true;
}

/** A leading `filters=` (or `?filters=`) copied from a URL: reported, with a fix that drops it. */
function skipFiltersPrefix(state: LexerState): number {
  const match = /^\s*\??filters\s*=\s*/i.exec(state.text.slice(0, 64));
  if (!match) return 0;
  const end = match[0].length;
  const start = match[0].length - match[0].trimStart().length;
  state.report(
    'filters-prefix',
    'The value starts with `filters=`: the parameter name belongs to the URL, not to the filter',
    start,
    end,
    [replaceFix('Remove `filters=`', { start: 0, end }, '')],
  );
  return end;
}

function closeParen(state: LexerState, pos: number): void {
  if (state.inList) {
    const previous = state.previousToken();
    if (previous?.tokenType === T.Comma) {
      state.report(
        'trailing-comma',
        'A list cannot end with `,`',
        previous.startOffset,
        previous.startOffset + 1,
        [replaceFix('Remove the `,`', { start: previous.startOffset, end: previous.startOffset + 1 }, '')],
      );
      state.tokens.pop();
    } else if (previous?.tokenType === T.LParen) {
      state.report(
        'empty-list',
        `An empty list matches nothing: give at least one value, e.g. \`("a")\``,
        previous.startOffset,
        pos + 1,
      );
    }
    state.inList = false;
  }
  state.push(T.RParen, pos, pos + 1);
}

/** Inside a list, `,` separates values; outside one it is a mistake for `and`. */
function lexComma(state: LexerState, pos: number): void {
  if (state.inList) {
    state.push(T.Comma, pos, pos + 1);
    return;
  }
  state.report(
    'comma-between-comparisons',
    'Comparisons are joined with `and` or `or`, not `,`',
    pos,
    pos + 1,
    [state.spacedFix('Use `and`', pos, pos + 1, 'and')],
  );
  state.push(T.And, pos, pos + 1);
}

/** `in ("a" "b")`: two list values with no comma between them. Returns whether it was so. */
function checkMissingComma(state: LexerState, pos: number): boolean {
  if (!state.inList) return false;
  const previous = state.previousToken();
  if (!previous || !isValueToken(previous.tokenType)) return false;
  state.report('missing-comma', 'List values are separated by `,`', previous.endOffset! + 1, pos, [
    replaceFix('Add `,`', { start: previous.endOffset! + 1, end: previous.endOffset! + 1 }, ','),
  ]);
  state.push(T.Comma, pos, pos);
  return true;
}

function isValueToken(type: unknown): boolean {
  return (
    type === T.StringLiteral ||
    type === T.NumberLiteral ||
    type === T.DateTimeLiteral ||
    type === T.True ||
    type === T.False
  );
}

/** A run of characters that start no token (binary, `#`, `$`...): one diagnostic for the run. */
function lexUnexpected(state: LexerState, start: number): number {
  const { text } = state;
  let end = start + 1;
  while (end < text.length) {
    const code = text.charCodeAt(end);
    if (
      isWhitespace(code) ||
      code === 40 ||
      code === 41 ||
      code === 44 ||
      opensString(code) ||
      startsWord(code)
    )
      break;
    if (isOperatorSymbolChar(code) || isForeignSpace(code)) break;
    end++;
  }
  const written = text.slice(start, end);
  state.report(
    'unexpected-character',
    `Unexpected ${written.length > 1 ? 'characters' : 'character'} ${quote(written)}`,
    start,
    end,
  );
  return end;
}

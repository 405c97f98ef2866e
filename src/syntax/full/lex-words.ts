import { replaceFix } from '../../diagnostic/index.js';
import { quote } from '../../diagnostic/text.js';
import { isFieldPath, isNumberLiteral } from '../../language/chars.js';
import { operatorListText, textOperatorText } from '../../language/operator-text.js';
import { wordRunEnd } from '../../language/words.js';
import { type PeekedWord, peekWord } from '../peek-word.js';
import {
  foreignCompositeSymbols,
  foreignOperatorSymbols,
  foreignOperatorWords,
  isOperatorSymbolChar,
} from '../spellings.js';
import type { LexerState } from './lexer-state.js';
import * as T from './tokens.js';

/** The operators as the lexer's messages list them: `eq, ne, ... pr or isnull`. */
const OPERATOR_LIST = operatorListText();
/** What the text operators do not do: `(`co` or `sw` take no wildcards)`. */
const NO_WILDCARDS = `(${textOperatorText((word) => `\`${word}\``)} take no wildcards)`;

/** A word right after a field: an operator, in the right case and spelling or reported. */
function lexOperatorWord(state: LexerState, start: number, end: number, word: string): number {
  const lower = word.toLowerCase();
  const exact = T.keywordTokens.get(word);
  if (exact && T.operatorWords.has(word)) {
    state.push(exact, start, end);
    return end;
  }
  if (T.operatorWords.has(lower)) {
    state.report('operator-case', `Operators are lowercase: use \`${lower}\``, start, end, [
      replaceFix(`Use \`${lower}\``, { start, end }, lower),
    ]);
    state.push(T.keywordTokens.get(lower)!, start, end);
    return end;
  }
  if (lower === 'is') {
    const next = peekWord(state.text, end);
    const nextLower = next.word.toLowerCase();
    const afterNot = nextLower === 'not' ? peekWord(state.text, next.end) : undefined;
    const nullEnd =
      nextLower === 'null' ? next.end : afterNot?.word.toLowerCase() === 'null' ? afterNot.end : -1;
    if (nullEnd > 0) {
      const replacement = afterNot ? 'pr' : 'isnull';
      const written = state.text.slice(start, nullEnd);
      state.report(
        'foreign-operator',
        `${quote(written)} is written \`${replacement}\` here`,
        start,
        nullEnd,
        [replaceFix(`Use \`${replacement}\``, { start, end: nullEnd }, replacement)],
      );
      state.push(afterNot ? T.Pr : T.Isnull, start, nullEnd);
      return nullEnd;
    }
  }
  if (foreignOperatorWords.has(lower)) {
    const meaning = foreignOperatorWords.get(lower);
    if (meaning) {
      state.report(
        'foreign-operator',
        `${quote(word)} is not an operator here: use \`${meaning}\``,
        start,
        end,
        [replaceFix(`Use \`${meaning}\``, { start, end }, meaning)],
      );
      state.push(T.keywordTokens.get(meaning)!, start, end);
    } else {
      state.report(
        'foreign-operator',
        `${quote(word)} is not supported: the operators are ${OPERATOR_LIST} ${NO_WILDCARDS}`,
        start,
        end,
      );
      state.push(T.Eq, start, end);
    }
    return end;
  }
  state.report('unknown-operator', `Unknown operator ${quote(word)}: expected ${OPERATOR_LIST}`, start, end);
  // Stand in an operator so that the parser reads on and reports later problems, not this one again.
  state.push(T.Eq, start, end);
  return end;
}

/** A word that can only be a field name: a field path that is not a reserved word as written. */
function isPlainField(word: string): boolean {
  return !T.keywordTokens.has(word) && isFieldPath(word);
}

/** Where a prefix `pr field` may end: end of input, `)`, `,` or a connective. */
function endsOperand(next: PeekedWord): boolean {
  const lower = next.word.toLowerCase();
  return next.word === '' || lower === 'and' || lower === 'or';
}

/**
 * Whether `word`, a reserved word where a field is expected and followed by the operator-like
 * `next`, is being used as a field (`in eq 1`, `not EQ 1`). A field may itself be spelled like an
 * operator in another case or language (`GE`, `Contains`): `not GE isnull` and `pr GE` read
 * `not` and `pr` as keywords, which is how the grammar reads them.
 */
function keywordUsedAsField(text: string, word: string, next: PeekedWord): boolean {
  if (!next.isOperator) return false;
  if (word === 'not' && next.word === 'pr') return false;
  if ((word === 'not' || word === 'pr') && isPlainField(next.word)) {
    const after = peekWord(text, next.end);
    if (word === 'not' && after.isOperator) return false;
    if (word === 'pr' && endsOperand(after)) return false;
  }
  return true;
}

/**
 * Lexes a word that is not in value position: an operator after a field, `and`/`or` between
 * predicates, a keyword, or a field name. Returns the offset after the word.
 */
export function lexWord(state: LexerState, start: number): number {
  const { text } = state;
  const end = wordRunEnd(text, start);
  const word = text.slice(start, end);
  if (state.atOperator) return lexOperatorWord(state, start, end, word);

  const keyword = T.keywordTokens.get(word);
  const lower = word.toLowerCase();
  const next = state.atField || state.afterPrefixPresence ? peekWord(text, end) : undefined;
  // `in eq 1`: a keyword followed by an operator is being used as a field (`not pr x` is fine).
  const usedAsField =
    next !== undefined &&
    (state.atField
      ? keywordUsedAsField(text, word, next)
      : // After a prefix `pr` a field is due: `pr Or` tests a field named `Or`, while
        // `pr Or b eq 1` reads `Or` as a misspelt `or` (and `pr and` as a missing field).
        keyword === undefined && endsOperand(next));
  if (keyword) {
    if (usedAsField) {
      state.report(
        'reserved-word-as-field',
        `\`${word}\` is a reserved word and cannot be a field name`,
        start,
        end,
      );
      state.push(T.Identifier, start, end);
    } else {
      state.push(keyword, start, end);
    }
    return end;
  }
  const composite = lower === 'and' || lower === 'or' || lower === 'not';
  if (composite && !usedAsField) {
    state.report('operator-case', `Operators are lowercase: use \`${lower}\``, start, end, [
      replaceFix(`Use \`${lower}\``, { start, end }, lower),
    ]);
    state.push(T.keywordTokens.get(lower)!, start, end);
    return end;
  }
  if (isFieldPath(word)) {
    state.push(T.Identifier, start, end);
  } else if (isNumberLiteral(word)) {
    state.push(T.NumberLiteral, start, end);
  } else {
    state.report(
      'invalid-field-name',
      `Invalid field name ${quote(word)}: a field is letters, digits and \`_\`, in segments joined by \`.\``,
      start,
      end,
    );
    state.push(T.Identifier, start, end);
  }
  return end;
}

/** Lexes a run of operator punctuation (`==`, `!=`, `&&`, `||`, `!`...), all foreign here. */
export function lexSymbols(state: LexerState, start: number): number {
  const { text } = state;
  let end = start;
  while (end < text.length && isOperatorSymbolChar(text.charCodeAt(end))) end++;
  const symbol = text.slice(start, end);
  const operator = state.atOperator ? foreignOperatorSymbols.get(symbol) : undefined;
  const composite = state.atOperator ? undefined : foreignCompositeSymbols.get(symbol);
  const meaning = operator ?? composite;
  const fitsHere = composite !== 'not' || state.atField;
  if (meaning && fitsHere) {
    state.report(
      'foreign-operator',
      `${quote(symbol)} is not an operator here: use \`${meaning}\``,
      start,
      end,
      [state.spacedFix(`Use \`${meaning}\``, start, end, meaning)],
    );
    state.push(T.keywordTokens.get(meaning)!, start, end);
  } else {
    state.report('unexpected-character', `Unexpected ${quote(symbol)}`, start, end);
  }
  return end;
}

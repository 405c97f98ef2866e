import { endsWord, isWhitespace } from '../language/chars.js';
import {
  foreignOperatorSymbols,
  foreignOperatorWords,
  isOperatorSymbolChar,
  operatorWords,
} from './spellings.js';

/** The next word after `from` (whitespace skipped), for the lexer's one-word lookahead. */
export interface PeekedWord {
  readonly word: string;
  readonly start: number;
  readonly end: number;
  /** The word is a primitive operator (any case), or a foreign spelling of one. */
  readonly isOperator: boolean;
}

/** Reads the word or operator symbol run that follows `from`. */
export function peekWord(text: string, from: number): PeekedWord {
  let start = from;
  while (start < text.length && isWhitespace(text.charCodeAt(start))) start++;
  let end = start;
  if (isOperatorSymbolChar(text.charCodeAt(start))) {
    while (end < text.length && isOperatorSymbolChar(text.charCodeAt(end))) end++;
    const symbol = text.slice(start, end);
    return { word: symbol, start, end, isOperator: foreignOperatorSymbols.has(symbol) };
  }
  while (end < text.length && !endsWord(text.charCodeAt(end)) && !isOperatorSymbolChar(text.charCodeAt(end)))
    end++;
  const word = text.slice(start, end);
  const lower = word.toLowerCase();
  return { word, start, end, isOperator: operatorWords.has(lower) || foreignOperatorWords.has(lower) };
}

/**
 * The operators as messages list them, from the operator table (not part of the public API).
 * @module
 */
import { OPERATOR_RULES, PRIMITIVE_OPERATORS } from './operators.js';

/**
 * The primitive operators as a message lists them, in table order: each word passed through
 * `mark` (a backquote, say), joined by commas and a final `or` (`eq, ne, ... pr or isnull`).
 */
export function operatorListText(mark: (word: string) => string = (word) => word): string {
  return orList(PRIMITIVE_OPERATORS, mark);
}

/** The text operators (the rows with `textOnly`) as a message lists them: `co or sw`. */
export function textOperatorText(mark: (word: string) => string = (word) => word): string {
  return orList(
    OPERATOR_RULES.filter((row) => row.textOnly).map((row) => row.word),
    mark,
  );
}

/** `words` passed through `mark`, joined by commas and a final `or` (`a`, `a or b`, `a, b or c`). */
export function orList(words: readonly string[], mark: (word: string) => string = (word) => word): string {
  const marked = words.map((word) => mark(word));
  return marked.length <= 1 ? marked.join('') : `${marked.slice(0, -1).join(', ')} or ${marked.at(-1)}`;
}

import type { IRecognitionException } from 'chevrotain';
import type { Expression } from '../ast/index.js';
import { sharedParser } from './parser.js';
import { ErrorBudgetExhausted, setErrorBudget } from './parser-messages.js';
import type { Token } from './token-stream.js';
import * as T from './tokens.js';

/** What the parser made of the tokens: the tree (meaningful only without errors) and its errors. */
export interface GroupedParse {
  /** Undefined when a parse stopped at its error budget. */
  readonly ast: Expression | undefined;
  readonly errors: readonly IRecognitionException[];
}

/**
 * Runs the recovering parser over `tokens` without recursing per level of nesting. Each group
 * `( ... )` (its parentheses listed in `groupParens`, well nested, as the structure pass leaves
 * them) is parsed on its own with the parser's `group` rule as soon as its `)` is reached, that
 * is innermost first, and stands in the enclosing tokens as one {@link T.Group} token carrying its
 * tree. Every token is handed to the parser once, so the work is linear in the tokens, and the
 * call stack is that of one group's parse at any depth.
 *
 * Each parse stops after `maxErrors + 1` errors: its later errors lie beyond those, so a caller
 * that keeps the first `maxErrors` by position (and says that there are more) never needs them.
 */
export function parseGroups(
  tokens: readonly Token[],
  groupParens: readonly number[],
  maxErrors: number,
): GroupedParse {
  const parser = sharedParser();
  const errors: IRecognitionException[] = [];
  // The tokens of each open group (with its `(`), the whole filter's at the bottom.
  const open: Token[][] = [[]];
  let next = 0;
  const run = (input: Token[], rule: 'group' | 'filter'): Expression | undefined => {
    parser.input = input;
    setErrorBudget(maxErrors + 1);
    try {
      return rule === 'group' ? parser.group() : parser.filter();
    } catch (cause) {
      if (!(cause instanceof ErrorBudgetExhausted)) throw cause;
      return undefined;
    } finally {
      setErrorBudget(Number.POSITIVE_INFINITY);
      for (const error of parser.errors) errors.push(error);
    }
  };
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    if (i !== groupParens[next]) {
      open[open.length - 1]!.push(token);
      continue;
    }
    next++;
    if (token.tokenType === T.LParen) {
      open.push([token]);
      continue;
    }
    const group = open.pop()!;
    group.push(token);
    const ast = run(group, 'group');
    open[open.length - 1]!.push(groupToken(group[0]!, token, ast));
  }
  const ast = run(open[0]!, 'filter');
  return { ast, errors };
}

/** The token that stands for the group from `open` to `close`, with its tree. */
function groupToken(open: Token, close: Token, ast: Expression | undefined): Token {
  return {
    image: '(',
    startOffset: open.startOffset,
    endOffset: close.endOffset ?? close.startOffset,
    tokenType: T.Group,
    tokenTypeIdx: T.Group.tokenTypeIdx!,
    payload: ast,
  };
}

import type { IRecognitionException } from 'chevrotain';
import type { Expression } from '../../ast/index.js';
import { sharedParser } from './parser.js';
import { ErrorBudgetExhausted, setErrorBudget } from './parser-messages.js';
import type { Token } from './token.js';
import * as T from './tokens.js';

/** Where the parser's errors go, and from where on they no longer matter. */
export interface ErrorSink {
  /** Errors starting after this position will not be reported (infinity: all will). */
  readonly cutoff: number;
  add(error: IRecognitionException): void;
}

/**
 * Runs the recovering parser over `tokens` without recursing per level of nesting; its errors go
 * to `sink`, and it returns the tree (meaningful only without errors; undefined when a parse
 * stopped at its error budget). Each group `( ... )` (its parentheses listed in `groupParens`,
 * well nested, as the structure pass leaves them) is parsed on its own with the parser's `group`
 * rule as soon as its `)` is reached, that is innermost first, and stands in the enclosing tokens
 * as one {@link T.Group} token carrying its tree. Every token is handed to the parser once, so
 * the work is linear in the tokens, and the call stack is that of one group's parse at any depth.
 *
 * The caller keeps the first `maxErrors` errors by position (and says that there are more), so
 * errors past the `maxErrors + 1`-th are never needed: each parse stops after `maxErrors + 1`
 * errors, and a group that starts past `sink.cutoff` (the position of the `maxErrors + 1`-th
 * error found so far) is not parsed at all. Error-dense input costs what its first errors cost.
 */
export function parseGroups(
  tokens: readonly Token[],
  groupParens: readonly number[],
  maxErrors: number,
  sink: ErrorSink,
): Expression | undefined {
  const parser = sharedParser();
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
      for (const error of parser.errors) sink.add(error);
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
    const ast = group[0]!.startOffset > sink.cutoff ? undefined : run(group, 'group');
    open[open.length - 1]!.push(groupToken(group[0]!, token, ast));
  }
  return run(open[0]!, 'filter');
}

/**
 * The start of the `size`-th earliest of the positions added (infinity until `size` have
 * been): a max-heap of the `size` earliest, so each addition costs O(log size).
 */
export class KthSmallest {
  private readonly heap: number[] = [];

  constructor(private readonly size: number) {}

  /** The start of the `size`-th earliest error so far. */
  get position(): number {
    return this.heap.length < this.size ? Number.POSITIVE_INFINITY : this.heap[0]!;
  }

  add(start: number): void {
    const { heap } = this;
    if (heap.length < this.size) {
      heap.push(start);
      let i = heap.length - 1;
      while (i > 0) {
        const parent = (i - 1) >> 1;
        if (heap[parent]! >= heap[i]!) break;
        [heap[parent], heap[i]] = [heap[i]!, heap[parent]!];
        i = parent;
      }
      return;
    }
    if (start >= heap[0]!) return;
    heap[0] = start;
    let i = 0;
    for (;;) {
      const left = 2 * i + 1;
      const right = left + 1;
      let largest = i;
      if (left < heap.length && heap[left]! > heap[largest]!) largest = left;
      if (right < heap.length && heap[right]! > heap[largest]!) largest = right;
      if (largest === i) return;
      [heap[largest], heap[i]] = [heap[i]!, heap[largest]!];
      i = largest;
    }
  }
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

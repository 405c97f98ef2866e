import type { IToken } from 'chevrotain';
import {
  createAnd,
  createBoolean,
  createDateTime,
  createField,
  createNumber,
  createOr,
  createString,
  type Expression,
  type FieldNode,
  type ValueNode,
} from '../../ast/index.js';
import { tokenSpan } from './token.js';
import * as T from './tokens.js';

/**
 * The tree-building actions of the Chevrotain parser (parser.ts): nodes from tokens, and the
 * precedence of a chain of `and`/`or`. Kept apart from the rules so that parser.ts reads as the
 * grammar.
 * @module
 */

/** An operand with its extent, which includes any parentheses around it. */
export interface Operand {
  readonly expression: Expression;
  readonly start: number;
  readonly end: number;
}

/**
 * Applies precedence to `a and b or c and d`: runs joined by `and` become one n-ary `and`, and
 * those runs joined by `or` one n-ary `or`. `connectives[i]` is true for the `and` between
 * operand i and i + 1. A loop, so a chain of any length builds a flat tree.
 */
export function combine(operands: readonly Operand[], connectives: readonly boolean[]): Expression {
  const groups: Operand[] = [];
  let runStart = 0;
  for (let i = 0; i < operands.length; i++) {
    if (i < connectives.length && connectives[i]) continue;
    const first = operands[runStart]!;
    const last = operands[i]!;
    groups.push(
      i === runStart
        ? first
        : {
            expression: createAnd(
              operands.slice(runStart, i + 1).map((o) => o.expression),
              { start: first.start, end: last.end },
            ),
            start: first.start,
            end: last.end,
          },
    );
    runStart = i + 1;
  }
  if (groups.length === 1) return groups[0]!.expression;
  return createOr(
    groups.map((g) => g.expression),
    { start: groups[0]!.start, end: groups[groups.length - 1]!.end },
  );
}

/** The value node a literal token stands for. */
export function toValue(token: IToken): ValueNode {
  const span = tokenSpan(token);
  switch (token.tokenType) {
    case T.NumberLiteral:
      return createNumber(token.image, span);
    case T.True:
      return createBoolean(true, span);
    case T.False:
      return createBoolean(false, span);
    case T.DateTimeLiteral:
      return createDateTime(token.image, span);
    default:
      return createString(typeof token.payload === 'string' ? token.payload : token.image, span);
  }
}

/** The field node of an identifier token. */
export function toField(token: IToken): FieldNode {
  return createField(token.image, tokenSpan(token));
}

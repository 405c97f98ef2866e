import { EmbeddedActionsParser, type IToken } from 'chevrotain';
import {
  type CompareOperator,
  createAnd,
  createComparison,
  createList,
  createNot,
  createOr,
  createPresence,
  type Expression,
  type ListOperator,
  type ValueNode,
} from '../ast/index.js';
import { combine, type Operand, toField, toValue } from './parser.js';
import { tokenSpan } from './token-stream.js';
import * as T from './tokens.js';

const end = (token: IToken): number => token.endOffset! + 1;
const placeholder = undefined as unknown as Operand;

/**
 * The parser's fast path: the grammar of {@link FilterParser} (parser.ts) in two rules instead of
 * four, without error recovery, for filters that are written correctly. It builds the same tree
 * from the same tokens; on any syntax error it stops, and the caller parses again with
 * {@link FilterParser}, whose recovery and messages stay the one source of diagnostics.
 *
 * What makes it faster (Chevrotain's performance guide, measured in bench/parse.ts): no recovery
 * bookkeeping in repetitions; `predicate` and `value` inlined into `operand`, so a comparison costs
 * one rule call instead of three; `and`/`or` read as one token category (a CONSUME, not an OR);
 * `not` as an alternative of `operand` rather than a repetition
 * before it (a lookahead fewer per operand); alternatives built once rather than on every call;
 * actions guarded by `RECORDING_PHASE` instead of wrapped in closures.
 *
 *   expression = operand { ("and" | "or") operand }
 *   operand    = "not" operand | "(" expression ")" | "pr" field
 *              | field ( compare-op value | list-op "(" value {"," value} ")" | "pr" | "isnull" )
 */
export class FastFilterParser extends EmbeddedActionsParser {
  /** The field of the predicate being read, for the alternatives below (they never nest). */
  private field: IToken | undefined;

  constructor() {
    super(T.allTokens, { recoveryEnabled: false, maxLookahead: 1 });
    this.performSelfAnalysis();
  }

  /** Parses the tokens set as `input`; check `errors` before using the result. */
  readonly expression = this.RULE('expression', (): Operand => {
    const first = this.SUBRULE(this.operand);
    let operands: Operand[] | undefined;
    let connectives: boolean[] | undefined;
    this.MANY(() => {
      const connective = this.CONSUME(T.ConnectiveToken);
      const next = this.SUBRULE2(this.operand);
      if (this.RECORDING_PHASE) return;
      operands ??= [first];
      connectives ??= [];
      operands.push(next);
      connectives.push(connective.tokenType === T.And);
    });
    if (this.RECORDING_PHASE || operands === undefined || connectives === undefined) return first;
    const last = operands[operands.length - 1]!;
    return { expression: combineChain(operands, connectives), start: first.start, end: last.end };
  });

  /** `not`s recurse here (one rule call each): the fast path only sees nesting within the limit. */
  private readonly operand = this.RULE('operand', (): Operand => this.OR(this.operandForms));

  private readonly operandForms = [
    {
      ALT: (): Operand => {
        const not = this.CONSUME(T.Not);
        const operand = this.SUBRULE2(this.operand);
        if (this.RECORDING_PHASE) return placeholder;
        const span = { start: not.startOffset, end: operand.end };
        return { expression: createNot(operand.expression, span), start: span.start, end: span.end };
      },
    },
    {
      ALT: (): Operand => {
        const open = this.CONSUME(T.LParen);
        const grouped = this.SUBRULE(this.expression);
        const close = this.CONSUME(T.RParen);
        if (this.RECORDING_PHASE) return placeholder;
        return { expression: grouped.expression, start: open.startOffset, end: end(close) };
      },
    },
    {
      ALT: (): Operand => {
        const pr = this.CONSUME(T.Pr);
        const field = this.CONSUME(T.Identifier);
        if (this.RECORDING_PHASE) return placeholder;
        const span = { start: pr.startOffset, end: end(field) };
        return {
          expression: createPresence(toField(field), 'pr', tokenSpan(pr), span),
          start: span.start,
          end: span.end,
        };
      },
    },
    {
      ALT: (): Operand => {
        this.field = this.CONSUME2(T.Identifier);
        return this.OR2(this.predicateForms);
      },
    },
  ];

  private readonly predicateForms = [
    {
      ALT: (): Operand => {
        const operator = this.CONSUME(T.CompareOperatorToken);
        const value = this.CONSUME(T.LiteralToken);
        if (this.RECORDING_PHASE) return placeholder;
        const field = this.field!;
        const op = operator.image as CompareOperator; // the fast lexer writes operators exactly
        const span = { start: field.startOffset, end: end(value) };
        return {
          expression: createComparison(toField(field), op, tokenSpan(operator), toValue(value), span),
          start: span.start,
          end: span.end,
        };
      },
    },
    {
      ALT: (): Operand => {
        const operator = this.CONSUME(T.ListOperatorToken);
        const values: ValueNode[] = [];
        this.values = values;
        this.CONSUME3(T.LParen);
        this.AT_LEAST_ONE_SEP(this.listValues);
        const close = this.CONSUME3(T.RParen);
        if (this.RECORDING_PHASE) return placeholder;
        const field = this.field!;
        const op = operator.image as ListOperator;
        const span = { start: field.startOffset, end: end(close) };
        return {
          expression: createList(toField(field), op, tokenSpan(operator), values, span),
          start: span.start,
          end: span.end,
        };
      },
    },
    { ALT: (): Operand => this.presence(this.CONSUME2(T.Pr), 'pr') },
    { ALT: (): Operand => this.presence(this.CONSUME(T.Isnull), 'isnull') },
  ];

  /** The values of the list being read (lists never nest). */
  private values: ValueNode[] = [];

  private readonly listValues = {
    SEP: T.Comma,
    DEF: (): void => {
      const value = this.CONSUME2(T.LiteralToken);
      if (!this.RECORDING_PHASE) this.values.push(toValue(value));
    },
  };

  private presence(operator: IToken, kind: 'pr' | 'isnull'): Operand {
    if (this.RECORDING_PHASE) return placeholder;
    const field = this.field!;
    const span = { start: field.startOffset, end: end(operator) };
    return {
      expression: createPresence(toField(field), kind, tokenSpan(operator), span),
      start: span.start,
      end: span.end,
    };
  }
}

/**
 * {@link combine} for a chain, with the usual case first: one connective throughout (`a and b and
 * c`) is one n-ary node of all the operands, which is what combine builds for it too.
 */
function combineChain(operands: readonly Operand[], connectives: readonly boolean[]): Expression {
  const and = connectives[0]!;
  for (let i = 1; i < connectives.length; i++)
    if (connectives[i] !== and) return combine(operands, connectives);
  const expressions: Expression[] = new Array(operands.length);
  for (let i = 0; i < operands.length; i++) expressions[i] = operands[i]!.expression;
  const span = { start: operands[0]!.start, end: operands[operands.length - 1]!.end };
  return and ? createAnd(expressions, span) : createOr(expressions, span);
}

let shared: FastFilterParser | undefined;

/**
 * Parses well-formed tokens on the fast path: the tree, or undefined on any syntax error (the
 * caller then parses again with the recovering parser, which reports it).
 */
export function fastParse(tokens: readonly IToken[]): Expression | undefined {
  shared ??= new FastFilterParser();
  shared.input = tokens as IToken[];
  const result = shared.expression();
  return shared.errors.length === 0 ? result.expression : undefined;
}

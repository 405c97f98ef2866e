import { EmbeddedActionsParser } from 'chevrotain';
import {
  type CompareOperator,
  createComparison,
  createField,
  createList,
  createNot,
  createPresence,
  createString,
  type Expression,
  type FieldNode,
  type ListOperator,
  PRESENCE_OPERATORS,
  type Span,
  type ValueNode,
} from '../../ast/index.js';
import { structuredMessages } from './parser-messages.js';
import { tokenSpan } from './token.js';
import * as T from './tokens.js';
import { combine, type Operand, toField, toValue } from './tree-actions.js';

// Returned by a rule that Chevrotain recovered from; never reaches a caller, since a parse with
// any error returns diagnostics only.
const nowhere: Span = { start: 0, end: 0 };
const recoveredField: FieldNode = createField('', nowhere);
const recoveredValue: ValueNode = createString('', nowhere);
const recoveredExpression: Expression = createPresence(recoveredField, 'pr', nowhere, nowhere);
const recoveredOperand: Operand = { expression: recoveredExpression, start: 0, end: 0 };

/** The presence operators of the language's table, each with its token type. */
const PRESENCE_ALTERNATIVES = PRESENCE_OPERATORS.map((word) => ({ word, type: T.keywordTokens.get(word)! }));

/**
 * The grammar of docs/language.md as a Chevrotain parser with embedded actions: the rules build the
 * AST directly (no CST, no visitor), which Chevrotain's performance guide names the fastest way.
 * Precedence from lowest to highest: `or`, `and`, `not`. `and`/`or` chains are collected in loops
 * into one n-ary node, and `not` chains in a loop too.
 *
 * No rule calls itself through the input: a parenthesized group is parsed on its own with
 * {@link group} (innermost first, parse-groups.ts), and the enclosing text reads it as one
 * {@link T.Group} token. The call stack a parse needs is then the same at any nesting depth.
 *
 * Build it once and reuse it: construction runs Chevrotain's grammar analysis. `parse` builds it
 * without Chevrotain's grammar validations (`skipValidations`, which Chevrotain recommends for
 * production: they are most of the construction time, paid on the first filter with a mistake);
 * test/syntax/parser-grammar.test.ts builds it with them, so a grammar they would reject fails
 * there.
 */
export class FilterParser extends EmbeddedActionsParser {
  constructor(options: { readonly validateGrammar?: boolean } = {}) {
    super(T.allTokens, {
      recoveryEnabled: true,
      maxLookahead: 1,
      errorMessageProvider: structuredMessages,
      skipValidations: options.validateGrammar !== true,
    });
    // Chevrotain's in-repetition recovery calls the repetition again from inside itself after
    // each error it skips, a recursion as deep as the input has errors. Without it, an error in a
    // loop is recovered by re-syncing at the rule (single-token insertion and deletion remain),
    // and the parser's stack stays that of the grammar's rules, whatever the input.
    (this as unknown as { attemptInRepetitionRecovery: () => void }).attemptInRepetitionRecovery = () => {};
    this.performSelfAnalysis();
  }

  /** The offset just past the last token consumed. */
  private lastEnd(): number {
    const last = this.LA(0);
    return (last.endOffset ?? last.startOffset) + 1;
  }

  /** filter = expression */
  readonly filter = this.RULE('filter', (): Expression => this.SUBRULE(this.expression), {
    recoveryValueFunc: () => recoveredExpression,
  });

  /**
   * expression = operand { ("and" | "or") operand }
   *
   * One rule for both connectives, with precedence (`and` before `or`) applied by
   * {@link combine} in a loop: each parenthesis level then costs two rule calls instead of four,
   * which is what bounds the nesting a call stack can hold.
   */
  private readonly expression = this.RULE(
    'expression',
    (): Expression => {
      const first = this.SUBRULE(this.operand);
      const operands: Operand[] = [first];
      const connectives: boolean[] = [];
      this.MANY(() => {
        // One CONSUME of the token category instead of an OR of `and` and `or`: Chevrotain's
        // performance guide, and the same error messages (the category's label names both).
        const connective = this.CONSUME(T.ConnectiveToken);
        const next = this.SUBRULE2(this.operand);
        this.ACTION(() => {
          connectives.push(connective.tokenType === T.And);
          operands.push(next);
        });
      });
      return this.ACTION(() => combine(operands, connectives));
    },
    { recoveryValueFunc: () => recoveredExpression },
  );

  /**
   * group = "(" expression ")": a parenthesized group, parsed on its own (the entry point for each
   * group of the input; parse-groups.ts).
   */
  readonly group = this.RULE(
    'group',
    (): Expression => {
      this.CONSUME(T.LParen);
      const grouped = this.SUBRULE(this.expression);
      this.CONSUME(T.RParen);
      return grouped;
    },
    { recoveryValueFunc: () => recoveredExpression },
  );

  /** operand = { "not" } ( group | "pr" field | predicate ); `not`s in a loop, never recursion */
  private readonly operand = this.RULE(
    'operand',
    (): Operand => {
      const start = this.LA(1).startOffset;
      const nots: number[] = [];
      this.MANY(() => {
        const not = this.CONSUME(T.Not);
        this.ACTION(() => nots.push(not.startOffset));
      });
      const inner = this.OR([
        {
          // A group parsed already: its tree rides on the token.
          ALT: () => {
            const group = this.CONSUME(T.Group);
            return this.ACTION(() => (group.payload as Expression | undefined) ?? recoveredExpression);
          },
        },
        {
          ALT: () => {
            const pr = this.CONSUME(T.Pr);
            const field = this.CONSUME(T.Identifier);
            return this.ACTION(() =>
              createPresence(toField(field), 'pr', tokenSpan(pr), {
                start: pr.startOffset,
                end: this.lastEnd(),
              }),
            );
          },
        },
        { ALT: () => this.SUBRULE(this.predicate) },
      ]);
      return this.ACTION(() => {
        const end = this.lastEnd();
        let expression = inner;
        for (let i = nots.length - 1; i >= 0; i--)
          expression = createNot(expression, { start: nots[i]!, end });
        return { expression, start, end };
      });
    },
    { recoveryValueFunc: () => recoveredOperand },
  );

  /** predicate = field (compare-op value | list-op "(" value {"," value} ")" | presence-op) */
  private readonly predicate = this.RULE(
    'predicate',
    (): Expression => {
      const fieldToken = this.CONSUME(T.Identifier);
      return this.OR([
        {
          ALT: () => {
            const operator = this.CONSUME(T.CompareOperatorToken);
            const value = this.SUBRULE(this.value);
            return this.ACTION(() => {
              const field = toField(fieldToken);
              const op = operator.tokenType.name.toLowerCase() as CompareOperator;
              return createComparison(field, op, tokenSpan(operator), value, this.spanFrom(field));
            });
          },
        },
        {
          ALT: () => {
            const operator = this.CONSUME(T.ListOperatorToken);
            const values: ValueNode[] = [];
            this.CONSUME(T.LParen);
            this.AT_LEAST_ONE_SEP({
              SEP: T.Comma,
              DEF: () => {
                const value = this.SUBRULE2(this.value);
                this.ACTION(() => values.push(value));
              },
            });
            this.CONSUME(T.RParen);
            return this.ACTION(() => {
              const field = toField(fieldToken);
              const op = operator.tokenType.name.toLowerCase() as ListOperator;
              return createList(field, op, tokenSpan(operator), values, this.spanFrom(field));
            });
          },
        },
        // One alternative per presence operator of the table: `field pr`, `field isnull`.
        ...PRESENCE_ALTERNATIVES.map(({ word, type }) => ({
          ALT: () => {
            const operator = this.consume(2, type);
            return this.ACTION(() => {
              const field = toField(fieldToken);
              return createPresence(field, word, tokenSpan(operator), this.spanFrom(field));
            });
          },
        })),
      ]);
    },
    { recoveryValueFunc: () => recoveredExpression },
  );

  /** value = string | number | boolean | date-time */
  private readonly value = this.RULE(
    'value',
    (): ValueNode => {
      const token = this.CONSUME(T.LiteralToken);
      return this.ACTION(() => toValue(token));
    },
    { recoveryValueFunc: () => recoveredValue },
  );

  private spanFrom(node: { readonly span: Span }): Span {
    return { start: node.span.start, end: this.lastEnd() };
  }
}

let shared: FilterParser | undefined;

/** The one parser instance, built on first use (grammar analysis runs once per process). */
export function sharedParser(): FilterParser {
  shared ??= new FilterParser();
  return shared;
}

import {
  type CompareOperator,
  createAnd,
  createBoolean,
  createComparison,
  createDateTime,
  createField,
  createList,
  createNot,
  createNumber,
  createOr,
  createPresence,
  createString,
  type Expression,
  type FieldNode,
  type ListOperator,
  type Span,
  type ValueNode,
} from '../ast/index.js';
import {
  AND_CODE,
  CA_CODE,
  CLOSE_CODE,
  COMMA_CODE,
  DATE_TIME_CODE,
  EQ_CODE,
  FALSE_CODE,
  FIELD_CODE,
  IN_CODE,
  ISNULL_CODE,
  NOT_CODE,
  NUMBER_CODE,
  OPEN_CODE,
  OR_CODE,
  PR_CODE,
  STRING_CODE,
  SW_CODE,
  scan,
  TokenBuffer,
  TRUE_CODE,
  WORDS,
} from './fast-lexer.js';
import type { ParseLimits } from './limits.js';

/**
 * The parser's fast path: the grammar of {@link FilterParser} (parser.ts), hand-written over the
 * token buffer of the fast lexer, without error recovery, for filters that are written correctly.
 * It builds the same tree from the same tokens; on any syntax error it stops, and the caller
 * parses again with {@link FilterParser}, whose recovery and messages stay the one source of
 * diagnostics.
 *
 *   expression = operand { ("and" | "or") operand }
 *   operand    = "not" operand | "(" expression ")" | "pr" field
 *              | field ( compare-op value | list-op "(" value {"," value} ")" | "pr" | "isnull" )
 *
 * Every choice is made on the code of the next token (the grammar is LL(1)), and the whole input
 * must be read. Recursion (one call per `not` or parenthesis) is bounded by `maxDepth`, which the
 * fast lexer has checked. An operand's extent (which includes its parentheses, and sets the span
 * of the `and`, `or` or `not` around it) is the offsets of its first and last tokens, so operands
 * need no wrapper object (the full parser's `Operand`), and a chain is grouped from the token
 * indices of its connectives.
 */
class FastParser {
  private codes: Uint8Array = new Uint8Array(1);
  private starts: Int32Array = new Int32Array(1);
  private ends: Int32Array = new Int32Array(1);
  private texts: readonly (string | undefined)[] = [];
  /** The next token. */
  private pos = 0;

  /** The tree of the tokens in `buffer`, or undefined on any syntax error. */
  parse(buffer: TokenBuffer): Expression | undefined {
    this.codes = buffer.codes;
    this.starts = buffer.starts;
    this.ends = buffer.ends;
    this.texts = buffer.texts;
    this.pos = 0;
    const expression = this.expression();
    return this.pos === buffer.count ? expression : undefined;
  }

  private expression(): Expression | undefined {
    const from = this.pos;
    const first = this.operand();
    if (first === undefined) return undefined;
    let code = this.codes[this.pos];
    if (code !== AND_CODE && code !== OR_CODE) return first;
    const connective = code;
    const operands: Expression[] = [first];
    /** The token index of each connective. */
    const connectives: number[] = [];
    let mixed = false;
    do {
      if (code !== connective) mixed = true;
      connectives.push(this.pos++);
      const next = this.operand();
      if (next === undefined) return undefined;
      operands.push(next);
      code = this.codes[this.pos];
    } while (code === AND_CODE || code === OR_CODE);
    if (mixed) return this.combine(from, operands, connectives);
    // One connective throughout: one n-ary node of all the operands, as combine builds it.
    const span = { start: this.starts[from]!, end: this.ends[this.pos - 1]! };
    return connective === AND_CODE ? createAnd(operands, span) : createOr(operands, span);
  }

  /**
   * A chain that mixes `and` and `or`, with precedence as `combine` in parser.ts applies it: each run of
   * operands joined by `and` becomes one n-ary `and` (a run of one stays as it is), and the runs
   * one n-ary `or`. `connectives` holds the token index of each connective; operand i extends from
   * after connective i - 1 (or `from`) to before connective i (or the last token read).
   */
  private combine(from: number, operands: readonly Expression[], connectives: readonly number[]): Expression {
    const last = operands.length - 1;
    const groups: Expression[] = [];
    let runStart = 0;
    for (let i = 0; i <= last; i++) {
      if (i < last && this.codes[connectives[i]!] === AND_CODE) continue;
      if (i === runStart) {
        groups.push(operands[i]!);
      } else {
        const start = this.starts[runStart === 0 ? from : connectives[runStart - 1]! + 1]!;
        const end = this.ends[i === last ? this.pos - 1 : connectives[i]! - 1]!;
        groups.push(createAnd(operands.slice(runStart, i + 1), { start, end }));
      }
      runStart = i + 1;
    }
    // A mixed chain has an `or`, so two groups at least.
    return createOr(groups, { start: this.starts[from]!, end: this.ends[this.pos - 1]! });
  }

  private operand(): Expression | undefined {
    const at = this.pos;
    switch (this.codes[at]) {
      case FIELD_CODE:
        return this.predicate(at);
      case NOT_CODE: {
        this.pos++;
        const operand = this.operand();
        if (operand === undefined) return undefined;
        return createNot(operand, { start: this.starts[at]!, end: this.ends[this.pos - 1]! });
      }
      case OPEN_CODE: {
        this.pos++;
        const grouped = this.expression();
        if (grouped === undefined || this.codes[this.pos] !== CLOSE_CODE) return undefined;
        this.pos++;
        return grouped;
      }
      case PR_CODE: {
        if (this.codes[at + 1] !== FIELD_CODE) return undefined;
        this.pos = at + 2;
        const span = { start: this.starts[at]!, end: this.ends[at + 1]! };
        return createPresence(this.field(at + 1), 'pr', this.span(at), span);
      }
      default:
        return undefined;
    }
  }

  /** The predicate whose field is token `at`. */
  private predicate(at: number): Expression | undefined {
    const code = this.codes[at + 1]!;
    if (code >= EQ_CODE && code <= SW_CODE) {
      const value = this.value(at + 2);
      if (value === undefined) return undefined;
      this.pos = at + 3;
      const op = WORDS[code] as CompareOperator;
      const span = { start: this.starts[at]!, end: this.ends[at + 2]! };
      return createComparison(this.field(at), op, this.span(at + 1), value, span);
    }
    if (code === IN_CODE || code === CA_CODE) {
      if (this.codes[at + 2] !== OPEN_CODE) return undefined;
      const values: ValueNode[] = [];
      let i = at + 3;
      for (;;) {
        const value = this.value(i);
        if (value === undefined) return undefined;
        values.push(value);
        if (this.codes[++i] !== COMMA_CODE) break;
        i++;
      }
      if (this.codes[i] !== CLOSE_CODE) return undefined;
      this.pos = i + 1;
      const op = WORDS[code] as ListOperator;
      const span = { start: this.starts[at]!, end: this.ends[i]! };
      return createList(this.field(at), op, this.span(at + 1), values, span);
    }
    if (code === PR_CODE || code === ISNULL_CODE) {
      this.pos = at + 2;
      const span = { start: this.starts[at]!, end: this.ends[at + 1]! };
      return createPresence(this.field(at), code === PR_CODE ? 'pr' : 'isnull', this.span(at + 1), span);
    }
    return undefined;
  }

  /** The value node of token `i`, or undefined when it is no value. */
  private value(i: number): ValueNode | undefined {
    switch (this.codes[i]) {
      case STRING_CODE:
        return createString(this.texts[i]!, this.span(i));
      case NUMBER_CODE:
        return createNumber(this.texts[i]!, this.span(i));
      case DATE_TIME_CODE:
        return createDateTime(this.texts[i]!, this.span(i));
      case TRUE_CODE:
        return createBoolean(true, this.span(i));
      case FALSE_CODE:
        return createBoolean(false, this.span(i));
      default:
        return undefined;
    }
  }

  private field(i: number): FieldNode {
    return createField(this.texts[i]!, this.span(i));
  }

  private span(i: number): Span {
    return { start: this.starts[i]!, end: this.ends[i]! };
  }
}

const parser = new FastParser();

/** The buffer every parse reuses; one that grew past this many tokens is let go after use. */
let shared = new TokenBuffer(256);
const KEPT_CAPACITY = 1 << 14;

/**
 * The fast path of `parse`: the tree of a well-formed filter, or undefined where the full pipeline
 * must read it (anything the fast lexer declines, and any syntax error).
 */
export function fastParseText(text: string, limits: ParseLimits): Expression | undefined {
  const buffer = shared;
  const ast = scan(text, limits, buffer) ? parser.parse(buffer) : undefined;
  if (buffer.capacity > KEPT_CAPACITY) shared = new TokenBuffer(256);
  return ast;
}

/** Parses a filled buffer on the fast path (for fast-tokens.ts, which fills one from tokens). */
export function parseBuffer(buffer: TokenBuffer): Expression | undefined {
  return parser.parse(buffer);
}

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
} from '../../ast/index.js';
import type { ParseLimits } from '../limits.js';
import { Group } from './group.js';
import { scan } from './scan.js';
import { TokenBuffer } from './token-buffer.js';
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
  TRUE_CODE,
  WORDS,
} from './token-codes.js';

/**
 * The parser's fast path: the grammar of {@link FilterParser} (full/parser.ts), hand-written over the
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
 * must be read. It never recurses: an open parenthesis pushes a {@link Group} on an explicit
 * stack and its `)` pops it, and the `not`s before an operand are counted in a loop, so the call
 * stack it needs is the same at any depth. An operand's extent (which includes its parentheses,
 * and sets the span of the `and`, `or` or `not` around it) is the offsets of its first and last
 * tokens, so operands need no wrapper object (the full parser's `Operand`), and a chain is
 * grouped from the token indices of its connectives.
 */
class FastParser {
  private codes: Uint8Array = new Uint8Array(1);
  private starts: Int32Array = new Int32Array(1);
  private ends: Int32Array = new Int32Array(1);
  private texts: readonly (string | undefined)[] = [];
  /** The next token. */
  private pos = 0;
  /** The open groups, innermost last; `groups[0]` is the whole filter. Reused across parses. */
  private readonly groups: Group[] = [];
  /** Token indices of the `not`s read before the operand being read (all levels, innermost last). */
  private readonly nots: number[] = [];

  /** The tree of the tokens in `buffer`, or undefined on any syntax error. */
  parse(buffer: TokenBuffer): Expression | undefined {
    this.codes = buffer.codes;
    this.starts = buffer.starts;
    this.ends = buffer.ends;
    this.texts = buffer.texts;
    this.pos = 0;
    if (this.nots.length > 0) this.nots.length = 0;
    const codes = this.codes;
    let depth = 0;
    let group = this.group(0, 0);
    for (;;) {
      // An operand: `not`s and `(`s, then a predicate or `pr field`.
      let code = codes[this.pos]!;
      while (code === NOT_CODE || code === OPEN_CODE) {
        if (code === NOT_CODE) {
          this.nots.push(this.pos++);
        } else {
          group = this.group(++depth, ++this.pos);
        }
        code = codes[this.pos]!;
      }
      let operand = code === FIELD_CODE ? this.predicate(this.pos) : this.prefixPresence();
      if (operand === undefined) return undefined;
      if (this.nots.length > group.nots) operand = this.applyNots(operand, group.nots);
      // After an operand: `)`s close groups, and a connective calls for the next operand.
      for (;;) {
        group.add(operand);
        code = codes[this.pos]!;
        if (code === AND_CODE || code === OR_CODE) {
          group.connective(this.pos++, code);
          break;
        }
        if (code !== CLOSE_CODE || depth === 0) {
          if (depth > 0 || this.pos !== buffer.count) return undefined;
          return this.close(group);
        }
        const grouped = this.close(group);
        this.pos++;
        group = this.groups[--depth]!;
        // The `not`s read in the enclosing group before this group's `(` apply to all of it.
        operand = this.nots.length > group.nots ? this.applyNots(grouped, group.nots) : grouped;
      }
    }
  }

  /** The group at `depth`, reset to start at token `from` (taken from the pool). */
  private group(depth: number, from: number): Group {
    let group = this.groups[depth];
    if (group === undefined) {
      group = new Group();
      this.groups[depth] = group;
    }
    group.reset(from, this.nots.length);
    return group;
  }

  /**
   * Wraps `operand` in the `not`s read since `mark` (the innermost first), each spanning from
   * its `not` to the operand's last token, and forgets them.
   */
  private applyNots(operand: Expression, mark: number): Expression {
    let expression = operand;
    const end = this.ends[this.pos - 1]!;
    for (let i = this.nots.length - 1; i >= mark; i--) {
      expression = createNot(expression, { start: this.starts[this.nots[i]!]!, end });
    }
    this.nots.length = mark;
    return expression;
  }

  /** The expression of a group whose last operand was just read (its `)`, if any, is next). */
  private close(group: Group): Expression {
    const { operands, connectives } = group;
    // One operand: itself, with no node around it.
    if (operands === undefined || connectives === undefined) return group.first!;
    const from = group.from;
    const span = { start: this.starts[from]!, end: this.ends[this.pos - 1]! };
    // One connective throughout: one n-ary node of all the operands, as combine builds it.
    if (!group.mixed) return group.and ? createAnd(operands, span) : createOr(operands, span);
    return this.combine(from, operands, connectives);
  }

  /**
   * A chain that mixes `and` and `or`, with precedence as `combine` in full/tree-actions.ts applies it: each run of
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

  /** `pr field` at the next token; undefined if it does not stand there. */
  private prefixPresence(): Expression | undefined {
    const at = this.pos;
    if (this.codes[at] !== PR_CODE || this.codes[at + 1] !== FIELD_CODE) return undefined;
    this.pos = at + 2;
    const span = { start: this.starts[at]!, end: this.ends[at + 1]! };
    return createPresence(this.field(at + 1), 'pr', this.span(at), span);
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

/** Parses a filled buffer on the fast path (for internal.ts, which fills one from tokens). */
export function parseBuffer(buffer: TokenBuffer): Expression | undefined {
  return parser.parse(buffer);
}

import type { TokenType } from 'chevrotain';
import { type Diagnostic, error, quote, replaceFix } from '../../diagnostic/index.js';
import type { SyntaxCode } from '../codes.js';
import type { ParseLimits } from '../limits.js';
import { makeToken, type Token } from './token.js';
import * as T from './tokens.js';

/** The token stream made ready for the parser, or the limit it broke. */
export interface StructureResult {
  /** Tokens with unmatched `)` removed and missing `)` supplied at the end. */
  readonly tokens: readonly Token[];
  readonly diagnostics: readonly Diagnostic[];
  /** A limit was exceeded: the parser must not run. */
  readonly limitExceeded: boolean;
  /**
   * The indices in `tokens` of the parentheses that group (not those of a list operator's list), in
   * order: each `(` is matched by the `)` that closes it, as a well-nested sequence.
   */
  readonly groupParens: readonly number[];
}

const predicateOperators = T.primitiveOperatorTokens;

const literalTypes: ReadonlySet<TokenType> = new Set([
  T.StringLiteral,
  T.NumberLiteral,
  T.DateTimeLiteral,
  T.True,
  T.False,
]);

const PAREN = -1;

const startsOperand: ReadonlySet<TokenType> = new Set([T.Identifier, T.Not, T.LParen, T.Pr]);

/** Whether the tokens so far end a complete operand: a value, a presence operator, a `)`, or `pr field`. */
function endsOperand(kept: readonly Token[]): boolean {
  const last = kept[kept.length - 1]?.tokenType;
  if (last === undefined) return false;
  if (literalTypes.has(last) || T.postfixPresenceTokens.has(last) || last === T.RParen) return true;
  const before = kept[kept.length - 2]?.tokenType;
  if (last === T.Pr) return before === T.Identifier;
  return last === T.Identifier && before === T.Pr;
}

/**
 * One linear pass over the tokens before parsing: matches parentheses (reporting each unmatched
 * one where it stands), and measures nesting depth, predicate count and list length against the
 * limits. Depth counts open parentheses plus pending `not`s, the nesting any tree walker will
 * meet, so the parser only runs on input within the limits.
 */
export function checkStructure(text: string, tokens: readonly Token[], limits: ParseLimits): StructureResult {
  const checker = new StructureChecker(text, limits);
  checker.feed(tokens, tokens.length);
  return checker.finish(false);
}

/**
 * {@link checkStructure} as the lexer goes: {@link feed} takes the tokens the lexer has finished
 * with, so that a limit stops lexing where it is exceeded (a run of 64 Mi `(` stops after
 * `maxDepth` of them, without tokens for the rest).
 */
export class StructureChecker {
  private readonly kept: Token[] = [];
  private readonly diagnostics: Diagnostic[] = [];
  private readonly groupParens: number[] = [];
  /** Frames: PAREN for an open group, or the index of a pending `not`. */
  private readonly frames: number[] = [];
  /** Indices in `kept` of the open groups' `(`. */
  private readonly openParens: number[] = [];
  private listOpen: Token | undefined;
  private listValues = 0;
  private predicates = 0;
  /** The next input token to read. */
  private next = 0;
  /** Set when a limit was exceeded: nothing more is read. */
  limitExceeded = false;

  constructor(
    private readonly text: string,
    private readonly limits: ParseLimits,
  ) {}

  /** How many diagnostics so far. */
  get errorCount(): number {
    return this.diagnostics.length;
  }

  /**
   * Reads `tokens` up to (not including) index `upTo`. The token after each one read must be
   * final (`x in "a"` looks one ahead). Returns false once a limit is exceeded.
   */
  feed(tokens: readonly Token[], upTo: number): boolean {
    while (this.next < upTo && !this.limitExceeded) this.read(tokens, this.next++);
    return !this.limitExceeded;
  }

  /**
   * The result. `truncated`: the input was not read to its end (too many errors); open
   * parentheses are then closed without a diagnostic, since the problem may lie in the unread rest.
   */
  finish(truncated: boolean): StructureResult {
    const { kept, diagnostics } = this;
    if (this.limitExceeded) {
      return { tokens: kept, diagnostics, limitExceeded: true, groupParens: this.groupParens };
    }
    const end = this.text.length;
    if (this.listOpen) {
      if (!truncated) {
        diagnostics.push(
          error('unclosed-parenthesis', 'This list has no closing `)`', {
            start: this.listOpen.startOffset,
            end: this.listOpen.startOffset + 1,
          }),
        );
      }
      kept.push(makeToken(T.RParen, '', end, end));
    }
    for (let i = this.openParens.length - 1; i >= 0; i--) {
      const open = kept[this.openParens[i]!]!;
      if (!truncated) {
        diagnostics.push(
          error('unclosed-parenthesis', `This ${quote('(')} has no closing \`)\``, {
            start: open.startOffset,
            end: open.startOffset + 1,
          }),
        );
      }
      this.groupParens.push(kept.length);
      kept.push(makeToken(T.RParen, '', end, end));
    }
    this.openParens.length = 0;
    return { tokens: kept, diagnostics, limitExceeded: false, groupParens: this.groupParens };
  }

  private exceeded(code: SyntaxCode, message: string, token: Token): void {
    this.diagnostics.push(error(code, message, { start: token.startOffset, end: token.endOffset! + 1 }));
    this.limitExceeded = true;
  }

  private popNots(): void {
    const { frames } = this;
    while (frames.length > 0 && frames[frames.length - 1] !== PAREN) frames.pop();
  }

  private read(tokens: readonly Token[], i: number): void {
    const { kept, diagnostics, frames, limits } = this;
    const token = tokens[i]!;
    const type = token.tokenType;
    if (startsOperand.has(type) && !this.listOpen && endsOperand(kept)) {
      // `a eq 1 b eq 2`: no `and`/`or` between two predicates. Which one was meant is not
      // certain, so there is no fix; a stand-in `and` lets parsing go on to later problems.
      const gap = { start: kept[kept.length - 1]!.endOffset! + 1, end: token.startOffset };
      diagnostics.push(
        error('missing-connective', `Expected \`and\` or \`or\` before ${quote(token.image)}`, gap),
      );
      kept.push(makeToken(T.And, '', gap.start, gap.start));
    }
    if (type === T.LParen) {
      const previous = kept[kept.length - 1]?.tokenType;
      if (previous !== undefined && T.listOperatorTokens.has(previous)) {
        this.listOpen = token;
        this.listValues = 0;
      } else {
        frames.push(PAREN);
        if (frames.length > limits.maxDepth) {
          this.exceeded('nesting-too-deep', `Nesting deeper than ${limits.maxDepth} levels`, token);
          return;
        }
        this.openParens.push(kept.length);
        this.groupParens.push(kept.length);
      }
    } else if (type === T.RParen) {
      if (this.listOpen) {
        this.listOpen = undefined;
      } else {
        this.popNots();
        if (frames.length === 0) {
          diagnostics.push(
            error('unmatched-closing-parenthesis', 'This `)` closes no `(`', {
              start: token.startOffset,
              end: token.startOffset + 1,
            }),
          );
          return;
        }
        frames.pop();
        this.openParens.pop();
        this.groupParens.push(kept.length);
        this.popNots();
      }
    } else if (type === T.Not) {
      frames.push(i);
      if (frames.length > limits.maxDepth) {
        this.exceeded('nesting-too-deep', `Nesting deeper than ${limits.maxDepth} levels`, token);
        return;
      }
    } else if (type === T.And || type === T.Or) {
      this.popNots();
    } else if (predicateOperators.has(type)) {
      if (++this.predicates > limits.maxComparisons) {
        this.exceeded(
          'too-many-comparisons',
          `More than ${limits.maxComparisons} comparisons in one filter`,
          token,
        );
        return;
      }
      const next = tokens[i + 1];
      if (T.listOperatorTokens.has(type) && next && literalTypes.has(next.tokenType)) {
        // `x in "a"`: one value without its parentheses; supply them so that parsing reads on.
        const at = { start: next.startOffset, end: next.endOffset! + 1 };
        diagnostics.push(
          error(
            'expected-list',
            `\`${token.image}\` takes a list in parentheses: write ${quote(`(${next.image})`)}`,
            at,
            [replaceFix('Put the value in parentheses', at, `(${next.image})`)],
          ),
        );
        kept.push(
          token,
          makeToken(T.LParen, '', at.start, at.start),
          next,
          makeToken(T.RParen, '', at.end, at.end),
        );
        this.next++;
        return;
      }
    } else if (this.listOpen && type !== T.Comma) {
      if (++this.listValues > limits.maxListValues) {
        this.exceeded('list-too-long', `More than ${limits.maxListValues} values in one list`, token);
        return;
      }
    }
    kept.push(token);
  }
}

import type { TokenType } from 'chevrotain';
import { type Diagnostic, error, quote, replaceFix } from '../diagnostic/index.js';
import type { ParseLimits } from './limits.js';
import { makeToken, type Token } from './token-stream.js';
import * as T from './tokens.js';

/** The token stream made ready for the parser, or the limit it broke. */
export interface StructureResult {
  /** Tokens with unmatched `)` removed and missing `)` supplied at the end. */
  readonly tokens: readonly Token[];
  readonly diagnostics: readonly Diagnostic[];
  /** A limit was exceeded: the parser must not run. */
  readonly limitExceeded: boolean;
}

const predicateOperators: ReadonlySet<TokenType> = new Set([
  T.Eq,
  T.Ne,
  T.Gt,
  T.Ge,
  T.Lt,
  T.Le,
  T.Co,
  T.Sw,
  T.In,
  T.Ca,
  T.Pr,
  T.Isnull,
]);

const literalTypes: ReadonlySet<TokenType> = new Set([
  T.StringLiteral,
  T.NumberLiteral,
  T.DateTimeLiteral,
  T.True,
  T.False,
]);

const PAREN = -1;

const startsOperand: ReadonlySet<TokenType> = new Set([T.Identifier, T.Not, T.LParen, T.Pr]);

/** Whether the tokens so far end a complete operand: a value, `pr`/`isnull`, a `)`, or `pr field`. */
function endsOperand(kept: readonly Token[]): boolean {
  const last = kept[kept.length - 1]?.tokenType;
  if (last === undefined) return false;
  if (literalTypes.has(last) || last === T.Isnull || last === T.RParen) return true;
  const before = kept[kept.length - 2]?.tokenType;
  if (last === T.Pr) return before === T.Identifier;
  return last === T.Identifier && before === T.Pr;
}

/**
 * One linear pass over the tokens before parsing: matches parentheses (reporting each unmatched
 * one where it stands), and measures nesting depth, predicate count and list length against the
 * limits. Depth counts open parentheses plus pending `not`s, exactly the recursion the parser and
 * any tree walker will need, so the parser only runs on input it can handle.
 */
export function checkStructure(text: string, tokens: readonly Token[], limits: ParseLimits): StructureResult {
  const diagnostics: Diagnostic[] = [];
  const kept: Token[] = [];
  // Frames: PAREN for an open group, or the index of a pending `not`.
  const frames: number[] = [];
  const openParens: Token[] = [];
  let listOpen: Token | undefined;
  let listValues = 0;
  let predicates = 0;
  const exceeded = (code: string, message: string, token: Token): StructureResult => {
    diagnostics.push(error(code, message, { start: token.startOffset, end: token.endOffset! + 1 }));
    return { tokens: kept, diagnostics, limitExceeded: true };
  };
  const popNots = (): void => {
    while (frames.length > 0 && frames[frames.length - 1] !== PAREN) frames.pop();
  };

  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    const type = token.tokenType;
    if (startsOperand.has(type) && !listOpen && endsOperand(kept)) {
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
      if (previous === T.In || previous === T.Ca) {
        listOpen = token;
        listValues = 0;
      } else {
        frames.push(PAREN);
        openParens.push(token);
        if (frames.length > limits.maxDepth) {
          return exceeded('nesting-too-deep', `Nesting deeper than ${limits.maxDepth} levels`, token);
        }
      }
    } else if (type === T.RParen) {
      if (listOpen) {
        listOpen = undefined;
      } else {
        popNots();
        if (frames.length === 0) {
          diagnostics.push(
            error('unmatched-closing-parenthesis', 'This `)` closes no `(`', {
              start: token.startOffset,
              end: token.startOffset + 1,
            }),
          );
          continue;
        }
        frames.pop();
        openParens.pop();
        popNots();
      }
    } else if (type === T.Not) {
      frames.push(i);
      if (frames.length > limits.maxDepth) {
        return exceeded('nesting-too-deep', `Nesting deeper than ${limits.maxDepth} levels`, token);
      }
    } else if (type === T.And || type === T.Or) {
      popNots();
    } else if (predicateOperators.has(type)) {
      if (++predicates > limits.maxComparisons) {
        return exceeded(
          'too-many-comparisons',
          `More than ${limits.maxComparisons} comparisons in one filter`,
          token,
        );
      }
      const next = tokens[i + 1];
      if ((type === T.In || type === T.Ca) && next && literalTypes.has(next.tokenType)) {
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
        i++;
        continue;
      }
    } else if (listOpen && type !== T.Comma) {
      if (++listValues > limits.maxListValues) {
        return exceeded('list-too-long', `More than ${limits.maxListValues} values in one list`, token);
      }
    }
    kept.push(token);
  }
  const end = text.length;
  if (listOpen) {
    diagnostics.push(
      error('unclosed-parenthesis', 'This list has no closing `)`', {
        start: listOpen.startOffset,
        end: listOpen.startOffset + 1,
      }),
    );
    kept.push(makeToken(T.RParen, '', end, end));
  }
  for (let i = openParens.length - 1; i >= 0; i--) {
    const open = openParens[i]!;
    diagnostics.push(
      error('unclosed-parenthesis', `This ${quote('(')} has no closing \`)\``, {
        start: open.startOffset,
        end: open.startOffset + 1,
      }),
    );
    kept.push(makeToken(T.RParen, '', end, end));
  }
  return { tokens: kept, diagnostics, limitExceeded: false };
}

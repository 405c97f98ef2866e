import { createToken, type TokenType } from 'chevrotain';

/**
 * Chevrotain token types. The lexer is hand-written (see lexer.ts) and hands Chevrotain ready
 * tokens, so these carry no patterns: Chevrotain uses them only for matching, categories and
 * the railroad diagrams. `LABEL` is how a token is named to users in messages and diagrams.
 */

// Categories: one CONSUME matches every operator of a family (Chevrotain's token categories).
export const CompareOperatorToken = createToken({ name: 'CompareOperator', label: 'a comparison operator' });
export const ListOperatorToken = createToken({ name: 'ListOperator', label: '`in` or `ca`' });
export const LiteralToken = createToken({ name: 'Literal', label: 'a value' });
/** `and` or `or`: the parser reads a connective with one CONSUME of this category. */
export const ConnectiveToken = createToken({ name: 'Connective', label: '`and` or `or`' });

function keyword(word: string, categories: TokenType[] = []): TokenType {
  return createToken({
    name: word.charAt(0).toUpperCase() + word.slice(1),
    label: `\`${word}\``,
    categories,
  });
}

export const And = keyword('and', [ConnectiveToken]);
export const Or = keyword('or', [ConnectiveToken]);
export const Not = keyword('not');
export const Eq = keyword('eq', [CompareOperatorToken]);
export const Ne = keyword('ne', [CompareOperatorToken]);
export const Gt = keyword('gt', [CompareOperatorToken]);
export const Ge = keyword('ge', [CompareOperatorToken]);
export const Lt = keyword('lt', [CompareOperatorToken]);
export const Le = keyword('le', [CompareOperatorToken]);
export const Co = keyword('co', [CompareOperatorToken]);
export const Sw = keyword('sw', [CompareOperatorToken]);
export const In = keyword('in', [ListOperatorToken]);
export const Ca = keyword('ca', [ListOperatorToken]);
export const Pr = keyword('pr');
export const Isnull = keyword('isnull');
export const True = keyword('true', [LiteralToken]);
export const False = keyword('false', [LiteralToken]);

export const LParen = createToken({ name: 'LParen', label: '`(`' });
export const RParen = createToken({ name: 'RParen', label: '`)`' });
export const Comma = createToken({ name: 'Comma', label: '`,`' });
export const StringLiteral = createToken({ name: 'String', label: 'a string', categories: [LiteralToken] });
export const NumberLiteral = createToken({ name: 'Number', label: 'a number', categories: [LiteralToken] });
export const DateTimeLiteral = createToken({
  name: 'DateTime',
  label: 'a date-time',
  categories: [LiteralToken],
});
export const Identifier = createToken({ name: 'Field', label: 'a field name' });
/**
 * A parenthesized group that has already been parsed (its tree is the token's `payload`): the
 * full pipeline parses each group on its own, innermost first, and hands the enclosing one this
 * token in its place, so that no parse recurses per level of nesting (see parse-groups.ts).
 */
export const Group = createToken({ name: 'Group', label: '`(`' });

/** Every token type, categories first (Chevrotain's order requirement for its vocabulary). */
export const allTokens: TokenType[] = [
  CompareOperatorToken,
  ListOperatorToken,
  LiteralToken,
  ConnectiveToken,
  And,
  Or,
  Not,
  Eq,
  Ne,
  Gt,
  Ge,
  Lt,
  Le,
  Co,
  Sw,
  In,
  Ca,
  Pr,
  Isnull,
  True,
  False,
  LParen,
  RParen,
  Comma,
  StringLiteral,
  NumberLiteral,
  DateTimeLiteral,
  Identifier,
  Group,
];

/** The token type of each reserved word, by its exact (lowercase) spelling. */
export const keywordTokens: ReadonlyMap<string, TokenType> = new Map([
  ['and', And],
  ['or', Or],
  ['not', Not],
  ['eq', Eq],
  ['ne', Ne],
  ['gt', Gt],
  ['ge', Ge],
  ['lt', Lt],
  ['le', Le],
  ['co', Co],
  ['sw', Sw],
  ['in', In],
  ['ca', Ca],
  ['pr', Pr],
  ['isnull', Isnull],
  ['true', True],
  ['false', False],
]);

/** The primitive operator words, which may follow a field (kept in spellings.ts, free of Chevrotain). */
export { operatorWords } from './spellings.js';

import { createToken, type TokenType } from 'chevrotain';
import { orList } from '../../language/operator-text.js';
import {
  COMPARE_OPERATORS,
  KEYWORDS,
  type Keyword,
  LIST_OPERATORS,
  PRESENCE_OPERATORS,
  PRIMITIVE_OPERATORS,
} from '../../language/operators.js';

/**
 * Chevrotain token types. The lexer is hand-written (see lexer.ts) and hands Chevrotain ready
 * tokens, so these carry no patterns: Chevrotain uses them only for matching, categories and
 * the railroad diagrams. `LABEL` is how a token is named to users in messages and diagrams.
 */

// Categories: one CONSUME matches every operator of a family (Chevrotain's token categories).
export const CompareOperatorToken = createToken({ name: 'CompareOperator', label: 'a comparison operator' });
export const ListOperatorToken = createToken({
  name: 'ListOperator',
  label: orList(LIST_OPERATORS, (word) => `\`${word}\``),
});
export const LiteralToken = createToken({ name: 'Literal', label: 'a value' });
/** `and` or `or`: the parser reads a connective with one CONSUME of this category. */
export const ConnectiveToken = createToken({ name: 'Connective', label: '`and` or `or`' });

function keyword(word: Keyword): TokenType {
  return createToken({
    name: word.charAt(0).toUpperCase() + word.slice(1),
    label: `\`${word}\``,
    categories: categoriesOf(word),
  });
}

/** The categories of a keyword, from the family language/operators.ts puts it in. */
function categoriesOf(word: Keyword): TokenType[] {
  if ((COMPARE_OPERATORS as readonly string[]).includes(word)) return [CompareOperatorToken];
  if ((LIST_OPERATORS as readonly string[]).includes(word)) return [ListOperatorToken];
  if (word === 'and' || word === 'or') return [ConnectiveToken];
  if (word === 'true' || word === 'false') return [LiteralToken];
  return [];
}

/**
 * The token type of each reserved word, by its exact (lowercase) spelling: one per keyword of
 * language/operators.ts, in its order (the fast path's token codes follow the same order).
 */
export const keywordTokens: ReadonlyMap<string, TokenType> = new Map(
  KEYWORDS.map((word) => [word, keyword(word)]),
);

const keywordToken = (word: Keyword): TokenType => keywordTokens.get(word)!;

/** The token types of the comparison operators (`eq` ... `sw`), from the language's table. */
export const compareOperatorTokens: ReadonlySet<TokenType> = new Set(COMPARE_OPERATORS.map(keywordToken));
/** The token types of the list operators (`in`, `ca`). */
export const listOperatorTokens: ReadonlySet<TokenType> = new Set(LIST_OPERATORS.map(keywordToken));
/** The token types of the presence operators (`pr`, `isnull`). */
export const presenceOperatorTokens: ReadonlySet<TokenType> = new Set(PRESENCE_OPERATORS.map(keywordToken));
/**
 * The presence operators that only follow a field (all but `pr`, which also starts an operand as
 * `pr field`): such a token ends an operand.
 */
export const postfixPresenceTokens: ReadonlySet<TokenType> = new Set(
  PRESENCE_OPERATORS.filter((word) => word !== 'pr').map(keywordToken),
);
/** The token types of every primitive operator: what follows a field. */
export const primitiveOperatorTokens: ReadonlySet<TokenType> = new Set(PRIMITIVE_OPERATORS.map(keywordToken));

export const And = keywordToken('and');
export const Or = keywordToken('or');
export const Not = keywordToken('not');
// The operators the grammar and the lexer's repairs name one by one: the stand-in operator, the
// one that also starts an operand (`pr field`), and what `is null` means. The others are reached
// through the sets above.
export const Eq = keywordToken('eq');
export const Pr = keywordToken('pr');
export const Isnull = keywordToken('isnull');
export const True = keywordToken('true');
export const False = keywordToken('false');

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
  ...keywordTokens.values(),
  LParen,
  RParen,
  Comma,
  StringLiteral,
  NumberLiteral,
  DateTimeLiteral,
  Identifier,
  Group,
];

/** The primitive operator words, which may follow a field (kept in spellings.ts, free of Chevrotain). */
export { operatorWords } from '../spellings.js';

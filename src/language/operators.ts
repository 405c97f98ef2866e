/**
 * What the language's operator table ({@link OPERATOR_TABLE}, in `operator-table.ts`) implies:
 * the categories, the keywords, the lookups and the operator-by-type rule
 * ({@link operatorProblem}). Nothing here names an operator: every list is derived from the table.
 * @module
 */

import {
  type COMPOSITE_TABLE,
  COMPOSITE_WORDS,
  OPERATOR_MEANINGS,
  OPERATOR_RULES,
  type OPERATOR_TABLE,
  type OperatorKind,
  type OperatorRules,
} from './operator-table.js';

export {
  COMPOSITE_TABLE,
  OPERATOR_RULES,
  OPERATOR_TABLE,
  type OperatorEntry,
  type OperatorKind,
  type OperatorRules,
} from './operator-table.js';

/** The kinds of literal a filter can hold (a value node's `kind`). */
export type LiteralKind = 'string' | 'number' | 'boolean' | 'date-time';

/** One row of {@link OPERATOR_TABLE}, as its literal type (the builder maps its methods over these). */
export type OperatorRow = (typeof OPERATOR_TABLE)[number];

type Table = typeof OPERATOR_TABLE;
type Row = Table[number];

/** The words of the rows of `Rows` that have `Match`, in table order (a tuple type). */
type WordsWhere<Rows extends readonly Row[], Match> = Rows extends readonly [
  infer First extends Row,
  ...infer Rest extends readonly Row[],
]
  ? First extends Match
    ? readonly [First['word'], ...WordsWhere<Rest, Match>]
    : WordsWhere<Rest, Match>
  : readonly [];

/**
 * The words of the rows that have every property of `match`: one pattern for the type and the value.
 * Free of side effects (so marked): a bundle drops the lists it does not read.
 */
/* @__NO_SIDE_EFFECTS__ */
function wordsWhere<const Match extends Partial<OperatorRules>>(match: Match): WordsWhere<Table, Match> {
  const pattern = Object.entries(match) as [keyof OperatorRules, unknown][];
  const rows = OPERATOR_RULES.filter((row) => pattern.every(([key, value]) => row[key] === value));
  return rows.map((row) => row.word) as unknown as WordsWhere<Table, Match>;
}

/** The operators that compare a field with one value. */
export const COMPARE_OPERATORS = wordsWhere({ kind: 'comparison' });
/** A comparison operator (a row of kind `comparison`): `field op value`. */
export type CompareOperator = Extract<(typeof OPERATOR_TABLE)[number], { kind: 'comparison' }>['word'];

/** The operators that take a parenthesised list of values. */
export const LIST_OPERATORS = wordsWhere({ kind: 'list' });
/** A list operator (a row of kind `list`): `field op (value, ...)`. */
export type ListOperator = Extract<(typeof OPERATOR_TABLE)[number], { kind: 'list' }>['word'];

/** The operators that test a field for presence. */
export const PRESENCE_OPERATORS = wordsWhere({ kind: 'presence' });
/** A presence operator (a row of kind `presence`): `field op`, and `pr field` for `pr`. */
export type PresenceOperator = Extract<(typeof OPERATOR_TABLE)[number], { kind: 'presence' }>['word'];

/** The primitive operators of the language, in the table's order. */
export const PRIMITIVE_OPERATORS = wordsWhere({});
/** Any primitive (field-level) operator. */
export type PrimitiveOperator = (typeof OPERATOR_TABLE)[number]['word'];

/** The operators that order values (the rows with `orders`). */
export type OrderingOperator = Extract<(typeof OPERATOR_TABLE)[number], { orders: true }>['word'];
/** The operators that compare text only (the rows with `textOnly`): the pattern matches of the compilers. */
export type TextOperator = Extract<(typeof OPERATOR_TABLE)[number], { textOnly: true }>['word'];

/** The composite (boolean) operators, in the table's order. */
export const COMPOSITE_OPERATORS = COMPOSITE_WORDS;
/** A composite operator. */
export type CompositeOperator = (typeof COMPOSITE_TABLE)[number]['word'];

/** The boolean literals, reserved like the operators. */
const BOOLEAN_WORDS = ['true', 'false'] as const;

/** Every word the language reserves, in the order of the fast lexer's keyword codes; none of them can be a whole field name. */
export const KEYWORDS = [...COMPOSITE_OPERATORS, ...PRIMITIVE_OPERATORS, ...BOOLEAN_WORDS] as const;
/** A reserved word. */
export type Keyword = (typeof KEYWORDS)[number];

const keywordSet: ReadonlySet<string> = new Set(KEYWORDS);
/** Whether `word` is a reserved word (exact, lowercase spelling). */
export function isKeyword(word: string): word is Keyword {
  return keywordSet.has(word);
}

const entries: ReadonlyMap<string, OperatorRules> = new Map(OPERATOR_RULES.map((row) => [row.word, row]));

/** The rules of `word`, or undefined when it is no primitive operator (any string is safe, `__proto__` too). */
export function operatorEntry(word: unknown): OperatorRules | undefined {
  return typeof word === 'string' ? entries.get(word) : undefined;
}

/**
 * What `word` means, in the table's words (a primitive or composite operator), or undefined for
 * any other string (`__proto__` too).
 */
export function operatorMeaning(word: PrimitiveOperator | CompositeOperator): string;
export function operatorMeaning(word: unknown): string | undefined;
export function operatorMeaning(word: unknown): string | undefined {
  if (typeof word !== 'string' || !Object.hasOwn(OPERATOR_MEANINGS, word)) return undefined;
  return OPERATOR_MEANINGS[word as keyof typeof OPERATOR_MEANINGS];
}

/** Whether `word` is a primitive operator (exact, lowercase spelling). */
export function isPrimitiveOperator(word: unknown): word is PrimitiveOperator {
  return operatorEntry(word) !== undefined;
}

/** Whether `word` is an operator that builds a node of `kind` (a row of that kind). */
export function isOperatorOfKind(word: unknown, kind: OperatorKind): boolean {
  return operatorEntry(word)?.kind === kind;
}

/** Whether `operator` orders values (a row with `orders`). */
export function isOrderingOperator(operator: string): operator is OrderingOperator {
  return operatorEntry(operator)?.orders === true;
}

/** Whether `operator` compares text only (a row with `textOnly`). */
export function isTextOperator(operator: string): operator is TextOperator {
  return operatorEntry(operator)?.textOnly === true;
}

/** Whether `operator`'s values must be members of a field's `enum` (a row with `enumMembers`). */
export function takesEnumMembers(operator: string): boolean {
  return operatorEntry(operator)?.enumMembers === true;
}

/**
 * Why an operator cannot apply to a field, whatever the value: `collection-only` (`ca` on a
 * field that is no collection), `text-only` (`co`/`sw` on values that are not text) or
 * `no-order` (ordering on booleans).
 */
export type OperatorProblem = 'collection-only' | 'text-only' | 'no-order';

/**
 * The operator-by-type rule, the one the schema check, `validate` and both compilers apply:
 * why `operator` cannot apply to a field whose values are of `kind` (a typed field's type,
 * `integer` as `number`; undefined when the literals will decide, for an untyped field) and
 * which is a collection or not, or undefined when it can. The collection rule is checked first.
 */
export function operatorProblem(
  operator: string,
  kind: LiteralKind | undefined,
  collection: boolean,
): OperatorProblem | undefined {
  const entry = entries.get(operator);
  if (entry === undefined) return undefined;
  if (entry.collectionOnly && !collection) return 'collection-only';
  return kind === undefined ? undefined : entryKindProblem(entry, kind);
}

/**
 * The half of {@link operatorProblem} about values: why `operator` cannot compare values of
 * `kind` (`co`/`sw` compare text, booleans have no order), or undefined when it can.
 */
export function valueKindProblem(operator: string, kind: LiteralKind): 'text-only' | 'no-order' | undefined {
  const entry = entries.get(operator);
  return entry === undefined ? undefined : entryKindProblem(entry, kind);
}

function entryKindProblem(entry: OperatorRules, kind: LiteralKind): 'text-only' | 'no-order' | undefined {
  if (entry.textOnly && kind !== 'string') return 'text-only';
  if (entry.orders && kind === 'boolean') return 'no-order';
  return undefined;
}

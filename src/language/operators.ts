/**
 * The language's one table of operators. Each primitive operator is written here once, with
 * what it takes and the rules that follow from it; every other list of operators (the
 * categories below, the keywords, both lexers' keyword codes, the schema check, validation,
 * the compile plan and the SQL leaves) and the operator-by-type rule ({@link operatorProblem})
 * are derived from it. Adding an operator is one entry here plus its compilers' handlers (the
 * handler records are keyed by the derived types, so a missing handler fails to compile).
 * @module
 */

/**
 * The AST node an operator builds, which fixes what follows it: one value (`comparison`), a
 * parenthesised list of one or more values (`list`), or nothing (`presence`).
 */
export type OperatorKind = 'comparison' | 'list' | 'presence';

/** The kinds of literal a filter can hold (a value node's `kind`). */
export type LiteralKind = 'string' | 'number' | 'boolean' | 'date-time';

/** One row of {@link OPERATOR_TABLE}: an operator's spelling and the rules that apply to it. */
export interface OperatorEntry {
  /** The spelling: lowercase, reserved (no field can be called this). */
  readonly word: string;
  /** What follows the operator, and the AST node it builds. */
  readonly kind: OperatorKind;
  /** Compares text only (`co`, `sw`): on any other type no value can use it. */
  readonly textOnly: boolean;
  /** Orders values (`gt`, `ge`, `lt`, `le`): booleans have no order. */
  readonly orders: boolean;
  /** Applies to collection fields only (`ca`). */
  readonly collectionOnly: boolean;
  /** Its values must be members of a field's `enum` (equality and lists; ordering and `co`/`sw` take any text). */
  readonly enumMembers: boolean;
}

// A row with every rule off, so each entry below names only the rules that apply to it.
const plain = { textOnly: false, orders: false, collectionOnly: false, enumMembers: false } as const;

/**
 * Every primitive operator, in the language's order (the order of `PRIMITIVE_OPERATORS`,
 * `KEYWORDS` and the fast lexer's keyword codes).
 */
export const OPERATOR_TABLE = [
  { ...plain, word: 'eq', kind: 'comparison', enumMembers: true },
  { ...plain, word: 'ne', kind: 'comparison', enumMembers: true },
  { ...plain, word: 'gt', kind: 'comparison', orders: true },
  { ...plain, word: 'ge', kind: 'comparison', orders: true },
  { ...plain, word: 'lt', kind: 'comparison', orders: true },
  { ...plain, word: 'le', kind: 'comparison', orders: true },
  { ...plain, word: 'co', kind: 'comparison', textOnly: true },
  { ...plain, word: 'sw', kind: 'comparison', textOnly: true },
  { ...plain, word: 'in', kind: 'list', enumMembers: true },
  { ...plain, word: 'ca', kind: 'list', enumMembers: true, collectionOnly: true },
  { ...plain, word: 'pr', kind: 'presence' },
  { ...plain, word: 'isnull', kind: 'presence' },
] as const satisfies readonly OperatorEntry[];

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

/** The words of the rows that have every property of `match`: one pattern for the type and the value. */
function wordsWhere<const Match extends Partial<OperatorEntry>>(match: Match): WordsWhere<Table, Match> {
  const pattern = Object.entries(match) as [keyof OperatorEntry, unknown][];
  const rows = OPERATOR_TABLE.filter((row) => pattern.every(([key, value]) => row[key] === value));
  return rows.map((row) => row.word) as unknown as WordsWhere<Table, Match>;
}

/** The operators that compare a field with one value. */
export const COMPARE_OPERATORS = wordsWhere({ kind: 'comparison' });
/** A comparison operator: equality, ordering, `co` (contains) and `sw` (starts with). */
export type CompareOperator = (typeof COMPARE_OPERATORS)[number];

/** The operators that take a parenthesised list of values. */
export const LIST_OPERATORS = wordsWhere({ kind: 'list' });
/** `in` (the field equals any listed value) or `ca` (a collection field contains all of them). */
export type ListOperator = (typeof LIST_OPERATORS)[number];

/** The operators that test a field for presence. */
export const PRESENCE_OPERATORS = wordsWhere({ kind: 'presence' });
/** `pr` (the field is present, not null) or `isnull` (the field is null or missing). */
export type PresenceOperator = (typeof PRESENCE_OPERATORS)[number];

/** The 12 primitive operators of the language. */
export const PRIMITIVE_OPERATORS = wordsWhere({});
/** Any primitive (field-level) operator. */
export type PrimitiveOperator = CompareOperator | ListOperator | PresenceOperator;

/** The operators that order values (`gt`, `ge`, `lt`, `le`). */
export type OrderingOperator = Extract<(typeof OPERATOR_TABLE)[number], { orders: true }>['word'];
/** The operators that compare text only (`co`, `sw`): the pattern matches of the compilers. */
export type TextOperator = Extract<(typeof OPERATOR_TABLE)[number], { textOnly: true }>['word'];

/** The composite (boolean) operators. */
export const COMPOSITE_OPERATORS = ['and', 'or', 'not'] as const;
/** A composite operator. */
export type CompositeOperator = (typeof COMPOSITE_OPERATORS)[number];

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

const entries: ReadonlyMap<string, OperatorEntry> = new Map(OPERATOR_TABLE.map((row) => [row.word, row]));

/** The table row of `word`, or undefined when it is no primitive operator (any string is safe, `__proto__` too). */
export function operatorEntry(word: unknown): OperatorEntry | undefined {
  return typeof word === 'string' ? entries.get(word) : undefined;
}

/** Whether `word` is a primitive operator (exact, lowercase spelling). */
export function isPrimitiveOperator(word: unknown): word is PrimitiveOperator {
  return operatorEntry(word) !== undefined;
}

/** Whether `word` is an operator that builds a node of `kind` (`eq` a comparison, `in` a list...). */
export function isOperatorOfKind(word: unknown, kind: OperatorKind): boolean {
  return operatorEntry(word)?.kind === kind;
}

/** Whether `operator` orders values (`gt`, `ge`, `lt`, `le`). */
export function isOrderingOperator(operator: string): operator is OrderingOperator {
  return operatorEntry(operator)?.orders === true;
}

/** Whether `operator` compares text only (`co`, `sw`). */
export function isTextOperator(operator: string): operator is TextOperator {
  return operatorEntry(operator)?.textOnly === true;
}

/** Whether `operator`'s values must be members of a field's `enum` (`eq`, `ne`, `in`, `ca`). */
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

function entryKindProblem(entry: OperatorEntry, kind: LiteralKind): 'text-only' | 'no-order' | undefined {
  if (entry.textOnly && kind !== 'string') return 'text-only';
  if (entry.orders && kind === 'boolean') return 'no-order';
  return undefined;
}

/**
 * The language's one table of operators: each primitive operator is one row here, with what it
 * takes and the rules that follow from it, and each operator, primitive or composite, has its
 * meaning in words here too. Everything else reads this table (through `operators.ts`, which derives the
 * categories, keywords and rules): both parsers and their token codes, the messages that list the
 * operators, the editor's highlighting, hover and completion, the schema check, validation, the
 * builder's methods and the docs. Adding an operator is one row here and its meaning, plus the
 * handlers the type checker then names (the compilers' records are keyed by the derived types);
 * see docs/architecture.md for the recipe.
 * @module
 */

/**
 * The AST node an operator builds, which fixes what follows it: one value (`comparison`), a
 * parenthesised list of one or more values (`list`), or nothing (`presence`).
 */
export type OperatorKind = 'comparison' | 'list' | 'presence';

/** One row of `OPERATOR_RULES`: an operator's spelling and the rules that apply to it. */
export interface OperatorRules {
  /** The spelling: lowercase letters, reserved (no field can be called this). */
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

/** One row of {@link OPERATOR_TABLE}: an operator's spelling, the rules that apply to it and its meaning. */
export interface OperatorEntry extends OperatorRules {
  /**
   * What `field <word> ...` means, in a few words: the one wording that hover, completion and
   * docs/language.md show.
   */
  readonly meaning: string;
}

// A row with every rule off, so each entry below names only the rules that apply to it.
const plain = { textOnly: false, orders: false, collectionOnly: false, enumMembers: false } as const;

/**
 * Every primitive operator and its rules, in the language's order (the order of
 * `PRIMITIVE_OPERATORS`, `KEYWORDS` and the fast lexer's keyword codes). The library reads these;
 * {@link OPERATOR_TABLE} adds each row's meaning for people.
 */
export const OPERATOR_RULES = [
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
] as const satisfies readonly OperatorRules[];

/** The composite (boolean) operators, in the language's order. */
export const COMPOSITE_WORDS = ['and', 'or', 'not'] as const;

/**
 * What each operator means, by its word: primitive operators first, then composite ones. Apart
 * from the rules so that a bundle that only builds filters (the builder entry) leaves the words
 * out; keyed by the rows' words, so a row without its meaning fails to compile.
 */
export const OPERATOR_MEANINGS = {
  eq: 'equals',
  ne: 'does not equal',
  gt: 'greater than',
  ge: 'greater than or equal to',
  lt: 'less than',
  le: 'less than or equal to',
  co: 'contains (text)',
  sw: 'starts with (text)',
  in: 'equals one of a list: in ("a", "b")',
  ca: 'contains all of a list (collection fields): ca ("a", "b")',
  pr: 'is present (not null)',
  isnull: 'is null or missing',
  and: 'both conditions hold',
  or: 'either condition holds',
  not: 'negates a condition',
} as const satisfies Record<
  (typeof OPERATOR_RULES)[number]['word'] | (typeof COMPOSITE_WORDS)[number],
  string
>;

/** Each row of `Rows` with its meaning (`OPERATOR_MEANINGS`), as literal types. */
type WithMeanings<Rows extends readonly { readonly word: keyof typeof OPERATOR_MEANINGS }[]> = {
  readonly [I in keyof Rows]: Rows[I] & { readonly meaning: (typeof OPERATOR_MEANINGS)[Rows[I]['word']] };
};

/** Each word with its meaning; pure, so a bundle that reads no meaning drops the table. */
/* @__NO_SIDE_EFFECTS__ */
function withMeanings<Rows extends readonly { readonly word: keyof typeof OPERATOR_MEANINGS }[]>(
  rows: Rows,
): WithMeanings<Rows> {
  return rows.map((row) => ({
    ...row,
    meaning: OPERATOR_MEANINGS[row.word],
  })) as unknown as WithMeanings<Rows>;
}

/** Every primitive operator, in the language's order: its rules (`OPERATOR_RULES`) and meaning. */
export const OPERATOR_TABLE = withMeanings(OPERATOR_RULES);

/** A row for each word (the composite operators have no rules, only words). */
type RowsOf<Words extends readonly string[]> = { readonly [I in keyof Words]: { readonly word: Words[I] } };

/** The composite (boolean) operators, in the language's order, with their meanings. */
export const COMPOSITE_TABLE = withMeanings(
  /* @__PURE__ */ COMPOSITE_WORDS.map((word) => ({ word })) as unknown as RowsOf<typeof COMPOSITE_WORDS>,
);

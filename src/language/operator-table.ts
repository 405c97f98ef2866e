/**
 * The language's one table of operators: each primitive operator is one row here, with what it
 * takes, the rules that follow from it and its meaning in words; each composite operator has its
 * meaning here too. Everything else reads this table (through `operators.ts`, which derives the
 * categories, keywords and rules): both parsers and their token codes, the messages that list the
 * operators, the editor's highlighting, hover and completion, the schema check, validation, the
 * builder's methods and the docs. Adding an operator is one row here plus the handlers the type
 * checker then names (the compilers' records are keyed by the derived types); see
 * docs/architecture.md for the recipe.
 * @module
 */

/**
 * The AST node an operator builds, which fixes what follows it: one value (`comparison`), a
 * parenthesised list of one or more values (`list`), or nothing (`presence`).
 */
export type OperatorKind = 'comparison' | 'list' | 'presence';

/** One row of {@link OPERATOR_TABLE}: an operator's spelling and the rules that apply to it. */
export interface OperatorEntry {
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
  /**
   * What `field <word> ...` means, in a few words: the one wording that hover, completion and
   * docs/language.md show.
   */
  readonly meaning: string;
}

// A row with every rule off, so each entry below names only the rules that apply to it.
const plain = { textOnly: false, orders: false, collectionOnly: false, enumMembers: false } as const;

/**
 * Every primitive operator, in the language's order (the order of `PRIMITIVE_OPERATORS`,
 * `KEYWORDS` and the fast lexer's keyword codes).
 */
export const OPERATOR_TABLE = [
  { ...plain, word: 'eq', kind: 'comparison', enumMembers: true, meaning: 'equals' },
  { ...plain, word: 'ne', kind: 'comparison', enumMembers: true, meaning: 'does not equal' },
  { ...plain, word: 'gt', kind: 'comparison', orders: true, meaning: 'greater than' },
  { ...plain, word: 'ge', kind: 'comparison', orders: true, meaning: 'greater than or equal to' },
  { ...plain, word: 'lt', kind: 'comparison', orders: true, meaning: 'less than' },
  { ...plain, word: 'le', kind: 'comparison', orders: true, meaning: 'less than or equal to' },
  { ...plain, word: 'co', kind: 'comparison', textOnly: true, meaning: 'contains (text)' },
  { ...plain, word: 'sw', kind: 'comparison', textOnly: true, meaning: 'starts with (text)' },
  {
    ...plain,
    word: 'in',
    kind: 'list',
    enumMembers: true,
    meaning: 'equals one of a list: in ("a", "b")',
  },
  {
    ...plain,
    word: 'ca',
    kind: 'list',
    enumMembers: true,
    collectionOnly: true,
    meaning: 'contains all of a list (collection fields): ca ("a", "b")',
  },
  { ...plain, word: 'pr', kind: 'presence', meaning: 'is present (not null)' },
  { ...plain, word: 'isnull', kind: 'presence', meaning: 'is null or missing' },
] as const satisfies readonly OperatorEntry[];

/** The composite (boolean) operators, in the language's order, with their meanings. */
export const COMPOSITE_TABLE = [
  { word: 'and', meaning: 'both conditions hold' },
  { word: 'or', meaning: 'either condition holds' },
  { word: 'not', meaning: 'negates a condition' },
] as const satisfies readonly { readonly word: string; readonly meaning: string }[];

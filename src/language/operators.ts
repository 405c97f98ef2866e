/** The operators that compare a field with one value. */
export const COMPARE_OPERATORS = ['eq', 'ne', 'gt', 'ge', 'lt', 'le', 'co', 'sw'] as const;
/** A comparison operator: equality, ordering, `co` (contains) and `sw` (starts with). */
export type CompareOperator = (typeof COMPARE_OPERATORS)[number];

/** The operators that take a parenthesised list of values. */
export const LIST_OPERATORS = ['in', 'ca'] as const;
/** `in` (the field equals any listed value) or `ca` (a collection field contains all of them). */
export type ListOperator = (typeof LIST_OPERATORS)[number];

/** The operators that test a field for presence. */
export const PRESENCE_OPERATORS = ['pr', 'isnull'] as const;
/** `pr` (the field is present, not null) or `isnull` (the field is null or missing). */
export type PresenceOperator = (typeof PRESENCE_OPERATORS)[number];

/** The 12 primitive operators of the language. */
export const PRIMITIVE_OPERATORS = [...COMPARE_OPERATORS, ...LIST_OPERATORS, ...PRESENCE_OPERATORS] as const;
/** Any primitive (field-level) operator. */
export type PrimitiveOperator = CompareOperator | ListOperator | PresenceOperator;

/** The composite (boolean) operators. */
export const COMPOSITE_OPERATORS = ['and', 'or', 'not'] as const;
/** A composite operator. */
export type CompositeOperator = (typeof COMPOSITE_OPERATORS)[number];

/** Every word the language reserves; none of them can be a whole field name. */
export const KEYWORDS = [
  'and',
  'or',
  'not',
  ...COMPARE_OPERATORS,
  ...LIST_OPERATORS,
  'pr',
  'isnull',
  'true',
  'false',
] as const;
/** A reserved word. */
export type Keyword = (typeof KEYWORDS)[number];

const keywordSet: ReadonlySet<string> = new Set(KEYWORDS);
/** Whether `word` is a reserved word (exact, lowercase spelling). */
export function isKeyword(word: string): word is Keyword {
  return keywordSet.has(word);
}

export { isOperatorSymbolChar } from '../language/chars.js';

import {
  type CompareOperator,
  type CompositeOperator,
  PRIMITIVE_OPERATORS,
  type PrimitiveOperator,
} from '../language/operators.js';

/**
 * Operator spellings from other languages (SQL, JavaScript, SCIM, OData...) that people write by
 * habit, and what they mean here. `undefined` means there is no equivalent, so no fix is offered.
 */
export const foreignOperatorWords: ReadonlyMap<string, PrimitiveOperator | undefined> = new Map<
  string,
  PrimitiveOperator | undefined
>([
  ['equals', 'eq'],
  ['equal', 'eq'],
  ['notequals', 'ne'],
  ['not_equals', 'ne'],
  ['neq', 'ne'],
  ['gte', 'ge'],
  ['lte', 'le'],
  ['greaterthan', 'gt'],
  ['lessthan', 'lt'],
  ['contains', 'co'],
  ['startswith', 'sw'],
  ['starts_with', 'sw'],
  ['beginswith', 'sw'],
  ['notnull', 'pr'],
  ['isnotnull', 'pr'],
  ['exists', 'pr'],
  ['is_null', 'isnull'],
  ['like', undefined],
  ['ilike', undefined],
  ['ew', undefined],
  ['endswith', undefined],
  ['ends_with', undefined],
]);

/** Punctuation operators from other languages that may stand between a field and its value. */
export const foreignOperatorSymbols: ReadonlyMap<string, CompareOperator> = new Map<string, CompareOperator>([
  ['=', 'eq'],
  ['==', 'eq'],
  ['===', 'eq'],
  ['!=', 'ne'],
  ['!==', 'ne'],
  ['<>', 'ne'],
  ['>', 'gt'],
  ['>=', 'ge'],
  ['<', 'lt'],
  ['<=', 'le'],
]);

/** Punctuation for boolean composition from other languages. */
export const foreignCompositeSymbols: ReadonlyMap<string, CompositeOperator> = new Map<
  string,
  CompositeOperator
>([
  ['&&', 'and'],
  ['&', 'and'],
  ['||', 'or'],
  ['|', 'or'],
  ['!', 'not'],
]);

/**
 * The primitive operator words, which may follow a field. Here rather than in full/tokens.ts so that
 * the fast path (peek-word.ts) reads it without loading Chevrotain.
 */
export const operatorWords: ReadonlySet<string> = new Set(PRIMITIVE_OPERATORS);

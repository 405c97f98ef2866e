import { type PrimitiveOperator, parseDateTime, type ValueNode } from '../ast/index.js';
import { type Diagnostic, type Fix, quote, replaceFix } from '../diagnostic/index.js';
import { isNumberLiteral } from '../language/chars.js';
import { quoteString } from '../language/quoting.js';
import { numberRangeProblem, textProblem } from '../schema/accept.js';
import { clearBestMatch, didYouMean, listWords } from '../schema/suggest.js';
import type { FieldSchema } from '../schema/types.js';
import { validationError } from './codes.js';
import { describeType, ENUM_OPERATORS } from './field-rules.js';

/** Whether a number literal's text is a whole number (`12`, `-3`, `1.0`: a zero fraction is whole). */
function isWholeNumberText(text: string): boolean {
  const dot = text.indexOf('.');
  return dot < 0 || /^0+$/.test(text.slice(dot + 1));
}

/** The text a value would be written as in a filter. */
export function valueText(value: ValueNode): string {
  switch (value.kind) {
    case 'string':
      return quoteString(value.value);
    case 'number':
    case 'date-time':
      return value.text;
    case 'boolean':
      return String(value.value);
  }
}

/** The value as a string field would read it: the text written, without quotes. */
function bareText(value: ValueNode): string {
  return value.kind === 'string' ? value.value : valueText(value);
}

function mismatch(
  fieldName: string,
  field: FieldSchema,
  value: ValueNode,
  hint: string,
  fix?: Fix,
): Diagnostic {
  const shown = quote(valueText(value));
  const written = value.kind === 'date-time' ? 'a date-time' : describeTypeOfValue(value);
  return validationError(
    'type-mismatch',
    `${shown} is ${written}, but ${quote(fieldName)} is ${describeType(field.type)} field${hint}`,
    value.span,
    fix ? [fix] : undefined,
  );
}

function describeTypeOfValue(value: ValueNode): string {
  return value.kind === 'string' ? 'text' : `a ${value.kind}`;
}

function useFix(text: string, value: ValueNode): Fix {
  return replaceFix(`Use ${quote(text)}`, value.span, text);
}

/** A type-mismatch diagnostic when `value` cannot be a value of `field`, with a fix when the intent is clear. */
function checkType(fieldName: string, field: FieldSchema, value: ValueNode): Diagnostic | undefined {
  switch (field.type) {
    case 'unknown':
      return undefined;
    case 'string': {
      if (value.kind === 'string') return undefined;
      const quoted = quoteString(valueText(value));
      return mismatch(fieldName, field, value, ': text values are double-quoted', useFix(quoted, value));
    }
    case 'number':
    case 'integer': {
      if (value.kind === 'number') {
        if (field.type === 'number' || isWholeNumberText(value.text)) return undefined;
        return validationError(
          'type-mismatch',
          `${quote(value.text)} has a fraction, but ${quote(fieldName)} is an integer field`,
          value.span,
        );
      }
      const text = value.kind === 'string' ? value.value.trim() : '';
      const fits = isNumberLiteral(text) && (field.type === 'number' || isWholeNumberText(text));
      return mismatch(
        fieldName,
        field,
        value,
        fits ? ': numbers are written without quotes' : '',
        fits ? useFix(text, value) : undefined,
      );
    }
    case 'boolean': {
      if (value.kind === 'boolean') return undefined;
      const word = value.kind === 'string' ? value.value.trim().toLowerCase() : '';
      const fits = word === 'true' || word === 'false';
      const hint = fits
        ? ': booleans are written without quotes'
        : `: use ${quote('true')} or ${quote('false')}`;
      return mismatch(fieldName, field, value, hint, fits ? useFix(word, value) : undefined);
    }
    case 'date-time': {
      if (value.kind === 'date-time') return undefined;
      const text = value.kind === 'string' ? value.value.trim() : '';
      if (text !== '' && parseDateTime(text)) {
        return mismatch(
          fieldName,
          field,
          value,
          ': date-times are written without quotes',
          useFix(text, value),
        );
      }
      return mismatch(
        fieldName,
        field,
        value,
        `: write an RFC 3339 date-time such as ${quote('2022-02-07T20:13:29Z')}`,
      );
    }
  }
}

/**
 * How many enum values one `validate` call compares misspelt values with, in all, for "did you
 * mean": past it, an unknown enum value is still reported, without a suggestion. Each distinct
 * misspelling is compared once per field (memoised), so repeats cost nothing; the budget bounds
 * many distinct ones against a huge enum (180 of them against 10,000 values took seconds).
 */
export const ENUM_SUGGESTION_BUDGET = 50_000;

/** The state "did you mean" for enum values shares across one `validate` call. */
export interface SuggestionBudget {
  remaining: number;
}

/** The nearest enum value to a misspelt one, or undefined; memoised per field and text. */
function nearestEnumValue(lookup: FieldLookup, values: readonly string[], text: string): string | undefined {
  const memo = lookup.suggestions;
  if (memo.has(text)) return memo.get(text);
  let near: string | undefined;
  // A case-only slip is the clearest fix of all; otherwise the nearest value by edit distance.
  const sameLetters = lookup.caseSensitive
    ? values.filter((v) => v.toLowerCase() === text.toLowerCase())
    : [];
  if (sameLetters.length === 1) near = sameLetters[0];
  else if (lookup.budget.remaining >= values.length) {
    lookup.budget.remaining -= values.length;
    near = clearBestMatch(text, values);
  }
  memo.set(text, near);
  return near;
}

/** Checks a value against the field's enum, as the field's case sensitivity says. */
function checkEnum(lookup: FieldLookup, values: readonly string[], value: ValueNode): Diagnostic | undefined {
  const text = bareText(value);
  const caseSensitive = lookup.caseSensitive;
  if (lookup.enumKeys?.has(caseSensitive ? text : text.toLowerCase())) return undefined;
  const near = nearestEnumValue(lookup, values, text);
  const how = caseSensitive ? ' (case-sensitive)' : '';
  return validationError(
    'unknown-enum-value',
    `${quote(text)} is not a value of ${quote(lookup.name)}${didYouMean(near ? [near] : [], quote)} Values${how}: ${listWords(values, quote)}`,
    value.span,
    near ? [replaceFix(`Use ${quote(quoteString(near))}`, value.span, quoteString(near))] : undefined,
  );
}

/** Precomputed lookups for one field, so a long filter checks each value in constant time. */
export interface FieldLookup {
  readonly name: string;
  readonly field: FieldSchema;
  readonly caseSensitive: boolean;
  readonly enumKeys?: ReadonlySet<string>;
  /** "Did you mean" answers already computed for misspelt values of this field. */
  readonly suggestions: Map<string, string | undefined>;
  /** The comparisons left for suggestions in this `validate` call (shared by every field). */
  readonly budget: SuggestionBudget;
}

/** Builds the lookups for a field. */
export function fieldLookup(
  name: string,
  field: FieldSchema,
  caseSensitive: boolean,
  budget: SuggestionBudget,
): FieldLookup {
  const base = { name, field, caseSensitive, suggestions: new Map<string, string | undefined>(), budget };
  if (!field.enum) return base;
  const keys = new Set(field.enum.map((v) => (caseSensitive ? v : v.toLowerCase())));
  return { ...base, enumKeys: keys };
}

/** Checks one value of a predicate: its type, then (for equality-like operators) the enum. */
export function checkValue(
  lookup: FieldLookup,
  operator: PrimitiveOperator,
  value: ValueNode,
): Diagnostic | undefined {
  const typeProblem = checkType(lookup.name, lookup.field, value);
  if (typeProblem) return typeProblem;
  const rangeProblem = checkRange(lookup, value);
  if (rangeProblem) return rangeProblem;
  if (!lookup.enumKeys || !lookup.field.enum || !ENUM_OPERATORS.has(operator)) return undefined;
  return checkEnum(lookup, lookup.field.enum, value);
}

/** The key under which two values of a list count as the same value. */
export function sameValueKey(value: ValueNode, caseSensitive: boolean): string {
  if (value.kind === 'string') return `s:${caseSensitive ? value.value : value.value.toLowerCase()}`;
  if (value.kind === 'number') return `n:${value.value}`;
  return `${value.kind}:${valueText(value)}`;
}

/** A number no engine can compare with the field, or text no SQL engine can hold (the shared rule). */
function checkRange(lookup: FieldLookup, value: ValueNode): Diagnostic | undefined {
  if (value.kind === 'number') {
    const problem = numberRangeProblem(lookup.field.type, value.value);
    if (problem === undefined) return undefined;
    return validationError('value-out-of-range', `${quote(value.text)} ${problem}`, value.span);
  }
  if (value.kind !== 'string') return undefined;
  const problem = textProblem(value.value);
  if (problem === undefined) return undefined;
  const what =
    problem === 'nul'
      ? 'holds a NUL character (U+0000), which SQL text cannot hold'
      : 'holds an unpaired surrogate, which is not Unicode text';
  return validationError('unsupported-character', `${quote(value.value)} ${what}`, value.span);
}

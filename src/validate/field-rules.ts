import type { PrimitiveOperator } from '../ast/index.js';
import type { FieldSchema, Schema } from '../schema/types.js';

/** Operators that compare text: meaningless on numbers, booleans and date-times. */
export const TEXT_OPERATORS: ReadonlySet<PrimitiveOperator> = new Set(['co', 'sw']);
/** Operators that order values: meaningless on booleans. */
export const ORDERING_OPERATORS: ReadonlySet<PrimitiveOperator> = new Set(['gt', 'ge', 'lt', 'le']);
/** Operators whose values must be members of a field's enum (ordering and `co`/`sw` take any text). */
export const ENUM_OPERATORS: ReadonlySet<PrimitiveOperator> = new Set(['eq', 'ne', 'in', 'ca']);

/** Whether string values of `field` compare case-sensitively: the field's setting, else the schema's. */
export function isCaseSensitive(field: FieldSchema, schema: Schema): boolean {
  return field.caseSensitive ?? schema.caseSensitive ?? false;
}

/** How a type is named in messages: "a date-time", "an integer". */
export function describeType(type: FieldSchema['type']): string {
  switch (type) {
    case 'integer':
      return 'an integer';
    case 'unknown':
      return 'an untyped';
    default:
      return `a ${type}`;
  }
}

/**
 * Why `operator` cannot apply to `field` whatever the value, or undefined when it can. The schema
 * may list such an operator (an imported whitelist does), but no value could make sense of it.
 */
export function operatorTypeProblem(field: FieldSchema, operator: PrimitiveOperator): string | undefined {
  if (operator === 'ca' && field.collection !== true) return 'applies to collection fields only';
  if (field.type === 'unknown' || field.type === 'string') return undefined;
  if (TEXT_OPERATORS.has(operator))
    return `compares text, and the field is ${describeType(field.type)} field`;
  if (field.type === 'boolean' && ORDERING_OPERATORS.has(operator))
    return 'orders values, and booleans have no order';
  return undefined;
}

import type { PrimitiveOperator } from '../ast/index.js';
import { operatorKindProblem } from '../schema/accept.js';
import type { FieldSchema, Schema } from '../schema/types.js';

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
  // An untyped field's literals decide (see untypedComparison); a typed field's type does here.
  if (field.type === 'unknown') return undefined;
  switch (operatorKindProblem(operator, field.type === 'integer' ? 'number' : field.type)) {
    case 'text-only':
      return `compares text, and the field is ${describeType(field.type)} field`;
    case 'no-order':
      return 'orders values, and booleans have no order';
    default:
      return undefined;
  }
}

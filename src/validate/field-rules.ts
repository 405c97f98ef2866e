import { OPERATOR_RULES, operatorProblem, type PrimitiveOperator } from '../language/operators.js';
import { literalKindOf } from '../schema/accept.js';
import type { FieldSchema, Schema } from '../schema/types.js';

/**
 * Operators whose values must be members of a field's enum (ordering and `co`/`sw` take any
 * text): the table's `enumMembers` rows. Marked pure, so bundles that only read the rules
 * below (the builder entry) leave the set out.
 */
export const ENUM_OPERATORS: ReadonlySet<PrimitiveOperator> = /* @__PURE__ */ new Set(
  /* @__PURE__ */ OPERATOR_RULES.filter((row) => row.enumMembers).map((row) => row.word),
);

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
  // An untyped field's literals decide the kind (see untypedComparison); a typed field's type does here.
  switch (operatorProblem(operator, literalKindOf(field.type), field.collection === true)) {
    case 'collection-only':
      return 'applies to collection fields only';
    case 'text-only':
      return `compares text, and the field is ${describeType(field.type)} field`;
    case 'no-order':
      return 'orders values, and booleans have no order';
    default:
      return undefined;
  }
}

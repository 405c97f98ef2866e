/**
 * The `v3f` variant that checks what it writes against a schema. It parses and validates, so it
 * lives in the root entry only: `v3-filters/builder` stays free of the parser.
 * @module
 */

import { InvalidSchemaError } from '../schema/define.js';
import { schemaErrors } from '../schema/own.js';
import type { Schema } from '../schema/types.js';
import type { ParseLimits } from '../syntax/limits.js';
import { parse } from '../syntax/parse.js';
import { validate } from '../validate/validate.js';
import { FilterSchemaError } from './builder.js';
import { renderTemplate, type V3fTag } from './template.js';

/** Options of {@link v3fFor}. */
export interface V3fForOptions {
  /** The parser's limits for the written filter (default {@link DEFAULT_LIMITS}). */
  readonly limits?: Partial<ParseLimits>;
}

/**
 * A `v3f` tag bound to a schema: it writes the filter as {@link v3f} does (a string for a
 * date-time field is written as a date-time, after checking that it is RFC 3339), then parses it
 * and validates it against `schema`, and throws {@link FilterSchemaError} with the diagnostics
 * (the parser's or the validator's) when the filter is not one the endpoint accepts: a mistyped
 * field, a disallowed operator, a value of the wrong type or outside the enumeration. Throws
 * {@link InvalidSchemaError} at once for a schema with errors.
 *
 * @example
 * const filter = v3fFor(workflowExecutionsSchema);
 * filter`status eq ${status} and start_time ge ${since}`; // checked against the schema
 */
export function v3fFor(schema: Schema, options: V3fForOptions = {}): V3fTag {
  const errors = schemaErrors(schema);
  if (errors.length > 0) throw new InvalidSchemaError(errors);
  const isDateTime = (field: string): boolean =>
    Object.hasOwn(schema.fields, field) && schema.fields[field]?.type === 'date-time';
  const limits = options.limits;
  return (strings, ...values) => {
    const text = renderTemplate(strings, values, isDateTime);
    const parsed = parse(text, limits === undefined ? undefined : { limits });
    if (!parsed.ok)
      throw new FilterSchemaError(
        parsed.diagnostics.filter((d) => d.severity === 'error'),
        text,
      );
    const problems = validate(parsed.ast, schema, { text }).filter((d) => d.severity === 'error');
    if (problems.length > 0) throw new FilterSchemaError(problems, text);
    return text;
  };
}

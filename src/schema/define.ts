import type { DocumentDiagnostic } from './document-diagnostic.js';
import { schemaErrors } from './own.js';
import type { FieldSchema, Schema } from './types.js';

/**
 * Thrown by {@link defineSchema} for a schema written in code that has errors: that is a
 * programming mistake, found at startup. Untrusted schemas go through {@link loadSchema}, which
 * never throws.
 */
export class InvalidSchemaError extends TypeError {
  override readonly name = 'InvalidSchemaError';
  /** Every problem found, each with a JSON Pointer into the schema. */
  readonly diagnostics: readonly DocumentDiagnostic[];

  constructor(diagnostics: readonly DocumentDiagnostic[]) {
    const lines = diagnostics.map((d) => `${d.pointer || '/'}: ${d.message}`);
    super(`Invalid schema:\n${lines.join('\n')}`);
    this.diagnostics = diagnostics;
  }
}

/**
 * Declares a schema in code, keeping its literal types (field names, operators, enum values) for
 * typed consumers such as a filter builder. Checks it as {@link loadSchema} does and throws
 * {@link InvalidSchemaError} if it has errors; warnings are accepted.
 *
 * @example
 * const schema = defineSchema({
 *   fields: {
 *     status: { type: 'string', enum: ['Completed', 'Failed'], operators: ['eq'] },
 *   },
 * });
 * type Name = FieldNameOf<typeof schema>; // "status"
 */
export function defineSchema<const S extends Schema>(schema: S): S {
  // The check every entry makes, memoised: a schema defined here is not read again at its first use.
  const errors = schemaErrors(schema);
  if (errors.length > 0) throw new InvalidSchemaError(errors);
  return schema;
}

/** The field names of a schema declared with {@link defineSchema}, as a union of literals. */
export type FieldNameOf<S extends Schema> = Extract<keyof S['fields'], string>;

/** The operators a field allows, as a union of literals. */
export type OperatorOf<S extends Schema, F extends FieldNameOf<S>> = S['fields'][F]['operators'][number];

/** The TypeScript type of the values a field declaration accepts. */
export type ValueOfField<F extends FieldSchema> = F['type'] extends 'string'
  ? F extends { readonly enum: readonly (infer E extends string)[] }
    ? E
    : string
  : F['type'] extends 'number' | 'integer'
    ? number
    : F['type'] extends 'boolean'
      ? boolean
      : F['type'] extends 'date-time'
        ? Date | string
        : string | number | boolean | Date;

/** The TypeScript type of the values a schema's field accepts (`Date | string` for date-times). */
export type FieldValueOf<S extends Schema, F extends FieldNameOf<S>> = ValueOfField<S['fields'][F]>;

/**
 * `v3-filters/builder`: the typed filter builder on its own, for clients (a browser page, a
 * service that only sends requests). It holds the builder, schema declaration, the built-in
 * schemas and the printer, and nothing of the parser (no Chevrotain): a few kilobytes bundled.
 * Everything here is also exported by the main entry, `v3-filters`.
 * @module builder
 */

export type * from '../ast/index.js';
export type { Diagnostic, Fix, Severity, TextEdit } from '../diagnostic/index.js';
export { type FormatOptions, format, InvalidAstError } from '../printer/format.js';
export {
  BUILTIN_ENDPOINTS,
  type BuiltinEndpoint,
  type BuiltinSchemaName,
  builtinSchema,
  builtinSchemaNames,
  defineSchema,
  type FieldNameOf,
  type FieldValueOf,
  InvalidSchemaError,
  type OperatorOf,
  type ValueOfField,
  workflowExecutionsSchema,
} from '../schema/index.js';
export type { FieldSchema, FieldType, Schema } from '../schema/types.js';
export * from './api.js';

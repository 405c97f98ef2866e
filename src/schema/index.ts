/**
 * Schemas: an endpoint's filter whitelist as plain JSON data, declared in code with
 * {@link defineSchema} or loaded from untrusted JSON with {@link loadSchema}.
 * @module
 */

export * from './builtin.js';
export { FIELD_TYPES } from './check-field.js';
export { SCHEMA_CODES, type SchemaCode } from './codes.js';
export * from './define.js';
export type { DocumentDiagnostic } from './document-diagnostic.js';
export {
  checkSchema,
  loadSchema,
  type SchemaLoadFailure,
  type SchemaLoadResult,
  type SchemaLoadSuccess,
} from './load.js';
export type * from './types.js';

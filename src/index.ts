/**
 * v3-filters: parse, validate, print and compile the `filters` language of SailPoint-style V3
 * REST APIs.
 *
 * The pipeline, and the modules behind each export:
 * - syntax: {@link parse} turns text into a typed AST with spans, or diagnostics with fixes;
 * - ast and diagnostic: the shared vocabulary ({@link Expression}, {@link Diagnostic});
 * - schema and validation: {@link defineSchema}, {@link loadSchema}, {@link validate},
 *   {@link importOpenApi}, {@link parseCollectionQuery} and the V3 400 body {@link toV3ErrorResponse};
 * - compilers: {@link compilePredicate} (an in-memory test) and {@link compileSql} (a
 *   parameterized `WHERE` fragment for PostgreSQL or SQLite);
 * - printer: {@link format} writes canonical text; builder: {@link createFilterBuilder};
 * - serving: {@link createCollectionHandler} answers a collection request (the V3 400, or a typed
 *   request with its `WHERE` and {@link toSqlOrderBy} `ORDER BY`); adapters for Express, Fastify
 *   and Hono live in their own entry points (`v3-filters/express`, `/fastify`, `/hono`);
 * - clients and editors: {@link generateSchemaModule} writes typed schemas from OpenAPI;
 *   {@link complete} suggests what may come at the cursor.
 * @module
 */

export * from './ast/index.js';
export * from './builder/api.js';
export * from './codegen/index.js';
export * from './collection/index.js';
export * from './compile/index.js';
export * from './complete/index.js';
export * from './diagnostic/index.js';
export * from './handler/index.js';
export * from './openapi/index.js';
export { type FormatOptions, format, InvalidAstError } from './printer/format.js';
export {
  BUILTIN_ENDPOINTS,
  type BuiltinEndpoint,
  type BuiltinSchemaName,
  builtinSchema,
  builtinSchemaNames,
  checkSchema,
  type DocumentDiagnostic,
  defineSchema,
  FIELD_TYPES,
  type FieldNameOf,
  type FieldValueOf,
  InvalidSchemaError,
  isValidFieldName,
  loadSchema,
  type OperatorOf,
  SCHEMA_CODES,
  type SchemaCode,
  type SchemaLoadFailure,
  type SchemaLoadResult,
  type SchemaLoadSuccess,
  type ValueOfField,
  workflowExecutionsSchema,
} from './schema/index.js';
export type { FieldSchema, FieldType, Schema } from './schema/types.js';
export { SYNTAX_CODES, type SyntaxCode } from './syntax/codes.js';
export { DEFAULT_LIMITS, MAX_LIMITS, type ParseLimits } from './syntax/limits.js';
export {
  type ParseFailure,
  type ParseOptions,
  type ParseResult,
  type ParseSuccess,
  parse,
} from './syntax/parse.js';
export * from './v3-error/index.js';
export * from './validate/index.js';

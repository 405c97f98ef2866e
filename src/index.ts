/**
 * v3-filters: parse, validate, print and compile the `filters` language of SailPoint-style V3
 * REST APIs.
 *
 * This is the package's root entry, one list grouped by concern: parse and print; schemas and
 * validation; compile; collections and servers; clients; errors and diagnostics; the language
 * table for tooling. Each name here is public and documented; everything else in `src/` is
 * internal. The framework adapters, the query-builder bridges and the CodeMirror extension have
 * entries of their own (`v3-filters/express`, `/fastify`, `/hono`, `/kysely`, `/drizzle`,
 * `/codemirror`), and `v3-filters/builder` holds the builder alone for browsers.
 *
 * The guides: [the language](../docs/language.md), [the server](../docs/server.md),
 * [schemas and OpenAPI](../docs/schemas.md), [SQL](../docs/sql.md),
 * [semantics](../docs/semantics.md), [clients](../docs/clients.md), [the CLI](../docs/cli.md),
 * [guarantees and limits](../docs/guarantees.md).
 * @module
 */

// Parse and print: text to a typed tree with spans (or diagnostics with fixes), and back.

export { dispatch } from './ast/expression.js';
export type * from './ast/public.js';
export {
  type CompositeNode,
  type ExpressionReducer,
  forEachExpression,
  reduceExpression,
} from './ast/walk.js';
export { type FormatOptions, format, InvalidAstError } from './printer/format.js';
export { DEFAULT_LIMITS, MAX_LIMITS, type ParseLimits } from './syntax/limits.js';
export {
  type ParseFailure,
  type ParseOptions,
  type ParseResult,
  type ParseSuccess,
  parse,
} from './syntax/parse.js';

// Schemas and validation: an endpoint's whitelist, declared, loaded or imported from OpenAPI, and
// a filter checked against it.

export {
  type ImportedEndpoint,
  importOpenApi,
  type OpenApiImport,
  type OpenApiImportOptions,
} from './openapi/import.js';
export type { DocumentDiagnostic } from './schema/document-diagnostic.js';
export {
  checkSchema,
  loadSchema,
  type SchemaLoadFailure,
  type SchemaLoadResult,
  type SchemaLoadSuccess,
} from './schema/load.js';
export * from './schema/public.js';
export { type ValidateOptions, validate } from './validate/validate.js';

// Compile: an in-memory predicate, and parameterized SQL that selects the same records.

export type { CaseFolding } from './compile/case-folding.js';
export { FilterCompileError } from './compile/compile-error.js';
export { compilePredicate, type PredicateOptions, type RecordPredicate } from './compile/predicate/index.js';
export {
  type CheckTableOptions,
  type ColumnCatalog,
  type ColumnKind,
  checkTable,
  compileSql,
  compileSqlChunks,
  type OrderByOptions,
  renderSqlChunks,
  type SqlChunk,
  type SqlChunkOptions,
  type SqlChunks,
  type SqlChunksResult,
  type SqlDialectName,
  type SqlFragment,
  type SqlOptions,
  type SqlParam,
  type SqlParamChunk,
  type SqlParamType,
  type SqlRenderOptions,
  type SqlResult,
  type SqlStorage,
  type StoredType,
  sqlStorage,
  type TableColumn,
  type TableColumnRow,
  type TableProblem,
  type TableProblemCode,
  type Tick,
  type TimestampStorage,
  toSqlOrderBy,
  tryCompileSql,
  tryCompileSqlChunks,
} from './compile/sql/index.js';
export { toSqlDateTime } from './language/date-time/instant.js';

// Collections and servers: the standard collection parameters, one call from a request's query
// string to the V3 400 or a typed request with its WHERE and ORDER BY, and the V3 400 body.

export {
  type CollectionQueryFailure,
  type CollectionQueryOptions,
  type CollectionQueryResult,
  type CollectionQuerySuccess,
  parseCollectionQuery,
} from './collection/parse-collection.js';
export type { CollectionQueryInput, ParsedQueryObject } from './collection/query-string.js';
export type { Sorter } from './collection/sorters.js';
export {
  type CollectionHandler,
  type CollectionHandlerOptions,
  type CollectionHandlerResult,
  type CollectionRejection,
  type CollectionRequest,
  CollectionSqlError,
  createCollectionHandler,
  handleCollectionRequest,
  InvalidCollectionOptionsError,
  type RequestOrderByOptions,
  type WhereOptions,
} from './handler/index.js';
export type { DiagnosticTexts, ParameterDiagnostic } from './v3-error/locate.js';
export {
  type LocaleOrigin,
  toV3ErrorResponse,
  type V3ErrorMessage,
  type V3ErrorOptions,
  type V3ErrorResponse,
} from './v3-error/response.js';
export { generateTrackingId } from './v3-error/tracking-id.js';

// Clients: the typed builder (also in `v3-filters/builder`), typed schemas from OpenAPI, and
// completions for filter boxes.

export * from './builder/api.js';
export { type V3fForOptions, v3fFor } from './builder/checked-template.js';
export {
  type GeneratedSchemaExport,
  generateSchemaModule,
  type SchemaModule,
  type SchemaModuleOptions,
} from './codegen/schema-module.js';
export {
  type CompleteOptions,
  type CompletionKind,
  type CompletionOption,
  type CompletionResult,
  complete,
} from './complete/index.js';

// Errors and diagnostics: the shape every stage reports in, its fixes, and one catalogue of
// stable codes per stage, each mapping a code to what it means.

export { type ApplyFixesOptions, applyFixes } from './diagnostic/apply-fixes.js';
export { CODEGEN_CODES, type CodegenCode } from './diagnostic/codes/codegen.js';
export { COLLECTION_CODES, type CollectionCode } from './diagnostic/codes/collection.js';
export { COMPILE_CODES, type CompileCode } from './diagnostic/codes/compile.js';
export type { DiagnosticCode, DocumentCode } from './diagnostic/codes/index.js';
export { OPENAPI_CODES, type OpenApiCode } from './diagnostic/codes/openapi.js';
export { SCHEMA_CODES, type SchemaCode } from './diagnostic/codes/schema.js';
export { SYNTAX_CODES, type SyntaxCode } from './diagnostic/codes/syntax.js';
export { VALIDATION_CODES, type ValidationCode } from './diagnostic/codes/validation.js';
export type { Diagnostic, Fix, Severity, TextEdit } from './diagnostic/diagnostic.js';
export { type LineColumn, lineColumn } from './diagnostic/text.js';

// The language table: for tooling, every operator with its kind and type rules, the reserved
// words, the field types a schema may declare.

export { COMPOSITE_TABLE, KEYWORDS, OPERATOR_TABLE } from './language/operators.js';
export { FIELD_TYPES } from './schema/check-field.js';

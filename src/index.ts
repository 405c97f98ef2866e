/**
 * v3-filters: parse, validate, print and compile the `filters` language of SailPoint-style V3
 * REST APIs.
 *
 * The pipeline, and the modules behind each export:
 * - syntax: {@link parse} turns text into a typed AST with spans, or diagnostics with fixes;
 * - ast and diagnostic: the shared vocabulary ({@link Expression}, {@link Diagnostic});
 * - printer: {@link format} writes canonical text.
 * @module
 */

export * from './ast/index.js';
export * from './diagnostic/index.js';
export { type FormatOptions, format, InvalidAstError } from './printer/format.js';
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

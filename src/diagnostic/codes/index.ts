/**
 * Every diagnostic code the library reports, one catalogue per stage, kept here below every
 * stage so that `Diagnostic['code']` can be their union: a code no catalogue declares fails to
 * compile wherever a diagnostic is made. Each stage re-exports its own catalogue from its old
 * module (`SYNTAX_CODES` from `syntax/codes.ts`...).
 * @module
 */

import type { CodegenCode } from './codegen.js';
import type { CollectionCode } from './collection.js';
import type { CompileCode } from './compile.js';
import type { OpenApiCode } from './openapi.js';
import type { SchemaCode } from './schema.js';
import type { SyntaxCode } from './syntax.js';
import type { ValidationCode } from './validation.js';

/**
 * A code a JSON document's diagnostic can have: loading a schema, importing an OpenAPI document,
 * generating a schema module from one.
 */
export type DocumentCode = SchemaCode | OpenApiCode | CodegenCode;

/** Any code of any catalogue: what `Diagnostic['code']` may be. */
export type DiagnosticCode = SyntaxCode | ValidationCode | CompileCode | CollectionCode | DocumentCode;

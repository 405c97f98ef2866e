/**
 * The Diagnostic type and its helpers: the other half of the pipeline's shared vocabulary.
 * @module
 */

export * from './apply-fixes.js';
export type { CodegenCode } from './codes/codegen.js';
export type { DiagnosticCode, DocumentCode } from './codes/index.js';
export * from './diagnostic.js';
export * from './text.js';

/**
 * Schema-aware completions for filter boxes: what may come at the cursor, on any text.
 * @module
 */
export { complete } from './complete.js';
export type { CompleteOptions, CompletionKind, CompletionOption, CompletionResult } from './types.js';

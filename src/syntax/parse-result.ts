/**
 * What `parse` takes and answers, apart from `parse` itself: both paths (fast/ and full/) build
 * these, and parse.ts imports both paths, so the types live below all three.
 * @module
 */
import type { Expression } from '../ast/index.js';
import type { Diagnostic } from '../diagnostic/index.js';
import type { ParseLimits } from './limits.js';

/** Options of `parse`. */
export interface ParseOptions {
  /**
   * Overrides of the default limits ({@link DEFAULT_LIMITS}): each an integer from 1 to its
   * {@link MAX_LIMITS} value. Anything else makes `parse` answer an `invalid-option` diagnostic.
   */
  readonly limits?: Partial<ParseLimits>;
}

/** A filter that parsed: its tree, and warnings (never errors; an empty list is frozen). */
export interface ParseSuccess {
  readonly ok: true;
  readonly ast: Expression;
  readonly diagnostics: readonly Diagnostic[];
}

/** A filter that did not parse: at least one error. */
export interface ParseFailure {
  readonly ok: false;
  readonly diagnostics: readonly Diagnostic[];
}

/** The result of `parse`. */
export type ParseResult = ParseSuccess | ParseFailure;

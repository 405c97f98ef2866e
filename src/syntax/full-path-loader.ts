/**
 * A lazy boundary (scripts/build.ts, `LAZY_BOUNDARIES`): in the bundle, `loadFullParse()` loads
 * full/full-parse.ts, and with it Chevrotain, on its first call instead of when the package is
 * imported; `parse` calls it only for a filter its fast path declines. Run from source (tests,
 * tsx), it is a plain import. The file must keep this shape: one namespace import, one function
 * that returns it.
 * @module
 */
import * as fullParse from './full/full-parse.js';

/** The full pipeline of `parse` (loaded on the first call, in the bundle). */
export function loadFullParse(): typeof fullParse {
  return fullParse;
}

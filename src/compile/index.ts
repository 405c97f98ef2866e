/**
 * The compilers: in-memory predicates and parameterized SQL that select the same records.
 * @module
 */

export { toSqlDateTime } from '../language/date-time/instant.js';
export { type CaseFolding, compareCodePoints, foldAscii, foldUnicode } from './case-folding.js';
export {
  COMPILE_CODES,
  type CompileCode,
  FilterCompileError,
  InvalidCollectionOptionsError,
} from './compile-error.js';
export * from './predicate/index.js';
export * from './sql/index.js';

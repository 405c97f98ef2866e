/**
 * The in-memory predicate compiler.
 * @module
 */

export { compilePredicate, type PredicateOptions, type RecordPredicate } from './compile-predicate.js';

/**
 * Validation: checks a parsed filter against an endpoint's `Schema` and reports every
 * violation as a `Diagnostic`.
 * @module
 */

export { VALIDATION_CODES, type ValidationCode } from './codes.js';
export { type ValidateOptions, validate } from './validate.js';

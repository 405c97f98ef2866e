/**
 * Validation: checks a parsed filter against an endpoint's {@link Schema} and reports every
 * violation as a {@link Diagnostic}.
 * @module
 */

export { VALIDATION_CODES, type ValidationCode } from './codes.js';
export { type ValidateOptions, validate } from './validate.js';

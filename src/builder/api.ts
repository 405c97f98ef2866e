/**
 * The typed filter builder: clients build filters that are valid for an endpoint's schema by
 * construction, and cannot inject syntax through values.
 * @module
 */
export * from './builder.js';
export { type BuilderValue, decimalText } from './values.js';

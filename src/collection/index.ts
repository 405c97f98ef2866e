/**
 * The standard V3 collection parameters (`filters`, `sorters`, `limit`, `offset`, `count`),
 * read from a query string and checked against an endpoint's schema.
 * @module
 */

export { COLLECTION_CODES, type CollectionCode } from './codes.js';
export * from './parse-collection.js';
export type { CollectionQueryInput, ParsedQueryObject } from './query-string.js';
export type { Sorter } from './sorters.js';

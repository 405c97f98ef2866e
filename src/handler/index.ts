/**
 * The collection handler: one call turns a request's query string into the V3 400 answer or a
 * typed request whose filter, sort keys and page are ready for SQL (`where`, `orderBy`) or for
 * records in memory (`predicate`). Framework-neutral and browser-safe; the adapters for
 * Express, Fastify and Hono are thin layers over it.
 * @module
 */

export { InvalidCollectionOptionsError } from '../compile/compile-error.js';
export { DEFAULT_TIEBREAKER, type OrderByOptions, toSqlOrderBy } from '../compile/sql/order-by.js';
export { type CollectionRejection, CollectionSqlError, JSON_HEADERS } from './errors.js';
export {
  type CollectionHandler,
  type CollectionHandlerOptions,
  type CollectionHandlerResult,
  type CollectionRequest,
  createCollectionHandler,
  handleCollectionRequest,
  type RequestOrderByOptions,
  type WhereOptions,
} from './handle.js';

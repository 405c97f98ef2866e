/**
 * `v3-filters/sailpoint`: SailPoint's published API as typed filter schemas, generated from its
 * OpenAPI documents (v3, beta, v2024, v2025; MIT, SailPoint). One export per class of
 * `sailpoint-api-client` whose methods take `filters`, named after the class with `Filters`
 * appended and keyed by method: `AccessProfilesBetaApiFilters.listAccessProfiles` is the schema of
 * `new AccessProfilesBetaApi(config).listAccessProfiles({ filters })`, ready for
 * `createFilterBuilder` (which then accepts only that endpoint's fields, operators and values) or
 * `validate`. `findSailPointOperation` looks an SDK call up by its class and method names.
 *
 * The data is plain objects: a bundler keeps only the classes a client imports.
 * The guide: [Clients](../../docs/clients.md).
 * @module sailpoint
 */

export { findSailPointOperation, listSailPointOperations } from './find.js';
export * from './generated/filters.js';
export {
  SAILPOINT_API_VERSIONS,
  type SailPointApiVersion,
  type SailPointOperation,
  sailPointClassName,
} from './operation.js';

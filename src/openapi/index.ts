/**
 * Imports endpoint schemas from an OpenAPI 3 document whose `filters` parameters declare their
 * whitelists in SailPoint's prose format.
 * @module
 */

export { OPENAPI_CODES, type OpenApiCode } from './codes.js';
export {
  type DeclaredField,
  type FilterDeclaration,
  readFilterDeclaration,
  readSortableFields,
} from './description.js';
export {
  type ImportedEndpoint,
  importOpenApi,
  type OpenApiImport,
  type OpenApiImportOptions,
} from './import.js';

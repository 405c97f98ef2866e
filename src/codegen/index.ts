/**
 * Code generation: typed schema modules from an OpenAPI document.
 * @module
 */
export {
  CODEGEN_CODES,
  type GeneratedSchemaExport,
  generateSchemaModule,
  type SchemaModule,
  type SchemaModuleOptions,
} from './schema-module.js';

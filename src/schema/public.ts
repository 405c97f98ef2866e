/**
 * The schema exports of both package entries, `v3-filters` and `v3-filters/builder`: what a
 * client needs to declare a schema or name a built-in one. One list, re-exported by both
 * entries, so the two cannot drift apart.
 * @module
 */

export {
  BUILTIN_ENDPOINTS,
  type BuiltinEndpoint,
  type BuiltinSchemaName,
  builtinSchema,
  workflowExecutionsSchema,
} from './builtin.js';
export {
  defineSchema,
  type FieldNameOf,
  type FieldValueOf,
  InvalidSchemaError,
  type OperatorOf,
  type ValueOfField,
} from './define.js';
export type { DateTimeStorage, FieldSchema, FieldType, Schema } from './types.js';

import { FIELD_KEYS } from './check-field.js';
import type { FieldSchema, Schema } from './types.js';

/**
 * Own-property snapshots of schemas. A schema is plain data, but a caller's object may inherit
 * from a polluted `Object.prototype` (`Object.prototype.caseSensitive = true`, `column`,
 * `path`…). `validate`, the compilers and `parseCollectionQuery` read a schema only through
 * {@link ownSchema}: every known property is copied from the object's own properties, and every
 * absent one is set to `undefined` on the copy, so no read ever reaches a prototype.
 */

const SCHEMA_KEYS = ['composite', 'caseSensitive', 'sorters'] as const;

const snapshots = new WeakMap<object, Schema>();

function own(record: object, key: string): unknown {
  return Object.hasOwn(record, key) ? (record as Record<string, unknown>)[key] : undefined;
}

function ownField(field: unknown): FieldSchema | undefined {
  if (typeof field !== 'object' || field === null) return undefined;
  const copy: Record<string, unknown> = {};
  for (const key of FIELD_KEYS) copy[key] = own(field, key);
  return copy as unknown as FieldSchema;
}

/**
 * The schema as its own properties say, with no prototype to fall back on: fields in a
 * null-prototype map, each field and the schema itself with every known key present. Memoised
 * per schema object (schemas are data: mutating one after first use is not supported).
 */
export function ownSchema(schema: Schema): Schema {
  if (typeof schema !== 'object' || schema === null) return { fields: Object.create(null) };
  const known = snapshots.get(schema);
  if (known) return known;
  const fields = Object.create(null) as Record<string, FieldSchema>;
  const given = own(schema, 'fields');
  if (typeof given === 'object' && given !== null) {
    for (const name of Object.keys(given)) {
      const field = ownField((given as Record<string, unknown>)[name]);
      if (field) fields[name] = field;
    }
  }
  const copy: Record<string, unknown> = { fields };
  for (const key of SCHEMA_KEYS) copy[key] = own(schema, key);
  const snapshot = copy as unknown as Schema;
  snapshots.set(schema, snapshot);
  return snapshot;
}

import { FIELD_KEYS } from './check-field.js';
import type { DocumentDiagnostic } from './document-diagnostic.js';
import { checkSchema } from './load.js';
import type { FieldSchema, Schema } from './types.js';

/**
 * Own-property snapshots of schemas, and their check. A schema is plain data, but a caller's
 * object may inherit from a polluted `Object.prototype` (`Object.prototype.caseSensitive = true`,
 * `column`, `path`…). `validate`, the compilers and `parseCollectionQuery` read a schema only
 * through {@link ownSchema}: every known property is copied from the object's own properties, and
 * every absent one is set to `undefined` on the copy, so no read ever reaches a prototype.
 *
 * A schema object is read once, at its first use: checked as `loadSchema` checks it and copied
 * (lists included) in the same step, and both are kept in a WeakMap keyed by the object. A change
 * to the object after its first use is therefore neither checked nor seen by any entry: they all
 * keep reading the first copy. To change a schema, make a new object.
 */

const SCHEMA_KEYS = ['composite', 'caseSensitive', 'sorters'] as const;

/** What one reading of a schema object gave: its copy, and the errors `loadSchema` would report. */
interface Reading {
  readonly snapshot: Schema;
  readonly errors: readonly DocumentDiagnostic[];
}

const readings = new WeakMap<object, Reading>();

function own(record: object, key: string): unknown {
  if (!Object.hasOwn(record, key)) return undefined;
  const value = (record as Record<string, unknown>)[key];
  // Lists are copied, so pushing to the caller's array later cannot widen a whitelist unchecked.
  return Array.isArray(value) ? Object.freeze(value.slice()) : value;
}

function ownField(field: unknown): FieldSchema | undefined {
  if (typeof field !== 'object' || field === null) return undefined;
  const copy: Record<string, unknown> = {};
  for (const key of FIELD_KEYS) copy[key] = own(field, key);
  return copy as unknown as FieldSchema;
}

function copySchema(schema: object): Schema {
  const fields = Object.create(null) as Record<string, FieldSchema>;
  const given = Object.hasOwn(schema, 'fields') ? (schema as { fields: unknown }).fields : undefined;
  if (typeof given === 'object' && given !== null) {
    for (const name of Object.keys(given)) {
      const field = ownField((given as Record<string, unknown>)[name]);
      if (field) fields[name] = field;
    }
  }
  const copy: Record<string, unknown> = { fields };
  for (const key of SCHEMA_KEYS) copy[key] = own(schema, key);
  return copy as unknown as Schema;
}

function emptySchema(): Schema {
  return { fields: Object.create(null) };
}

function readingOf(schema: object): Reading {
  const known = readings.get(schema);
  if (known) return known;
  const errors = checkSchema(schema).filter((d) => d.severity === 'error');
  let snapshot: Schema;
  try {
    snapshot = copySchema(schema);
  } catch {
    // Only a hostile object (a throwing getter, a revoked proxy) gets here; checkSchema has
    // reported it as `unreadable-schema`, so no entry that checks compiles against this copy.
    snapshot = emptySchema();
  }
  const reading = { snapshot, errors };
  readings.set(schema, reading);
  return reading;
}

/**
 * The schema as its own properties say, with no prototype to fall back on: fields in a
 * null-prototype map, each field and the schema itself with every known key present, lists
 * copied. Memoised per schema object (see above: later changes to the object are not seen).
 * Never throws.
 */
export function ownSchema(schema: Schema): Schema {
  if (typeof schema !== 'object' || schema === null) return emptySchema();
  return readingOf(schema).snapshot;
}

/**
 * The errors `loadSchema` would report for this schema object (warnings left out): empty when
 * it is a usable schema. Checked once per object, in the same step as its {@link ownSchema}
 * copy. Never throws.
 */
export function schemaErrors(schema: unknown): readonly DocumentDiagnostic[] {
  if (typeof schema !== 'object' || schema === null) {
    return checkSchema(schema).filter((d) => d.severity === 'error');
  }
  return readingOf(schema).errors;
}

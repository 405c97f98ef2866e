/**
 * Rows SQL can hold, for the differential part of the attack: plain JSON-like records (values of
 * the field's type, nulls, NaN, missing values, collections with null members) and the values
 * SQLite's columns hold for them, as `sqlStorage` writes them.
 */
import fc from 'fast-check';
import { sqlStorage } from '../../src/index.js';
import { type FieldSpec, readOwnPath, type SchemaSpec } from './oracle.js';
import { buildRecord, type CollectionPlan, HOLE, validValueArbitrary } from './records.js';

export interface StorableRow {
  readonly record: unknown;
  /** One value per schema field, in the order of `schema.fields`. */
  readonly stored: readonly unknown[];
}

/** A date-time finer than the nanosecond cannot be stored as text; SQL places such literals, not values. */
const storableValue = (field: FieldSpec): fc.Arbitrary<unknown> =>
  validValueArbitrary(field, true).filter(
    (value) => typeof value !== 'string' || field.type !== 'date-time' || !/\.\d{10}/.test(value),
  );

function storedValue(field: FieldSpec, raw: unknown): unknown {
  const storage = sqlStorage('sqlite');
  const one = (value: unknown): unknown =>
    value === null || value === undefined
      ? null
      : (storage.scalar(field.type, value as string | number | boolean | Date) ?? null);
  if (!field.collection) return one(raw);
  if (!Array.isArray(raw)) return null;
  // A collection holds JSON members: booleans as JSON booleans, date-times in the stored text form.
  const member = (value: unknown): unknown =>
    field.type === 'date-time' || value === null || value === undefined
      ? one(value)
      : Number.isNaN(value)
        ? null
        : value;
  return storage.collection(Array.from(raw, (value) => member(value) as string | number | boolean | null));
}

/** The fields of a schema whose paths SQL can hold side by side: none a prefix of another. */
export function independentFields(schema: SchemaSpec): SchemaSpec {
  const kept: FieldSpec[] = [];
  const key = (path: readonly string[]): string => path.map((segment) => `${segment}\u0000`).join('');
  for (const field of schema.fields) {
    const mine = key(field.path);
    if (kept.every((other) => !key(other.path).startsWith(mine) && !mine.startsWith(key(other.path))))
      kept.push(field);
  }
  return { ...schema, fields: kept };
}

export function storableRowsArbitrary(schema: SchemaSpec): fc.Arbitrary<StorableRow[]> {
  const value = (field: FieldSpec): fc.Arbitrary<unknown> => {
    const scalar = fc.oneof(
      { weight: 5, arbitrary: storableValue(field) },
      fc.constantFrom(null, Number.NaN),
    );
    if (!field.collection) return scalar;
    // A collection is JSON text in SQLite, and JSON has no infinities.
    const member = scalar.filter((v) => typeof v !== 'number' || Number.isFinite(v) || Number.isNaN(v));
    return fc.oneof(
      {
        weight: 5,
        arbitrary: fc
          .array(fc.oneof({ weight: 4, arbitrary: member }, fc.constant(HOLE)), { maxLength: 4 })
          .map((members): CollectionPlan => ({ members })),
      },
      fc.constant(null),
    );
  };
  const row = fc
    .tuple(
      ...schema.fields.map((field) =>
        fc.option(
          value(field).map((v) => ({ path: field.path, value: v })),
          { freq: 5 },
        ),
      ),
    )
    .map((entries) => {
      const record = buildRecord({ entries: entries.filter((entry) => entry !== null), shapes: ['plain'] });
      return {
        record,
        stored: schema.fields.map((field) => storedValue(field, readOwnPath(record, field.path))),
      };
    });
  return fc.array(row, { minLength: 1, maxLength: 10 });
}

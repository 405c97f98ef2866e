import type { CompositeOperator, PrimitiveOperator } from '../language/operators.js';

/**
 * The value type of a filterable field. `unknown` is for fields whose type could not be found
 * (e.g. when importing from an OpenAPI document): such a field is checked against the whitelist of
 * fields and operators only.
 */
export type FieldType = 'string' | 'number' | 'integer' | 'boolean' | 'date-time' | 'unknown';

/**
 * How a date-time field's SQL column holds it: `'text'` (the default), fixed-width UTC text to
 * the nanosecond (`toSqlDateTime`), or `'timestamp'`, the engine's native timestamp column
 * (PostgreSQL `timestamptz`/`timestamp`, MySQL `DATETIME(6)`/`TIMESTAMP(6)`, SQLite epoch
 * milliseconds in an INTEGER). See the storage table in the SQL documentation.
 */
export type DateTimeStorage = 'text' | 'timestamp';

/** One filterable field of an endpoint: plain JSON data. */
export interface FieldSchema {
  readonly type: FieldType;
  /** The primitive operators this field accepts. */
  readonly operators: readonly PrimitiveOperator[];
  /** The only values allowed (for string fields), compared as the field's case sensitivity says. */
  readonly enum?: readonly string[];
  /**
   * A promise about the stored data, not the filters: every record's value, when present, is one
   * of `enum`'s values (for a case-insensitive field, equal to one ignoring case). A filter may
   * only hold `enum`'s values either way; `closed` lets the SQL compiler plan `not status eq
   * "Failed"` (and `ne`, `not … in`) as an `in` of the other values, which an index serves, keeping
   * the records with no value where the filter selects them. Only on a single string field with an
   * `enum`; make sure the storage keeps the promise (a `CHECK` constraint or an enum column), or
   * rows outside it are silently left out of negated tests.
   */
  readonly closed?: boolean;
  /** True for a collection-valued field (the only kind `ca` applies to). */
  readonly collection?: boolean;
  /** Overrides the schema-wide `caseSensitive` for this field. */
  readonly caseSensitive?: boolean;
  /** Where the value sits in a record (dotted path) for the predicate compiler; default: the field name. */
  readonly path?: string;
  /** The SQL column for the SQL compiler; default: the field name. */
  readonly column?: string;
  /**
   * How the column of a single date-time field holds it (SQL compilers only): `'text'`
   * (default) or `'timestamp'`, the engine's native column. `compileSql`'s `storage` option
   * overrides it per field.
   */
  readonly storage?: DateTimeStorage;
  /** Free text for people (e.g. from an OpenAPI description). */
  readonly description?: string;
}

/**
 * An endpoint's filter whitelist: which fields, which operators on each, which value types, and
 * which composite operators. Plain JSON-serializable data, so a server can load it from config.
 */
export interface Schema {
  readonly fields: Readonly<Record<string, FieldSchema>>;
  /** The composite operators allowed; default: all of `and`, `or`, `not`. */
  readonly composite?: readonly CompositeOperator[];
  /** Whether string comparisons are case-sensitive; default false (per-field `caseSensitive` wins). */
  readonly caseSensitive?: boolean;
  /**
   * The fields the `sorters` collection parameter may name (dotted paths; they need not be
   * filterable). Absent: the endpoint does not sort, and any `sorters` parameter is rejected.
   */
  readonly sorters?: readonly string[];
}

import type { Span } from '../../ast/span.js';
import type { Diagnostic } from '../../diagnostic/diagnostic.js';
import type { DateTimeStorage, Schema } from '../../schema/types.js';
import type { CaseFolding } from '../case-folding.js';
import type { SqlChunk, SqlParam } from './chunks.js';
import type { SqlDialectName } from './dialects.js';

export type { SqlParam } from './chunks.js';
export type { SqlDialectName } from './dialects.js';

/** Options of `compileSql`. */
export interface SqlOptions {
  /** The schema the filter was validated against: types, case sensitivity and columns. */
  readonly schema: Schema;
  /** Which engine the fragment is for. */
  readonly dialect: SqlDialectName;
  /**
   * How many placeholders come before this fragment in the statement it is embedded in
   * (default 0). PostgreSQL numbering starts at `$<offset + 1>`; SQLite's `?` placeholders are
   * positional (as are MySQL's), so there the params simply go after the ones already bound.
   */
  readonly parameterOffset?: number;
  /**
   * Pins what case-insensitive comparisons fold, whatever the database's collation:
   * PostgreSQL computes `lower()` under `COLLATE "C"` (`'ascii'`) or `COLLATE "pg_c_utf8"`
   * (`'unicode'`, PostgreSQL 17+). Left out, `lower()` follows the column's collation (for the
   * column) and the database default (for the value). SQLite's built-in `lower()` folds ASCII
   * only, so there only `'ascii'` (or nothing) is possible. MySQL always pins the fold, never
   * following the column's collation: `LOWER()` under `utf8mb4_unicode_520_ci` (Unicode 5.2
   * simple mappings) for `'unicode'` and when left out; it has no ASCII-only `LOWER()`, so
   * `'ascii'` is refused.
   */
  readonly caseFolding?: CaseFolding;
  /**
   * How date-time columns hold their values, per field name, overriding the fields' own
   * `storage` (for a schema shared by engines whose tables differ): `'text'`, fixed-width UTC
   * text to the nanosecond, or `'timestamp'`, the engine's native column (PostgreSQL
   * `timestamptz`/`timestamp`, MySQL `DATETIME(6)`/`TIMESTAMP(6)`, SQLite epoch milliseconds in
   * an INTEGER). Each name must be a single date-time field of the schema.
   *
   * @example
   * compileSql(ast, { schema, dialect: 'postgres', storage: { start_time: 'timestamp' } });
   */
  readonly storage?: Readonly<Record<string, DateTimeStorage>>;
  /** A table name or alias to qualify every column with (`"t"."status"`, MySQL `` `t`.`status` ``); default: none. */
  readonly table?: string;
}

/** What `compileSql` returns: a WHERE-clause fragment and the values to bind. */
export interface SqlFragment {
  /** A boolean SQL expression with placeholders, ready to follow `WHERE`. */
  readonly sql: string;
  /** The values to bind, in placeholder order. */
  readonly params: readonly SqlParam[];
  /**
   * The same values by placeholder name, for a dialect whose placeholders are named (ClickHouse:
   * `{ p1: 'Failed', p2: '2022-02-07 20:13:29.000000000' }` for `{p1:String}`, `{p2:DateTime64(9, 'UTC')}`),
   * ready for @clickhouse/client's `query_params` and chdb's `queryBind`; absent for the others.
   */
  readonly queryParams?: Readonly<Record<string, SqlParam>>;
}

/** What `tryCompileSql` returns: a WHERE-clause fragment and its parameters, or why there is none. */
export type SqlResult =
  | {
      readonly ok: true;
      /** A boolean SQL expression with placeholders, ready to follow `WHERE`. */
      readonly sql: string;
      /** The values to bind, in placeholder order. */
      readonly params: readonly SqlParam[];
      /** The values by placeholder name, for a dialect with named placeholders (ClickHouse); see {@link SqlFragment}. */
      readonly queryParams?: Readonly<Record<string, SqlParam>>;
      readonly diagnostics: readonly Diagnostic[];
    }
  | { readonly ok: false; readonly diagnostics: readonly Diagnostic[] };

/** Options of `compileSqlChunks`: those of `compileSql` but `parameterOffset`, a rendering option. */
export type SqlChunkOptions = Omit<SqlOptions, 'parameterOffset'>;

/**
 * A filter compiled for one dialect, before its placeholders are written: text chunks and value
 * chunks in order. `renderSqlChunks` writes it at any parameter offset; a query builder maps the
 * chunks to its own raw SQL and parameters.
 */
export interface SqlChunks {
  /** The dialect the chunks are written in (and rendered for). */
  readonly dialect: SqlDialectName;
  /** The fragment: SQL text (a string) and values to bind (`{ value, type }`), in order. */
  readonly chunks: readonly SqlChunk[];
  /**
   * Where the filter is (its root's span), which a problem found when rendering points at;
   * absent in chunks composed by hand (a whole statement around a filter's chunks).
   */
  readonly span?: Span;
}

/** What `tryCompileSqlChunks` returns: the chunks, or why there are none. */
export type SqlChunksResult =
  | (SqlChunks & { readonly ok: true; readonly diagnostics: readonly Diagnostic[] })
  | { readonly ok: false; readonly diagnostics: readonly Diagnostic[] };

/** Options of `renderSqlChunks`. */
export interface SqlRenderOptions {
  /**
   * How many placeholders come before the fragment in its statement (default 0): PostgreSQL
   * numbering starts at `$<offset + 1>`; positional `?` placeholders are unaffected (bind the
   * params after your own).
   */
  readonly parameterOffset?: number;
}

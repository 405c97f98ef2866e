import type { Tick } from '../../language/date-time/ticks.js';
import type { CompareOperator, TextOperator } from '../../language/operators.js';
import type { DateTimeStorage } from '../../schema/types.js';
import type { CaseFolding } from '../case-folding.js';
import type { ValueType } from '../plan.js';
import type { SqlParam, SqlParamChunk, SqlParamType, SqlPiece } from './chunks.js';

/** The expression for each member of a collection column, and where it comes from. */
export interface MemberSource {
  /** A FROM item, e.g. `unnest("tags") AS "m"("v")`. */
  readonly from: SqlPiece;
  /** The member value, e.g. `"m"."v"`. */
  readonly value: SqlPiece;
  /** A condition that keeps members of the right type, where storage cannot guarantee it. */
  readonly typeCheck: SqlPiece | undefined;
  /**
   * Whether some member satisfies `test` (written over `value`), for an engine that asks with an
   * array function (ClickHouse's `arrayExists`); absent: `EXISTS (SELECT 1 FROM from WHERE test)`.
   */
  readonly exists?: (test: SqlPiece) => SqlPiece;
}

/** A field type a column stores (a schema's `unknown` has no storage of its own). */
export type StoredType = SqlParamType;

/**
 * How an engine stores each field type: the column types the compiled SQL expects and the values
 * they hold. The server's tables, the tests' tables and the docs' storage table read it.
 */
export interface SqlStorage {
  /** The column type for each field type, e.g. `'double precision'` for a `number` on PostgreSQL. */
  readonly columns: Readonly<Record<StoredType, string>>;
  /** The column type of a collection of `member` values, e.g. `'text[]'` or `'JSON'`. */
  collectionColumn(member: StoredType): string;
  /**
   * A scalar as its column holds it (and as a filter binds it): a boolean as the engine keeps
   * it, a date-time as `toSqlDateTime` text, or with `dateTimeStorage` `'timestamp'` as the
   * native column takes it ({@link SqlStorage.timestamp}); undefined for a date-time that column
   * cannot hold exactly (finer than its precision, outside its years, or no native column).
   */
  scalar(
    type: StoredType,
    value: string | number | boolean | Date,
    dateTimeStorage?: DateTimeStorage,
  ): SqlParam | undefined;
  /**
   * A collection as its column holds it, from its members (each a scalar of the member type,
   * booleans as `true`/`false`, date-times as `toSqlDateTime` text, or null): an array, or the
   * text of a JSON array.
   */
  collection(members: readonly (string | number | boolean | null)[]): unknown;
  /** What a date-time field with `storage: 'timestamp'` means on this engine: its native column. */
  readonly timestamp: TimestampStorage;
  /** How `checkTable` reads this engine's catalog rows against the storage above. */
  readonly catalog: ColumnCatalog;
  /**
   * The column type `type` (a text type of {@link SqlStorage.columns}) declared to sort and compare
   * in code-point order, the predicate's order, whatever the database's default collation: for key
   * columns whose `ORDER BY` must page alike on every engine. PostgreSQL: `text COLLATE "C"`;
   * SQLite (`BINARY`) and ClickHouse (bytes) already do; MySQL: `COLLATE utf8mb4_bin`, whose PAD
   * SPACE sorts text that differs only in trailing characters below U+0020 as if padded with spaces.
   */
  orderedByCodePoint(type: string): string;
  /**
   * What follows an index's column list so that the index also carries `columns` and answers
   * from the index alone (PostgreSQL: ` INCLUDE (status)`), or `''` where the engine has no such
   * clause.
   */
  indexIncludes(columns: readonly string[]): string;
}

/** A column as `checkTable` reads it from the engine's catalog (see `TableColumnRow`). */
export interface TableColumn {
  readonly name: string;
  /** The catalog's type: PostgreSQL `data_type`, MySQL `DATA_TYPE`, SQLite's declared type. */
  readonly type: string;
  /** PostgreSQL's `udt_name` (`timestamptz`, `_text` for `text[]`). */
  readonly udtName: string | undefined;
  readonly collation: string | undefined;
  /** MySQL's `CHARACTER_SET_NAME`. */
  readonly characterSet: string | undefined;
  /** PostgreSQL: whether the collation is deterministic (`pg_collation.collisdeterministic`). */
  readonly deterministic: boolean | undefined;
}

/** The kinds of column a field needs: a stored type, a native timestamp, or a collection. */
export type ColumnKind = StoredType | 'timestamp';

/** How one engine's catalog names the column types its storage accepts. */
export interface ColumnCatalog {
  /** Whether the engine matches column names ignoring case (MySQL), rather than exactly. */
  readonly namesFoldCase: boolean;
  /** The column's type name as {@link ColumnCatalog.holds} lists it (lower case). */
  typeName(column: TableColumn): string;
  /** The type names that hold each kind of scalar field. */
  readonly holds: Readonly<Record<ColumnKind, readonly string[]>>;
  /** The type names that hold a collection of `member` values. */
  collectionHolds(member: StoredType): readonly string[];
  /** Why a string column's character set or collation breaks the fragment's comparisons, or undefined. */
  textProblem(column: TableColumn): string | undefined;
  /**
   * Why a native timestamp column of this type depends on a session setting the check saw
   * (`timeZone`: MySQL's `TIMESTAMP` converts through the session's time zone), or undefined.
   */
  sessionProblem(typeName: string, timeZone: string | undefined): string | undefined;
}

/**
 * A native timestamp column (`storage: 'timestamp'`): its types, its precision, the instants it
 * holds, and how an instant at its precision is bound. The compiler rewrites every literal onto
 * this clock exactly (see `placeOnClock`), so the engine never rounds a value.
 */
export interface TimestampStorage {
  /** The column types that hold it, the recommended one first (e.g. `timestamptz`, `timestamp`). */
  readonly columns: readonly string[];
  /** Fractional-second digits the column keeps: 6 (microseconds) or 3 (milliseconds). */
  readonly digits: number;
  /** The earliest instant the column holds, or undefined when no literal can be earlier. */
  readonly first: Tick | undefined;
  /** The latest instant the column holds, or undefined when no literal can be later. */
  readonly last: Tick | undefined;
  /** An instant on the column's clock, as the driver binds it (text the engine reads exactly, or a number). */
  param(tick: Tick): SqlParam;
}

/** How the query-builder integrations recognise an engine's database objects. */
export interface BuilderNames {
  /** The Kysely dialect adapter class (a `kysely` export) whose instances speak this dialect. */
  readonly kyselyAdapter: string | undefined;
  /** The Drizzle database `entityKind` (pg-core's `PgDatabase`…) that speaks this dialect. */
  readonly drizzleDatabase: string | undefined;
}

/**
 * One row of the dialect table: everything that differs between SQL engines. Everything else
 * (null semantics, `not`, escaping, binding) lives in the shared compiler.
 */
export interface SqlDialect {
  /** The dialect's name (its key in the dialect table). */
  readonly name: string;
  /** The most parameters one statement can bind. */
  readonly maxParameters: number;
  /**
   * The placeholder of the `position`-th value of the statement (1-based), written when the
   * chunks are rendered: `$3`, `?`, or a named and typed one built from `param.type`.
   */
  placeholder(position: number, param: SqlParamChunk): string;
  /**
   * The name of the `position`-th parameter, for a driver that binds by name (ClickHouse: `p3`):
   * the compiled fragment then also gives `queryParams`, the values by these names. Absent:
   * positional parameters only.
   */
  readonly paramName?: (position: number) => string;
  /**
   * How a bound value stands in the SQL, made when it is bound: the value chunk itself, or an
   * expression around an encoded value (MySQL: text as `UNHEX(hex digits)`). Absent: the chunk.
   */
  readonly bindValue?: (param: SqlParamChunk) => SqlPiece;
  /**
   * How a value bound for a native timestamp column ({@link SqlStorage.timestamp}) stands in the
   * SQL: the chunk itself, or an expression around it (MySQL: `CAST(? AS DATETIME(6))`).
   */
  timestampValue(param: SqlParamChunk): SqlPiece;
  /** A bound value used as text inside a function call, cast where the engine cannot infer it. */
  textArgument(value: SqlPiece): SqlPiece;
  /** The constant true (the collection handler's `WHERE` for a request without a filter). */
  readonly trueSql: string;
  /** The constant false. */
  readonly falseSql: string;
  /** Why this dialect cannot pin `folding`, or undefined when it can. */
  foldingProblem(folding: CaseFolding | undefined): string | undefined;
  /**
   * A pinned folding the engine's `lower()` matches exactly on every code point, applied to a
   * value before it is bound, so the value side of a case-insensitive comparison is a bare
   * parameter (PostgreSQL's `'ascii'`: `lower("x" COLLATE "C") = $1`, which postgres_fdw ships
   * to a foreign server when the column is itself `COLLATE "C"`); undefined: `lower()` in SQL.
   */
  readonly foldValue?: (folding: CaseFolding | undefined) => ((text: string) => string) | undefined;
  /** `lower()` of `operand` under the requested folding. */
  lower(operand: SqlPiece, folding: CaseFolding | undefined): SqlPiece;
  /**
   * Makes the left operand of `<`/`>` compare by code point. `folded` says whether it is a
   * `lower()` result made by {@link SqlDialect.lower} with `folding`.
   */
  byCodePoint(operand: SqlPiece, folded: boolean, folding: CaseFolding | undefined): SqlPiece;
  /**
   * Case-sensitive `co`/`sw` of `operand`, binding the pattern via `bind`.
   * (Case-insensitive ones use `lower(...) LIKE lower(...) ESCAPE '!'` in both dialects.)
   */
  caseSensitiveMatch(
    operand: SqlPiece,
    operator: TextOperator,
    text: string,
    bind: (text: string) => SqlPiece,
  ): SqlPiece;
  /**
   * The longest LIKE/GLOB pattern the engine accepts, in UTF-8 bytes (SQLite: 50,000), or
   * undefined when there is no limit. A longer `co`/`sw` uses {@link SqlDialect.substringMatch}.
   */
  readonly maxPatternBytes: number | undefined;
  /**
   * `co`/`sw` without a pattern: whether `needle` occurs in `operand` (`co`) or starts it (`sw`),
   * both SQL expressions (already folded when case-insensitive). Only called when
   * {@link SqlDialect.maxPatternBytes} is set.
   */
  substringMatch(operand: SqlPiece, operator: TextOperator, needle: SqlPiece): SqlPiece;
  /**
   * A test that the number `operand` is not NaN, where the engine's numbers can be NaN
   * (PostgreSQL's `double precision`, where NaN equals NaN and is above every number), else
   * undefined. NaN is a missing value, as in the predicate and in SQLite (which stores NaN as NULL).
   */
  notNaN(operand: SqlPiece): SqlPiece | undefined;
  /** The members of a collection column holding values of `type`; `alias` is free to use. */
  members(column: string, type: ValueType, alias: string): MemberSource;
  /**
   * Whether a collection holds one of `values` exactly (`eq` or `in` on a number, boolean or
   * case-sensitive string member), for an engine with array functions for it (ClickHouse's `has`
   * and `hasAny`); absent: the members' `EXISTS`.
   */
  readonly exactMembers?: (column: string, values: readonly SqlPiece[]) => SqlPiece;
  /**
   * The test that a collection column holds no collection, for an engine whose arrays cannot be
   * NULL (ClickHouse: a missing collection is stored as an empty array, `empty(column)`); absent:
   * `column IS NULL`.
   */
  readonly missingCollection?: (column: string) => string;
  /**
   * The first and last date-times the engine's date-time columns hold (storage form of
   * `toSqlDateTime`), where that is narrower than years 0000-9999: a literal outside lies before or
   * after every stored value. Absent: years 0000-9999.
   */
  readonly dateTimeRange?: { readonly first: string; readonly last: string };
  /** Quotes one identifier (a column or table name) so any text is safe in it. */
  quoteIdentifier(name: string): string;
  /**
   * The whole comparison of a string operand (a column or a collection member) with `values`,
   * for an engine whose `=`, `<`, `IN` and `LIKE` follow a collation the fragment does not
   * choose (MySQL: case-insensitive, PAD SPACE defaults). Absent: the shared compiler builds it
   * from {@link SqlDialect.lower}, {@link SqlDialect.byCodePoint} and
   * {@link SqlDialect.caseSensitiveMatch}.
   */
  readonly compareText?: (request: TextComparison) => SqlPiece;
  /** What the engine's columns hold for each field type. */
  readonly storage: SqlStorage;
  /** How Kysely and Drizzle objects for this engine are recognised. */
  readonly builders: BuilderNames;
}

/** What {@link SqlDialect.compareText} compares. */
export interface TextComparison {
  /** The operand's SQL (a quoted column or a member value). */
  readonly operand: SqlPiece;
  readonly operator: CompareOperator | 'in';
  /** The literal values (one, or several for `in`). */
  readonly values: readonly string[];
  readonly caseSensitive: boolean;
  readonly folding: CaseFolding | undefined;
  /** Binds a text value and returns how it stands in the SQL (call in the order they appear). */
  bind(text: string): SqlPiece;
}

/**
 * The SQL comparison of each operator that is not a text pattern, the same in every dialect:
 * keyed by the operator table's types, so a new comparison operator fails to compile here.
 */
export const SQL_COMPARISON: Readonly<Record<Exclude<CompareOperator, TextOperator>, string>> = {
  eq: '=',
  ne: '<>',
  gt: '>',
  ge: '>=',
  lt: '<',
  le: '<=',
};

/**
 * Where a text operator wants the needle's first occurrence, as a test of a 1-based position
 * (`strpos`, `instr`, `LOCATE`; 0 is "not found"): anywhere for `co`, at the start for `sw`.
 * For {@link SqlDialect.substringMatch}; keyed by the table's `TextOperator`.
 */
export const FIRST_OCCURRENCE: Readonly<Record<TextOperator, string>> = { co: '> 0', sw: '= 1' };

const LONE_SURROGATE = /\p{Surrogate}/u;

/**
 * Why `name` cannot be an SQL identifier (a table or column name), or undefined when it can: the
 * one rule for `compileSql` and the collection handler, whatever the dialect quotes it with.
 */
export function identifierProblem(name: unknown): string | undefined {
  if (typeof name !== 'string' || name.length === 0) return 'is empty or not a string';
  if (name.includes('\0')) return 'holds U+0000';
  if (LONE_SURROGATE.test(name)) return 'holds an unpaired surrogate';
  return undefined;
}

/** Quotes an identifier in double quotes, doubling any embedded double quote (PostgreSQL, SQLite). */
export function quoteIdentifier(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

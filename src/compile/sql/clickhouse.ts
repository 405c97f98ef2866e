import { tickText } from '../../language/date-time/ticks.js';
import type { SqlParamChunk, SqlParamType, SqlPiece } from './chunks.js';
import { joinSql, sql } from './chunks.js';
import type { SqlDialect } from './dialect.js';
import { FIRST_OCCURRENCE } from './dialect.js';
import { LIKE_ESCAPE, likePattern } from './patterns.js';
import { defineStorage } from './storage.js';

/** ClickHouse's date-time type for every date-time field: nanoseconds since the epoch, in UTC. */
const DATE_TIME = "DateTime64(9, 'UTC')";

const COLUMNS = {
  string: 'Nullable(String)',
  number: 'Nullable(Float64)',
  integer: 'Nullable(Int64)',
  boolean: 'Nullable(Bool)',
  'date-time': `Nullable(${DATE_TIME})`,
} as const;

/** The type of a query parameter of each kind of value, as `{p1:String}` names it. */
const PARAM_TYPES: Readonly<Record<SqlParamType, string>> = {
  string: 'String',
  number: 'Float64',
  integer: 'Int64',
  boolean: 'Bool',
  'date-time': DATE_TIME,
};

/** The name of the `position`-th query parameter (`p1`, `p2`, ...), the key of `queryParams`. */
export function clickhouseParamName(position: number): string {
  return `p${position}`;
}

/**
 * An integer field's value is an `Int64` parameter while it is one; a literal beyond Int64 (a
 * validated integer may be `1e300`) is a `Float64`, which ClickHouse compares with an Int64
 * column exactly.
 */
function paramType(param: SqlParamChunk): string {
  if (param.type === 'integer' && !Number.isSafeInteger(param.value)) return PARAM_TYPES.number;
  return PARAM_TYPES[param.type];
}

/**
 * Backticks, with a backslash before an embedded backtick or backslash: ClickHouse reads escape
 * sequences inside quoted identifiers, so a backslash must not start one.
 */
export function quoteClickhouseIdentifier(name: string): string {
  return `\`${name.replaceAll('\\', '\\\\').replaceAll('`', '\\`')}\``;
}

/**
 * The date-times stored in a `DateTime64(9, 'UTC')` column (in the storage form of
 * `toSqlDateTime`): from 1900, where ClickHouse documents the type to start (older servers clamp
 * earlier values to it), to the last nanosecond a signed 64-bit count from the epoch holds.
 */
export const CLICKHOUSE_DATE_TIME_RANGE = {
  first: '1900-01-01T00:00:00.000000000Z',
  last: '2262-04-11T23:47:16.854775807Z',
} as const;

/** The seconds since the epoch of 1900-01-01 and of 2262-04-11T23:47:16Z, DateTime64(9)'s range. */
const CLICKHOUSE_FIRST_SECOND = -2_208_988_800;
const CLICKHOUSE_LAST_SECOND = 9_223_372_036;

/** `nullable(t)` as `t`; other types as they are. */
function stripNullable(type: string): string {
  return type.startsWith('nullable(') && type.endsWith(')') ? type.slice('nullable('.length, -1) : type;
}

/**
 * A date-time as a `DateTime64` parameter reads it: the storage form of `toSqlDateTime` with a
 * space for the `T` and no `Z` (ClickHouse parses parameters in its own text format, and the
 * type says UTC).
 */
export function clickhouseDateTime(storageForm: string): string {
  return `${storageForm.slice(0, 10)} ${storageForm.slice(11, -1)}`;
}

/**
 * `lowerUTF8` applies ICU's full, context-sensitive lowercase mapping: `İ` (U+0130) becomes two
 * code points (`i` and U+0307) and a capital sigma ending a word becomes `ς`. Those are the only
 * two places where the full mapping differs from the simple one the predicate folds by, so they
 * are mapped first, the simple way.
 */
const simpleFold = (operand: SqlPiece) =>
  sql`lowerUTF8(replaceAll(replaceAll(${operand}, 'İ', 'i'), 'Σ', 'σ'))`;

/**
 * ClickHouse (a server through @clickhouse/client, or embedded through chdb): typed named
 * parameters `{p1:String}` (`queryParams` holds their values by name), backtick identifiers.
 * Strings `String` (bytes: compared in code-point order), numbers `Float64` (`Int64` for integer
 * fields), booleans `Bool`, date-times `DateTime64(9, 'UTC')`, each `Nullable`; collections as
 * `Array(Nullable(…))`, which cannot be NULL: a missing collection is stored as an empty array.
 */
export const clickhouse: SqlDialect = {
  name: 'clickhouse',
  // No bind limit of its own (PostgreSQL's and MySQL's 65,535 is kept); the statement's text
  // counts toward the server's `max_query_size` (256 KiB by default), which long lists need raised.
  maxParameters: 65_535,
  placeholder: (position, param) => `{${clickhouseParamName(position)}:${paramType(param)}}`,
  paramName: clickhouseParamName,
  bindValue: (param) =>
    param.type === 'date-time' && typeof param.value === 'string'
      ? { value: clickhouseDateTime(param.value), type: param.type }
      : param,
  // A parameter carries its type.
  textArgument: (value) => value,
  timestampValue: (param) => param,
  trueSql: 'true',
  falseSql: 'false',
  quoteIdentifier: quoteClickhouseIdentifier,
  // `lower()` folds ASCII only, `lowerUTF8()` by Unicode: both can be pinned.
  foldingProblem: () => undefined,
  lower: (operand, folding) => (folding === 'ascii' ? sql`lower(${operand})` : simpleFold(operand)),
  // Strings compare as bytes, and UTF-8 byte order is code-point order.
  byCodePoint: (operand) => operand,
  caseSensitiveMatch: (operand, operator, text, bind) =>
    sql`${operand} LIKE ${bind(likePattern(operator, text))} ESCAPE '${LIKE_ESCAPE}'`,
  notNaN: (operand) => sql`NOT isNaN(${operand})`,
  maxPatternBytes: undefined,
  substringMatch: (operand, operator, needle) =>
    sql`position(${operand}, ${needle}) ${FIRST_OCCURRENCE[operator]}`,
  members: (column, _type, alias) => ({
    from: column,
    value: alias,
    typeCheck: undefined,
    exists: (test) => sql`arrayExists(${alias} -> ${test}, ${column})`,
  }),
  // One has() per value: hasAny() takes a NULL member for the type's default value
  // (`hasAny([NULL], [false])` is true), which would match `in (false)` on a null member.
  exactMembers: (column, values) =>
    values.length === 1
      ? sql`has(${column}, ${values[0]!})`
      : sql`(${joinSql(
          values.map((value) => sql`has(${column}, ${value})`),
          ' OR ',
        )})`,
  missingCollection: (column) => `empty(${column})`,
  dateTimeRange: CLICKHOUSE_DATE_TIME_RANGE,
  storage: (() => {
    const shared = defineStorage({
      columns: COLUMNS,
      collectionColumn: (member) => `Array(${COLUMNS[member]})`,
      boolean: (value) => value,
      // Arrays cannot be NULL: a missing collection is stored as `[]` (see missingCollection).
      // Date-time members stay in the storage form, which ClickHouse reads into DateTime64 on insert.
      collection: (members) => members,
      // `'timestamp'` is a microsecond column, as ORMs create one. Its ticks are bound in the
      // storage form, which bindValue turns into ClickHouse's text like every date-time value.
      timestamp: {
        columns: ["DateTime64(6, 'UTC')"],
        digits: 6,
        first: { second: CLICKHOUSE_FIRST_SECOND, tick: 0 },
        // The parameter is a DateTime64(9): its last microsecond bounds the column's.
        last: { second: CLICKHOUSE_LAST_SECOND, tick: 854_775 },
        param: (t) => `${tickText(t, 6).replace(' ', 'T')}Z`,
      },
      catalog: {
        namesFoldCase: false,
        // system.columns writes `Nullable(DateTime64(9, 'UTC'))`: the stored type is inside.
        typeName: (column) => stripNullable(column.type.toLowerCase()),
        holds: {
          string: ['string'],
          number: ['float64'],
          integer: ['int64'],
          boolean: ['bool'],
          'date-time': ["datetime64(9, 'utc')"],
          timestamp: ["datetime64(6, 'utc')"],
        },
        collectionHolds: (member) => [`array(${COLUMNS[member].toLowerCase()})`],
        // Strings are bytes, compared by `=` exactly: no collation can blur them.
        textProblem: () => undefined,
        sessionProblem: () => undefined,
      },
    });
    return {
      ...shared,
      scalar(type, value) {
        const stored = shared.scalar(type, value);
        if (type !== 'date-time' || typeof stored !== 'string') return stored;
        return inDateTimeRange(stored) ? clickhouseDateTime(stored) : undefined;
      },
    };
  })(),
  builders: { kyselyAdapter: undefined, drizzleDatabase: undefined },
};

function inDateTimeRange(storageForm: string): boolean {
  return storageForm >= CLICKHOUSE_DATE_TIME_RANGE.first && storageForm <= CLICKHOUSE_DATE_TIME_RANGE.last;
}

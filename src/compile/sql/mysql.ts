import { daysFromCivil, SECONDS_PER_DAY } from '../../language/date-time/calendar.js';
import { tickText } from '../../language/date-time/ticks.js';
import { isTextOperator } from '../../language/operators.js';
import type { ValueType } from '../plan.js';
import { joinSql, type SqlParamChunk, type SqlPiece, sql } from './chunks.js';
import { FIRST_OCCURRENCE, SQL_COMPARISON, type SqlDialect, type TextComparison } from './dialect.js';
import { LIKE_ESCAPE, likePattern } from './patterns.js';
import { defineStorage } from './storage.js';

/**
 * The collation whose `LOWER()` folds for `caseFolding: 'unicode'` (and when it is left out):
 * its case tables are Unicode 5.2's simple mappings (`ẞ`→`ß`, `İ`→`i`, Kelvin sign→`k`,
 * `Σ`→`σ`), on MySQL 8 and MariaDB 10.6+ alike. The fold never follows the column's collation.
 */
const FOLD_COLLATION = 'utf8mb4_unicode_520_ci';

/** Backtick quoting, embedded backticks doubled (the quoting MySQL accepts in every SQL mode). */
export function quoteMysqlIdentifier(name: string): string {
  return `\`${name.replaceAll('`', '``')}\``;
}

/** The text as utf8mb4, whatever the column's or the connection's character set. */
const utf8 = (operand: SqlPiece) => sql`CONVERT(${operand} USING utf8mb4)`;
/**
 * Its UTF-8 bytes. Binary strings compare byte by byte, with no collation and no PAD SPACE
 * (`'a' < 'a '`), and UTF-8 byte order is code-point order. A comparison or LIKE with one
 * binary operand is binary, but both sides are made binary so the intent does not hang on that rule.
 */
const bytes = (operand: SqlPiece) => sql`CAST(${utf8(operand)} AS BINARY)`;
const folded = (operand: SqlPiece) => sql`LOWER(${utf8(operand)} COLLATE ${FOLD_COLLATION})`;
const foldedBytes = (operand: SqlPiece) => sql`CAST(${folded(operand)} AS BINARY)`;

function compare(
  left: SqlPiece,
  operator: keyof typeof SQL_COMPARISON | 'in',
  rights: readonly SqlPiece[],
): SqlPiece {
  if (operator !== 'in') return sql`${left} ${SQL_COMPARISON[operator]} ${rights[0]!}`;
  return rights.length === 1 ? sql`${left} = ${rights[0]!}` : sql`${left} IN (${joinSql(rights, ', ')})`;
}

// A bound text value is `UNHEX(?)` (see bindValue below): already its UTF-8 bytes.
function compareText({ operand, operator, values, caseSensitive, bind }: TextComparison): SqlPiece {
  const side = caseSensitive ? bytes : foldedBytes;
  const valueSide = caseSensitive ? (value: SqlPiece) => value : foldedBytes;
  if (isTextOperator(operator)) {
    return sql`${side(operand)} LIKE ${valueSide(bind(likePattern(operator, values[0]!)))} ESCAPE '${LIKE_ESCAPE}'`;
  }
  const exact = (bound: readonly SqlPiece[]) => compare(side(operand), operator, bound.map(valueSide));
  if (caseSensitive && (operator === 'eq' || operator === 'in')) {
    // Equal bytes are equal under any collation, so the column's own `=` is a looser test an
    // index on the column serves; the binary test then decides.
    const loose = compare(operand, operator, values.map(bind));
    return sql`(${loose} AND ${exact(values.map(bind))})`;
  }
  return exact(values.map(bind));
}

const HEX = Array.from({ length: 256 }, (_, byte) => byte.toString(16).padStart(2, '0'));

/**
 * The UTF-8 bytes of `text` as hex digits (`UNHEX()` reads them back). Written out rather than
 * through TextEncoder, which allocates a buffer per value; text here is well-formed (a lone
 * surrogate was refused before binding).
 */
export function utf8Hex(text: string): string {
  let hex = '';
  for (let i = 0; i < text.length; i++) {
    let cp = text.charCodeAt(i);
    if (cp < 0x80) {
      hex += HEX[cp];
      continue;
    }
    const low = cp >= 0xd800 && cp < 0xdc00 ? text.charCodeAt(i + 1) : 0;
    if (low >= 0xdc00 && low < 0xe000) {
      cp = 0x10000 + ((cp - 0xd800) << 10) + (low - 0xdc00);
      i++;
    }
    if (cp < 0x800) hex += HEX[0xc0 | (cp >> 6)]! + HEX[0x80 | (cp & 0x3f)]!;
    else if (cp < 0x10000)
      hex += HEX[0xe0 | (cp >> 12)]! + HEX[0x80 | ((cp >> 6) & 0x3f)]! + HEX[0x80 | (cp & 0x3f)]!;
    else {
      hex +=
        HEX[0xf0 | (cp >> 18)]! +
        HEX[0x80 | ((cp >> 12) & 0x3f)]! +
        HEX[0x80 | ((cp >> 6) & 0x3f)]! +
        HEX[0x80 | (cp & 0x3f)]!;
    }
  }
  return hex;
}

/**
 * Text is bound as the hex digits of its UTF-8 bytes inside `UNHEX()`. A client that writes
 * values into the statement itself (mysql2's `query()`, which Kysely and Drizzle use) then
 * writes `'4661696c6564'`: nothing in it to escape, so no `sql_mode` (`NO_BACKSLASH_ESCAPES`,
 * `ANSI_QUOTES`) can change where the literal ends. `UNHEX()` gives a binary string, which a
 * comparison with a column converts to the column's character set and collation (so its index
 * serves `=` and ranges, and no collation is ever mixed); the fragment makes every string
 * comparison explicit around it anyway.
 */
function bindValue(param: SqlParamChunk): SqlPiece {
  if (typeof param.value !== 'string') return param;
  return sql`UNHEX(${{ value: utf8Hex(param.value), type: param.type }})`;
}

const q = quoteMysqlIdentifier;

// The column types (DATA_TYPE) the fragment compares exactly. Not CHAR for strings (it drops
// trailing spaces), not FLOAT (a bound number compares with its rounded single), and a JSON
// collection is LONGTEXT on MariaDB.
const HOLDS = {
  string: ['varchar', 'text', 'tinytext', 'mediumtext', 'longtext'],
  number: ['double'],
  integer: ['bigint', 'int', 'mediumint', 'smallint'],
  boolean: ['tinyint'],
  'date-time': ['varchar', 'char', 'text'],
  timestamp: ['datetime', 'timestamp'],
} as const;

/** Whether a MySQL time zone setting is UTC. */
function isUtc(zone: string): boolean {
  return /^(?:[+-]0?0:00|UTC|Etc\/UTC|GMT|Etc\/GMT|Z)$/i.test(zone.trim());
}

// JSON_TABLE's column type for each value type, and the JSON_TYPE() names members must have
// (MySQL 8 also says UNSIGNED INTEGER and DECIMAL; MariaDB only INTEGER and DOUBLE).
const MEMBER_TYPES: Record<ValueType, { column: string; json: string }> = {
  string: { column: 'LONGTEXT', json: "('STRING')" },
  'date-time': { column: 'LONGTEXT', json: "('STRING')" },
  number: { column: 'DOUBLE', json: "('INTEGER', 'UNSIGNED INTEGER', 'DOUBLE', 'DECIMAL')" },
  boolean: { column: 'BOOLEAN', json: "('BOOLEAN')" },
};

/**
 * MySQL 8 and MariaDB 10.6+: `?` placeholders (text bound as `UNHEX(?)`), backtick identifiers. Strings in `VARCHAR`/`TEXT`
 * columns of any utf8mb4 collation (every string comparison states its own: binary for
 * case-sensitive ones, `LOWER()` under `utf8mb4_unicode_520_ci` then binary for the others),
 * numbers `DOUBLE` (`BIGINT` for integer fields), booleans `BOOLEAN`, date-times as text in the
 * storage form of `toSqlDateTime` (or, with `storage: 'timestamp'`, `DATETIME(6)` holding UTC);
 * collections as a `JSON` array of those, read with JSON_TABLE.
 */
export const mysql: SqlDialect = {
  name: 'mysql',
  // The protocol's prepared statements count placeholders in 16 bits.
  maxParameters: 65_535,
  placeholder: () => '?',
  bindValue,
  timestampValue: (param) => sql`CAST(${param} AS DATETIME(6))`,
  textArgument: utf8,
  trueSql: 'TRUE',
  falseSql: 'FALSE',
  foldingProblem: (folding) =>
    folding === 'ascii'
      ? "MySQL's and MariaDB's LOWER() fold by the utf8mb4 character set's Unicode tables; there is no ASCII-only LOWER(), so `caseFolding: 'ascii'` cannot be pinned. Use 'unicode' or leave it out."
      : undefined,
  lower: (operand) => folded(operand),
  byCodePoint: (operand) => sql`CAST(${operand} AS BINARY)`,
  // DOUBLE columns cannot hold NaN (MySQL and MariaDB refuse to store it): nothing to guard.
  notNaN: () => undefined,
  // No documented limit on a LIKE pattern's length, so substringMatch is never needed; it is
  // written for completeness, on the same UTF-8 bytes compareText compares.
  maxPatternBytes: undefined,
  substringMatch: (operand, operator, needle) =>
    sql`LOCATE(CAST(${needle} AS BINARY), CAST(${operand} AS BINARY)) ${FIRST_OCCURRENCE[operator]}`,
  caseSensitiveMatch: (operand, operator, text, bind) =>
    compareText({ operand, operator, values: [text], caseSensitive: true, folding: undefined, bind }),
  members: (column, type, alias) => ({
    from: `JSON_TABLE(${column}, '$[*]' COLUMNS (\`v\` ${MEMBER_TYPES[type].column} PATH '$' NULL ON ERROR, \`j\` JSON PATH '$')) AS ${q(alias)}`,
    value: `${q(alias)}.\`v\``,
    typeCheck: `JSON_TYPE(${q(alias)}.\`j\`) IN ${MEMBER_TYPES[type].json}`,
  }),
  quoteIdentifier: quoteMysqlIdentifier,
  compareText,
  storage: defineStorage({
    // Strings: VARCHAR(n) or TEXT in any utf8mb4 collation; date-times fit VARCHAR(30) (or CHAR(30)
    // CHARACTER SET ascii, the smallest).
    columns: {
      string: 'TEXT',
      number: 'DOUBLE',
      integer: 'BIGINT',
      boolean: 'BOOLEAN',
      'date-time': 'VARCHAR(30)',
    },
    collectionColumn: () => 'JSON',
    boolean: (value) => (value ? 1 : 0),
    collection: (members) => JSON.stringify(members),
    // DATETIME(6) holds UTC wall time, whatever the session's time zone. TIMESTAMP(6) converts
    // between the session's time zone and UTC, so it needs a session at `time_zone = '+00:00'`
    // (checkTable says so). The value is bound as plain text (digits, `-`, `:`, `.` and a space:
    // nothing any sql_mode could read otherwise) cast to DATETIME(6), a constant the column's
    // index serves. Years 1 to 9999: MariaDB's year 0 has no 29 February.
    timestamp: {
      columns: ['DATETIME(6)', 'TIMESTAMP(6)'],
      digits: 6,
      first: { second: daysFromCivil(1, 1, 1) * SECONDS_PER_DAY, tick: 0 },
      last: { second: (daysFromCivil(9999, 12, 31) + 1) * SECONDS_PER_DAY - 1, tick: 999_999 },
      param: (t) => tickText(t, 6),
    },
    catalog: {
      namesFoldCase: true,
      typeName: (column) => column.type.toLowerCase(),
      holds: HOLDS,
      collectionHolds: () => ['json', 'longtext'],
      textProblem: (column) =>
        column.characterSet !== undefined && column.characterSet.toLowerCase() !== 'utf8mb4'
          ? `its character set is ${column.characterSet}, not utf8mb4, so text beyond it cannot be stored or compared`
          : undefined,
      sessionProblem: (typeName, timeZone) =>
        typeName === 'timestamp' && timeZone !== undefined && !isUtc(timeZone)
          ? `a TIMESTAMP column converts through the session's time zone, and sessions run at ${timeZone}: the fragment binds UTC, so set time_zone = '+00:00' on every connection, or use DATETIME(6)`
          : undefined,
    },
    // utf8mb4_bin orders by code point, in MySQL and MariaDB alike (their NO PAD ones differ in
    // name), but for PAD SPACE: text ending in characters below U+0020 sorts as if padded.
    orderedByCodePoint: (type) => `${type} CHARACTER SET utf8mb4 COLLATE utf8mb4_bin`,
  }),
  builders: { kyselyAdapter: 'MysqlAdapter', drizzleDatabase: 'MySqlDatabase' },
};

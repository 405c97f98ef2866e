import { isTextOperator } from '../../language/operators.js';
import type { ValueType } from '../plan.js';
import { FIRST_OCCURRENCE, SQL_COMPARISON, type SqlDialect, type TextComparison } from './dialect.js';
import { LIKE_ESCAPE, likePattern } from './patterns.js';

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
const utf8 = (sql: string) => `CONVERT(${sql} USING utf8mb4)`;
/**
 * Its UTF-8 bytes. Binary strings compare byte by byte, with no collation and no PAD SPACE
 * (`'a' < 'a '`), and UTF-8 byte order is code-point order. A comparison or LIKE with one
 * binary operand is binary, but both sides are cast so the intent does not hang on that rule.
 */
const bytes = (sql: string) => `CAST(${utf8(sql)} AS BINARY)`;
const folded = (sql: string) => `LOWER(${utf8(sql)} COLLATE ${FOLD_COLLATION})`;
const foldedBytes = (sql: string) => `CAST(${folded(sql)} AS BINARY)`;

function compare(
  left: string,
  operator: keyof typeof SQL_COMPARISON | 'in',
  rights: readonly string[],
): string {
  if (operator !== 'in') return `${left} ${SQL_COMPARISON[operator]} ${rights[0]}`;
  return rights.length === 1 ? `${left} = ${rights[0]}` : `${left} IN (${rights.join(', ')})`;
}

function compareText({ operand, operator, values, caseSensitive, bind }: TextComparison): string {
  const side = caseSensitive ? bytes : foldedBytes;
  if (isTextOperator(operator)) {
    return `${side(operand)} LIKE ${side(bind(likePattern(operator, values[0]!)))} ESCAPE '${LIKE_ESCAPE}'`;
  }
  const exact = (placeholders: readonly string[]) =>
    compare(
      side(operand),
      operator,
      placeholders.map((p) => side(p)),
    );
  if (caseSensitive && (operator === 'eq' || operator === 'in')) {
    // Equal bytes are equal under any collation, so the column's own `=` is a looser test an
    // index on the column serves; the binary test then decides.
    const loose = compare(operand, operator, values.map(bind));
    return `(${loose} AND ${exact(values.map(bind))})`;
  }
  return exact(values.map(bind));
}

const q = quoteMysqlIdentifier;

// JSON_TABLE's column type for each value type, and the JSON_TYPE() names members must have
// (MySQL 8 also says UNSIGNED INTEGER and DECIMAL; MariaDB only INTEGER and DOUBLE).
const MEMBER_TYPES: Record<ValueType, { column: string; json: string }> = {
  string: { column: 'LONGTEXT', json: "('STRING')" },
  'date-time': { column: 'LONGTEXT', json: "('STRING')" },
  number: { column: 'DOUBLE', json: "('INTEGER', 'UNSIGNED INTEGER', 'DOUBLE', 'DECIMAL')" },
  boolean: { column: 'BOOLEAN', json: "('BOOLEAN')" },
};

/**
 * MySQL 8 and MariaDB 10.6+: `?` placeholders, backtick identifiers. Strings in `VARCHAR`/`TEXT`
 * columns of any utf8mb4 collation (every string comparison states its own: binary for
 * case-sensitive ones, `LOWER()` under `utf8mb4_unicode_520_ci` then binary for the others),
 * numbers `DOUBLE` (`BIGINT` for integer fields), booleans `BOOLEAN`, date-times as text in the
 * storage form of `toSqlDateTime`; collections as a `JSON` array of those, read with JSON_TABLE.
 */
export const mysql: SqlDialect = {
  name: 'mysql',
  // The protocol's prepared statements count placeholders in 16 bits.
  maxParameters: 65_535,
  placeholder: () => '?',
  textArgument: utf8,
  trueSql: 'TRUE',
  falseSql: 'FALSE',
  booleanParam: (value) => (value ? 1 : 0),
  foldingProblem: (folding) =>
    folding === 'ascii'
      ? "MySQL's and MariaDB's LOWER() fold by the utf8mb4 character set's Unicode tables; there is no ASCII-only LOWER(), so `caseFolding: 'ascii'` cannot be pinned. Use 'unicode' or leave it out."
      : undefined,
  lower: (sql) => folded(sql),
  byCodePoint: (sql) => `CAST(${sql} AS BINARY)`,
  // DOUBLE columns cannot hold NaN (MySQL and MariaDB refuse to store it): nothing to guard.
  notNaN: () => undefined,
  // No documented limit on a LIKE pattern's length, so substringMatch is never needed; it is
  // written for completeness, on the same UTF-8 bytes compareText compares.
  maxPatternBytes: undefined,
  substringMatch: (operand, operator, needle) =>
    `LOCATE(CAST(${needle} AS BINARY), CAST(${operand} AS BINARY)) ${FIRST_OCCURRENCE[operator]}`,
  caseSensitiveMatch: (operand, operator, text, bind) =>
    compareText({ operand, operator, values: [text], caseSensitive: true, folding: undefined, bind }),
  members: (column, type, alias) => ({
    from: `JSON_TABLE(${column}, '$[*]' COLUMNS (\`v\` ${MEMBER_TYPES[type].column} PATH '$' NULL ON ERROR, \`j\` JSON PATH '$')) AS ${q(alias)}`,
    value: `${q(alias)}.\`v\``,
    typeCheck: `JSON_TYPE(${q(alias)}.\`j\`) IN ${MEMBER_TYPES[type].json}`,
  }),
  quoteIdentifier: quoteMysqlIdentifier,
  compareText,
};

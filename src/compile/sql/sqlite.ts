import type { ValueType } from '../plan.js';
import { sql } from './chunks.js';
import type { SqlDialect } from './dialect.js';
import { FIRST_OCCURRENCE, quoteIdentifier } from './dialect.js';
import { globPattern } from './patterns.js';
import { defineStorage } from './storage.js';

// json_each's `type` column for each value type: a member of another type never matches.
const JSON_TYPES: Record<ValueType, string> = {
  string: "('text')",
  'date-time': "('text')",
  number: "('integer', 'real')",
  boolean: "('true', 'false')",
};

/** The affinity SQLite gives a declared column type (its documented rules, in order). */
function affinity(declared: string): string {
  const type = declared.toUpperCase();
  if (type.includes('INT')) return 'integer';
  if (type.includes('CHAR') || type.includes('CLOB') || type.includes('TEXT')) return 'text';
  if (type === '' || type.includes('BLOB')) return 'blob';
  if (type.includes('REAL') || type.includes('FLOA') || type.includes('DOUB')) return 'real';
  return 'numeric';
}

/**
 * SQLite: `?` placeholders; strings as TEXT (default BINARY collation), numbers as REAL or
 * INTEGER, booleans as INTEGER 0/1, date-times as TEXT in the storage form of `toSqlDateTime`
 * (or, with `storage: 'timestamp'`, epoch milliseconds as INTEGER);
 * collections as TEXT holding a JSON array of those (JSON `true`/`false` for booleans), read
 * with `json_each`.
 */
export const sqlite: SqlDialect = {
  name: 'sqlite',
  // SQLITE_MAX_VARIABLE_NUMBER's default since SQLite 3.32.
  maxParameters: 32_766,
  placeholder: () => '?',
  timestampValue: (param) => param,
  textArgument: (value) => value,
  // SQLite has no boolean type (TRUE is only an alias of 1 since 3.23): write the 1 and 0 it means.
  trueSql: '1',
  falseSql: '0',
  quoteIdentifier,
  foldingProblem: (folding) =>
    folding === 'unicode'
      ? "SQLite's built-in lower() folds ASCII letters only; Unicode folding needs an extension."
      : undefined,
  lower: (operand) => sql`lower(${operand})`,
  // BINARY, the default collation, compares UTF-8 bytes: code-point order already.
  byCodePoint: (operand) => operand,
  // SQLite's LIKE ignores ASCII case, so case-sensitive matching uses GLOB (case-sensitive,
  // and index-friendly for `sw` like LIKE).
  caseSensitiveMatch: (operand, operator, text, bind) =>
    sql`${operand} GLOB ${bind(globPattern(operator, text))}`,
  // SQLite stores a NaN as NULL: nothing to guard.
  notNaN: () => undefined,
  // SQLITE_MAX_LIKE_PATTERN_LENGTH's default: a longer LIKE or GLOB pattern fails when it runs.
  maxPatternBytes: 50_000,
  // instr() has no length limit; the first occurrence at 1 means "starts with".
  substringMatch: (operand, operator, needle) =>
    sql`instr(${operand}, ${needle}) ${FIRST_OCCURRENCE[operator]}`,
  // A table-valued function's arguments resolve names against its own columns first (`key`,
  // `value`, `type`, `atom`, `id`, `parent`, `fullkey`, `path`, `json`, `root`), so
  // `json_each("type")` would read json_each's `type`. The column is read in a FROM-less
  // subquery instead, whose only scope is the outer query, and json_each reads that.
  members: (column, type, alias) => ({
    from: `(SELECT ${column} AS "j") AS ${quoteIdentifier(`${alias}_source`)}, json_each(${quoteIdentifier(`${alias}_source`)}."j") AS ${quoteIdentifier(alias)}`,
    value: `${quoteIdentifier(alias)}."value"`,
    typeCheck: `${quoteIdentifier(alias)}."type" IN ${JSON_TYPES[type]}`,
  }),
  storage: defineStorage({
    columns: { string: 'TEXT', number: 'REAL', integer: 'INTEGER', boolean: 'INTEGER', 'date-time': 'TEXT' },
    collectionColumn: () => 'TEXT',
    boolean: (value) => (value ? 1 : 0),
    // Members keep JSON's true/false (json_each reports their type).
    collection: (members) => JSON.stringify(members),
    // SQLite has no timestamp type: `'timestamp'` is epoch milliseconds in an INTEGER column
    // (Drizzle's `timestamp_ms` mode, Prisma's DateTime), compared as numbers, index-friendly.
    timestamp: {
      columns: ['INTEGER'],
      digits: 3,
      first: undefined,
      last: undefined,
      param: (t) => t.second * 1000 + t.tick,
    },
    // The catalog names a column's affinity, the type SQLite stores values as.
    catalog: {
      namesFoldCase: true,
      typeName: (column) => affinity(column.type),
      holds: {
        string: ['text'],
        number: ['real', 'integer', 'numeric'],
        integer: ['integer', 'numeric'],
        boolean: ['integer', 'numeric'],
        'date-time': ['text'],
        timestamp: ['integer', 'numeric'],
      },
      collectionHolds: () => ['text'],
      // NOCASE and RTRIM would make `=` blind to case or trailing spaces.
      textProblem: (column) =>
        column.collation !== undefined && column.collation.toUpperCase() !== 'BINARY'
          ? `its collation is ${column.collation}, not BINARY, so \`=\` would equate strings that differ`
          : undefined,
      sessionProblem: () => undefined,
    },
  }),
  builders: { kyselyAdapter: 'SqliteAdapter', drizzleDatabase: 'BaseSQLiteDatabase' },
};

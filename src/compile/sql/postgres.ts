import { foldAscii } from '../case-folding.js';
import { sql } from './chunks.js';
import type { SqlDialect } from './dialect.js';
import { FIRST_OCCURRENCE, quoteIdentifier } from './dialect.js';
import { LIKE_ESCAPE, likePattern } from './patterns.js';
import { defineStorage } from './storage.js';

// The collations that pin a folding: "C" folds ASCII only; the builtin pg_c_utf8 (PostgreSQL 17+)
// applies the Unicode simple mapping. Both order by code point, like the predicate.
const FOLD_COLLATION = { ascii: '"C"', unicode: '"pg_c_utf8"' } as const;

const COLUMNS = {
  string: 'text',
  number: 'double precision',
  integer: 'bigint',
  boolean: 'boolean',
  'date-time': 'text',
} as const;

/**
 * PostgreSQL: `$n` placeholders; strings as `text`, numbers as `double precision` (`bigint`
 * for integer fields), booleans as `boolean`, date-times as `text` in the storage form of
 * `toSqlDateTime`; collections as arrays of those (`text[]`, ...), read with `unnest`.
 */
export const postgres: SqlDialect = {
  name: 'postgres',
  maxParameters: 65_535,
  placeholder: (position) => `$${position}`,
  // `lower(unknown)` is ambiguous (there is also lower(anyrange)): say it is text.
  textArgument: (value) => sql`${value}::text`,
  trueSql: 'TRUE',
  falseSql: 'FALSE',
  quoteIdentifier,
  foldingProblem: () => undefined,
  // `lower(x COLLATE "C")` is exactly the ASCII fold (the code-point sweep checks it), so the
  // value is folded before binding: no COLLATE on the value side, which would keep postgres_fdw
  // from shipping the comparison to a shard.
  foldValue: (folding) => (folding === 'ascii' ? foldAscii : undefined),
  lower: (operand, folding) =>
    folding === undefined
      ? sql`lower(${operand})`
      : sql`lower(${operand} COLLATE ${FOLD_COLLATION[folding]})`,
  // A pinned fold already carries a code-point collation; otherwise compare under "C".
  byCodePoint: (operand, folded, folding) =>
    folded && folding !== undefined ? operand : sql`${operand} COLLATE "C"`,
  caseSensitiveMatch: (operand, operator, text, bind) =>
    sql`${operand} LIKE ${bind(likePattern(operator, text))} ESCAPE '${LIKE_ESCAPE}'`,
  notNaN: (operand) => sql`${operand} <> 'NaN'`,
  // No limit on pattern length in PostgreSQL.
  maxPatternBytes: undefined,
  substringMatch: (operand, operator, needle) =>
    sql`strpos(${operand}, ${needle}) ${FIRST_OCCURRENCE[operator]}`,
  members: (column, _type, alias) => ({
    from: `unnest(${column}) AS ${quoteIdentifier(alias)}("v")`,
    value: `${quoteIdentifier(alias)}."v"`,
    typeCheck: undefined,
  }),
  storage: defineStorage({
    columns: COLUMNS,
    collectionColumn: (member) => `${COLUMNS[member]}[]`,
    boolean: (value) => value,
    collection: (members) => members,
  }),
  builders: { kyselyAdapter: 'PostgresAdapter', drizzleDatabase: 'PgDatabase' },
};

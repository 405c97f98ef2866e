import type { SqlDialect } from './dialect.js';
import { FIRST_OCCURRENCE, quoteIdentifier } from './dialect.js';
import { LIKE_ESCAPE, likePattern } from './patterns.js';

// The collations that pin a folding: "C" folds ASCII only; the builtin pg_c_utf8 (PostgreSQL 17+)
// applies the Unicode simple mapping. Both order by code point, like the predicate.
const FOLD_COLLATION = { ascii: '"C"', unicode: '"pg_c_utf8"' } as const;

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
  textArgument: (placeholder) => `${placeholder}::text`,
  trueSql: 'TRUE',
  falseSql: 'FALSE',
  quoteIdentifier,
  booleanParam: (value) => value,
  foldingProblem: () => undefined,
  lower: (sql, folding) =>
    folding === undefined ? `lower(${sql})` : `lower(${sql} COLLATE ${FOLD_COLLATION[folding]})`,
  // A pinned fold already carries a code-point collation; otherwise compare under "C".
  byCodePoint: (sql, folded, folding) => (folded && folding !== undefined ? sql : `${sql} COLLATE "C"`),
  caseSensitiveMatch: (operand, operator, text, bind) =>
    `${operand} LIKE ${bind(likePattern(operator, text))} ESCAPE '${LIKE_ESCAPE}'`,
  notNaN: (sql) => `${sql} <> 'NaN'`,
  // No limit on pattern length in PostgreSQL.
  maxPatternBytes: undefined,
  substringMatch: (operand, operator, needle) =>
    `strpos(${operand}, ${needle}) ${FIRST_OCCURRENCE[operator]}`,
  members: (column, _type, alias) => ({
    from: `unnest(${column}) AS ${quoteIdentifier(alias)}("v")`,
    value: `${quoteIdentifier(alias)}."v"`,
    typeCheck: undefined,
  }),
};

import { type Tick, tickFields, tickText } from '../../language/date-time/ticks.js';
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
 * An instant as PostgreSQL's timestamp input reads it exactly, in UTC to the microsecond: the
 * offset `+00` (a `timestamp` column ignores it and takes the UTC wall time), and a year before 1
 * written the way PostgreSQL counts it, 0 as `0001 … BC`.
 */
function timestampText(t: Tick): string {
  const year = tickFields(t).year;
  return year > 0 ? `${tickText(t, 6)}+00` : `${tickText(t, 6, 1 - year)}+00 BC`;
}

/**
 * PostgreSQL: `$n` placeholders; strings as `text`, numbers as `double precision` (`bigint`
 * for integer fields), booleans as `boolean`, date-times as `text` in the storage form of
 * `toSqlDateTime` (or, with `storage: 'timestamp'`, `timestamptz`/`timestamp` columns holding
 * UTC to the microsecond); collections as arrays of those (`text[]`, ...), read with `unnest`.
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
    // Untyped, the bound text takes the column's own type (`timestamptz` or `timestamp`): no
    // cast on either side, so the column's index serves every comparison. Both hold 4713 BC to
    // 294276 AD, beyond every instant a literal names.
    timestamp: {
      columns: ['timestamptz', 'timestamp'],
      digits: 6,
      first: undefined,
      last: undefined,
      param: timestampText,
      value: (param) => param,
    },
  }),
  builders: { kyselyAdapter: 'PostgresAdapter', drizzleDatabase: 'PgDatabase' },
};

import { type Tick, tickFields, tickText } from '../../language/date-time/ticks.js';
import { foldAscii } from '../case-folding.js';
import { sql } from './chunks.js';
import type { SqlDialect } from './dialect.js';
import { FIRST_OCCURRENCE, quoteIdentifier } from './dialect.js';
import { LIKE_ESCAPE, likePattern } from './patterns.js';
import { defineStorage } from './storage.js';

// The collations that pin a folding: "C" folds ASCII only; the builtin pg_c_utf8 (PostgreSQL 17+)
// applies the Unicode simple mapping. Both order by code point, like the predicate.
const FOLD_COLLATION = { ascii: '"C"', unicode: '"pg_c_utf8"' } as const;

// udt_name by information_schema's data_type, for rows that give only the latter.
const UDT_NAMES: Readonly<Record<string, string>> = {
  text: 'text',
  'character varying': 'varchar',
  character: 'bpchar',
  'double precision': 'float8',
  real: 'float4',
  bigint: 'int8',
  integer: 'int4',
  smallint: 'int2',
  boolean: 'bool',
  'timestamp with time zone': 'timestamptz',
  'timestamp without time zone': 'timestamp',
};

// The column types (udt_name) the fragment compares exactly. Not `real` or `numeric`: a bound
// number takes the column's type, and a `real` rounds it; not `char(n)`, which ignores trailing spaces.
const HOLDS = {
  string: ['text', 'varchar'],
  number: ['float8'],
  integer: ['int8', 'int4'],
  boolean: ['bool'],
  'date-time': ['text', 'varchar'],
  timestamp: ['timestamptz', 'timestamp'],
} as const;

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
  timestampValue: (param) => param,
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
    // Untyped, the bound text takes the column's own type (`timestamptz` or `timestamp`): no
    // cast on either side, so the column's index serves every comparison. Both hold 4713 BC to
    // 294276 AD, beyond every instant a literal names.
    timestamp: {
      columns: ['timestamptz', 'timestamp'],
      digits: 6,
      first: undefined,
      last: undefined,
      param: timestampText,
    },
    catalog: {
      namesFoldCase: false,
      typeName(column) {
        const type = column.type.toLowerCase();
        const udt = column.udtName?.toLowerCase() ?? UDT_NAMES[type] ?? type;
        return udt.startsWith('_') ? `${udt.slice(1)}[]` : udt;
      },
      holds: HOLDS,
      collectionHolds: (member) => HOLDS[member].map((type) => `${type}[]`),
      // A nondeterministic collation makes `=` equate different strings (case- or accent-blind).
      textProblem: (column) =>
        column.deterministic === false
          ? `its collation ${column.collation ?? ''} is nondeterministic, so \`=\` would equate strings that differ; use a deterministic one (the default is)`
          : undefined,
      sessionProblem: () => undefined,
    },
    // "C" is byte order, which in UTF-8 is code-point order (the default collation may be ICU's).
    orderedByCodePoint: (type) => `${type} COLLATE "C"`,
    indexIncludes: (columns) => ` INCLUDE (${columns.join(', ')})`,
  }),
  builders: { kyselyAdapter: 'PostgresAdapter', drizzleDatabase: 'PgDatabase' },
};

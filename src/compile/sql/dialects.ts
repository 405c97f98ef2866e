import type { CaseFolding } from '../case-folding.js';
import { clickhouse } from './clickhouse.js';
import type { SqlDialect, SqlStorage } from './dialect.js';
import { mysql } from './mysql.js';
import { postgres } from './postgres.js';
import { sqlite } from './sqlite.js';

/**
 * The SQL dialects `compileSql` writes, one per row of the dialect table: `'postgres'`
 * (PostgreSQL and engines that speak it), `'sqlite'`, `'mysql'` (MySQL 8 and MariaDB 10.6+),
 * `'clickhouse'` (a ClickHouse server, or chdb embedded).
 */
export type SqlDialectName = 'postgres' | 'sqlite' | 'mysql' | 'clickhouse';

/**
 * THE table of dialects: each row is one engine's file of hooks (placeholders, quoting, folding,
 * storage, query-builder names). The compiler, the collection handler's checks, `toSqlOrderBy`,
 * the CLI's `--dialect` choices, the query-builder integrations and the reference server's
 * tables all read it. Adding a dialect is its file, its name above and its row here.
 */
const DIALECTS: Readonly<Record<SqlDialectName, SqlDialect>> = { postgres, sqlite, mysql, clickhouse };

/**
 * The hooks of the dialect called `name`, or undefined for any other value (`__proto__`
 * included).
 */
export function sqlDialect(name: unknown): SqlDialect | undefined {
  return typeof name === 'string' && Object.hasOwn(DIALECTS, name)
    ? DIALECTS[name as SqlDialectName]
    : undefined;
}

/** The names of the dialects, in the table's order (for choices and messages). */
export function sqlDialectNames(): SqlDialectName[] {
  return Object.keys(DIALECTS) as SqlDialectName[];
}

/**
 * Why `dialect` cannot pin `folding` (the `sql-case-folding-unsupported` message), or undefined
 * when it can or `folding` is left out; undefined too for a name that is no dialect.
 */
export function foldingProblem(dialect: unknown, folding: CaseFolding | undefined): string | undefined {
  return sqlDialect(dialect)?.foldingProblem(folding);
}

/**
 * How `dialect` stores each field type, as the compiled SQL expects it: the column types (for a
 * table's DDL) and the values the columns hold (for loading rows). See the storage table in the
 * SQL documentation.
 *
 * @example
 * sqlStorage('postgres').columns['date-time']; // 'text'
 * sqlStorage('sqlite').scalar('boolean', true); // 1
 */
export function sqlStorage(dialect: SqlDialectName): SqlStorage {
  const found = sqlDialect(dialect);
  if (found === undefined) throw new TypeError(`Unknown SQL dialect ${JSON.stringify(String(dialect))}.`);
  return found.storage;
}

import { quoteIdentifier } from '../compile/sql/dialect.js';
import { quoteMysqlIdentifier } from '../compile/sql/mysql.js';
import type { SqlDialectName } from '../compile/sql/types.js';

/** What the collection handler writes differently per SQL dialect, beside what `compileSql` writes. */
export interface HandlerDialect {
  /** Quotes one identifier (a column or table name) so any text is safe in it. */
  quote(name: string): string;
  /** The constant true: the `WHERE` fragment of a request without a filter. */
  readonly trueSql: string;
}

// The one place a new dialect is added: the record is keyed by `SqlDialectName`, so adding a name
// to that union fails to compile until its entry is written here.
const HANDLER_DIALECTS: Readonly<Record<SqlDialectName, HandlerDialect>> = {
  postgres: { quote: quoteIdentifier, trueSql: 'TRUE' },
  // SQLite has no boolean type (TRUE is only an alias of 1 since 3.23): write the 1 it means,
  // as `compileSql` writes 0 for false.
  sqlite: { quote: quoteIdentifier, trueSql: '1' },
  // MySQL and MariaDB quote with backticks (doubled inside), as `compileSql` does for them.
  mysql: { quote: quoteMysqlIdentifier, trueSql: 'TRUE' },
};

/** The dialect called `name`, or undefined for any other value (`__proto__` included). */
export function handlerDialect(name: unknown): HandlerDialect | undefined {
  return typeof name === 'string' && Object.hasOwn(HANDLER_DIALECTS, name)
    ? HANDLER_DIALECTS[name as SqlDialectName]
    : undefined;
}

/** The names of the dialects, for messages. */
export function dialectNames(): string[] {
  return Object.keys(HANDLER_DIALECTS);
}

const LONE_SURROGATE = /\p{Surrogate}/u;

/** Why `name` cannot be an SQL identifier, or undefined when it can (same rules as `compileSql`). */
export function identifierProblem(name: unknown): string | undefined {
  if (typeof name !== 'string' || name.length === 0) return 'is empty or not a string';
  if (name.includes('\0')) return 'holds U+0000';
  if (LONE_SURROGATE.test(name)) return 'holds an unpaired surrogate';
  return undefined;
}

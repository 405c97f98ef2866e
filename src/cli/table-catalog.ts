import type { SqlDialectName } from '../compile/index.js';
import type { TableColumnRow } from '../compile/sql/check-table.js';
import { CliError, messageOf } from './errors.js';

/** A table's catalog rows, and the time zone MySQL sessions start in. */
export interface TableCatalog {
  readonly columns: readonly TableColumnRow[];
  readonly timeZone: string | undefined;
}

/**
 * Loads a driver the package does not depend on (the user's project has it, or the command
 * says to install it). The name is a variable so the bundler leaves the import to run time.
 */
async function driver<T>(name: string, dialect: string): Promise<T> {
  try {
    return (await import(name)) as T;
  } catch {
    throw new CliError(
      `check-table --dialect ${dialect} --url needs the ${name} package: npm install ${name}`,
    );
  }
}

interface PgClient {
  connect(): Promise<void>;
  query(text: string, params: unknown[]): Promise<{ rows: TableColumnRow[] }>;
  end(): Promise<void>;
}

/** `schema.table` or `table` (then the first schema on the search path). */
function splitTable(table: string): [string | undefined, string] {
  const dot = table.indexOf('.');
  return dot < 0 ? [undefined, table] : [table.slice(0, dot), table.slice(dot + 1)];
}

async function postgresCatalog(url: string, table: string): Promise<TableCatalog> {
  const pg = await driver<{ default: { Client: new (config: object) => PgClient } }>('pg', 'postgres');
  const client = new pg.default.Client({ connectionString: url, connectionTimeoutMillis: 10_000 });
  await client.connect();
  try {
    const [schema, name] = splitTable(table);
    const { rows } = await client.query(
      `SELECT c.column_name, c.data_type, c.udt_name, c.collation_name, c.is_nullable,
              (SELECT k.collisdeterministic FROM pg_collation k WHERE k.collname = c.collation_name LIMIT 1) AS deterministic
         FROM information_schema.columns c
        WHERE c.table_name = $1 AND c.table_schema = coalesce($2, current_schema())
        ORDER BY c.ordinal_position`,
      [name, schema ?? null],
    );
    return { columns: rows, timeZone: undefined };
  } finally {
    await client.end();
  }
}

interface MysqlConnection {
  query(text: string, params?: unknown[]): Promise<[TableColumnRow[], unknown]>;
  end(): Promise<void>;
}

async function mysqlCatalog(url: string, table: string): Promise<TableCatalog> {
  const mysql = await driver<{ default: { createConnection(uri: string): Promise<MysqlConnection> } }>(
    'mysql2/promise',
    'mysql',
  );
  const conn = await mysql.default.createConnection(url);
  try {
    const [schema, name] = splitTable(table);
    const [columns] = await conn.query(
      `SELECT COLUMN_NAME, DATA_TYPE, COLUMN_TYPE, CHARACTER_SET_NAME, COLLATION_NAME, IS_NULLABLE
         FROM information_schema.COLUMNS
        WHERE TABLE_NAME = ? AND TABLE_SCHEMA = coalesce(?, DATABASE())
        ORDER BY ORDINAL_POSITION`,
      [name, schema ?? null],
    );
    // The zone a new session starts in: the global setting, SYSTEM meaning the server's own.
    const [zones] = await conn.query('SELECT @@global.time_zone AS zone, @@system_time_zone AS system');
    const zone = zones[0] as { zone?: unknown; system?: unknown } | undefined;
    const global = typeof zone?.zone === 'string' ? zone.zone : undefined;
    const timeZone = global === 'SYSTEM' && typeof zone?.system === 'string' ? zone.system : global;
    return { columns, timeZone };
  } finally {
    await conn.end();
  }
}

interface SqliteDatabase {
  prepare(text: string): { all(...params: unknown[]): TableColumnRow[] };
  close(): void;
}

async function sqliteCatalog(path: string, table: string): Promise<TableCatalog> {
  const sqlite = await driver<{ default: new (file: string, options: object) => SqliteDatabase }>(
    'better-sqlite3',
    'sqlite',
  );
  const db = new sqlite.default(path, { readonly: true, fileMustExist: true });
  try {
    return {
      columns: db.prepare('SELECT name, type FROM pragma_table_info(?)').all(table),
      timeZone: undefined,
    };
  } finally {
    db.close();
  }
}

const READERS: Readonly<Record<string, (url: string, table: string) => Promise<TableCatalog>>> = {
  postgres: postgresCatalog,
  mysql: mysqlCatalog,
  sqlite: sqliteCatalog,
};

/**
 * Reads a table's columns from a live database: PostgreSQL and MySQL by connection URL
 * (`information_schema.columns`), SQLite by file path (`PRAGMA table_info`), each through its
 * usual driver (`pg`, `mysql2`, `better-sqlite3`), which must be installed.
 */
export async function readTableCatalog(
  dialect: SqlDialectName,
  url: string,
  table: string,
): Promise<TableCatalog> {
  const read = Object.hasOwn(READERS, dialect) ? READERS[dialect] : undefined;
  if (read === undefined)
    throw new CliError(`check-table cannot connect to ${dialect}: pass --columns instead`);
  try {
    return await read(url, table);
  } catch (cause) {
    if (cause instanceof CliError) throw cause;
    throw new CliError(`check-table could not read ${table} from the database: ${messageOf(cause)}`);
  }
}

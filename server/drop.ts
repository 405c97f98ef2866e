/**
 * `npm run db:drop`: removes what `npm start` created, from the database the same environment
 * names: on PostgreSQL (`DATABASE_URL`) the tables `workflow_executions` and `workflows` of the
 * first schema on `search_path`, indexes with them; on SQLite the file at `SQLITE_PATH` (or only
 * those two tables, when the file holds others too). Tables of the same names but another shape
 * are some other application's: they are left alone and the command fails saying so.
 */
import { existsSync, rmSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import Database from 'better-sqlite3';
import { ConfigError, readConfig, type ServerConfig } from './config.js';
import { oneLine } from './fault-log.js';
import { poolDatabase } from './store/pg-database.js';

/** The server's tables and their columns, in the order `ddl.ts` creates them; dropped children first. */
const TABLES: readonly (readonly [string, string])[] = [
  ['workflow_executions', 'id,workflow_id,request_id,start_time,close_time,status'],
  ['workflows', 'id,name,description,enabled,created'],
];

/** A table that has one of the server's names but not its columns. */
export class ForeignTableError extends Error {
  constructor(table: string, where: string) {
    super(`the table ${table} in ${where} has other columns than the server's: not dropped`);
    this.name = 'ForeignTableError';
  }
}

/** Which of the server's tables exist, given each existing table's column names in order. */
function serverTables(columns: ReadonlyMap<string, string>, where: string): string[] {
  const present: string[] = [];
  for (const [table, expected] of TABLES) {
    const found = columns.get(table);
    if (found === undefined) continue;
    if (found !== expected) throw new ForeignTableError(table, where);
    present.push(table);
  }
  return present;
}

/** Drops the server's tables from PostgreSQL; resolves with the names dropped. */
async function dropPostgres(url: string): Promise<string[]> {
  const db = poolDatabase(url, { max: 1, onError: () => undefined });
  try {
    return await db.transaction(async (tx) => {
      const { rows } = await tx.query<{ table_name: string; columns: string; schema: string }>(
        `SELECT table_name, string_agg(column_name, ',' ORDER BY ordinal_position) AS columns, current_schema() AS schema
         FROM information_schema.columns
         WHERE table_schema = current_schema() AND table_name = ANY($1)
         GROUP BY table_name`,
        [TABLES.map(([table]) => table)],
      );
      const schema = rows[0]?.schema ?? '';
      const present = serverTables(
        new Map(rows.map((row) => [row.table_name, row.columns])),
        `schema ${schema}`,
      );
      if (present.length > 0) {
        const quote = (name: string) => `"${name.replaceAll('"', '""')}"`;
        await tx.query(`DROP TABLE ${present.map((table) => `${quote(schema)}.${quote(table)}`).join(', ')}`);
      }
      return present;
    });
  } finally {
    await db.close();
  }
}

/** Removes the server's SQLite file (its tables only, when it holds others); resolves with the names dropped. */
function dropSqlite(path: string): string[] {
  if (!existsSync(path)) return [];
  const db = new Database(path, { fileMustExist: true });
  let present: string[];
  let others: boolean;
  try {
    const names = (
      db
        .prepare(
          "SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\'",
        )
        .all() as {
        name: string;
      }[]
    ).map((row) => row.name);
    const columns = new Map<string, string>();
    for (const name of names) {
      const info = db.prepare('SELECT name FROM pragma_table_info(?)').all(name) as { name: string }[];
      columns.set(name, info.map((column) => column.name).join(','));
    }
    present = serverTables(columns, path);
    others = names.length > present.length;
    if (others) for (const table of present) db.exec(`DROP TABLE "${table}"`);
  } finally {
    db.close();
  }
  if (!others)
    for (const suffix of ['', '-wal', '-shm', '-journal']) rmSync(`${path}${suffix}`, { force: true });
  return present;
}

/** Drops what the server created in the database `config` names; resolves with a line saying what was done. */
export async function dropServerTables(config: ServerConfig): Promise<string> {
  const where = config.databaseUrl !== undefined ? 'PostgreSQL' : config.sqlitePath;
  const dropped =
    config.databaseUrl !== undefined ? await dropPostgres(config.databaseUrl) : dropSqlite(config.sqlitePath);
  return dropped.length === 0
    ? `Nothing to drop: no table of the reference server in ${where}.`
    : `Dropped ${dropped.join(' and ')} from ${where}.`;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  try {
    console.log(await dropServerTables(readConfig()));
  } catch (error) {
    console.error(`error: ${oneLine(error instanceof Error ? error.message : String(error), 1000)}`);
    process.exit(error instanceof ConfigError ? 2 : 1);
  }
}

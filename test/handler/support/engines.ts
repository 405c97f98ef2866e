import Database from 'better-sqlite3';
import { sqlStorage, toSqlDateTime } from '../../../src/index.js';
import { openTestPostgres } from '../../support/postgres.js';

/** One execution row as the tests store it (date-times in `toSqlDateTime` form). */
export interface ExecutionRow {
  readonly id: string;
  readonly status: string;
  readonly startTime: string;
}

/** A database the tests can query with positional parameters. */
export interface TestDatabase {
  readonly dialect: 'postgres' | 'sqlite';
  /** The table's name, already quoted. */
  readonly table: string;
  all(sql: string, params: readonly unknown[]): Promise<Record<string, unknown>[]>;
  close(): Promise<void>;
}

const STATUSES = ['Completed', 'Failed', 'Canceled', 'Executing'] as const;

/** Deterministic rows: statuses cycling unevenly, start times with ties (for the tiebreaker). */
export function sampleRows(count: number): ExecutionRow[] {
  const rows: ExecutionRow[] = [];
  for (let i = 0; i < count; i++) {
    const status = STATUSES[(i * 7) % 11 < 6 ? 0 : (i * 7) % 11 < 9 ? 1 : (i % 2) + 2]!;
    // Every third row shares its start time with the row before: ties the tiebreaker must order.
    const minute = i - Math.floor(i / 3);
    const start = new Date(Date.UTC(2022, 1, 7, 20, minute, (i * 13) % 2)).toISOString();
    rows.push({ id: `e${String(i).padStart(4, '0')}`, status, startTime: toSqlDateTime(start)! });
  }
  return rows;
}

/** The table, in the storage the compiler expects (the dialect table's `sqlStorage`). */
function ddl(table: string, dialect: 'postgres' | 'sqlite'): string {
  const { columns } = sqlStorage(dialect);
  return `CREATE TABLE ${table} ("id" ${columns.string} PRIMARY KEY, "status" ${columns.string} NOT NULL, "start_time" ${columns['date-time']} NOT NULL)`;
}

/** An in-memory SQLite database holding `rows` in a table called `executions`. */
export function openSqlite(rows: readonly ExecutionRow[]): TestDatabase {
  const db = new Database(':memory:');
  const table = '"executions"';
  db.exec(ddl(table, 'sqlite'));
  const insert = db.prepare(`INSERT INTO ${table} VALUES (?, ?, ?)`);
  for (const row of rows) insert.run(row.id, row.status, row.startTime);
  return {
    dialect: 'sqlite',
    table,
    all: async (sql, params) => db.prepare(sql).all(...params) as Record<string, unknown>[],
    close: async () => {
      db.close();
    },
  };
}

/**
 * PostgreSQL holding `rows`, through the tests' shared helper: the server at
 * `V3F_TEST_POSTGRES_URL` (in a schema of its own, dropped on close), else PGlite in memory.
 */
export async function openPostgres(rows: readonly ExecutionRow[]): Promise<TestDatabase> {
  const db = await openTestPostgres('handler');
  const table = '"executions"';
  const query = async (sql: string, params: readonly unknown[]) =>
    (await db.query<Record<string, unknown>>(sql, params)).rows;
  await query(ddl(table, 'postgres'), []);
  for (let i = 0; i < rows.length; i += 500) {
    const chunk = rows.slice(i, i + 500);
    const tuples = chunk.map((_, r) => `($${r * 3 + 1}, $${r * 3 + 2}, $${r * 3 + 3})`);
    await query(
      `INSERT INTO ${table} VALUES ${tuples.join(', ')}`,
      chunk.flatMap((row) => [row.id, row.status, row.startTime]),
    );
  }
  return { dialect: 'postgres', table, all: query, close: () => db.close() };
}

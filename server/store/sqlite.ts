import { availableParallelism } from 'node:os';
import Database from 'better-sqlite3';
import { sqlStorage } from '../../src/index.js';
import { type SampleData, sampleData, type WorkflowRow } from '../seed/sample.js';
import { DEFAULT_QUERY_TIMEOUT_MS, type StoreBusyError } from './busy.js';
import { CLOSED_STATUS_CONSTRAINT, indexStatements, schemaStatements, WORKFLOW_COLUMNS } from './ddl.js';
import { SqliteThreads } from './sqlite-threads.js';
import { executionsStatements } from './statements.js';
import type { Execution, ExecutionsPage, ExecutionsQuery, Store } from './types.js';

/** Options of {@link openSqliteStore}. */
export interface SqliteStoreOptions {
  /** The database file; created and seeded when it holds no tables yet. */
  readonly path: string;
  /** How many sample executions to seed (default the full 120,000). */
  readonly executions?: number;
  /** Called when the database is about to be seeded (a first start). */
  readonly onSeed?: () => void;
}

/**
 * Creates the tables in `path` and loads the sample data (`data()`, drawn only when needed), all
 * in one transaction, unless the executions table is already there. Returns whether it seeded.
 */
export function seedSqlite(path: string, data: () => SampleData = () => sampleData()): boolean {
  const db = new Database(path);
  try {
    db.pragma('busy_timeout = 10000');
    const seed = db.transaction(() => {
      const exists = db
        .prepare("SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'workflow_executions'")
        .get();
      if (exists) return false;
      const { workflows, executions } = data();
      for (const statement of schemaStatements('sqlite')) db.exec(statement);
      const workflow = db.prepare('INSERT INTO workflows VALUES (?, ?, ?, ?, ?)');
      const stored = sqlStorage('sqlite');
      for (const w of workflows) {
        workflow.run(w.id, w.name, w.description, stored.scalar('boolean', w.enabled), w.created);
      }
      const execution = db.prepare('INSERT INTO workflow_executions VALUES (?, ?, ?, ?, ?, ?)');
      for (const e of executions) {
        execution.run(e.id, e.workflowId, e.requestId, e.startTime, e.closeTime, e.status);
      }
      for (const statement of indexStatements('sqlite')) db.exec(statement);
      db.exec('ANALYZE');
      return true;
    });
    return seed.immediate();
  } finally {
    db.close();
  }
}

interface WorkflowRecord extends Omit<WorkflowRow, 'enabled'> {
  readonly enabled: number;
}

/**
 * Whether the executions table of the database at `path` has the CHECK constraint that keeps
 * `status` to the enum's statuses (SQLite keeps a table's SQL as written, constraint names included).
 */
export function sqliteHasClosedStatus(path: string): boolean {
  const db = new Database(path, { readonly: true, fileMustExist: true });
  try {
    db.pragma('busy_timeout = 10000');
    const row = db
      .prepare("SELECT sql FROM sqlite_schema WHERE type = 'table' AND name = 'workflow_executions'")
      .get() as { sql: string } | undefined;
    return row?.sql.includes(`CONSTRAINT ${CLOSED_STATUS_CONSTRAINT} CHECK`) === true;
  } finally {
    db.close();
  }
}

/** Options of {@link SqliteStore}'s reading. */
export interface SqliteReadOptions {
  /** Each request's time budget for its statements, waiting for a lock included; default 2 s. */
  readonly budgetMs?: number;
  /** How many reader threads run statements at once; default one per CPU core, at least two. */
  readonly threads?: number;
  /** Whether the table holds `status` to the enum ({@link sqliteHasClosedStatus}); default false. */
  readonly closedStatus?: boolean;
}

/**
 * The reference server's store on SQLite. It reads through read-only connections (the server
 * never writes), each owned by a reader thread ({@link SqliteThreads}): no statement runs on the
 * event loop, and each request's statements have a time budget (past it, {@link StoreBusyError}).
 * A query that fails closes its connection, so the next request opens the file afresh: when the
 * database comes back, so does the service.
 */
export class SqliteStore implements Store {
  readonly dialect = 'sqlite' as const;
  readonly closedStatus: boolean;
  private readonly threads: SqliteThreads;

  constructor(
    readonly path: string,
    options: SqliteReadOptions = {},
  ) {
    this.closedStatus = options.closedStatus ?? false;
    this.threads = new SqliteThreads({
      path,
      budgetMs: options.budgetMs ?? DEFAULT_QUERY_TIMEOUT_MS,
      threads: options.threads ?? Math.max(2, availableParallelism()),
    });
  }

  /** Closes the connections; the next query opens them again. */
  disconnect(): void {
    this.threads.disconnect();
  }

  async listWorkflows(): Promise<readonly WorkflowRow[]> {
    const [rows] = await this.threads.run([
      { sql: `SELECT ${WORKFLOW_COLUMNS} FROM workflows ORDER BY created, id`, params: [], mode: 'all' },
    ]);
    return (rows as WorkflowRecord[]).map((w) => ({ ...w, enabled: w.enabled === 1 }));
  }

  async listExecutions(query: ExecutionsQuery): Promise<ExecutionsPage | undefined> {
    const sql = executionsStatements('sqlite', query);
    const [items, known, counted] = (await this.threads.run([
      { sql: sql.page, params: sql.pageParams, mode: 'all' },
      { sql: 'SELECT 1 AS known FROM workflows WHERE id = ?', params: [query.workflowId], mode: 'get' },
      ...(query.count ? [{ sql: sql.count, params: sql.countParams, mode: 'get' as const }] : []),
    ])) as [Execution[], { known: number } | null, { total: number } | undefined];
    if (items.length === 0 && known === null) return undefined;
    if (counted === undefined) return { items };
    return { items, total: counted.total };
  }

  async explain(query: ExecutionsQuery, statement: 'page' | 'count' = 'page'): Promise<readonly string[]> {
    const sql = executionsStatements('sqlite', query);
    const [text, params] = statement === 'page' ? [sql.page, sql.pageParams] : [sql.count, sql.countParams];
    const [plan] = await this.threads.run([{ sql: `EXPLAIN QUERY PLAN ${text}`, params, mode: 'all' }]);
    return (plan as { detail: string }[]).map((step) => step.detail);
  }

  async close(): Promise<void> {
    await this.threads.close();
  }
}

/** Seeds `options.path` when it has no tables yet, then opens the store on it. */
export function openSqliteStore(options: SqliteStoreOptions & SqliteReadOptions): SqliteStore {
  seedSqlite(options.path, () => {
    options.onSeed?.();
    return sampleData(options.executions);
  });
  return new SqliteStore(options.path, {
    closedStatus: sqliteHasClosedStatus(options.path),
    ...(options.budgetMs !== undefined ? { budgetMs: options.budgetMs } : {}),
    ...(options.threads !== undefined ? { threads: options.threads } : {}),
  });
}

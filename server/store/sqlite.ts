import Database from 'better-sqlite3';
import { sqlStorage } from '../../src/index.js';
import { type SampleData, sampleData, type WorkflowRow } from '../seed/sample.js';
import { INDEX_STATEMENTS, schemaStatements, WORKFLOW_COLUMNS } from './ddl.js';
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
      for (const statement of INDEX_STATEMENTS) db.exec(statement);
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
 * The reference server's store on SQLite. It reads through a read-only connection (the server
 * never writes), opened on first use. A query that fails closes the connection, so the next
 * request opens the file afresh: when the database comes back, so does the service.
 */
export class SqliteStore implements Store {
  readonly dialect = 'sqlite' as const;
  private db: Database.Database | undefined;
  private readonly statements = new Map<string, Database.Statement>();

  constructor(readonly path: string) {}

  private connection(): Database.Database {
    if (this.db === undefined) {
      // fileMustExist: a missing file is a fault to report, not a new empty database to serve.
      this.db = new Database(this.path, { readonly: true, fileMustExist: true });
      this.db.pragma('busy_timeout = 2000');
    }
    return this.db;
  }

  private prepare(sql: string): Database.Statement {
    let statement = this.statements.get(sql);
    if (statement === undefined) {
      // Filters vary without end; keep the cache bounded.
      if (this.statements.size >= 256) this.statements.clear();
      statement = this.connection().prepare(sql);
      this.statements.set(sql, statement);
    }
    return statement;
  }

  private run<T>(work: () => T): T {
    try {
      return work();
    } catch (error) {
      this.disconnect();
      throw error;
    }
  }

  /** Closes the connection; the next query opens it again. */
  disconnect(): void {
    this.statements.clear();
    const db = this.db;
    this.db = undefined;
    try {
      db?.close();
    } catch {
      // Already unusable: nothing more to release.
    }
  }

  async listWorkflows(): Promise<readonly WorkflowRow[]> {
    return this.run(() =>
      (
        this.prepare(
          `SELECT ${WORKFLOW_COLUMNS} FROM workflows ORDER BY created, id`,
        ).all() as WorkflowRecord[]
      ).map((w) => ({ ...w, enabled: w.enabled === 1 })),
    );
  }

  async listExecutions(query: ExecutionsQuery): Promise<ExecutionsPage | undefined> {
    return this.run(() => {
      const sql = executionsStatements('sqlite', query);
      const items = this.prepare(sql.page).all(...sql.pageParams) as Execution[];
      if (items.length === 0 && !this.prepare('SELECT 1 FROM workflows WHERE id = ?').get(query.workflowId)) {
        return undefined;
      }
      if (!query.count) return { items };
      const counted = this.prepare(sql.count).get(...sql.countParams) as { total: number };
      return { items, total: counted.total };
    });
  }

  async explain(query: ExecutionsQuery): Promise<readonly string[]> {
    return this.run(() => {
      const sql = executionsStatements('sqlite', query);
      const plan = this.connection()
        .prepare(`EXPLAIN QUERY PLAN ${sql.page}`)
        .all(...sql.pageParams) as { detail: string }[];
      return plan.map((step) => step.detail);
    });
  }

  async close(): Promise<void> {
    this.disconnect();
  }
}

/** Seeds `options.path` when it has no tables yet, then opens the store on it. */
export function openSqliteStore(options: SqliteStoreOptions): SqliteStore {
  seedSqlite(options.path, () => {
    options.onSeed?.();
    return sampleData(options.executions);
  });
  return new SqliteStore(options.path);
}

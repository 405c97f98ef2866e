import { checkTable, type DateTimeStorage, sqlStorage, workflowExecutionsSchema } from '../../src/index.js';
import { type SampleData, sampleData, type WorkflowRow } from '../seed/sample.js';
import { CLOSED_STATUS_CONSTRAINT, indexStatements, schemaStatements, WORKFLOW_COLUMNS } from './ddl.js';
import type { PgDatabase, PgQueryable } from './pg-database.js';
import { executionsStatements } from './statements.js';
import type { Execution, ExecutionsPage, ExecutionsQuery, Store } from './types.js';

/** Rows per INSERT while seeding (each column bound as one array). */
const SEED_CHUNK = 10_000;

/** Any lock key will do, as long as every server seeding the same database takes the same one. */
const SEED_LOCK = 0x76336673;

async function insertExecutions(tx: PgQueryable, data: SampleData, storage: DateTimeStorage): Promise<void> {
  // A native column takes the text as its own type (the sample's times are exact to it: see seedPostgres).
  const time = storage === 'timestamp' ? 'timestamptz' : 'text';
  for (let i = 0; i < data.executions.length; i += SEED_CHUNK) {
    const chunk = data.executions.slice(i, i + SEED_CHUNK);
    await tx.query(
      `INSERT INTO workflow_executions (id, workflow_id, request_id, start_time, close_time, status)
       SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::${time}[], $5::${time}[], $6::text[])`,
      [
        chunk.map((e) => e.id),
        chunk.map((e) => e.workflowId),
        chunk.map((e) => e.requestId),
        chunk.map((e) => e.startTime),
        chunk.map((e) => e.closeTime),
        chunk.map((e) => e.status),
      ],
    );
  }
}

/** A UTC storage-form time (nine fractional digits) cut to the microseconds a `timestamptz` holds. */
export function microsecondTime(time: string): string {
  return `${time.slice(0, 26)}Z`;
}

/** The sample with its times cut to microseconds, which a native column holds exactly (never rounded). */
export function toMicroseconds(data: SampleData): SampleData {
  return {
    workflows: data.workflows,
    executions: data.executions.map((e) => ({
      ...e,
      startTime: microsecondTime(e.startTime),
      closeTime: e.closeTime === null ? null : microsecondTime(e.closeTime),
    })),
  };
}

/**
 * Creates the tables (in the first schema of `search_path`) and loads the sample data (`data()`,
 * drawn only when needed), in one transaction under an advisory lock so that servers starting
 * together seed once, unless the executions table is already there. Returns whether it seeded.
 */
export async function seedPostgres(
  db: PgDatabase,
  data: () => SampleData = () => sampleData(),
  storage: DateTimeStorage = 'text',
): Promise<boolean> {
  return db.transaction(async (tx) => {
    // Seeding takes longer than any request may: the connections' time budget does not apply.
    await tx.query('SET LOCAL statement_timeout = 0');
    await tx.query('SET LOCAL lock_timeout = 0');
    await tx.query('SELECT pg_advisory_xact_lock($1)', [SEED_LOCK]);
    const found = await tx.query<{ table: string | null }>(
      "SELECT to_regclass('workflow_executions')::text AS table",
    );
    if (found.rows[0]?.table) return false;
    const sample = storage === 'timestamp' ? toMicroseconds(data()) : data();
    for (const statement of schemaStatements('postgres', storage)) await tx.query(statement);
    const stored = sqlStorage('postgres');
    for (const w of sample.workflows) {
      await tx.query('INSERT INTO workflows VALUES ($1, $2, $3, $4, $5)', [
        w.id,
        w.name,
        w.description,
        stored.scalar('boolean', w.enabled),
        w.created,
      ]);
    }
    await insertExecutions(tx, sample, storage);
    for (const statement of indexStatements('postgres')) await tx.query(statement);
    await tx.query('ANALYZE workflows');
    await tx.query('ANALYZE workflow_executions');
    return true;
  });
}

/**
 * The reference server's store on PostgreSQL, over a pool: a lost connection is replaced by the
 * pool on the next query, so service comes back with the database.
 */
export class PostgresStore implements Store {
  readonly dialect = 'postgres' as const;

  constructor(
    private readonly db: PgDatabase,
    readonly dateTimeStorage: DateTimeStorage = 'text',
    /** Whether the table holds `status` to the enum ({@link pgHasClosedStatus}). */
    readonly closedStatus = false,
  ) {}

  async listWorkflows(): Promise<readonly WorkflowRow[]> {
    const result = await this.db.query<WorkflowRow>(
      `SELECT ${WORKFLOW_COLUMNS} FROM workflows ORDER BY created, id`,
    );
    return result.rows;
  }

  async listExecutions(query: ExecutionsQuery): Promise<ExecutionsPage | undefined> {
    const sql = executionsStatements('postgres', query, this.dateTimeStorage);
    // The page and the count go out together: two round trips' worth of waiting becomes one.
    const [page, counted] = await Promise.all([
      this.db.query<Execution>(sql.page, sql.pageParams),
      query.count ? this.db.query<{ total: string | number }>(sql.count, sql.countParams) : undefined,
    ]);
    if (page.rows.length === 0) {
      const known = await this.db.query('SELECT 1 FROM workflows WHERE id = $1', [query.workflowId]);
      if (known.rows.length === 0) return undefined;
    }
    if (counted === undefined) return { items: page.rows };
    // count(*) is a bigint, which pg reads as text.
    return { items: page.rows, total: Number(counted.rows[0]?.total ?? 0) };
  }

  async explain(query: ExecutionsQuery, statement: 'page' | 'count' = 'page'): Promise<readonly string[]> {
    const sql = executionsStatements('postgres', query, this.dateTimeStorage);
    const [text, params] = statement === 'page' ? [sql.page, sql.pageParams] : [sql.count, sql.countParams];
    const plan = await this.db.query<{ 'QUERY PLAN': string }>(`EXPLAIN (COSTS OFF) ${text}`, params);
    return plan.rows.map((row) => row['QUERY PLAN']);
  }

  async close(): Promise<void> {
    await this.db.close();
  }
}

/**
 * Seeds the database with `executions` sample executions (default 120,000) when it has no
 * executions table yet (calling `onSeed` first), then opens the store on it.
 */
export async function openPostgresStore(
  db: PgDatabase,
  executions?: number,
  onSeed?: () => void,
  storage: DateTimeStorage = 'text',
): Promise<PostgresStore> {
  const seeded = await seedPostgres(
    db,
    () => {
      onSeed?.();
      return sampleData(executions);
    },
    storage,
  );
  if (seeded) {
    // Marks the new rows' pages all-visible, so counts read the indexes alone (index-only scans)
    // from the first request. Outside the seed's transaction, as VACUUM must be. Should it run
    // past the time budget, autovacuum does the same after the load, so the start goes on.
    await db.query('VACUUM ANALYZE workflow_executions').catch(() => undefined);
  }
  await checkExecutionsTable(db, storage);
  return new PostgresStore(db, storage, await pgHasClosedStatus(db));
}

/**
 * Whether the executions table has the validated CHECK constraint that keeps `status` to the
 * enum's statuses (a table made before it has none, and PostgreSQL never holds unvalidated rows to it).
 */
export async function pgHasClosedStatus(db: PgQueryable): Promise<boolean> {
  const { rows } = await db.query(
    `SELECT 1 FROM pg_constraint
      WHERE conname = $1 AND contype = 'c' AND convalidated
        AND conrelid = to_regclass('workflow_executions')`,
    [CLOSED_STATUS_CONSTRAINT],
  );
  return rows.length > 0;
}

/**
 * Refuses to serve from an executions table whose columns do not fit the schema as the filters
 * are compiled (a database seeded as text, served as timestamps): wrong rows, otherwise.
 */
async function checkExecutionsTable(db: PgDatabase, storage: DateTimeStorage): Promise<void> {
  const { rows } = await db.query<Record<string, unknown>>(
    `SELECT column_name, data_type, udt_name, collation_name FROM information_schema.columns
      WHERE table_name = 'workflow_executions' AND table_schema = current_schema()`,
  );
  const problems = checkTable(workflowExecutionsSchema, {
    dialect: 'postgres',
    columns: rows,
    storage: { start_time: storage },
  });
  if (problems.length > 0) {
    throw new Error(
      `workflow_executions does not fit DATE_TIME_STORAGE=${storage}: ${problems.map((p) => p.message).join(' ')}`,
    );
  }
}

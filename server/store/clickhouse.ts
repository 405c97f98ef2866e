import { sqlStorage } from '../../src/index.js';
import { type SampleData, sampleData, type WorkflowRow } from '../seed/sample.js';
import type { ClickhouseDatabase } from './clickhouse-database.js';
import { executionsStatements } from './statements.js';
import type { Execution, ExecutionsPage, ExecutionsQuery, Store } from './types.js';

/** Rows per insert while seeding. */
const SEED_CHUNK = 50_000;

/** A column type without its `Nullable(…)`: a sorting key column cannot be nullable. */
function notNull(type: string): string {
  const match = /^Nullable\((.*)\)$/.exec(type);
  return match === null ? type : match[1]!;
}

/**
 * The reference server's tables on ClickHouse, in the storage `sqlStorage('clickhouse')` states.
 * MergeTree tables sorted by the endpoint's access path: every query is `workflow_id = … AND
 * <filter> ORDER BY start_time, id`, so the executions are sorted by `(workflow_id, start_time)`,
 * and the primary key's sparse index skips every granule outside the workflow and the time range.
 */
export function clickhouseSchemaStatements(executionsTable = 'workflow_executions'): readonly string[] {
  const { columns } = sqlStorage('clickhouse');
  const text = notNull(columns.string);
  const time = notNull(columns['date-time']);
  return [
    `CREATE TABLE IF NOT EXISTS workflows (
      id ${text}, name ${text}, description ${text}, enabled ${notNull(columns.boolean)}, created ${text}
    ) ENGINE = MergeTree ORDER BY id`,
    `CREATE TABLE IF NOT EXISTS ${executionsTable} (
      id ${text}, workflow_id ${text}, request_id ${text}, start_time ${time},
      close_time ${columns['date-time']}, status ${text}
    ) ENGINE = MergeTree ORDER BY (workflow_id, start_time)`,
  ];
}

/** A DateTime64 column read back in the storage form the other engines hold (`…T…Z`, nine digits). */
const asStored = (column: string) => `concat(replaceOne(toString(${column}), ' ', 'T'), 'Z')`;

const EXECUTION_COLUMNS = `id, workflow_id AS workflowId, request_id AS requestId, ${asStored('start_time')} AS startTime, if(close_time IS NULL, NULL, ${asStored('assumeNotNull(close_time)')}) AS closeTime, status`;

// `created` is display text only (no filter reads it), kept as the seed writes it.
const WORKFLOW_COLUMNS = 'id, name, description, enabled, created';

/**
 * Creates the tables and loads the sample data (`data()`, drawn only when needed) unless the
 * executions table is already there. Returns whether it seeded. ClickHouse has no transactions:
 * servers seeding one new database at the same moment must be started one at a time.
 */
export async function seedClickhouse(
  db: ClickhouseDatabase,
  data: () => SampleData = () => sampleData(),
): Promise<boolean> {
  const found = await db.query<{ present: number }>(
    "SELECT count() > 0 AS present FROM system.tables WHERE database = currentDatabase() AND name = 'workflow_executions'",
  );
  if (Number(found[0]?.present) === 1) return false;
  const sample = data();
  // The executions are loaded under another name and renamed last: the table's presence says
  // the seed is complete, and a seed cut short is started over.
  const loading = 'workflow_executions_loading';
  await db.command('DROP TABLE IF EXISTS workflows');
  await db.command(`DROP TABLE IF EXISTS ${loading}`);
  for (const statement of clickhouseSchemaStatements(loading)) await db.command(statement);
  await db.insert(
    'workflows',
    sample.workflows.map((w) => ({ ...w })),
  );
  for (let i = 0; i < sample.executions.length; i += SEED_CHUNK) {
    const rows = sample.executions.slice(i, i + SEED_CHUNK).map((e) => ({
      id: e.id,
      workflow_id: e.workflowId,
      request_id: e.requestId,
      start_time: e.startTime,
      close_time: e.closeTime,
      status: e.status,
    }));
    await db.insert(loading, rows);
  }
  await db.command(`OPTIMIZE TABLE ${loading} FINAL`);
  await db.command(`RENAME TABLE ${loading} TO workflow_executions`);
  return true;
}

interface CountRow {
  readonly total: string | number;
}

/** The reference server's store on ClickHouse (a server through @clickhouse/client, or chdb). */
export class ClickhouseStore implements Store {
  readonly dialect = 'clickhouse' as const;

  constructor(private readonly db: ClickhouseDatabase) {}

  async listWorkflows(): Promise<readonly WorkflowRow[]> {
    return this.db.query<WorkflowRow>(`SELECT ${WORKFLOW_COLUMNS} FROM workflows ORDER BY created, id`);
  }

  async listExecutions(query: ExecutionsQuery): Promise<ExecutionsPage | undefined> {
    const sql = executionsStatements('clickhouse', query, 'text', EXECUTION_COLUMNS);
    const [items, counted] = await Promise.all([
      this.db.query<Execution>(sql.page, sql.pageNamed),
      query.count ? this.db.query<CountRow>(sql.count, sql.countNamed) : undefined,
    ]);
    if (items.length === 0) {
      const known = await this.db.query('SELECT 1 FROM workflows WHERE id = {p1:String}', {
        p1: query.workflowId,
      });
      if (known.length === 0) return undefined;
    }
    // count() is a UInt64, which JSON output quotes.
    return counted === undefined ? { items } : { items, total: Number(counted[0]?.total ?? 0) };
  }

  async explain(query: ExecutionsQuery): Promise<readonly string[]> {
    const sql = executionsStatements('clickhouse', query, 'text', EXECUTION_COLUMNS);
    const rows = await this.db.query<{ explain: string }>(`EXPLAIN indexes = 1 ${sql.page}`, sql.pageNamed);
    return rows.map((row) => row.explain);
  }

  close(): Promise<void> {
    return this.db.close();
  }
}

/**
 * Seeds the database with `executions` sample executions (default 120,000) when it has no
 * executions table yet (calling `onSeed` first), then opens the store on it.
 */
export async function openClickhouseStore(
  db: ClickhouseDatabase,
  executions?: number,
  onSeed?: () => void,
): Promise<ClickhouseStore> {
  await seedClickhouse(db, () => {
    onSeed?.();
    return sampleData(executions);
  });
  return new ClickhouseStore(db);
}

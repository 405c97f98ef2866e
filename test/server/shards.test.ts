import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SAMPLE_WORKFLOWS, sampleData } from '../../server/seed/sample.js';
import { indexStatements, schemaStatements } from '../../server/store/ddl.js';
import { PostgresStore, seedPostgres } from '../../server/store/postgres.js';
import { executionsStatements } from '../../server/store/statements.js';
import type { ExecutionsQuery } from '../../server/store/types.js';
import type { Expression } from '../../src/ast/index.js';
import { compilePredicate } from '../../src/compile/predicate/index.js';
import {
  compileSql,
  compileSqlChunks,
  parse,
  sqlStorage,
  toSqlOrderBy,
  workflowExecutionsSchema,
} from '../../src/index.js';
import { genDataset } from '../compile/support/data.js';
import { columnType, ident, storedValue } from '../compile/support/engines.js';
import { genFilter } from '../compile/support/filters.js';
import { openTestPostgres, type TestPostgres, testPostgresUrl } from '../support/postgres.js';
import { openShardedPostgres, type ShardedPostgres, shardingMissing } from '../support/shards.js';

const EXECUTIONS = 12_000;
const url = testPostgresUrl();
const missing =
  url === undefined
    ? 'V3F_TEST_POSTGRES_URL is unset (PGlite has no postgres_fdw)'
    : await shardingMissing(url);
if (missing !== undefined) console.warn(`Sharded PostgreSQL tests skipped: ${missing}`);

/** Every whitelisted field and operator of the reference endpoint, alone and combined. */
const FILTERS = [
  'status eq "Failed"',
  'status eq "executing"',
  'start_time eq 2026-08-03T02:40:21.731594112Z',
  'start_time lt 2026-08-10T00:00:00Z',
  'start_time le 2026-08-10T00:00:00+02:00',
  'start_time gt 2026-10-25T12:00:00.5Z',
  'start_time ge 2026-10-31',
  'status eq "Canceled" and start_time ge 2026-09-01 and start_time lt 2026-09-15',
  'status eq "Failed" or status eq "Canceled"',
  'not (status eq "Completed")',
  'not (start_time le 2026-10-01T00:00:00Z) and not (status eq "Failed")',
];

function ast(filter: string): Expression {
  const parsed = parse(filter);
  if (!parsed.ok) throw new Error(`bad filter in the test: ${filter}`);
  return parsed.ast;
}

function pageQuery(workflowId: string, filter: string | undefined, offset: number): ExecutionsQuery {
  const chunks =
    filter === undefined
      ? undefined
      : compileSqlChunks(ast(filter), { schema: workflowExecutionsSchema, dialect: 'postgres' });
  return {
    workflowId,
    filter: () => chunks,
    orderBy: (dialect) =>
      toSqlOrderBy([{ field: 'start_time', direction: 'asc' }], workflowExecutionsSchema, dialect),
    limit: 200,
    offset,
    count: true,
  };
}

/** The plan's lines that the coordinator evaluates itself (a `Filter:` over fetched rows). */
const localFilters = (plan: readonly string[]) => plan.filter((line) => /^\s*Filter:/.test(line));
const remoteSql = (plan: readonly string[]) => plan.filter((line) => line.includes('Remote SQL:'));

describe.skipIf(missing !== undefined)('PostgreSQL shards through postgres_fdw', () => {
  let sharded: ShardedPostgres;
  let reference: TestPostgres;
  beforeAll(async () => {
    sharded = await openShardedPostgres(url!);
    reference = await openTestPostgres('shards');
    const data = sampleData(EXECUTIONS);
    await seedPostgres(reference, () => data);
    // The server's own tables: workflows on the coordinator, executions split by workflow.
    const [workflows, executions] = schemaStatements('postgres');
    await sharded.main.query(workflows!);
    const columns = executions!
      .slice(executions!.indexOf('(') + 1, executions!.lastIndexOf(')'))
      .replace(' PRIMARY KEY', '')
      .replace(' REFERENCES workflows (id)', '');
    await sharded.shardTable('workflow_executions', columns, 'workflow_id');
    for (const statement of indexStatements('postgres')) await sharded.onShards(statement);
    const stored = sqlStorage('postgres');
    for (const w of data.workflows) {
      await sharded.main.query('INSERT INTO workflows VALUES ($1, $2, $3, $4, $5)', [
        w.id,
        w.name,
        w.description,
        stored.scalar('boolean', w.enabled),
        w.created,
      ]);
    }
    const e = data.executions;
    await sharded.main.query(
      `INSERT INTO workflow_executions (id, workflow_id, request_id, start_time, close_time, status)
       SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[])`,
      [
        e.map((x) => x.id),
        e.map((x) => x.workflowId),
        e.map((x) => x.requestId),
        e.map((x) => x.startTime),
        e.map((x) => x.closeTime),
        e.map((x) => x.status),
      ],
    );
    await sharded.onShards('ANALYZE workflow_executions');
  }, 600_000);
  afterAll(async () => {
    await sharded?.close();
    await reference?.close();
  });

  it("ships every whitelisted field and operator's filter to the shards (Remote SQL, no local Filter)", async () => {
    const shown: string[] = [];
    for (const filter of FILTERS) {
      const sql = executionsStatements('postgres', pageQuery(SAMPLE_WORKFLOWS[0]!.id, filter, 0));
      const plan = (
        await sharded.main.query<{ 'QUERY PLAN': string }>(
          `EXPLAIN (VERBOSE, COSTS OFF) ${sql.page}`,
          sql.pageParams,
        )
      ).rows.map((row) => row['QUERY PLAN']);
      const remote = remoteSql(plan);
      expect(localFilters(plan), `${filter}\n${plan.join('\n')}`).toEqual([]);
      expect(remote.length, filter).toBeGreaterThan(0);
      for (const line of remote) {
        if (filter.includes('status')) expect(line, filter).toContain('lower(status)');
        if (filter.includes('start_time')) expect(line, filter).toMatch(/start_time [<>=]/);
        expect(line, filter).toContain('workflow_id = ');
      }
      shown.push(`${filter}\n    ${remote.map((line) => line.trim()).join('\n    ')}`);
    }
    console.log(`postgres_fdw Remote SQL:\n  ${shown.join('\n  ')}`);
  });

  it('answers every page as the unsharded table does', async () => {
    const shardedStore = new PostgresStore(sharded.main);
    const plainStore = new PostgresStore(reference);
    let pages = 0;
    for (const filter of [undefined, ...FILTERS]) {
      for (const workflow of [SAMPLE_WORKFLOWS[0]!.id, SAMPLE_WORKFLOWS[2]!.id]) {
        for (const offset of [0, 200, 400]) {
          const query = pageQuery(workflow, filter, offset);
          const expected = await plainStore.listExecutions(query);
          expect(await shardedStore.listExecutions(query), `${filter} @${offset}`).toEqual(expected);
          pages++;
        }
      }
    }
    expect(pages).toBe((FILTERS.length + 1) * 6);
  });

  it('differential: generated filters on a sharded table select what the predicate selects, and ship where no collection is read', {
    timeout: 600_000,
  }, async () => {
    const stats = { filters: 0, shipped: 0 };
    await fc.assert(
      fc.asyncProperty(
        genDataset.chain((dataset) =>
          fc.record({
            dataset: fc.constant(dataset),
            filters: fc.array(genFilter(dataset), { minLength: 30, maxLength: 30 }),
          }),
        ),
        async ({ dataset, filters }) => {
          // Text columns in the "C" collation, the storage 'ascii' folding ships with.
          const columns = dataset.fields.map((f) => {
            const collate = f.type === 'string' || f.type === 'date-time' ? ' COLLATE "C"' : '';
            return `${ident(f.column)} ${columnType(f, 'postgres')}${collate}`;
          });
          await sharded.dropTable('shard_diff');
          await sharded.shardTable('shard_diff', `"id" integer NOT NULL, ${columns.join(', ')}`, 'id');
          for (const row of dataset.rows) {
            const values = dataset.fields.map((f) => storedValue(f, row.record, 'postgres'));
            await sharded.main.query(
              `INSERT INTO shard_diff VALUES (${[row.id, ...values].map((_, i) => `$${i + 1}`).join(', ')})`,
              [row.id, ...values],
            );
          }
          for (const filter of filters) {
            const compiled = compileSql(filter, {
              schema: dataset.schema,
              dialect: 'postgres',
              caseFolding: 'ascii',
            });
            const select = `SELECT id FROM shard_diff WHERE ${compiled.sql} ORDER BY id`;
            const rows = await sharded.main.query<{ id: number }>(select, compiled.params);
            const predicate = compilePredicate(filter, { schema: dataset.schema, caseFolding: 'ascii' });
            const expected = dataset.rows.filter((r) => predicate(r.record)).map((r) => r.id);
            expect(rows.rows.map((r) => r.id)).toEqual(expected);
            const names = new Set([...JSON.stringify(filter).matchAll(/"name":"(f\d+)"/g)].map((m) => m[1]));
            const readsCollection = dataset.fields.some((f) => f.collection && names.has(f.name));
            if (!readsCollection) {
              const plan = (
                await sharded.main.query<{ 'QUERY PLAN': string }>(
                  `EXPLAIN (VERBOSE, COSTS OFF) ${select}`,
                  compiled.params,
                )
              ).rows.map((row) => row['QUERY PLAN']);
              expect(localFilters(plan), `${compiled.sql}\n${plan.join('\n')}`).toEqual([]);
              stats.shipped++;
            }
            stats.filters++;
          }
        },
      ),
      { numRuns: 25 },
    );
    expect(stats.shipped).toBeGreaterThan(stats.filters / 4);
    console.log(`sharded differential: ${stats.filters} filters, ${stats.shipped} checked as shipped`);
  });
});

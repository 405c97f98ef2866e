import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { executionsQuery, executionsSchema } from '../../server/routes/executions.js';
import { openPostgresStore } from '../../server/store/postgres.js';
import { openSqliteStore } from '../../server/store/sqlite.js';
import { executionsStatements } from '../../server/store/statements.js';
import type { Store } from '../../server/store/types.js';
import { createCollectionHandler } from '../../src/index.js';
import { openTestPostgres, type TestPostgres } from '../support/postgres.js';
import { HUNDRED_NOTS, planOf, SHAPES, WORKFLOW } from './support/plans.js';

function statements(store: Store, filter: string) {
  const handle = createCollectionHandler(executionsSchema(store), {
    dialect: store.dialect,
    tiebreaker: ['start_time', 'id'],
  });
  const request = handle(`filters=${encodeURIComponent(filter)}`);
  if (!request.ok) throw new Error(JSON.stringify(request.body));
  return executionsStatements(store.dialect, executionsQuery(WORKFLOW, request));
}

describe('query plans of filter shapes: no filter scans the table; only rows a seek found are ever sorted', () => {
  describe('SQLite (EXPLAIN QUERY PLAN)', () => {
    let directory: string;
    let store: Store;
    beforeAll(() => {
      directory = mkdtempSync(join(tmpdir(), 'v3f-shapes-'));
      store = openSqliteStore({ path: join(directory, 'shapes.sqlite') });
    });
    afterAll(async () => {
      await store.close();
      rmSync(directory, { recursive: true, force: true });
    });

    for (const { filter, oneRun } of SHAPES) {
      it(filter.slice(0, 90), async () => {
        const plan = await planOf(store, filter);
        // Every access to the table is a seek of the workflow's rows through an index (one, or
        // one per operand of an `or` the engine reads as a MULTI-INDEX OR).
        const seeks =
          plan[0] === 'MULTI-INDEX OR' ? plan.filter((step) => step.startsWith('SEARCH')) : [plan[0]];
        expect(seeks.length).toBeGreaterThan(0);
        for (const seek of seeks) {
          expect(seek).toMatch(/^SEARCH workflow_executions USING (COVERING )?INDEX \w+ \(workflow_id=\?/);
        }
        const sorted = plan.includes('USE TEMP B-TREE FOR ORDER BY');
        if (oneRun) expect(plan).toHaveLength(1);
        // A sort only ever takes the rows seeks on the filter's own condition found.
        if (sorted) for (const seek of seeks) expect(seek).toMatch(/\(workflow_id=\? AND [^)]+\)/);
      });
    }

    it('plans 100 copies of `not status eq "Failed"` as one IN of the other statuses, and an or of statuses as one IN', () => {
      // The table holds status to the enum (its CHECK constraint), so the endpoint declares it closed.
      expect(store.closedStatus).toBe(true);
      const nots = statements(store, HUNDRED_NOTS);
      expect(nots.page).toContain(
        '(lower("status") IN (lower(?), lower(?), lower(?)) OR lower("status") IS NULL)',
      );
      expect(nots.pageParams).toEqual([WORKFLOW, 'Completed', 'Canceled', 'Executing', 250, 0]);
      const or = statements(store, 'status eq "Failed" or status eq "Canceled"');
      expect(or.page).toContain('lower("status") IN (lower(?), lower(?))');
    });
  });

  // PGlite seeds slowly (one WebAssembly thread): there a fifth of the sample.
  describe('PostgreSQL (EXPLAIN, after ANALYZE)', () => {
    let pg: TestPostgres;
    let store: Store;
    beforeAll(async () => {
      pg = await openTestPostgres('shapes');
      store = await openPostgresStore(pg, pg.kind === 'server' ? undefined : 24_000);
    });
    afterAll(async () => {
      await pg?.close();
    });

    for (const { filter, oneRun } of SHAPES) {
      it(filter.slice(0, 90), async () => {
        const plan = (await planOf(store, filter)).join('\n');
        expect(plan).not.toMatch(/Seq Scan/);
        // Every scan seeks the workflow's rows through an index.
        for (const cond of plan.match(/(Index|Recheck) Cond: .*/g) ?? [])
          expect(cond).toContain('workflow_id =');
        expect(plan).toMatch(/Index Cond: \(+workflow_id =/);
        if (oneRun) expect(plan).not.toMatch(/Sort/);
        const sort = plan.indexOf('Sort');
        // Below a sort, the seek names the filter's own condition, not just the workflow.
        if (sort >= 0) expect(plan.slice(sort)).toMatch(/Index Cond: .*AND \(*(lower\(status\)|start_time)/);
      });
    }

    it('evaluates one condition for 100 copies of `not status eq "Failed"`: an IN of the other statuses', async () => {
      expect(store.closedStatus).toBe(true);
      for (const statement of ['page', 'count'] as const) {
        const plan = (await planOf(store, HUNDRED_NOTS, statement)).join('\n');
        expect(
          plan.match(/lower\(status\)\)? = ANY \('\{completed,canceled,executing\}'::text\[\]\)/g),
        ).toHaveLength(1);
        expect(plan).not.toMatch(/<>|Seq Scan|Sort/);
      }
    });
  });
});

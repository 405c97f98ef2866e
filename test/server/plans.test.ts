import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPostgresStore } from '../../server/store/postgres.js';
import { openSqliteStore } from '../../server/store/sqlite.js';
import type { Store } from '../../server/store/types.js';
import { openTestPostgres, type TestPostgres } from '../support/postgres.js';
import { PLAN_FILTERS, planOf, SHAPES } from './support/plans.js';

const INDEX_FOR = (filter: string) =>
  filter.startsWith('status') ? 'workflow_executions_by_status' : 'workflow_executions_by_start';

describe('query plans on the full sample: every whitelisted filter is an index scan in page order; no count scans the table', () => {
  describe('SQLite (EXPLAIN QUERY PLAN)', () => {
    let directory: string;
    let store: Store;
    beforeAll(() => {
      directory = mkdtempSync(join(tmpdir(), 'v3f-plans-'));
      store = openSqliteStore({ path: join(directory, 'plans.sqlite') });
    });
    afterAll(async () => {
      await store.close();
      rmSync(directory, { recursive: true, force: true });
    });

    for (const filter of PLAN_FILTERS) {
      it(filter, async () => {
        const plan = await planOf(store, filter);
        const operator = filter.startsWith('status')
          ? '<expr>=?'
          : `start_time${{ eq: '=', lt: '<', le: '<', gt: '>', ge: '>' }[filter.split(' ')[1] as 'eq']}?`;
        expect(plan).toEqual([
          `SEARCH workflow_executions USING INDEX ${INDEX_FOR(filter)} (workflow_id=? AND ${operator})`,
        ]);
      });
    }

    it('status eq "Failed" or status eq "Canceled": the page sorts only the rows its seeks found, if any', async () => {
      const plan = await planOf(store, 'status eq "Failed" or status eq "Canceled"');
      if (plan.includes('USE TEMP B-TREE FOR ORDER BY')) {
        // The sort takes the Failed and Canceled rows, found through the status index, never the workflow's.
        expect(plan).toEqual([
          'SEARCH workflow_executions USING INDEX workflow_executions_by_status (workflow_id=? AND <expr>=?)',
          'USE TEMP B-TREE FOR ORDER BY',
        ]);
      } else {
        expect(plan).toEqual([
          'SEARCH workflow_executions USING INDEX workflow_executions_by_start (workflow_id=?)',
        ]);
      }
    });

    // `count=true` reads every match: each count seeks the workflow's rows through an index
    // (the status index covers every status condition), never the table.
    for (const { filter } of SHAPES) {
      it(`count: ${filter.slice(0, 80)}`, async () => {
        const plan = await planOf(store, filter, 'count');
        for (const step of plan) expect(step).not.toMatch(/^SCAN|TEMP B-TREE/);
        // One seek, or one per operand of an `or` (MULTI-INDEX OR), each on the workflow's rows.
        const seeks =
          plan[0] === 'MULTI-INDEX OR' ? plan.filter((step) => !/^(MULTI-)?INDEX /.test(step)) : plan;
        expect(seeks.length).toBeGreaterThan(0);
        for (const seek of seeks) {
          expect(seek).toMatch(/SEARCH workflow_executions USING (COVERING )?INDEX \w+ \(workflow_id=\?/);
        }
        // A status-only filter is counted in the status index alone, or, when the seeks of a
        // MULTI-INDEX OR are cheaper (a closed status's rare complement: an `in` or a missing
        // status), by seeks of the status index on the filter's own condition.
        if (!/start_time/.test(filter)) {
          if (plan[0] === 'MULTI-INDEX OR') {
            expect(filter).toBe('not status eq "Completed"');
            for (const seek of seeks) {
              expect(seek).toMatch(
                /USING (COVERING )?INDEX workflow_executions_by_status \(workflow_id=\? AND <expr>=\?\)/,
              );
            }
          } else {
            expect(plan).toEqual([
              expect.stringContaining('USING COVERING INDEX workflow_executions_by_status'),
            ]);
          }
        }
      });
    }
  });

  // PGlite seeds slowly (one WebAssembly thread): there a fifth of the sample, the same plans.
  describe('PostgreSQL (EXPLAIN, after ANALYZE)', () => {
    let pg: TestPostgres;
    let store: Store;
    let allVisible = false;
    beforeAll(async () => {
      pg = await openTestPostgres('plans');
      store = await openPostgresStore(pg, pg.kind === 'server' ? undefined : 24_000);
      allVisible = await vacuumUntilAllVisible(pg);
    });
    afterAll(async () => {
      await pg?.close();
    });

    for (const filter of PLAN_FILTERS) {
      it(filter, async () => {
        const plan = (await planOf(store, filter)).join('\n');
        expect(plan).toMatch(new RegExp(`Index Scan using ${INDEX_FOR(filter)} on workflow_executions`));
        expect(plan).not.toMatch(/Seq Scan|Sort/);
      });
    }

    it('status eq "Failed" or status eq "Canceled": the page sorts only the rows its seeks found, if any', async () => {
      const plan = (await planOf(store, 'status eq "Failed" or status eq "Canceled"')).join('\n');
      expect(plan).not.toMatch(/Seq Scan/);
      const sort = plan.indexOf('Sort');
      if (sort >= 0) expect(plan.slice(sort)).toMatch(/Index Cond: .*AND \(*lower\(status\) = ANY/);
    });

    for (const { filter } of SHAPES) {
      it(`count: ${filter.slice(0, 80)}`, async () => {
        const plan = (await planOf(store, filter, 'count')).join('\n');
        expect(plan).not.toMatch(/Seq Scan/);
        for (const cond of plan.match(/(Index|Recheck) Cond: .*/g) ?? [])
          expect(cond).toContain('workflow_id =');
        expect(plan).toMatch(/Index Cond: \(+workflow_id =/);
        // Counted in one index alone (the seed vacuums the table), or by seeks combined in a
        // bitmap: an `or` with a range, or a closed status's complement (an `in` of the rare
        // statuses or a missing one), each seek on the workflow's rows.
        if (!/ or start_time [lg]t |not status eq "Completed"/.test(filter)) {
          // Index-only needs the visibility map; a transaction held open elsewhere in the
          // database (another test file) can keep VACUUM from setting it, and then the
          // planner's best plan is a bitmap over the same index.
          expect(plan).toMatch(allVisible ? /Index Only Scan/ : /Index Only Scan|Bitmap Index Scan/);
        }
      });
    }
  });
});

/**
 * Vacuums the sample table until every page is marked all-visible (what the seed's own VACUUM
 * gives on a quiet server), for a few seconds at most; says whether it got there.
 */
async function vacuumUntilAllVisible(pg: TestPostgres): Promise<boolean> {
  for (let attempt = 0; attempt < 10; attempt++) {
    await pg.query('VACUUM ANALYZE workflow_executions');
    const { rows } = await pg.query<{ pages: number; visible: number }>(
      "SELECT relpages AS pages, relallvisible AS visible FROM pg_class WHERE oid = 'workflow_executions'::regclass",
    );
    const row = rows[0];
    if (row !== undefined && row.pages > 0 && row.visible >= row.pages) return true;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  return false;
}

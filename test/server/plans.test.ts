import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { executionsQuery } from '../../server/routes/executions.js';
import { SAMPLE_WORKFLOWS } from '../../server/seed/sample.js';
import { openPostgresStore } from '../../server/store/postgres.js';
import { openSqliteStore } from '../../server/store/sqlite.js';
import type { Store } from '../../server/store/types.js';
import { createCollectionHandler, workflowExecutionsSchema } from '../../src/index.js';
import { openTestPostgres, type TestPostgres } from '../support/postgres.js';

/**
 * One filter per whitelisted field and operator (start_time: eq lt le gt ge; status: eq): on the
 * full sample, each must read an index that serves both its condition and the page order (no
 * full scan, no sort), as the README shows.
 */
export const PLAN_FILTERS = [
  'start_time eq 2026-09-15T10:00:00Z',
  'start_time lt 2026-08-10T00:00:00Z',
  'start_time le 2026-08-10T00:00:00Z',
  'start_time gt 2026-10-25T00:00:00Z',
  'start_time ge 2026-10-25T00:00:00Z',
  'status eq "Failed"',
] as const;

const WORKFLOW = SAMPLE_WORKFLOWS[0]!.id;

/** The plan of the page query the server runs for `filter` (limit 250, offset 0). */
export async function planOf(store: Store, filter: string): Promise<readonly string[]> {
  const handle = createCollectionHandler(workflowExecutionsSchema, {
    dialect: store.dialect,
    tiebreaker: ['start_time', 'id'],
  });
  const request = handle(`filters=${encodeURIComponent(filter)}`);
  if (!request.ok) throw new Error(JSON.stringify(request.body));
  return store.explain(executionsQuery(WORKFLOW, request));
}

const INDEX_FOR = (filter: string) =>
  filter.startsWith('status') ? 'workflow_executions_by_status' : 'workflow_executions_by_start';

describe('query plans on the full sample: every whitelisted filter is an index scan in page order', () => {
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
  });

  describe('PostgreSQL (EXPLAIN, after ANALYZE)', () => {
    let pg: TestPostgres;
    let store: Store;
    beforeAll(async () => {
      pg = await openTestPostgres('plans');
      store = await openPostgresStore(pg);
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
  });
});

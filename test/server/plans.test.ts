import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPostgresStore } from '../../server/store/postgres.js';
import { openSqliteStore } from '../../server/store/sqlite.js';
import type { Store } from '../../server/store/types.js';
import { openTestPostgres, type TestPostgres } from '../support/postgres.js';
import { PLAN_FILTERS, planOf } from './support/plans.js';

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

  // PGlite seeds slowly (one WebAssembly thread): there a fifth of the sample, the same plans.
  describe('PostgreSQL (EXPLAIN, after ANALYZE)', () => {
    let pg: TestPostgres;
    let store: Store;
    beforeAll(async () => {
      pg = await openTestPostgres('plans');
      store = await openPostgresStore(pg, pg.kind === 'server' ? undefined : 24_000);
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

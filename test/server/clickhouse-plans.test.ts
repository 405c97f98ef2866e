import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SAMPLE_WORKFLOWS } from '../../server/seed/sample.js';
import { type ClickhouseStore, openClickhouseStore } from '../../server/store/clickhouse.js';
import { compileSqlChunks, parse, toSqlOrderBy, workflowExecutionsSchema } from '../../src/index.js';
import { chdbDatabase, openClickhouse, skipClickhouse, type TestClickhouse } from '../support/clickhouse.js';

/** The full sample, as the server seeds it: 15 granules of 8,192 rows. */
const EXECUTIONS = 120_000;

/** Each whitelisted start_time operator, and a range. */
const TIME_FILTERS = [
  'start_time eq 2026-08-03T02:40:21.731594112Z',
  'start_time lt 2026-08-10T00:00:00Z',
  'start_time le 2026-08-10T00:00:00+02:00',
  'start_time gt 2026-10-25T12:00:00.5Z',
  'start_time ge 2026-10-31',
  'start_time ge 2026-09-01 and start_time lt 2026-09-03',
  'status eq "Failed" and start_time ge 2026-09-01 and start_time lt 2026-09-03',
];

/** Reads `Granules: selected/total` of the primary key's index analysis. */
function granules(plan: readonly string[]): { selected: number; total: number; condition: string } {
  // Each line is drawn with the tree's box characters in front.
  const key = plan.findIndex((line) => /[\s│]PrimaryKey$/.test(line));
  const after = plan.slice(key);
  const condition = after.find((line) => line.includes('Condition:')) ?? '';
  const match = /Granules: (\d+)\/(\d+)/.exec(after.find((line) => line.includes('Granules:')) ?? '');
  if (key < 0 || match === null) throw new Error(`no primary key analysis in:\n${plan.join('\n')}`);
  return { selected: Number(match[1]), total: Number(match[2]), condition };
}

describe.skipIf(skipClickhouse('ClickHouse plans'))(
  'ClickHouse plans: time ranges read the primary key (ORDER BY (workflow_id, start_time))',
  () => {
    let db: TestClickhouse;
    let store: ClickhouseStore;
    beforeAll(async () => {
      db = openClickhouse();
      store = await openClickhouseStore(chdbDatabase(db), EXECUTIONS);
    }, 600_000);
    afterAll(() => {
      db?.close();
    });

    const plan = (filter: string | undefined) => {
      const parsed = filter === undefined ? undefined : parse(filter);
      if (parsed !== undefined && !parsed.ok) throw new Error(`bad filter in the test: ${filter}`);
      const chunks =
        parsed === undefined
          ? undefined
          : compileSqlChunks(parsed.ast, { schema: workflowExecutionsSchema, dialect: 'clickhouse' });
      return store.explain({
        workflowId: SAMPLE_WORKFLOWS[0]!.id,
        filter: () => chunks,
        orderBy: () =>
          toSqlOrderBy([{ field: 'start_time', direction: 'asc' }], workflowExecutionsSchema, 'clickhouse'),
        limit: 250,
        offset: 0,
        count: false,
      });
    };

    it('skips every granule outside the workflow and the time range', async () => {
      const all = granules(await plan(undefined));
      expect(all.condition).toContain('workflow_id in');
      const lines: string[] = [`(no filter): ${all.selected}/${all.total} granules`];
      for (const filter of TIME_FILTERS) {
        const found = granules(await plan(filter));
        expect(found.condition, filter).toContain('start_time in');
        expect(found.condition, filter).toContain('workflow_id in');
        expect(found.total, filter).toBe(all.total);
        expect(found.selected, filter).toBeLessThan(all.selected);
        lines.push(`${filter}: ${found.selected}/${found.total} granules`);
      }
      console.log(`ClickHouse primary key, ${EXECUTIONS} executions:\n  ${lines.join('\n  ')}`);
    });
  },
);

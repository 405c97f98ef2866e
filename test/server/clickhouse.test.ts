import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SAMPLE_WORKFLOWS } from '../../server/seed/sample.js';
import { skipClickhouse } from '../support/clickhouse.js';
import { expectExecutionShape, expectedExecutions } from './support/oracle.js';
import { get, startTestServer, type TestServer } from './support/servers.js';

const EXECUTIONS = 12_000;
const ENGINES = ['sqlite', 'postgres', 'clickhouse'] as const;

/** Every whitelisted field and operator of the endpoint, alone and combined. */
const FILTERS = [
  undefined,
  'status eq "Failed"',
  'status eq "executing"',
  'start_time eq 2026-08-03T02:40:21.731594112Z',
  'start_time lt 2026-08-10T00:00:00Z',
  'start_time le 2026-08-10T00:00:00+02:00',
  'start_time gt 2026-10-25T12:00:00.5Z',
  'start_time ge 2026-10-31',
  'start_time gt 2026-08-03T02:40:21.7315941125Z',
  'start_time ge 1800-01-01T00:00:00Z',
  'start_time lt 2400-01-01T00:00:00Z',
  'status eq "Canceled" and start_time ge 2026-09-01 and start_time lt 2026-09-15',
  'status eq "Failed" or status eq "Canceled"',
  'not (status eq "Completed")',
  'not (start_time le 2026-10-01T00:00:00Z) and not (status eq "Failed")',
];

describe.skipIf(skipClickhouse('ClickHouse reference server'))(
  'reference server on ClickHouse (chdb): the same answers as SQLite and PostgreSQL, page for page',
  () => {
    const servers = new Map<(typeof ENGINES)[number], TestServer>();
    beforeAll(async () => {
      for (const engine of ENGINES)
        servers.set(engine, await startTestServer({ engine, executions: EXECUTIONS }));
    }, 600_000);
    afterAll(async () => {
      for (const server of servers.values()) await server.close();
    });

    it('lists the same workflows', async () => {
      const answers = await Promise.all(
        ENGINES.map((engine) => get(servers.get(engine)!.url, '/v3/workflows')),
      );
      for (const answer of answers) expect(answer.body).toEqual(SAMPLE_WORKFLOWS);
    });

    it(`answers every page of ${FILTERS.length} filters as the others and the predicate do`, async () => {
      let pages = 0;
      for (const filter of FILTERS) {
        for (const workflow of [SAMPLE_WORKFLOWS[0]!.id, SAMPLE_WORKFLOWS[4]!.id]) {
          const expected = expectedExecutions(EXECUTIONS, workflow, filter);
          for (let offset = 0; offset < Math.min(expected.length, 600) + 1; offset += 150) {
            const query = new URLSearchParams({
              count: 'true',
              limit: '150',
              offset: String(offset),
              ...(filter !== undefined ? { filters: filter } : {}),
            });
            const path = `/v3/workflows/${workflow}/executions?${query.toString()}`;
            const answers = await Promise.all(ENGINES.map((engine) => get(servers.get(engine)!.url, path)));
            for (const [index, answer] of answers.entries()) {
              const label = `${ENGINES[index]}: ${filter} @${offset}`;
              expect(answer.status, label).toBe(200);
              expectExecutionShape(answer.body);
              expect(answer.headers.get('x-total-count'), label).toBe(String(expected.length));
              expect(answer.body, label).toEqual(expected.slice(offset, offset + 150));
            }
            pages++;
          }
        }
      }
      expect(pages).toBeGreaterThan(FILTERS.length * 2);
    });

    it('answers the same 400 for a rejected filter', async () => {
      const path = `/v3/workflows/${SAMPLE_WORKFLOWS[0]!.id}/executions?filters=${encodeURIComponent('status co "x"')}`;
      const answers = await Promise.all(ENGINES.map((engine) => get(servers.get(engine)!.url, path)));
      // Every answer has its own trackingId; the rest is the same.
      const withoutTracking = (body: unknown) => ({ ...(body as object), trackingId: undefined });
      for (const answer of answers) {
        expect(answer.status).toBe(400);
        expect(withoutTracking(answer.body)).toEqual(withoutTracking(answers[0]!.body));
      }
    });

    it('logged no fault', () => {
      for (const server of servers.values()) expect(server.faults).toEqual([]);
    });
  },
);

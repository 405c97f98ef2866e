import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SAMPLE_WORKFLOWS } from '../../server/seed/sample.js';
import {
  expectBadRequestBody,
  expectExecutionShape,
  expectedExecutions,
  expectStatusBody,
} from './support/oracle.js';
import { get, startTestServer, type TestServer } from './support/servers.js';

/** A tenth of the full sample: the same rows per workflow, quicker to seed on both engines. */
const EXECUTIONS = 12_000;
const BUSY = SAMPLE_WORKFLOWS[0]!.id;
const QUIET = SAMPLE_WORKFLOWS[4]!.id;
const executions = (workflow: string, query: Record<string, string> | string = '') =>
  `/v3/workflows/${workflow}/executions${
    typeof query === 'string' ? query : `?${new URLSearchParams(query).toString()}`
  }`;

/** Filters across every whitelisted field and operator, and their combinations. */
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
];

for (const engine of ['sqlite', 'postgres'] as const) {
  describe(`reference server on ${engine}: the seed's endpoint over HTTP`, () => {
    let server: TestServer;
    beforeAll(async () => {
      server = await startTestServer({ engine, executions: EXECUTIONS });
    });
    afterAll(async () => {
      await server?.close();
    });

    it('lists the workflows (id, name, ...), filtered and counted as a collection', async () => {
      const all = await get(server.url, '/v3/workflows');
      expect(all.status).toBe(200);
      expect(all.body).toEqual(SAMPLE_WORKFLOWS);
      const some = await get(
        server.url,
        `/v3/workflows?filters=${encodeURIComponent('name sw "onboard" or enabled eq false')}&count=true`,
      );
      expect(some.status).toBe(200);
      expect((some.body as { name: string }[]).map((w) => w.name)).toEqual([
        'Onboard New Hire',
        'Sync Manager Changes to ServiceNow',
      ]);
      expect(some.headers.get('x-total-count')).toBe('2');
      const rejected = await get(server.url, '/v3/workflows?filters=owner+eq+%22me%22');
      expect(rejected.status).toBe(400);
      expectBadRequestBody(rejected.body);
    });

    it('answers the first 250 executions by default, in the seed shape, in start-time order', async () => {
      const answer = await get(server.url, executions(BUSY));
      expect(answer.status).toBe(200);
      expect(answer.headers.get('content-type')).toBe('application/json; charset=utf-8');
      expect(answer.headers.get('x-total-count')).toBeNull();
      expectExecutionShape(answer.body);
      const expected = expectedExecutions(EXECUTIONS, BUSY, undefined).slice(0, 250);
      expect(answer.body).toEqual(expected);
    });

    it(`selects what the library's predicate selects, for ${FILTERS.length} filters, with X-Total-Count`, async () => {
      let selective = 0;
      for (const filter of FILTERS) {
        for (const workflow of [BUSY, QUIET]) {
          const expected = expectedExecutions(EXECUTIONS, workflow, filter);
          const answer = await get(
            server.url,
            executions(workflow, { filters: filter, count: 'true', limit: '40', offset: '3' }),
          );
          expect(answer.status, filter).toBe(200);
          expectExecutionShape(answer.body);
          expect(answer.headers.get('x-total-count'), filter).toBe(String(expected.length));
          expect(answer.body, filter).toEqual(expected.slice(3, 43));
          if (expected.length > 0 && expected.length < 4800) selective++;
        }
      }
      // The filters must split the data, not select all or nothing.
      expect(selective).toBeGreaterThan(FILTERS.length);
    });

    it('pages through a filtered set without overlap or gap: the pages joined are the one big query', async () => {
      const filter = 'status eq "Failed" or start_time ge 2026-10-20';
      const ids: string[] = [];
      for (let offset = 0; ; offset += 97) {
        const page = await get(
          server.url,
          executions(BUSY, { filters: filter, limit: '97', offset: String(offset) }),
        );
        expect(page.status).toBe(200);
        const items = page.body as { id: string }[];
        ids.push(...items.map((item) => item.id));
        if (items.length < 97) break;
      }
      // The one big query, straight from the database (no limit), in the documented order.
      const direct =
        server.postgres !== undefined
          ? (
              await server.postgres.query<{ id: string }>(
                `SELECT id FROM workflow_executions WHERE workflow_id = $1 AND (lower(status) = 'failed' OR start_time >= '2026-10-20T00:00:00.000000000Z') ORDER BY start_time, id`,
                [BUSY],
              )
            ).rows.map((row) => row.id)
          : await sqliteIds(server.sqlitePath!, BUSY);
      expect(ids.length).toBeGreaterThan(97 * 3);
      expect(new Set(ids).size).toBe(ids.length);
      expect(ids).toEqual(direct);
      expect(ids).toEqual(expectedExecutions(EXECUTIONS, BUSY, filter).map((row) => row.id));
    });

    it('answers an offset past the end with an empty page, and limit=0 with none', async () => {
      const past = await get(server.url, executions(QUIET, { offset: '1000000', count: 'true' }));
      expect(past.status).toBe(200);
      expect(past.body).toEqual([]);
      expect(past.headers.get('x-total-count')).toBe('240');
      // The largest offset the parameter takes binds as a 64-bit integer on both engines.
      const largest = await get(server.url, executions(QUIET, { offset: String(Number.MAX_SAFE_INTEGER) }));
      expect(largest.status).toBe(200);
      expect(largest.body).toEqual([]);
      const none = await get(server.url, executions(QUIET, { limit: '0' }));
      expect(none.body).toEqual([]);
    });

    it('answers the seed 400 for every kind of rejected request, naming the parameter', async () => {
      const cases: [string, RegExp][] = [
        ['?filters=status%20eq', /filters/],
        ['?filters=status%20ne%20%22Failed%22', /ne/],
        ['?filters=startTime%20gt%202026-01-01T00:00:00Z', /start_time/],
        ['?filters=start_time%20gt%20%22yesterday%22', /start_time/],
        ['?filters=status%20eq%20%22Fail%22', /Failed/],
        ['?filters=status%20eq%20%22a%00b%22', /filters/],
        ['?limit=251', /limit/],
        ['?limit=-1', /limit/],
        ['?offset=ten', /offset/],
        ['?count=yes', /count/],
        ['?filters=status+eq+%22Failed%22&filters=status+eq+%22Canceled%22', /more than once/],
        ['?filters=status+eq+%ZZFailed', /filters/],
        ['?sorters=start_time', /sort/],
      ];
      for (const [query, mention] of cases) {
        const answer = await get(server.url, executions(BUSY, query));
        expect(answer.status, query).toBe(400);
        expectBadRequestBody(answer.body);
        expect(JSON.stringify(answer.body), query).toMatch(mention);
      }
    });

    it('answers the seed 404 for an unknown workflow and an unknown route, 405 for another method', async () => {
      for (const path of [
        executions('no-such-workflow'),
        executions('%F0%9F%92%A9'),
        '/v3/nothing',
        '/v3/workflows/x',
      ]) {
        const answer = await get(server.url, path);
        expect(answer.status, path).toBe(404);
        expectStatusBody(
          answer.body,
          '404 Not found',
          'The server did not find a current representation for the target resource.',
        );
      }
      // A filter valid for the endpoint does not turn an unknown workflow into an empty 200.
      expect((await get(server.url, executions('nope', { filters: 'status eq "Failed"' }))).status).toBe(404);
      const post = await fetch(`${server.url}${executions(BUSY)}`, { method: 'POST' });
      expect(post.status).toBe(405);
      expect(post.headers.get('allow')).toBe('GET, HEAD');
    });

    it('logged no fault', () => {
      expect(server.faults).toEqual([]);
    });
  });
}

async function sqliteIds(path: string, workflow: string): Promise<string[]> {
  const { default: Database } = await import('better-sqlite3');
  const db = new Database(path, { readonly: true });
  try {
    return (
      db
        .prepare(
          `SELECT id FROM workflow_executions WHERE workflow_id = ? AND (lower(status) = 'failed' OR start_time >= '2026-10-20T00:00:00.000000000Z') ORDER BY start_time, id`,
        )
        .all(workflow) as { id: string }[]
    ).map((row) => row.id);
  } finally {
    db.close();
  }
}

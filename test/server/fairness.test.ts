import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import { SAMPLE_WORKFLOWS } from '../../server/seed/sample.js';
import { testPostgresUrl } from '../support/postgres.js';
import { CLIENT_A, CLIENT_B, getFrom } from './support/clients.js';
import { expectExecutionShape, expectStatusBody } from './support/oracle.js';
import { type Answer, get, startTestServer, type TestServer } from './support/servers.js';
import { type HeldLock, holdSqliteLock } from './support/sqlite-lock.js';

const EXECUTIONS = 3_000;
const WORKFLOW = SAMPLE_WORKFLOWS[0]!.id;
const ORDINARY = `/v3/workflows/${WORKFLOW}/executions?limit=25`;
const HUNDRED_NOTS = Array.from({ length: 100 }, () => 'not status eq "Failed"').join(' and ');
const EXPENSIVE = `/v3/workflows/${WORKFLOW}/executions?count=true&filters=${encodeURIComponent(HUNDRED_NOTS)}`;

function expectBusy(answer: Answer, budgetMs: number): void {
  expect(answer.status).toBe(503);
  expect(answer.headers.get('retry-after')).toBe('1');
  expectStatusBody(
    answer.body,
    '503 Service Unavailable',
    `The database did not answer within ${budgetMs} ms (it is busy or locked); try again after Retry-After seconds, or send a narrower filter.`,
  );
}

/** A promise's answer, and whether it has come yet. */
function watch<T>(promise: Promise<T>): { readonly promise: Promise<T>; settled: () => boolean } {
  let done = false;
  promise.then(
    () => {
      done = true;
    },
    () => {
      done = true;
    },
  );
  return { promise, settled: () => done };
}

let server: TestServer | undefined;
let lock: HeldLock | undefined;
afterEach(async () => {
  await lock?.release();
  lock = undefined;
  await server?.close();
  server = undefined;
});

describe('routes that touch no database never wait on one', () => {
  it('SQLite locked by another process: a 404 and a 400 answer while a database request waits; it gets 503 after its budget', async () => {
    const budgetMs = 3_000;
    server = await startTestServer({ engine: 'sqlite', executions: EXECUTIONS, queryTimeoutMs: budgetMs });
    expect((await get(server.url, ORDINARY)).status).toBe(200);
    lock = await holdSqliteLock(server.sqlitePath!);
    const waiting = watch(get(server.url, ORDINARY));
    // Answered while the database request still waits on the lock: nothing waits on the event loop.
    const notFound = await get(server.url, '/no/such/route');
    expect(notFound.status).toBe(404);
    const invalid = await get(server.url, `/v3/workflows/${WORKFLOW}/executions?filters=(`);
    expect(invalid.status).toBe(400);
    expect(waiting.settled()).toBe(false);
    expectBusy(await waiting.promise, budgetMs);
    expect(server.faults).toEqual([]);
    await lock.release();
    lock = undefined;
    const again = await get(server.url, ORDINARY);
    expect(again.status).toBe(200);
    expectExecutionShape(again.body);
  });

  it.skipIf(testPostgresUrl() === undefined)(
    'PostgreSQL server: a table locked by another connection costs a request its budget, not the lock time',
    async () => {
      const budgetMs = 1_500;
      server = await startTestServer({
        engine: 'postgres',
        executions: EXECUTIONS,
        queryTimeoutMs: budgetMs,
      });
      expect((await get(server.url, ORDINARY)).status).toBe(200);
      const locker = new pg.Client({ connectionString: testPostgresUrl() });
      await locker.connect();
      try {
        await locker.query(`SET search_path = ${pg.escapeIdentifier(server.postgres!.schema!)}`);
        await locker.query('BEGIN');
        await locker.query('LOCK TABLE workflow_executions IN ACCESS EXCLUSIVE MODE');
        const waiting = watch(get(server.url, ORDINARY));
        expect((await get(server.url, '/no/such/route')).status).toBe(404);
        expect(waiting.settled()).toBe(false);
        // Without a budget this request waits as long as the lock is held: here, forever.
        expectBusy(await waiting.promise, budgetMs);
        await locker.query('COMMIT');
      } finally {
        await locker.end();
      }
      expect((await get(server.url, ORDINARY)).status).toBe(200);
      expect(server.faults).toEqual([]);
    },
  );
});

describe('one client cannot take every database slot', () => {
  it('past 2 running and 3 waiting, a client gets 429 at once; another client still gets a slot', async () => {
    server = await startTestServer({
      engine: 'sqlite',
      executions: EXECUTIONS,
      queryTimeoutMs: 20_000,
      clientConcurrency: { inFlight: 2, queued: 3 },
    });
    expect((await getFrom(server.url, ORDINARY, CLIENT_A)).status).toBe(200);
    // Every database request now waits on another process's lock: none finishes before release.
    lock = await holdSqliteLock(server.sqlitePath!);
    const burst = Array.from({ length: 8 }, () => watch(getFrom(server!.url, EXPENSIVE, CLIENT_A)));
    const refused = burst.slice(5);
    for (const answer of await Promise.all(refused.map((r) => r.promise))) {
      expect(answer.status).toBe(429);
      expect(answer.body).toEqual({ message: ' Rate Limit Exceeded ' });
      expect(answer.headers.get('retry-after')).toBe('1');
    }
    const other = watch(getFrom(server.url, ORDINARY, CLIENT_B));
    const overflow = await getFrom(server.url, ORDINARY, CLIENT_A);
    expect(overflow.status).toBe(429);
    // The first five (two running, three waiting) and the other client's are all still waiting.
    expect(burst.slice(0, 5).map((r) => r.settled())).toEqual([false, false, false, false, false]);
    expect(other.settled()).toBe(false);
    await lock.release();
    lock = undefined;
    for (const answer of await Promise.all(burst.slice(0, 5).map((r) => r.promise))) {
      expect(answer.status).toBe(200);
      expect(Number(answer.headers.get('x-total-count'))).toBeGreaterThan(0);
    }
    expect((await other.promise).status).toBe(200);
    // The slots are given back: the client is served again.
    expect((await getFrom(server.url, ORDINARY, CLIENT_A)).status).toBe(200);
    expect(server.faults).toEqual([]);
  });
});

describe.each(['sqlite', 'postgres'] as const)(
  '%s: a burst of expensive filters from one client',
  (engine) => {
    it("leaves another client's ordinary requests answering 200", async () => {
      server = await startTestServer({ engine, executions: 24_000 });
      const burst = Array.from({ length: 12 }, () => getFrom(server!.url, EXPENSIVE, CLIENT_A));
      const others: Answer[] = [];
      for (let i = 0; i < 5; i++) others.push(await getFrom(server.url, ORDINARY, CLIENT_B));
      for (const answer of others) {
        expect(answer.status).toBe(200);
        expectExecutionShape(answer.body);
      }
      const statuses = (await Promise.all(burst)).map((a) => a.status);
      // Each of the burst is served or told to slow down (429); none is a fault or a timeout.
      for (const status of statuses) expect([200, 429]).toContain(status);
      expect(statuses).toContain(200);
      expect(server.faults).toEqual([]);
    });
  },
);

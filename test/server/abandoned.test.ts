import { request } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { SAMPLE_WORKFLOWS } from '../../server/seed/sample.js';
import { CLIENT_A, CLIENT_B, getFrom } from './support/clients.js';
import { expectExecutionShape } from './support/oracle.js';
import { startTestServer, type TestServer } from './support/servers.js';
import { type HeldLock, holdSqliteLock } from './support/sqlite-lock.js';

const WORKFLOW = SAMPLE_WORKFLOWS[0]!.id;
const ORDINARY = `/v3/workflows/${WORKFLOW}/executions?limit=25`;

let server: TestServer | undefined;
let lock: HeldLock | undefined;
afterEach(async () => {
  await lock?.release();
  lock = undefined;
  await server?.close();
  server = undefined;
});

/** Sends a GET from `localAddress` and hangs up after `afterMs`, before any answer. */
function sendAndHangUp(base: string, path: string, localAddress: string, afterMs: number): Promise<void> {
  const url = new URL(path, base);
  return new Promise((resolve) => {
    const req = request({
      host: url.hostname,
      port: url.port,
      path: `${url.pathname}${url.search}`,
      localAddress,
      agent: false,
    });
    req.on('error', () => resolve());
    req.on('response', (res) => {
      res.resume();
      resolve();
    });
    req.end();
    setTimeout(() => {
      req.destroy();
      resolve();
    }, afterMs);
  });
}

/** Polls `condition` every few milliseconds until it holds or `limitMs` passes; whether it held. */
async function eventually(condition: () => boolean, limitMs: number): Promise<boolean> {
  const end = Date.now() + limitMs;
  while (!condition()) {
    if (Date.now() > end) return false;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  return true;
}

describe('a client that hangs up while its database work runs', () => {
  it('keeps its slot until that work is over: requests sent and dropped never run more than its bound at once', async () => {
    server = await startTestServer({
      engine: 'sqlite',
      executions: 3_000,
      queryTimeoutMs: 2_000,
      clientConcurrency: { inFlight: 1, queued: 8 },
    });
    // Count the store's work as it runs: the real store, observed.
    const store = server.store;
    const list = store.listExecutions.bind(store);
    let running = 0;
    let most = 0;
    store.listExecutions = async (query) => {
      running++;
      most = Math.max(most, running);
      try {
        return await list(query);
      } finally {
        running--;
      }
    };
    expect((await getFrom(server.url, ORDINARY, CLIENT_B)).status).toBe(200);
    // A lock held by another process keeps each statement waiting (within the budget).
    lock = await holdSqliteLock(server.sqlitePath!);
    for (let i = 0; i < 4; i++) {
      const before = running;
      const dropped = sendAndHangUp(server.url, ORDINARY, CLIENT_A, 1_000);
      // Hang up once its work has started, or (when it waits for the client's slot) after a while.
      await eventually(() => running > before, 300);
      await dropped;
    }
    expect(most).toBe(1);
    await lock.release();
    lock = undefined;
    expect(await eventually(() => running === 0, 5_000)).toBe(true);
    // The slots came back: both clients are served.
    for (const client of [CLIENT_A, CLIENT_B]) {
      const answer = await getFrom(server.url, ORDINARY, client);
      expect(answer.status).toBe(200);
      expectExecutionShape(answer.body);
    }
    expect(server.faults).toEqual([]);
  });
});

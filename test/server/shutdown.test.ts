import { mkdtempSync, rmSync } from 'node:fs';
import type { Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SHUTDOWN_GRACE_MS } from '../../server/main.js';
import { SAMPLE_WORKFLOWS } from '../../server/seed/sample.js';
import { readPage } from '../support/manual.js';
import { openTestPostgres, type TestPostgres, testPostgresUrl } from '../support/postgres.js';
import { type ChildServer, exited, spawnServer } from './support/child.js';
import { exchange, openSocket, parseAnswer } from './support/raw.js';

/**
 * SIGTERM to the real server process (`npm start`): idle connections and those holding half a
 * request are closed at once, a request being answered finishes and gets its whole answer, and
 * the process exits with 0; a request that outlives the grace period does not keep it running.
 */
const WORKFLOW = SAMPLE_WORKFLOWS[1]!.id;
const REQUEST = `GET /v3/workflows/${WORKFLOW}/executions?limit=3&count=true HTTP/1.1\r\nHost: t\r\n\r\n`;
/** Generous against a loaded machine; the server's own grace period is 5 s. */
const EXIT_BOUND_MS = 15_000;

/** A connection that got a whole answer and stays open (keep-alive): idle. */
async function idleConnection(url: string): Promise<Socket> {
  const socket = await openSocket(url);
  let raw = '';
  await new Promise<void>((resolve) => {
    socket.on('data', (chunk: Buffer) => {
      raw += chunk.toString('latin1');
      if (parseAnswer(raw, false) !== undefined) resolve();
    });
    socket.write('GET /v3/workflows HTTP/1.1\r\nHost: t\r\n\r\n');
  });
  return socket;
}

/** A connection that sent half a request and then nothing. */
async function stalledConnection(url: string): Promise<Socket> {
  const socket = await openSocket(url);
  socket.write('GET /v3/workflows HTTP/1.1\r\nHost: t\r\nX-Half: ');
  return socket;
}

const closed = (socket: Socket) =>
  socket.destroyed
    ? Promise.resolve()
    : new Promise<void>((resolve) => socket.once('close', () => resolve()));

function within<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} did not happen within ${ms} ms`)), ms);
  });
  return Promise.race([promise, late]).finally(() => clearTimeout(timer));
}

describe('the server page', () => {
  it('states the grace period the server has', () => {
    expect(readPage('docs/server.md')).toContain(
      `A request still running\nafter ${SHUTDOWN_GRACE_MS / 1000} s is cut off`,
    );
  });
});

describe('SIGTERM on SQLite: idle and stalled connections do not hold the process', () => {
  it('closes them and exits with 0', async () => {
    const directory = mkdtempSync(join(tmpdir(), 'v3f-stop-'));
    const server = await spawnServer({
      SEED_EXECUTIONS: '500',
      RATE_LIMIT: '0',
      SQLITE_PATH: join(directory, 'stop.sqlite'),
    });
    try {
      const idle = await idleConnection(server.url);
      const stalled = await stalledConnection(server.url);
      server.process.kill('SIGTERM');
      await within(Promise.all([closed(idle), closed(stalled)]), EXIT_BOUND_MS, 'closing both connections');
      expect(await within(exited(server.process), EXIT_BOUND_MS, 'the exit')).toBe(0);
    } finally {
      server.process.kill('SIGKILL');
      rmSync(directory, { recursive: true, force: true });
    }
  });
});

describe.skipIf(testPostgresUrl() === undefined)('SIGTERM on PostgreSQL, a request in flight', () => {
  let pg: TestPostgres;
  let server: ChildServer | undefined;
  beforeAll(async () => {
    pg = await openTestPostgres('http_stop');
  });
  afterAll(async () => {
    server?.process.kill('SIGKILL');
    await pg?.close();
  });
  const start = () =>
    spawnServer({
      DATABASE_URL: testPostgresUrl()!,
      PGOPTIONS: `-c search_path=${pg.schema}`,
      SEED_EXECUTIONS: '2000',
      RATE_LIMIT: '0',
    });

  /** Holds the executions table locked until `release` is called, so a request waits in flight. */
  async function lockExecutions(): Promise<{ release: () => void; done: Promise<void> }> {
    let release: () => void = () => undefined;
    const released = new Promise<void>((resolve) => {
      release = resolve;
    });
    let taken: () => void = () => undefined;
    const locked = new Promise<void>((resolve) => {
      taken = resolve;
    });
    const done = pg.transaction(async (tx) => {
      await tx.query('LOCK TABLE workflow_executions IN ACCESS EXCLUSIVE MODE');
      taken();
      await released;
    });
    await locked;
    return { release, done };
  }

  /** Resolves once some statement waits on a lock of the executions table: the request is in flight. */
  async function waitingOnLock(): Promise<void> {
    for (;;) {
      const { rows } = await pg.query<{ n: string }>(
        "SELECT count(*) AS n FROM pg_locks WHERE NOT granted AND relation = 'workflow_executions'::regclass",
      );
      if (Number(rows[0]!.n) > 0) return;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  it('finishes the request being answered, closes the others at once, then exits with 0', async () => {
    server = await start();
    const idle = await idleConnection(server.url);
    const stalled = await stalledConnection(server.url);
    const lock = await lockExecutions();
    const inFlight = exchange(server.url, REQUEST, { timeoutMs: 60_000 });
    await within(waitingOnLock(), EXIT_BOUND_MS, 'the request reaching the database');

    server.process.kill('SIGTERM');
    // Idle and stalled connections close while the request in flight still waits.
    await within(Promise.all([closed(idle), closed(stalled)]), EXIT_BOUND_MS, 'closing both connections');
    expect(server.process.exitCode).toBeNull();
    await expect(openSocket(server.url)).rejects.toThrow(/ECONNREFUSED/);

    lock.release();
    await lock.done;
    const answer = await inFlight;
    expect(answer.status).toBe(200);
    expect(answer.headers.get('connection')).toBe('close');
    expect(answer.headers.get('x-total-count')).toMatch(/^[1-9]\d*$/);
    expect(JSON.parse(answer.body)).toHaveLength(3);
    expect(await within(exited(server.process), EXIT_BOUND_MS, 'the exit')).toBe(0);
  });

  it('does not wait past its grace period for a request that does not finish', async () => {
    server = await start();
    const lock = await lockExecutions();
    const inFlight = exchange(server.url, REQUEST, { timeoutMs: 60_000 }).catch((error: Error) => error);
    await within(waitingOnLock(), EXIT_BOUND_MS, 'the request reaching the database');
    server.process.kill('SIGTERM');
    try {
      await within(exited(server.process), EXIT_BOUND_MS, 'the exit');
      // The request was cut off: its connection closed with no answer (or a 5xx).
      const outcome = await inFlight;
      if (!(outcome instanceof Error)) expect(outcome.status).toBeGreaterThanOrEqual(500);
    } finally {
      lock.release();
      await lock.done;
    }
  });
});

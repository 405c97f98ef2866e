import { renameSync } from 'node:fs';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { SAMPLE_WORKFLOWS } from '../../server/seed/sample.js';
import type { SqliteStore } from '../../server/store/sqlite.js';
import { expectExecutionShape, expectStatusBody } from './support/oracle.js';
import { type Answer, get, startTestServer, type TestServer } from './support/servers.js';

const EXECUTIONS = 3_000;
const PATH = `/v3/workflows/${SAMPLE_WORKFLOWS[1]!.id}/executions?filters=status+eq+%22Failed%22&count=true`;

function expectInternalFault(answer: Answer): void {
  expect(answer.status).toBe(500);
  expectStatusBody(answer.body, '500.0 Internal Fault', 'An internal fault occurred.');
}

async function expectServing(server: TestServer): Promise<void> {
  const answer = await get(server.url, PATH);
  expect(answer.status).toBe(200);
  expectExecutionShape(answer.body);
  expect(Number(answer.headers.get('x-total-count'))).toBeGreaterThan(0);
}

let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

describe('authentication and rate limit', () => {
  it('with API_TOKEN, answers 401 with the seed body without the right bearer token', async () => {
    server = await startTestServer({ engine: 'sqlite', executions: EXECUTIONS, apiToken: 's3cret-token' });
    for (const headers of [
      undefined,
      { authorization: 'Bearer wrong' },
      { authorization: 'Basic czNjcmV0' },
    ]) {
      const answer = await get(server.url, PATH, headers);
      expect(answer.status).toBe(401);
      expect(answer.body).toEqual({ error: expect.any(String) });
      expect(answer.headers.get('www-authenticate')).toMatch(/^Bearer realm="v3-filters"/);
    }
    // The token check comes before the filter's: a stranger learns nothing of the whitelist.
    expect((await get(server.url, '/v3/workflows/x/executions?filters=(')).status).toBe(401);
    expect((await get(server.url, PATH, { authorization: 'Bearer s3cret-token' })).status).toBe(200);
    expect((await get(server.url, PATH, { authorization: 'bearer  s3cret-token' })).status).toBe(200);
  });

  it('limits each client: past the limit, 429 with the seed body and Retry-After', async () => {
    server = await startTestServer({ engine: 'sqlite', executions: EXECUTIONS, rateLimit: 5 });
    const statuses: number[] = [];
    let limited: Answer | undefined;
    for (let i = 0; i < 7; i++) {
      const answer = await get(server.url, PATH);
      statuses.push(answer.status);
      if (answer.status === 429) limited ??= answer;
    }
    expect(statuses).toEqual([200, 200, 200, 200, 200, 429, 429]);
    expect(limited!.body).toEqual({ message: ' Rate Limit Exceeded ' });
    const retryAfter = Number(limited!.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(60);
  });
});

describe('faults: the seed 500, never a crash, and service again when the database returns', () => {
  it('SQLite: the database file gone and the connection lost', async () => {
    server = await startTestServer({ engine: 'sqlite', executions: EXECUTIONS });
    await expectServing(server);
    const path = server.sqlitePath!;
    renameSync(path, `${path}.away`);
    (server.store as SqliteStore).disconnect();
    for (let i = 0; i < 3; i++) expectInternalFault(await get(server.url, PATH));
    expect(server.faults.length).toBe(3);
    renameSync(`${path}.away`, path);
    await expectServing(server);
  });

  it('SQLite: the table renamed away by another connection, then back', async () => {
    server = await startTestServer({ engine: 'sqlite', executions: EXECUTIONS });
    await expectServing(server);
    const admin = new Database(server.sqlitePath!);
    try {
      admin.exec('ALTER TABLE workflow_executions RENAME TO executions_away');
      expectInternalFault(await get(server.url, PATH));
      admin.exec('ALTER TABLE executions_away RENAME TO workflow_executions');
    } finally {
      admin.close();
    }
    await expectServing(server);
  });

  it('PostgreSQL: the table gone, then back', async () => {
    server = await startTestServer({ engine: 'postgres', executions: EXECUTIONS });
    await expectServing(server);
    const pg = server.postgres!;
    await pg.exec('ALTER TABLE workflow_executions RENAME TO executions_away');
    for (let i = 0; i < 3; i++) expectInternalFault(await get(server.url, PATH));
    await pg.exec('ALTER TABLE executions_away RENAME TO workflow_executions');
    await expectServing(server);
    expect(server.faults.length).toBe(3);
  });

  it.skipIf(process.env.V3F_TEST_POSTGRES_URL === undefined)(
    'PostgreSQL server: every pool connection terminated by the server (as in a restart)',
    async () => {
      server = await startTestServer({ engine: 'postgres', executions: EXECUTIONS });
      await Promise.all([expectServing(server), expectServing(server), expectServing(server)]);
      const pg = server.postgres!;
      const terminated = await pg.query<{ ok: boolean }>(
        'SELECT pg_terminate_backend(pid) AS ok FROM pg_stat_activity WHERE application_name = $1 AND pid <> pg_backend_pid()',
        [pg.schema],
      );
      expect(terminated.rows.length).toBeGreaterThan(0);
      // Each answer is a 200 or the seed's 500 (a connection found dead in use); the pool reconnects.
      const answers = [];
      for (let i = 0; i < 4; i++) answers.push(await get(server.url, PATH));
      for (const answer of answers) {
        if (answer.status !== 200) expectInternalFault(answer);
      }
      await expectServing(server);
    },
  );
});

import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SAMPLE_WORKFLOWS } from '../../server/seed/sample.js';
import { openTestPostgres, type TestPostgres, testPostgresUrl } from '../support/postgres.js';
import { type ChildServer, spawnServer } from './support/child.js';
import { expectBadRequestBody, expectExecutionShape, expectStatusBody } from './support/oracle.js';

/**
 * The server under load, in a process of its own: a few thousand requests at bounded
 * concurrency, valid filters mixed with hostile ones. No 5xx, every body the documented JSON,
 * still serving afterwards, memory bounded, data unchanged.
 */
const EXECUTIONS = 30_000;
const WARM_UP = 500;
const REQUESTS = 2_000;
const CONCURRENCY = 24;

const WORKFLOW = SAMPLE_WORKFLOWS[0]!.id;
const path = (query: string, workflow = WORKFLOW) => `/v3/workflows/${workflow}/executions?${query}`;
const q = (parameters: Record<string, string>) => new URLSearchParams(parameters).toString();

/** A small deterministic generator, so a failure can be replayed. */
function lcg(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1_664_525) + 1_013_904_223) >>> 0;
    return state / 4_294_967_296;
  };
}

function validRequest(random: () => number): string {
  const day = 1 + Math.floor(random() * 28);
  const date = `2026-${random() < 0.5 ? '09' : '10'}-${String(day).padStart(2, '0')}T${String(Math.floor(random() * 24)).padStart(2, '0')}:00:00Z`;
  const op = ['eq', 'lt', 'le', 'gt', 'ge'][Math.floor(random() * 5)]!;
  const status = ['Completed', 'Failed', 'Canceled', 'Executing'][Math.floor(random() * 4)]!;
  const filters = [
    `status eq "${status}"`,
    `start_time ${op} ${date}`,
    `status eq "${status}" and start_time ${op} ${date}`,
    `not (status eq "${status}") or start_time ${op} ${date}`,
  ][Math.floor(random() * 4)]!;
  const parameters: Record<string, string> = { filters, limit: String(Math.floor(random() * 251)) };
  if (random() < 0.5) parameters.offset = String(Math.floor(random() * 3000));
  if (random() < 0.3) parameters.count = 'true';
  if (random() < 0.05) return '/v3/workflows?count=true';
  return path(q(parameters), random() < 0.9 ? WORKFLOW : SAMPLE_WORKFLOWS[Math.floor(random() * 5)]!.id);
}

function hostileRequest(random: () => number): string {
  const binary = Array.from(
    { length: 200 },
    () =>
      `%${Math.floor(random() * 256)
        .toString(16)
        .padStart(2, '0')}`,
  ).join('');
  const cases = [
    // Huge: thousands of comparisons (under Node's 16 KiB header limit).
    () =>
      path(
        `filters=${encodeURIComponent(Array.from({ length: 500 }, () => 'status eq "Failed"').join(' or '))}`,
      ),
    () => path(`filters=${encodeURIComponent(`${'status eq "'}${'x'.repeat(12_000)}"`)}`),
    // Deeply nested.
    () => path(`filters=${'('.repeat(5_000)}status%20eq%20%22Failed%22${')'.repeat(5_000)}`),
    () => path(`filters=${'not%20'.repeat(2_000)}status%20eq%20%22Failed%22`),
    // Binary, NUL and invalid UTF-8.
    () => path(`filters=${binary}`),
    () => path('filters=status%20eq%20%22Fa%00iled%22'),
    () => path('filters=status%20eq%20%22%C0%AF%FF%FE%22'),
    // Injection attempts.
    () => path(q({ filters: `status eq "Failed' OR '1'='1"; DROP TABLE workflow_executions; --"` })),
    () => path(q({ filters: 'start_time eq 2026-01-01T00:00:00Z); DELETE FROM workflow_executions; --' })),
    () => path(q({ filters: '"status" eq "Failed"' })),
    () => path(q({ filters: 'status eq "Failed"', limit: '1; DROP TABLE workflows' })),
    () => path(q({ filters: 'status eq "Failed"', sorters: 'start_time; DROP TABLE workflows' })),
    () => path(q({ filters: 'status eq "x"' }), "1' OR '1'='1"),
    () => path('', '..%2F..%2Fetc%2Fpasswd'),
    () => path(q({ filters: 'status eq "Failed"' }), `${WORKFLOW}%00`),
    // Malformed percent-encoding, in the query and in the path.
    () => path('filters=%'),
    () => path('filters=status%2eq%G1%22'),
    () => path('filters=%E0%A4%A'),
    () => path('', '%E0%A4%A'),
    // Repeated and near-miss parameters.
    () => path('filters=status+eq+%22Failed%22&filters=status+eq+%22Failed%22&limit=1&limit=2'),
    () => path('filter=status+eq+%22Failed%22&limt=5&count=TRUE&offset=-1'),
    () => path(`${'a=1&'.repeat(1_000)}filters=status+eq+%22Failed%22`),
    () => `/v3/workflows?filters=${encodeURIComponent('name co "\u202e\u0000"')}&__proto__=1&constructor=2`,
  ];
  return cases[Math.floor(random() * cases.length)]!();
}

interface Tally {
  statuses: Map<number, number>;
  requests: number;
}

async function request(base: string, target: string, tally: Tally): Promise<void> {
  const response = await fetch(`${base}${target}`, { signal: AbortSignal.timeout(60_000) });
  const text = await response.text();
  tally.requests++;
  tally.statuses.set(response.status, (tally.statuses.get(response.status) ?? 0) + 1);
  const context = `${response.status} for ${target.slice(0, 200)}: ${text.slice(0, 200)}`;
  expect(response.status, context).toBeLessThan(500);
  expect(response.headers.get('content-type'), context).toBe('application/json; charset=utf-8');
  const body: unknown = JSON.parse(text);
  if (response.status === 200) {
    if (target.startsWith('/v3/workflows?')) expect(Array.isArray(body), context).toBe(true);
    else expectExecutionShape(body);
  } else if (response.status === 400) {
    expectBadRequestBody(body);
  } else if (response.status === 431) {
    expectStatusBody(
      body,
      '431 Request Header Fields Too Large',
      'The request line or headers are longer than 16 KiB; send a shorter filter.',
    );
  } else {
    expect(response.status, context).toBe(404);
    expectStatusBody(
      body,
      '404 Not found',
      'The server did not find a current representation for the target resource.',
    );
  }
}

async function storm(base: string, count: number, seed: number): Promise<Tally> {
  const random = lcg(seed);
  const targets = Array.from({ length: count }, () =>
    random() < 0.6 ? validRequest(random) : hostileRequest(random),
  );
  const tally: Tally = { statuses: new Map(), requests: 0 };
  let next = 0;
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < targets.length) await request(base, targets[next++]!, tally);
    }),
  );
  return tally;
}

interface Engine {
  readonly env: Record<string, string>;
  /** Row count and a SHA-256 over every row, read beside the server. */
  fingerprint(): Promise<{ rows: number; sha256: string }>;
  close(): Promise<void>;
}

const ROWS_SQL =
  "SELECT id, workflow_id, request_id, start_time, coalesce(close_time, '') AS close_time, status FROM workflow_executions ORDER BY id";

function digest(rows: Record<string, unknown>[]): { rows: number; sha256: string } {
  const hash = createHash('sha256');
  for (const row of rows) hash.update(`${Object.values(row).join('\t')}\n`);
  return { rows: rows.length, sha256: hash.digest('hex') };
}

async function sqliteEngine(): Promise<Engine> {
  const directory = mkdtempSync(join(tmpdir(), 'v3f-load-'));
  const file = join(directory, 'load.sqlite');
  return {
    env: { SQLITE_PATH: file },
    fingerprint: async () => {
      const db = new Database(file, { readonly: true });
      try {
        return digest(db.prepare(ROWS_SQL).all() as Record<string, unknown>[]);
      } finally {
        db.close();
      }
    },
    close: async () => rmSync(directory, { recursive: true, force: true }),
  };
}

async function postgresEngine(): Promise<Engine> {
  const pg: TestPostgres = await openTestPostgres('load');
  return {
    // The child's pool works in the test's own schema (node-postgres reads PGOPTIONS).
    env: { DATABASE_URL: testPostgresUrl()!, PGOPTIONS: `-c search_path=${pg.schema}` },
    fingerprint: async () => digest((await pg.query<Record<string, unknown>>(ROWS_SQL)).rows),
    close: () => pg.close(),
  };
}

const ENGINES = testPostgresUrl() === undefined ? (['sqlite'] as const) : (['sqlite', 'postgres'] as const);

for (const name of ENGINES) {
  describe(`load and hostile input on ${name}, the server in its own process`, () => {
    let engine: Engine;
    let server: ChildServer;
    beforeAll(async () => {
      engine = name === 'sqlite' ? await sqliteEngine() : await postgresEngine();
      // One client at concurrency 24: neither the rate limit nor the per-client bound applies here
      // (test/server/fairness.test.ts holds those).
      server = await spawnServer({
        ...engine.env,
        SEED_EXECUTIONS: String(EXECUTIONS),
        RATE_LIMIT: '0',
        CLIENT_CONCURRENCY: '0',
      });
    });
    afterAll(async () => {
      await server?.stop();
      await engine?.close();
    });

    it(`answers ${WARM_UP + REQUESTS} mixed requests at concurrency ${CONCURRENCY}: no 5xx, documented bodies, bounded memory, data intact`, async () => {
      const before = await engine.fingerprint();
      expect(before.rows).toBe(EXECUTIONS);
      await storm(server.url, WARM_UP, 1);
      const warm = await server.memory();
      const started = performance.now();
      const tally = await storm(server.url, REQUESTS, 2);
      const seconds = (performance.now() - started) / 1000;
      const after = await server.memory();

      expect(tally.requests).toBe(REQUESTS);
      // Both kinds were sent and answered.
      expect(tally.statuses.get(200)).toBeGreaterThan(REQUESTS / 3);
      expect(tally.statuses.get(400)).toBeGreaterThan(REQUESTS / 5);
      // Memory after the warm-up is the baseline: a few thousand more requests may not add much.
      const heapGrowth = after.heapUsed - warm.heapUsed;
      const rssGrowth = after.rss - warm.rss;
      expect(heapGrowth).toBeLessThan(24 * 1024 * 1024);
      expect(rssGrowth).toBeLessThan(96 * 1024 * 1024);

      // Still serving, with the right answer, and the data untouched.
      const check = await fetch(
        `${server.url}${path(q({ filters: 'status eq "Failed"', count: 'true', limit: '1' }))}`,
      );
      expect(check.status).toBe(200);
      expect(Number(check.headers.get('x-total-count'))).toBeGreaterThan(0);
      expect(server.process.exitCode).toBeNull();
      expect(await engine.fingerprint()).toEqual(before);
      const mb = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`;
      console.log(
        `load (${name}): ${REQUESTS} requests in ${seconds.toFixed(1)} s (${(REQUESTS / seconds).toFixed(0)}/s) at concurrency ${CONCURRENCY}; statuses ${JSON.stringify(Object.fromEntries(tally.statuses))}; heap ${mb(warm.heapUsed)} -> ${mb(after.heapUsed)}, RSS ${mb(warm.rss)} -> ${mb(after.rss)}`,
      );
    });
  });
}

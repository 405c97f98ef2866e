import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exampleRequests } from '../../server/examples.js';
import { SAMPLE_EXECUTION_COUNT, sampleExecutions } from '../../server/seed/sample.js';
import { readManual } from '../support/manual.js';
import { PLAN_FILTERS, planOf } from './support/plans.js';
import { get, startTestServer, type TestServer } from './support/servers.js';

/**
 * The README's server examples say "real answers": each request is sent to the server over the
 * full sample, as `npm start` seeds it, and its status, listed headers and body compared.
 */
const readme = readManual();
const EXAMPLES = [...readme.matchAll(/```http\n\$ curl -si '([^']+)'\n([\s\S]*?)```/g)].map((m) => ({
  url: m[1]!,
  answer: m[2]!,
}));

/** The trackingId is new on each answer: take the README's when the answer has a well-formed one. */
function withTrackingId(actual: unknown, expected: unknown): unknown {
  if (actual === null || typeof actual !== 'object' || Array.isArray(actual)) return actual;
  const id = (actual as { trackingId?: unknown }).trackingId;
  const documented = (expected as { trackingId?: unknown } | null)?.trackingId;
  if (typeof id !== 'string' || !/^[0-9a-f]{32}$/.test(id) || documented === undefined) return actual;
  return { ...actual, trackingId: documented };
}

describe('the README server section is real output', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ engine: 'sqlite' });
  });
  afterAll(async () => {
    await server?.close();
  });

  it('has examples of each kind', () => {
    expect(EXAMPLES.length).toBeGreaterThanOrEqual(6);
    const statuses = EXAMPLES.map((e) => e.answer.split(' ')[1]);
    expect(new Set(statuses)).toEqual(new Set(['200', '400', '404']));
  });

  for (const { url, answer } of EXAMPLES) {
    it(url, async () => {
      const blank = answer.indexOf('\n\n');
      const [statusLine, ...headerLines] = answer.slice(0, blank).split('\n');
      const expectedBody: unknown = JSON.parse(answer.slice(blank + 2));
      const actual = await get(server.url, url.replace('http://localhost:3000', ''));
      expect(`HTTP/1.1 ${actual.status} ${actual.statusText}`).toBe(statusLine);
      for (const line of headerLines) {
        const [name, value] = line.split(/: (.*)/s) as [string, string];
        expect(actual.headers.get(name), name).toBe(value);
      }
      expect(withTrackingId(actual.body, expectedBody)).toEqual(expectedBody);
    });
  }

  it('shows the real SQLite plans', async () => {
    const at = readme.indexOf('SQLite, `EXPLAIN QUERY PLAN`:');
    expect(at).toBeGreaterThan(0);
    const open = readme.indexOf('```text\n', at) + '```text\n'.length;
    const block = readme.slice(open, readme.indexOf('\n```', open));
    const lines: string[] = [];
    for (const filter of PLAN_FILTERS)
      lines.push(filter, ...(await planOf(server.store, filter)).map((l) => `  ${l}`));
    expect(block).toBe(lines.join('\n'));
  });

  it('states the sample as it is', () => {
    const counts = new Map<string, number>();
    for (const row of sampleExecutions()) counts.set(row.status, (counts.get(row.status) ?? 0) + 1);
    const n = (status: string) => (counts.get(status) ?? 0).toLocaleString('en-US');
    expect(readme).toContain(`${SAMPLE_EXECUTION_COUNT.toLocaleString('en-US')} executions over the 90 days`);
    expect(readme.replace(/\s+/g, ' ')).toContain(
      `(${n('Completed')} Completed, ${n('Failed')} Failed, ${n('Canceled')} Canceled, ${n('Executing')} Executing;`,
    );
  });

  it('the requests npm start prints work as pasted', async () => {
    const lines = exampleRequests(server.url);
    expect(lines.length).toBeGreaterThanOrEqual(4);
    const statuses = [];
    for (const line of lines) {
      const url = /^curl -si '([^']+)'$/.exec(line)?.[1];
      expect(url, line).toBeDefined();
      statuses.push((await get(url!, '')).status);
    }
    expect(statuses).toEqual([200, 200, 200, 400]);
  });
});

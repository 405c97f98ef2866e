/**
 * Fair service under expensive filters: the reference server (in a process of its own, as
 * `npm start` runs it, with its default rate limit of 600 requests per client per minute) on
 * SQLite and on PostgreSQL, while one client sends bursts of twelve expensive requests at once
 * (100 copies of `not status eq "Failed"` joined by `and`, `count=true`: every row of the busiest
 * workflow counted), staying inside the rate limit. Meanwhile two other clients send ordinary
 * requests (a page of 25, a selective filter, a 404) one after another, about 20 a second each; their latency (p50,
 * p99) during the burst, beside the same requests on an idle server, is the measure. Target:
 * every ordinary request answers 200 (404 for the 404), p99 under 200 ms on both engines.
 *
 * Each client sends from a loopback address of its own (127.0.0.2, .3, .4), so the server sees
 * three clients. Run alone with `npx tsx bench/fairness.ts`.
 */

import { mkdirSync } from 'node:fs';
import { SAMPLE_WORKFLOWS } from '../server/seed/sample.js';
import { spawnServer } from '../test/server/support/child.js';
import { getFrom } from '../test/server/support/clients.js';
import { addRow } from './report.js';
import { inRoot, runsAlone } from './root.js';
import { postgresTarget } from './server.js';

const WORKFLOW = SAMPLE_WORKFLOWS[0]!.id;
const HUNDRED_NOTS = Array.from({ length: 100 }, () => 'not status eq "Failed"').join(' and ');
const EXPENSIVE = `/v3/workflows/${WORKFLOW}/executions?count=true&filters=${encodeURIComponent(HUNDRED_NOTS)}`;
/** What the other clients ask, in turn, with the status each should get. */
const ORDINARY: readonly (readonly [string, number])[] = [
  [`/v3/workflows/${WORKFLOW}/executions?limit=25`, 200],
  [`/v3/workflows/${WORKFLOW}/executions?limit=25&filters=${encodeURIComponent('status eq "Failed"')}`, 200],
  ['/v3/no/such/route', 404],
];
const BURSTER = '127.0.0.2';
const OTHERS = ['127.0.0.3', '127.0.0.4'];
/** Twelve at once, as in the attack that exhausted the pool; at most 500 in all (limit: 600 a minute). */
const AT_ONCE = 12;
const BURST_REQUESTS = 500;
const BURST_MS = 5_000;
const TARGET_MS = 200;

interface Latencies {
  readonly ms: number[];
  readonly wrong: number;
}

const percentile = (sorted: readonly number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;

/** Each other client sends one request per 50 ms at most: about 20 a second, inside the rate limit. */
const PACE_MS = 50;

/** One client's ordinary requests, one after another (paced), until `until()` says stop. */
async function ordinaryClient(base: string, address: string, until: () => boolean): Promise<Latencies> {
  const ms: number[] = [];
  let wrong = 0;
  for (let i = 0; !until(); i++) {
    const [path, status] = ORDINARY[i % ORDINARY.length]!;
    const started = performance.now();
    const answer = await getFrom(base, path, address);
    const took = performance.now() - started;
    ms.push(took);
    if (answer.status !== status) wrong++;
    if (took < PACE_MS) await new Promise((resolve) => setTimeout(resolve, PACE_MS - took));
  }
  return { ms, wrong };
}

/** The burst: waves of twelve expensive requests until the time or the request count runs out. */
async function burst(base: string, until: () => boolean): Promise<Map<number, number>> {
  const statuses = new Map<number, number>();
  let sent = 0;
  while (!until() && sent + AT_ONCE <= BURST_REQUESTS) {
    sent += AT_ONCE;
    const wave = await Promise.all(Array.from({ length: AT_ONCE }, () => getFrom(base, EXPENSIVE, BURSTER)));
    for (const answer of wave) statuses.set(answer.status, (statuses.get(answer.status) ?? 0) + 1);
  }
  return statuses;
}

async function others(base: string, until: () => boolean): Promise<Latencies> {
  const each = await Promise.all(OTHERS.map((address) => ordinaryClient(base, address, until)));
  return { ms: each.flatMap((l) => l.ms), wrong: each.reduce((sum, l) => sum + l.wrong, 0) };
}

const describe = (l: Latencies) => {
  const sorted = [...l.ms].sort((a, b) => a - b);
  return { n: sorted.length, p50: percentile(sorted, 50), p99: percentile(sorted, 99), wrong: l.wrong };
};

async function benchEngine(name: string, env: Record<string, string>): Promise<void> {
  const server = await spawnServer(env, 600_000);
  try {
    // Warm-up: JIT, statement caches, pages in memory; then the expensive request's own time.
    await others(
      server.url,
      (() => {
        const end = performance.now() + 1_000;
        return () => performance.now() > end;
      })(),
    );
    const single: number[] = [];
    for (let i = 0; i < 5; i++) {
      const started = performance.now();
      await getFrom(server.url, EXPENSIVE, BURSTER);
      single.push(performance.now() - started);
    }
    const idleEnd = performance.now() + 2_000;
    const idle = describe(await others(server.url, () => performance.now() > idleEnd));
    const end = performance.now() + BURST_MS;
    let bursting = true;
    const [statuses, during] = await Promise.all([
      burst(server.url, () => performance.now() > end).finally(() => {
        bursting = false;
      }),
      others(server.url, () => !bursting),
    ]);
    const busy = describe(during);
    const sortedSingle = single.sort((a, b) => a - b);
    console.log(
      `\n${name}: the expensive request alone ${percentile(sortedSingle, 50).toFixed(1)} ms (median of 5); burst answers ${[...statuses].map(([s, n]) => `${n}x${s}`).join(', ')}`,
    );
    console.table({
      idle: {
        requests: idle.n,
        'p50 ms': idle.p50.toFixed(1),
        'p99 ms': idle.p99.toFixed(1),
        wrong: idle.wrong,
      },
      'during the burst': {
        requests: busy.n,
        'p50 ms': busy.p50.toFixed(1),
        'p99 ms': busy.p99.toFixed(1),
        wrong: busy.wrong,
      },
    });
    addRow({
      task: `fairness, ${name}: other clients' p99 during a burst (idle ${idle.p99.toFixed(1)} ms, p50 ${busy.p50.toFixed(1)} ms)`,
      ours: busy.p99,
      others: {},
      targets: [
        { text: `p99 < ${TARGET_MS} ms`, pass: busy.p99 < TARGET_MS },
        { text: 'every answer as expected', pass: busy.wrong === 0 && statuses.get(500) === undefined },
      ],
    });
  } finally {
    await server.stop();
  }
}

/** Runs the fairness benchmark on SQLite, then PostgreSQL when a server is configured. */
export async function run(): Promise<void> {
  console.log(
    `\nFair service: other clients' ordinary requests while one client sends waves of ${AT_ONCE} expensive filters`,
  );
  const data = `${inRoot('.data')}/`;
  mkdirSync(data, { recursive: true });
  // The same full sample as the load benchmark, seeded once and kept.
  await benchEngine('SQLite', { SQLITE_PATH: `${data}bench-server.sqlite`, DATABASE_URL: '' });
  const target = await postgresTarget();
  if (target === undefined) {
    console.log(
      '\nPostgreSQL: skipped (set V3F_TEST_POSTGRES_URL or DATABASE_URL to a server; PGlite is not a server)',
    );
    return;
  }
  try {
    await benchEngine('PostgreSQL', target.env);
  } finally {
    await target.done();
  }
}

if (runsAlone(import.meta.url)) await run();

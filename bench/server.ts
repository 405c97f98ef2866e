/**
 * The reference server under load (autocannon on loopback, the server in a process of its own):
 * requests/second and p50/p99 latency without a filter and with one, on SQLite and (when
 * `V3F_TEST_POSTGRES_URL` or `DATABASE_URL` names a server) PostgreSQL, and the ratio: what the
 * filter handling costs. Run alone with `npx tsx bench/server.ts`.
 *
 * The "filter" case asks for the same page through the same index as "no filter"
 * (`start_time ge` a date before every execution), so the difference is the filter's handling:
 * parsing, validating and compiling it, and the bound condition. A selective filter is shown
 * for reference (other rows, other index: not a cost of the handling).
 */

import { randomBytes } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import autocannon from 'autocannon';
import pg from 'pg';
import { Bench } from 'tinybench';
import { EXECUTIONS_ORDER } from '../server/routes/executions.js';
import { SAMPLE_WORKFLOWS } from '../server/seed/sample.js';
import { createCollectionHandler, workflowExecutionsSchema } from '../src/index.js';
import { spawnServer } from '../test/server/support/child.js';
import { inRoot, runsAlone } from './root.js';

/** Rounds of every case in turn, so a busy spell on the machine falls on all cases alike. */
const ROUNDS = 2;
const SECONDS = 2;
const CONNECTIONS = 8;
const PAGE = 'limit=25';
const CASES = {
  'no filter': PAGE,
  filter: `${PAGE}&filters=${encodeURIComponent('start_time ge 2026-01-01T00:00:00Z')}`,
  'selective filter': `${PAGE}&filters=${encodeURIComponent('status eq "Failed" and start_time ge 2026-09-01T00:00:00Z')}`,
} as const;

interface Measure {
  readonly rps: number;
  readonly p50: number;
  readonly p99: number;
  readonly mean: number;
  readonly non2xx: number;
}

async function measure(url: string): Promise<Measure> {
  const result = await autocannon({ url, connections: CONNECTIONS, duration: SECONDS });
  return {
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    mean: result.latency.mean,
    non2xx: result.non2xx + result.errors,
  };
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

/** The rounds of one case: mean throughput, median latencies. */
function combine(measures: Measure[]): Measure {
  return {
    rps: measures.reduce((sum, m) => sum + m.rps, 0) / measures.length,
    p50: median(measures.map((m) => m.p50)),
    p99: median(measures.map((m) => m.p99)),
    mean: measures.reduce((sum, m) => sum + m.mean, 0) / measures.length,
    non2xx: measures.reduce((sum, m) => sum + m.non2xx, 0),
  };
}

/** The handler's own time per request (parse, validate, compile), in µs, measured in process. */
async function handlingMicros(query: string): Promise<number> {
  const handle = createCollectionHandler(workflowExecutionsSchema, {
    dialect: 'sqlite',
    tiebreaker: EXECUTIONS_ORDER,
    parameterOffset: 1,
  });
  const bench = new Bench({ time: 300, warmupTime: 100 });
  let sink = 0;
  bench.add('handle', () => {
    const answer = handle(query);
    if (answer.ok)
      sink += answer.where('sqlite', { parameterOffset: 1 }).params.length + answer.orderBy('sqlite').length;
  });
  await bench.run();
  if (sink < 0) console.log(sink);
  const result = bench.getTask('handle')?.result;
  if (result === undefined || !('latency' in result)) throw new Error('no handler result');
  return (result.latency.p50 ?? result.latency.mean) * 1000;
}

async function benchEngine(name: string, env: Record<string, string>, handlerMicros: number): Promise<void> {
  // autocannon is one client with many connections: no rate limit, no per-client bound.
  const server = await spawnServer({ ...env, RATE_LIMIT: '0', CLIENT_CONCURRENCY: '0' }, 600_000);
  try {
    const base = `${server.url}/v3/workflows/${SAMPLE_WORKFLOWS[0]!.id}/executions?`;
    // Warm-up: JIT, statement cache, pages in memory.
    for (const query of Object.values(CASES)) await measure(`${base}${query}`);
    const rounds: Record<string, Measure[]> = {};
    for (let round = 0; round < ROUNDS; round++) {
      for (const [label, query] of Object.entries(CASES)) {
        const measured = await measure(`${base}${query}`);
        rounds[label] = [...(rounds[label] ?? []), measured];
      }
    }
    const results = Object.fromEntries(Object.entries(rounds).map(([label, ms]) => [label, combine(ms)]));
    console.log(
      `\n${name}: ${CONNECTIONS} connections, ${ROUNDS} rounds of ${SECONDS} s per case, page of 25`,
    );
    console.table(
      Object.fromEntries(
        Object.entries(results).map(([label, m]) => [
          label,
          { 'req/s': Math.round(m.rps), 'p50 ms': m.p50, 'p99 ms': m.p99, 'non-2xx': m.non2xx },
        ]),
      ),
    );
    const none = results['no filter']!;
    const filtered = results.filter!;
    const cost = 1 - filtered.rps / none.rps;
    console.log(
      `${name}: with a filter / without: throughput ${(filtered.rps / none.rps).toFixed(3)}x, mean latency ${(filtered.mean / none.mean).toFixed(3)}x: the filter costs ${(cost * 100).toFixed(1)}% of the throughput (aim: under 10%)`,
    );
    // The server is one thread: at saturation, 1/throughput is its time per request. The handler's
    // share of it is a steadier measure than a difference of two noisy throughputs.
    const budget = 1e6 / none.rps;
    console.log(
      `${name}: the handler's ${handlerMicros.toFixed(1)} µs are ${((handlerMicros / budget) * 100).toFixed(1)}% of the server's ${budget.toFixed(0)} µs per request without a filter`,
    );
  } finally {
    await server.stop();
  }
}

/** A PostgreSQL server for a benchmark: `DATABASE_URL`, or a schema of its own at `V3F_TEST_POSTGRES_URL`. */
export async function postgresTarget(): Promise<
  { env: Record<string, string>; done: () => Promise<void> } | undefined
> {
  if (process.env.DATABASE_URL) return { env: {}, done: async () => undefined };
  const url = process.env.V3F_TEST_POSTGRES_URL;
  if (!url) return undefined;
  // A schema of its own on the shared server, dropped afterwards.
  const schema = `v3f_bench_${Date.now().toString(36)}_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`CREATE SCHEMA ${pg.escapeIdentifier(schema)}`);
  return {
    env: { DATABASE_URL: url, PGOPTIONS: `-c search_path=${schema}` },
    done: async () => {
      await admin.query(`DROP SCHEMA ${pg.escapeIdentifier(schema)} CASCADE`);
      await admin.end();
    },
  };
}

/** Runs the server benchmark and prints the tables and ratios. */
export async function run(): Promise<void> {
  console.log(
    '\nReference server under load (autocannon): requests/second and latency, without and with a filter',
  );
  const micros = await handlingMicros(CASES.filter);
  console.log(
    `The handler alone (parse, validate, compile the filter): ${micros.toFixed(1)} µs per request (p50)`,
  );

  const data = `${inRoot('.data')}/`;
  mkdirSync(data, { recursive: true });
  // The full sample, seeded once and kept for later runs.
  await benchEngine('SQLite', { SQLITE_PATH: `${data}bench-server.sqlite`, DATABASE_URL: '' }, micros);

  const target = await postgresTarget();
  if (target === undefined) {
    console.log(
      '\nPostgreSQL: skipped (set V3F_TEST_POSTGRES_URL or DATABASE_URL to a server; PGlite is not a server)',
    );
    return;
  }
  try {
    await benchEngine('PostgreSQL', target.env, micros);
  } finally {
    await target.done();
  }
}

if (runsAlone(import.meta.url)) await run();

/**
 * The compiled predicate against the floor: a hand-written arrow function doing the same test,
 * each over the same 100,000 records, in the same run. Prints the median time per pass and the
 * ratio (compiled / hand-written; the target is at most 1.5). Run alone with
 * `npx tsx bench/predicate.ts`.
 */
import { Bench } from 'tinybench';
import { compilePredicate } from '../src/compile/index.js';
import { parse } from '../src/index.js';
import type { Schema } from '../src/schema/types.js';

const RECORDS = 100_000;

const schema: Schema = {
  fields: {
    status: { type: 'string', operators: ['eq', 'in'] },
    id: { type: 'string', caseSensitive: true, operators: ['eq'] },
    count: { type: 'integer', operators: ['gt', 'le'] },
    start_time: { type: 'date-time', operators: ['ge', 'lt'] },
    owner: { type: 'string', path: 'owner.name', operators: ['sw'] },
  },
};

interface Run {
  id: string;
  status: string;
  count: number;
  start_time: string;
  owner: { name: string };
}

const STATUSES = ['Completed', 'Failed', 'Canceled', 'Executing', 'FAILED'];
const OWNERS = ['alice', 'Bob', 'ANNA', 'carol'];

function makeRecords(): Run[] {
  const records: Run[] = [];
  for (let i = 0; i < RECORDS; i++) {
    const ms = Date.UTC(2022, 1, 7) + i * 1_000;
    const nanos = String((i * 7919) % 1_000_000).padStart(6, '0');
    records.push({
      id: `run-${i % 1000}`,
      status: STATUSES[i % STATUSES.length]!,
      count: i % 1000,
      start_time: `${new Date(ms).toISOString().slice(0, 23)}${nanos}Z`,
      owner: { name: OWNERS[i % OWNERS.length]! },
    });
  }
  return records;
}

type Test = (record: Run) => boolean;

interface Case {
  readonly name: string;
  readonly filter: string;
  /** The same test, written by hand as one would without this library. */
  readonly hand: Test;
  readonly note?: string;
}

const FROM = Date.parse('2022-02-07T20:13:29Z');
const TO = Date.parse('2022-02-08T00:00:00Z');
const FAILED_OR_CANCELED = new Set(['failed', 'canceled']);

const CASES: readonly Case[] = [
  {
    name: 'status eq (case-insensitive)',
    filter: 'status eq "Failed"',
    hand: (r) => typeof r.status === 'string' && r.status.toLowerCase() === 'failed',
  },
  {
    name: 'id eq (case-sensitive)',
    filter: 'id eq "run-7"',
    hand: (r) => r.id === 'run-7',
  },
  {
    name: 'status in (2 values)',
    filter: 'status in ("Failed", "Canceled")',
    hand: (r) => typeof r.status === 'string' && FAILED_OR_CANCELED.has(r.status.toLowerCase()),
  },
  {
    name: 'count range',
    filter: 'count gt 500 and count le 900',
    hand: (r) => typeof r.count === 'number' && r.count > 500 && r.count <= 900,
  },
  {
    name: 'status and nested sw',
    filter: 'not (status eq "Failed") and owner sw "a"',
    hand: (r) =>
      !(typeof r.status === 'string' && r.status.toLowerCase() === 'failed') &&
      typeof r.owner === 'object' &&
      r.owner !== null &&
      typeof r.owner.name === 'string' &&
      r.owner.name.toLowerCase().startsWith('a'),
  },
  {
    name: 'start_time range',
    filter: 'start_time ge 2022-02-07T20:13:29Z and start_time lt 2022-02-08',
    hand: (r) => {
      const t = Date.parse(r.start_time);
      return t >= FROM && t < TO;
    },
    note: 'floor uses Date.parse: milliseconds only, so it does less than the exact nanosecond test',
  },
];

// A loop per task, each compiled from its own source text: a shared loop would make its call
// site polymorphic and slow down whichever task runs second. (Bench code only; the library
// itself never uses `new Function`.)
function makeLoop(): (records: readonly Run[], test: Test) => number {
  return new Function(
    'records',
    'test',
    'let n = 0; for (let i = 0; i < records.length; i++) if (test(records[i])) n++; return n;',
  ) as (records: readonly Run[], test: Test) => number;
}

function median(bench: Bench, name: string): number {
  const task = bench.getTask(name);
  const result = task?.result;
  if (result === undefined || !('latency' in result)) throw new Error(`no result for ${name}`);
  return result.latency.p50 ?? result.latency.mean;
}

/** Runs the predicate benchmark and prints the table with ratios. */
export async function run(): Promise<void> {
  const records = makeRecords();
  const bench = new Bench({ time: 600, warmupTime: 300 });
  let sink = 0;
  for (const c of CASES) {
    const parsed = parse(c.filter);
    if (!parsed.ok) throw new Error(`${c.filter}: ${JSON.stringify(parsed.diagnostics)}`);
    const compiled = compilePredicate(parsed.ast, { schema }) as Test;
    const handLoop = makeLoop();
    const compiledLoop = makeLoop();
    const expected = handLoop(records, c.hand);
    const actual = compiledLoop(records, compiled);
    if (expected !== actual) throw new Error(`${c.name}: hand-written ${expected} != compiled ${actual}`);
    bench.add(`${c.name} / hand`, () => {
      sink += handLoop(records, c.hand);
    });
    bench.add(`${c.name} / compiled`, () => {
      sink += compiledLoop(records, compiled);
    });
  }
  await bench.run();

  console.log(
    `\nPredicate over ${RECORDS.toLocaleString('en-US')} records: median ms per pass (tinybench, one run)`,
  );
  const header = [
    'filter'.padEnd(32),
    'hand-written'.padStart(13),
    'compiled'.padStart(10),
    'ratio'.padStart(7),
  ];
  console.log(header.join(''));
  const notes: string[] = [];
  for (const c of CASES) {
    const hand = median(bench, `${c.name} / hand`);
    const compiled = median(bench, `${c.name} / compiled`);
    const mark = c.note === undefined ? '' : ` [${notes.push(c.note)}]`;
    console.log(
      [
        c.name.padEnd(32),
        hand.toFixed(3).padStart(13),
        compiled.toFixed(3).padStart(10),
        `${(compiled / hand).toFixed(2)}x`.padStart(7),
        mark,
      ].join(''),
    );
  }
  notes.forEach((note, i) => {
    console.log(`[${i + 1}] ${note}`);
  });
  console.log(
    'Every floor reads through the prototype chain; the predicate reads own properties only, one\n' +
      'hasOwnProperty call per property read, which is most of the difference on the cheapest tests.',
  );
  if (sink < 0) console.log(sink);
}

if (import.meta.url === `file://${process.argv[1]}`) await run();

/**
 * Completion latency on a 4 KB filter: `complete()` at three cursors (the end, after `and `; in an
 * enum value, `"Fa|iled"`, in the middle; a half-typed field near the start), against two floors
 * on the same text in the same run: the parse of the whole filter (what an editor's linter does on
 * every keystroke anyway) and the token scan of the parse benchmark (no parser can do less).
 * Prints the median microseconds per call and the ratios. Run alone with `npx tsx bench/complete.ts`.
 */

import { Bench } from 'tinybench';
import { complete, defineSchema, parse } from '../src/index.js';
import { runsAlone } from './root.js';
import { countTokens } from './token-scan.js';

const schema = defineSchema({
  fields: {
    status: {
      type: 'string',
      enum: ['Completed', 'Failed', 'Canceled', 'Executing'],
      operators: ['eq', 'in'],
    },
    start_time: { type: 'date-time', operators: ['eq', 'lt', 'le', 'gt', 'ge'] },
    name: { type: 'string', operators: ['eq', 'sw', 'co'] },
    'owner.id': { type: 'string', operators: ['eq', 'in'] },
    enabled: { type: 'boolean', operators: ['eq'] },
    count: { type: 'integer', operators: ['gt', 'le'] },
  },
});

const CLAUSES = [
  'status eq "Failed"',
  'start_time ge 2022-02-07T20:13:29Z',
  '(name sw "Jo" or owner.id in ("2c9180835d2e5168", "2c9180835d2e5169"))',
  'not enabled eq true',
  'count gt 12',
  'status in ("Completed", "Canceled")',
];

/** The filter has more comparisons than the parser's default 100. */
const PARSE_OPTIONS = { limits: { maxComparisons: 1000 } };

/** A filter of 4,000 to 4,096 characters (under the parser's default maxLength), ending in `and `. */
export function fourKilobyteFilter(): string {
  let text = '';
  for (let i = 0; text.length < 4000; i++) text += `${CLAUSES[i % CLAUSES.length]} and `;
  return text;
}

function median(bench: Bench, name: string): number {
  const task = bench.tasks.find((t) => t.name === name);
  const result = task?.result;
  if (!result || !('latency' in result)) throw new Error(`no result for ${name}`);
  return result.latency.p50 ?? Number.NaN;
}

export async function run(): Promise<void> {
  const text = fourKilobyteFilter();
  const parsed = parse(text.slice(0, -5), PARSE_OPTIONS);
  if (!parsed.ok)
    throw new Error(`the bench filter does not parse: ${JSON.stringify(parsed.diagnostics[0])}`);
  const middleString = text.indexOf('"Failed"', text.length / 2) + 3;
  const cursors = [
    { name: 'end, after `and `', offset: text.length },
    { name: 'enum value, middle', offset: middleString },
    { name: 'half-typed field, start', offset: 3 },
  ];
  for (const c of cursors) {
    if (complete(text, c.offset, { schema }).options.length === 0) throw new Error(`${c.name}: no options`);
  }
  const bench = new Bench({ time: 600, warmupTime: 300 });
  let sink = 0;
  bench.add('token scan', () => {
    sink += countTokens(text);
  });
  bench.add('parse', () => {
    sink += parse(text.slice(0, -5), PARSE_OPTIONS).diagnostics.length;
  });
  for (const c of cursors) {
    bench.add(c.name, () => {
      sink += complete(text, c.offset, { schema }).options.length;
    });
  }
  await bench.run();
  const scan = median(bench, 'token scan');
  const parseTime = median(bench, 'parse');
  console.log(`\nCompletion on a ${text.length}-character filter: median µs per call (tinybench, one run)`);
  console.log(`${'call'.padEnd(36)}${'µs'.padStart(9)}${'/ parse'.padStart(9)}${'/ scan'.padStart(9)}`);
  const row = (name: string, ms: number) =>
    console.log(
      `${name.padEnd(36)}${(ms * 1000).toFixed(1).padStart(9)}${`${(ms / parseTime).toFixed(2)}x`.padStart(9)}${`${(ms / scan).toFixed(1)}x`.padStart(9)}`,
    );
  row('token scan (floor)', scan);
  row('parse (whole filter)', parseTime);
  for (const c of cursors) row(`complete: ${c.name}`, median(bench, c.name));
  if (sink < 0) console.log(sink);
}

if (runsAlone(import.meta.url)) await run();

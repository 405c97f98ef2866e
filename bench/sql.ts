/**
 * Compile time per filter: `compileSql` for each dialect and `compilePredicate`, against parsing
 * the same filter (the step every request pays anyway), in the same run. Prints the median time
 * per call and each compiler's ratio to `parse`. Run alone with `npx tsx bench/sql.ts`.
 */

import { Bench } from 'tinybench';
import { compilePredicate, compileSql, parse, type Schema } from '../src/index.js';
import { runsAlone } from './root.js';

const schema: Schema = {
  fields: {
    status: { type: 'string', operators: ['eq', 'in', 'co'] },
    start_time: { type: 'date-time', operators: ['ge', 'lt', 'gt'] },
    name: { type: 'string', caseSensitive: true, operators: ['sw', 'eq'] },
    count: { type: 'integer', operators: ['gt', 'in'] },
    tags: { type: 'string', collection: true, operators: ['ca'] },
  },
};

const CASES: Readonly<Record<string, string>> = {
  'seed: status eq': 'status eq "Failed"',
  'date range': 'start_time ge 2022-02-07T20:13:29.356648026Z and start_time lt 2022-02-08',
  '10 terms, not/or/ca': [
    'status eq "Failed" and (name sw "job-" or count gt 10)',
    'and not (status co "50%_off" or tags ca ("a", "b"))',
    'and start_time gt 2022-01-01 and (count in (1, 2, 3) or name eq "x")',
  ].join(' '),
  'in (100 values)': `count in (${Array.from({ length: 100 }, (_, i) => i).join(', ')})`,
};

function median(bench: Bench, name: string): number {
  const result = bench.getTask(name)?.result;
  if (result === undefined || !('latency' in result)) throw new Error(`no result for ${name}`);
  return result.latency.p50 ?? result.latency.mean;
}

/** Runs the compile-time benchmark and prints the table with ratios. */
export async function run(): Promise<void> {
  const bench = new Bench({ time: 200, warmupTime: 50 });
  let sink = 0;
  for (const [name, text] of Object.entries(CASES)) {
    const parsed = parse(text);
    if (!parsed.ok) throw new Error(`${text}: ${JSON.stringify(parsed.diagnostics)}`);
    const ast = parsed.ast;
    bench.add(`${name} / parse`, () => {
      sink += parse(text).ok ? 1 : 0;
    });
    for (const dialect of ['postgres', 'sqlite'] as const) {
      bench.add(`${name} / ${dialect}`, () => {
        sink += compileSql(ast, { schema, dialect }).params.length;
      });
    }
    bench.add(`${name} / predicate`, () => {
      sink += compilePredicate(ast, { schema }).length;
    });
  }
  await bench.run();

  console.log('\nCompile time per filter: median µs per call, and the ratio to parsing the same filter');
  const columns = ['parse', 'postgres', 'sqlite', 'predicate'];
  console.log(['filter'.padEnd(22), ...columns.map((c) => c.padStart(17))].join(''));
  for (const name of Object.keys(CASES)) {
    const parseTime = median(bench, `${name} / parse`);
    const cells = columns.map((column) => {
      const t = median(bench, `${name} / ${column}`);
      const us = (t * 1000).toFixed(1);
      return (column === 'parse' ? `${us}` : `${us} (${(t / parseTime).toFixed(2)}x)`).padStart(17);
    });
    console.log([name.padEnd(22), ...cells].join(''));
  }
  if (sink < 0) console.log(sink);
}

if (runsAlone(import.meta.url)) await run();

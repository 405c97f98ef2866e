/**
 * `npm run bench`: v3-filters side by side with its peers and floors (agreement, parse, text to
 * predicate, evaluation, parse + validate + compileSql), the cost curves (bench/results/*.svg),
 * peak memory on a 1 MB filter, compile time per dialect, parse-time scaling on hostile input,
 * the schema-side scaling, completion latency, the reference server under load, the cold start
 * of fresh processes and the size of each entry point; then one table of ratios with each
 * target's pass/fail, also written to bench/results/summary.{json,md}. Each module exports `run()`.
 */
import { existsSync } from 'node:fs';
import { cpus } from 'node:os';
import { printSummary } from './report.js';

const modules = [
  'side-by-side',
  'curves',
  'memory',
  'sql',
  'scaling',
  'schemas',
  'complete',
  'server',
  'cold-start',
  'size',
];

const started = performance.now();
for (const name of modules) {
  const url = new URL(`./${name}.ts`, import.meta.url);
  if (!existsSync(url)) continue;
  const module = (await import(url.href)) as { run?: () => Promise<void> };
  if (typeof module.run !== 'function') throw new Error(`bench/${name}.ts exports no run()`);
  await module.run();
}

const cores = cpus();
const machine = `${cores.length} cores (${cores[0]?.model.trim() ?? 'unknown CPU'}), Node ${process.version}`;
const date = new Date().toISOString().slice(0, 16).replace('T', ' ');
printSummary(new URL('./results/', import.meta.url), `${machine}, ${date} UTC`);
console.log(`npm run bench: ${((performance.now() - started) / 1000).toFixed(0)} s`);

/**
 * `npm run bench`: v3-filters side by side with its peers and floors (agreement, parse, text to
 * predicate, evaluation, parse + validate + compileSql), the cost curves (bench/results/*.svg),
 * peak memory on a 1 MB filter, compile time per dialect, parse-time scaling on hostile input,
 * the schema-side scaling, completion latency, the reference server under load, other clients'
 * latency during one client's burst of expensive filters, the endpoint's queries on ClickHouse
 * against SQLite and PostgreSQL at two sizes, the cold start
 * of fresh processes and the size of each entry point; then one table of ratios with each
 * target's pass/fail, also written to bench/results/summary.{json,md}. Each module exports `run()`.
 */

import { cpus } from 'node:os';
import { run as coldStart } from './cold-start.js';
import { run as complete } from './complete.js';
import { run as curves } from './curves.js';
import { run as engines } from './engines.js';
import { run as fairness } from './fairness.js';
import { run as memory } from './memory.js';
import { printSummary } from './report.js';
import { RESULTS_URL } from './root.js';
import { run as scaling } from './scaling.js';
import { run as schemas } from './schemas.js';
import { run as server } from './server.js';
import { run as sideBySide } from './side-by-side.js';
import { run as size } from './size.js';
import { run as sql } from './sql.js';

// In the order they run. Static imports, so that scripts/bench.ts can bundle them into one file.
const modules: readonly (readonly [string, () => Promise<void>])[] = [
  ['side-by-side', sideBySide],
  ['curves', curves],
  ['memory', memory],
  ['sql', sql],
  ['scaling', scaling],
  ['schemas', schemas],
  ['complete', complete],
  ['server', server],
  ['fairness', fairness],
  ['engines', engines],
  ['cold-start', coldStart],
  ['size', size],
];

const started = performance.now();
for (const [, run] of modules) await run();

const cores = cpus();
const machine = `${cores.length} cores (${cores[0]?.model.trim() ?? 'unknown CPU'}), Node ${process.version}`;
const date = new Date().toISOString().slice(0, 16).replace('T', ' ');
printSummary(RESULTS_URL, `${machine}, ${date} UTC`);
console.log(`npm run bench: ${((performance.now() - started) / 1000).toFixed(0)} s`);

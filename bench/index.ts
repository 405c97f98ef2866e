/**
 * `npm run bench`: the parse benchmark, then the predicate and SQL benchmarks, the parse-time
 * scaling table and the completion latency when they are present, the reference server under
 * load, the cold start of fresh processes and the size of each entry point. Each module exports
 * `run()`.
 */
import { existsSync } from 'node:fs';

const modules = [
  'parse',
  'predicate',
  'sql',
  'scaling',
  'schemas',
  'complete',
  'server',
  'cold-start',
  'size',
];

for (const name of modules) {
  const url = new URL(`./${name}.ts`, import.meta.url);
  if (!existsSync(url)) continue;
  const module = (await import(url.href)) as { run?: () => Promise<void> };
  if (typeof module.run !== 'function') throw new Error(`bench/${name}.ts exports no run()`);
  await module.run();
}

/**
 * Where the benchmarks find the project, and whether a module runs alone. `npm run bench` runs
 * one esbuild bundle of bench/ (scripts/bench.ts: the library as users get it, without the
 * per-function naming tsx adds), so paths cannot be taken from each module's own URL.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

function findRoot(from: string): string {
  for (let dir = from; ; dir = dirname(dir)) {
    const manifest = join(dir, 'package.json');
    if (
      existsSync(manifest) &&
      (JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string }).name === 'v3-filters'
    )
      return dir;
    if (dirname(dir) === dir) throw new Error(`no v3-filters package.json above ${from}`);
  }
}

/** The project's root folder (where package.json is). */
export const ROOT = findRoot(dirname(fileURLToPath(import.meta.url)));

/** A path inside the project. */
export const inRoot = (...parts: string[]): string => join(ROOT, ...parts);

/** bench/results/, as a URL ending in a slash. */
export const RESULTS_URL = pathToFileURL(`${inRoot('bench', 'results')}/`);

/**
 * Whether the module at `moduleUrl` was started directly (`npx tsx bench/x.ts`). Inside the
 * bundle every module shares one URL, so there it is always false.
 */
export function runsAlone(moduleUrl: string): boolean {
  if (process.env.V3F_BENCH_BUNDLE === '1') return false;
  return process.argv[1] !== undefined && moduleUrl === pathToFileURL(process.argv[1]).href;
}

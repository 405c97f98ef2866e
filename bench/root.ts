/**
 * Where the benchmarks find the project, and whether a module runs alone. Inside the bundle that
 * `npm run bench` runs (scripts/bench.ts), every module keeps its own source file's
 * `import.meta.url`, so both work the same from source and from the bundle.
 */
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

/** The project's root folder (where package.json is). */
export const ROOT = fileURLToPath(new URL('../', import.meta.url));

/** A path inside the project. */
export const inRoot = (...parts: string[]): string => join(ROOT, ...parts);

/** bench/results/, as a URL ending in a slash. */
export const RESULTS_URL = new URL('./results/', import.meta.url);

/** Whether the module at `moduleUrl` was started directly (`npx tsx bench/x.ts`), not imported. */
export function runsAlone(moduleUrl: string): boolean {
  return process.argv[1] !== undefined && moduleUrl === pathToFileURL(process.argv[1]).href;
}

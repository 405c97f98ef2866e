import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root. */
export const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
/** The built CLI module the bin shim imports. */
export const BUILT_MAIN = join(ROOT, 'dist', 'cli', 'main.js');

function newestSource(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestSource(path));
    else if (entry.name.endsWith('.ts')) newest = Math.max(newest, statSync(path).mtimeMs);
  }
  return newest;
}

function fresh(): boolean {
  return existsSync(BUILT_MAIN) && statSync(BUILT_MAIN).mtimeMs >= newestSource(join(ROOT, 'src'));
}

async function sleep(ms: number): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve, ms));
}

/**
 * Makes sure dist/ holds the current CLI. `npm test` builds before vitest; this covers running
 * the CLI tests alone after an edit. Test files run in parallel, so one builds under a lock
 * (an atomic mkdir) and the others wait for it.
 */
export async function ensureBuilt(): Promise<void> {
  if (fresh()) return;
  const key = createHash('sha256').update(ROOT).digest('hex').slice(0, 12);
  const lock = join(tmpdir(), `v3-filters-cli-build-${key}.lock`);
  for (let waited = 0; waited < 120_000; waited += 200) {
    try {
      mkdirSync(lock);
    } catch {
      await sleep(200);
      if (fresh()) return;
      continue;
    }
    try {
      if (!fresh()) {
        // The bundles only (esbuild ignores type errors; declarations are not needed here).
        execFileSync(
          process.execPath,
          [join(ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs'), 'scripts/build.ts', '--no-types'],
          { cwd: ROOT, stdio: 'pipe' },
        );
      }
    } finally {
      rmSync(lock, { recursive: true, force: true });
    }
    return;
  }
  throw new Error('timed out waiting for another test file to build dist/');
}

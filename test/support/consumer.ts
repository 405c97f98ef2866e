import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensureBuilt, ROOT } from '../cli/support/build.js';

/** What a consumer installs beside v3-filters: SailPoint's SDK, ESLint, typescript-eslint, TypeScript. */
export const CONSUMER_PACKAGES = [
  'sailpoint-api-client@1.4.15',
  'eslint@10.15.0',
  'typescript-eslint@8.73.0',
  'typescript@5.9.3',
] as const;

function run(command: string, args: readonly string[], cwd: string): string {
  return execFileSync(command, args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

/**
 * A new project that installs v3-filters from its packed tarball and the packages above from the
 * registry (npm's cache serves them after the first run), as a user's project would. Returns its
 * folder; the caller writes its files and removes it.
 */
export async function installConsumer(prefix: string): Promise<string> {
  await ensureBuilt();
  if (!existsSync(join(ROOT, 'dist', 'types', 'index.d.ts'))) {
    execFileSync(
      process.execPath,
      [join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.build.json'],
      {
        cwd: ROOT,
        stdio: 'pipe',
      },
    );
  }
  const dir = mkdtempSync(join(tmpdir(), prefix));
  const packed = JSON.parse(
    run('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', dir], ROOT),
  ) as {
    filename: string;
  }[];
  const app = join(dir, 'app');
  mkdirSync(app);
  writeFileSync(join(app, 'package.json'), JSON.stringify({ name: 'app', private: true, type: 'module' }));
  run(
    'npm',
    [
      'install',
      '--prefer-offline',
      '--no-audit',
      '--no-fund',
      '--ignore-scripts',
      join(dir, packed[0]!.filename),
      ...CONSUMER_PACKAGES,
    ],
    app,
  );
  return app;
}

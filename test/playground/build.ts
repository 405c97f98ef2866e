import { readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { build } from 'vite';

export const repository = resolve(import.meta.dirname, '../..');
export const distDirectory = join(repository, 'playground/dist');

function newest(path: string): number {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let latest = stat.mtimeMs;
  for (const entry of readdirSync(path)) {
    if (entry === 'dist' || entry === 'node_modules') continue;
    latest = Math.max(latest, newest(join(path, entry)));
  }
  return latest;
}

function builtAt(): number {
  try {
    return statSync(join(distDirectory, 'index.html')).mtimeMs;
  } catch {
    return -1;
  }
}

/**
 * Builds the playground as `npm run playground` does, unless `playground/dist` is newer than
 * everything it is built from (the page, the library, the grammar diagrams, the OpenAPI fixture).
 */
export async function ensurePlaygroundBuilt(): Promise<'built' | 'reused'> {
  const sources = ['playground', 'src', 'grammar', 'test/fixtures/openapi', 'scripts/entries.ts'].map((p) =>
    join(repository, p),
  );
  const latestSource = Math.max(...sources.map(newest));
  if (builtAt() > latestSource) return 'reused';
  await build({ configFile: join(repository, 'playground/vite.config.ts'), logLevel: 'warn' });
  return 'built';
}

/**
 * `npm run bench [-- <module>]`: bundles bench/index.ts (and the library's source with it) into one ES module
 * with esbuild, as the package's own build does, and runs it with plain `node`. Running the
 * benchmarks under tsx instead would time a different program: tsx keeps function names by
 * wrapping every named closure in a call that defines its `name`, which costs microseconds per
 * compiled filter that the published package does not pay.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build, type Plugin } from 'esbuild';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
// Each module keeps its own `import.meta.url` (its source file), so paths it resolves from there
// (results/, server/main.ts, the memory child) mean inside the bundle what they mean from source.
const ownUrls: Plugin = {
  name: 'own-import-meta',
  setup(plugin) {
    plugin.onLoad({ filter: /\.ts$/ }, (args) => {
      const text = readFileSync(args.path, 'utf8')
        .replaceAll('import.meta.url', JSON.stringify(pathToFileURL(args.path).href))
        .replaceAll('import.meta.dirname', JSON.stringify(dirname(args.path)))
        .replaceAll('import.meta.filename', JSON.stringify(args.path));
      return { contents: text, loader: 'ts' };
    });
  },
};

const outfile = join(ROOT, '.bench', 'index.mjs');
mkdirSync(dirname(outfile), { recursive: true });
// `npm run bench -- <module>` runs one module's run() alone (e.g. side-by-side), bundled the same way.
const only = process.argv[2];
if (only !== undefined && !/^[a-z-]+$/.test(only)) throw new Error(`not a bench module name: ${only}`);
await build({
  ...(only === undefined
    ? { entryPoints: [join(ROOT, 'bench', 'index.ts')] }
    : {
        stdin: {
          contents: `import { run } from './bench/${only}.ts';\nawait run();\n`,
          resolveDir: ROOT,
          sourcefile: 'bench-one.ts',
          loader: 'ts',
        },
      }),
  outfile,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  // Dependencies (tinybench, the peers, esbuild itself) load from node_modules as they are.
  packages: 'external',
  plugins: [ownUrls],
  logLevel: 'warning',
});
const result = spawnSync(
  process.execPath,
  [...process.execArgv.filter((a) => a.startsWith('--max')), outfile],
  {
    cwd: ROOT,
    stdio: 'inherit',
  },
);
process.exit(result.status ?? 1);

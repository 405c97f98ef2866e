/**
 * The size of each entry point (scripts/entries.ts) as a browser application gets it: the entry
 * bundled alone with esbuild for the browser, minified, everything it imports included (the
 * package's dependencies too), then gzipped. Target: `v3-filters/builder` at most 5 KB
 * min+gzip, a row of the closing table with its pass or fail. Run alone with `npx tsx bench/size.ts`.
 */

import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { bundleOptions } from '../scripts/build.js';
import { ENTRIES, type Entry } from '../scripts/entries.js';
import { addRow } from './report.js';
import { runsAlone } from './root.js';

/** The aim for `v3-filters/builder`, min+gzip: a client's bundle should barely notice it. */
export const BUILDER_TARGET_BYTES = 5 * 1024;

/** Minified and min+gzip bytes of `entry` bundled alone for a browser. */
export async function entrySize(entry: Entry): Promise<{ min: number; gzip: number }> {
  const options = bundleOptions();
  const result = await build({
    absWorkingDir: options.absWorkingDir!,
    plugins: options.plugins!,
    mainFields: ['browser', 'module', 'main'],
    entryPoints: [entry.source],
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    write: false,
    outdir: 'out',
    logLevel: 'warning',
  });
  const code = result.outputFiles.find((file) => file.path.endsWith('.js'))!.contents;
  return { min: code.length, gzip: gzipSync(code, { level: 9 }).length };
}

export async function run(): Promise<void> {
  console.log('\nEntry sizes (each bundled alone with esbuild for the browser, minified, gzip -9)');
  console.log(`${'entry'.padEnd(28)}${'min'.padStart(10)}${'min+gzip'.padStart(10)}`);
  for (const entry of ENTRIES) {
    const { min, gzip } = await entrySize(entry);
    const name = entry.subpath === '.' ? 'v3-filters' : `v3-filters/${entry.subpath.slice(2)}`;
    const kb = (bytes: number): string => `${(bytes / 1024).toFixed(1)} KB`;
    console.log(`${name.padEnd(28)}${kb(min).padStart(10)}${kb(gzip).padStart(10)}`);
    if (entry.subpath === './builder') {
      addRow({
        task: `${name}: min+gzip, KB`,
        ours: gzip / 1024,
        others: {},
        targets: [{ text: `at most ${BUILDER_TARGET_BYTES / 1024} KB`, pass: gzip <= BUILDER_TARGET_BYTES }],
        unit: 'KB',
      });
    }
  }
}

if (runsAlone(import.meta.url)) {
  await run();
}

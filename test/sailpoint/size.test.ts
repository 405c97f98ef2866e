import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { entrySize } from '../../bench/size.js';
import { bundleOptions } from '../../scripts/build.js';
import { ENTRIES } from '../../scripts/entries.js';

/**
 * `v3-filters/sailpoint` as a browser application gets it (bench/size.ts's measure): the whole
 * entry, and what a client that imports one class's schemas keeps of it (the data is plain
 * objects, so a bundler drops every class it does not reach). The root entry holds none of it.
 */
const ENTRY_BUDGET = 16 * 1024;
const ONE_CLASS_BUDGET = 1024;

async function bundled(contents: string): Promise<{ code: string; inputs: string[] }> {
  const result = await build({
    absWorkingDir: bundleOptions().absWorkingDir!,
    stdin: { contents, resolveDir: bundleOptions().absWorkingDir!, loader: 'ts' },
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    write: false,
    metafile: true,
    logLevel: 'warning',
  });
  return { code: result.outputFiles[0]!.text, inputs: Object.keys(result.metafile.inputs) };
}

describe('the sailpoint entry', () => {
  it(`stays within ${ENTRY_BUDGET / 1024} KB min+gzip whole`, async () => {
    const { gzip } = await entrySize(ENTRIES.find((e) => e.subpath === './sailpoint')!);
    expect(gzip).toBeLessThanOrEqual(ENTRY_BUDGET);
  });

  it(`keeps one class's schemas under ${ONE_CLASS_BUDGET} bytes min+gzip when only they are imported`, async () => {
    const { code } = await bundled(
      "import { AccessProfilesBetaApiFilters } from './src/sailpoint/index.ts'; console.log(AccessProfilesBetaApiFilters);",
    );
    expect(code).toContain('listAccessProfiles');
    expect(code).not.toContain('listSodPolicies');
    expect(gzipSync(code, { level: 9 }).length).toBeLessThanOrEqual(ONE_CLASS_BUDGET);
  });

  it('is not part of the root entry', async () => {
    const { inputs } = await bundled("export * from './src/index.ts';");
    expect(inputs.filter((input) => input.includes('src/sailpoint/'))).toEqual([]);
  });
});

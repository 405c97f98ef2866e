import { gzipSync } from 'node:zlib';
import { build, type Plugin } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { readManual } from '../../support/manual.js';

/** Everything the extension imports from the library itself (`../…` out of src/integrations/codemirror) stays out. */
const libraryExternal: Plugin = {
  name: 'library-external',
  setup(context) {
    context.onResolve({ filter: /^\.\.\// }, (args) =>
      args.importer.includes('/src/integrations/codemirror/')
        ? { path: args.path, external: true }
        : undefined,
    );
  },
};

async function bundle(plugins: Plugin[]): Promise<{ code: string; gzip: number }> {
  const result = await build({
    entryPoints: ['src/integrations/codemirror/index.ts'],
    bundle: true,
    minify: true,
    format: 'esm',
    // A browser build: any Node-only import would fail it.
    platform: 'browser',
    write: false,
    logLevel: 'silent',
    external: ['@codemirror/*', '@lezer/*'],
    plugins,
  });
  const bytes = result.outputFiles[0]!.contents;
  return { code: new TextDecoder().decode(bytes), gzip: gzipSync(bytes, { level: 9 }).length };
}

describe('the CodeMirror entry as a browser bundle (CodeMirror itself external)', () => {
  it('stays small: its own code under 4 KB min+gzip, with the library parts it uses under 80 KB', async () => {
    const own = await bundle([libraryExternal]);
    const whole = await bundle([]);
    expect(own.gzip).toBeLessThan(4 * 1024);
    expect(whole.gzip).toBeLessThan(80 * 1024);
    // The README's figures are these, within 10%.
    const readme = readManual();
    const stated =
      /gzipped with CodeMirror and Lezer left out: ([\d.]+) KB for the extension's own\s+code, ([\d.]+) KB with/.exec(
        readme,
      );
    expect(stated).not.toBeNull();
    expect(Math.abs(Number(stated![1]) * 1024 - own.gzip) / own.gzip).toBeLessThan(0.1);
    expect(Math.abs(Number(stated![2]) * 1024 - whole.gzip) / whole.gzip).toBeLessThan(0.1);
    // CodeMirror is imported, not bundled.
    expect(whole.code).toMatch(/from"@codemirror\/view"/);
    expect(whole.code).not.toContain('class EditorView');
  });
});

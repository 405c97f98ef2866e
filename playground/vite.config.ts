import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';
import { ENTRIES } from '../scripts/entries.js';
// The `v3-filters` entry itself (this file runs in Node, at build time, outside the page's aliases).
import { importOpenApi } from '../src/index.js';

const here = dirname(fileURLToPath(import.meta.url));
const repository = resolve(here, '..');
const SAILPOINT_ID = 'virtual:sailpoint-endpoints';

/**
 * SailPoint's V3 document is 1.9 MB; the page needs only the 44 imported endpoints. They are
 * imported here, at build time, by the same `importOpenApi` the page runs on a pasted document.
 */
function sailpointEndpoints(): Plugin {
  return {
    name: 'v3f-sailpoint-endpoints',
    resolveId: (id) => (id === SAILPOINT_ID ? `\0${SAILPOINT_ID}` : undefined),
    load(id) {
      if (id !== `\0${SAILPOINT_ID}`) return undefined;
      const file = resolve(repository, 'test/fixtures/openapi/sailpoint-api.v3.json');
      this.addWatchFile(file);
      const imported = importOpenApi(readFileSync(file, 'utf8'));
      const endpoints = imported.endpoints.map(({ method, path, operationId, schema, example }) => ({
        method,
        path,
        operationId,
        schema,
        example,
      }));
      return `export default ${JSON.stringify(endpoints)};`;
    },
  };
}

/**
 * The railroad diagrams of `grammar/diagrams.html`, beside the page, with their inline scripts and
 * styles moved into files of their own (`diagrams-1.js`..., `diagrams.css`), in the same order:
 * the reference server sends a Content-Security-Policy that runs no inline script, and the page
 * and its frame keep working under it.
 */
function railroadDiagrams(): Plugin {
  return {
    name: 'v3f-railroad-diagrams',
    generateBundle() {
      const page = readFileSync(resolve(repository, 'grammar/diagrams.html'), 'utf8');
      const styles: string[] = [];
      let scripts = 0;
      const html = page
        .replace(/<style>([\s\S]*?)<\/style>/g, (_match, css: string) => {
          styles.push(css);
          return styles.length === 1 ? '<link rel="stylesheet" href="./diagrams.css" />' : '';
        })
        .replace(/<script>([\s\S]*?)<\/script>/g, (_match, code: string) => {
          const fileName = `diagrams-${++scripts}.js`;
          this.emitFile({ type: 'asset', fileName, source: code });
          return `<script src="./${fileName}"></script>`;
        });
      if (styles.length > 0)
        this.emitFile({ type: 'asset', fileName: 'diagrams.css', source: styles.join('\n') });
      this.emitFile({ type: 'asset', fileName: 'diagrams.html', source: html });
    },
  };
}

/**
 * The page imports the package by its entries only (`v3-filters`, `v3-filters/codemirror`), as
 * an application would: each name resolves to its entry's source (scripts/entries.ts), so the
 * page is built from the library as it is now, without `npm run build`.
 */
const entryAliases = ENTRIES.map((entry) => ({
  // `.` is `v3-filters`, `./codemirror` is `v3-filters/codemirror`.
  find: new RegExp(`^v3-filters${entry.subpath.slice(1)}$`),
  replacement: resolve(repository, entry.source),
}));

export default defineConfig({
  root: here,
  resolve: { alias: entryAliases },
  // Relative asset URLs: the page works from any folder or server path.
  base: './',
  logLevel: 'warn',
  plugins: [sailpointEndpoints(), railroadDiagrams()],
  build: { outDir: resolve(here, 'dist'), emptyOutDir: true, target: 'es2022', chunkSizeWarningLimit: 2048 },
  server: { host: '127.0.0.1' },
});

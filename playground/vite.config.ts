import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';
import { importOpenApi } from '../src/openapi/import.js';

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

/** The railroad diagrams of `grammar/diagrams.html`, copied beside the page. */
function railroadDiagrams(): Plugin {
  return {
    name: 'v3f-railroad-diagrams',
    generateBundle() {
      this.emitFile({
        type: 'asset',
        fileName: 'diagrams.html',
        source: readFileSync(resolve(repository, 'grammar/diagrams.html'), 'utf8'),
      });
    },
  };
}

export default defineConfig({
  root: here,
  // Relative asset URLs: the page works from any folder or server path.
  base: './',
  logLevel: 'warn',
  plugins: [sailpointEndpoints(), railroadDiagrams()],
  build: { outDir: resolve(here, 'dist'), emptyOutDir: true, target: 'es2022', chunkSizeWarningLimit: 2048 },
  server: { host: '127.0.0.1' },
});

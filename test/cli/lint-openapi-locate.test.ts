import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { expectLinear, ratiosPerDoublingAsync } from '../support/growth.js';
import { runInProcess } from './support/in-process.js';

/**
 * `lint-openapi` points at each example by the document's structure (the node of that
 * operation's `filters` parameter), never at the first text that looks like it, and finds them
 * all in time linear in the document's size.
 */

const HEADER = 'Filtering is supported for the following fields and operators:\n\n';

function operation(fields: string, example: string) {
  return {
    get: {
      parameters: [{ in: 'query', name: 'filters', description: `${HEADER}${fields}`, example }],
      responses: { '200': { description: 'ok' } },
    },
  };
}

/** `/a` accepts `x eq 1`, `/b` does not; `/a` carries a key `/b` (with a `get`) in an extension. */
const DECOY = {
  openapi: '3.0.0',
  paths: {
    '/a': {
      'x-related': { '/b': { get: { note: 'x eq 1' } } },
      ...operation('**x**: *eq*', 'x eq 1'),
    },
    '/b': operation('**y**: *eq*', 'x eq 1'),
  },
};

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'v3f-locate-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface SarifRegion {
  readonly startLine: number;
  readonly charOffset: number;
}

async function regionsOf(name: string, text: string): Promise<{ where: string; region: SarifRegion }[]> {
  const path = join(dir, name);
  writeFileSync(path, text);
  const run = await runInProcess(['lint-openapi', path, '--format', 'sarif']);
  const log = JSON.parse(run.stdout) as {
    runs: {
      results: {
        locations: {
          physicalLocation: { region: SarifRegion };
          logicalLocations: { fullyQualifiedName: string }[];
        }[];
      }[];
    }[];
  };
  return log.runs[0]!.results.map((r) => ({
    where: r.locations[0]!.logicalLocations[0]!.fullyQualifiedName,
    region: r.locations[0]!.physicalLocation.region,
  }));
}

describe('lint-openapi locates each example by the document structure', () => {
  it.each([
    ['JSON', 'decoy.json', JSON.stringify(DECOY, null, 2), 'x eq 1'],
    ['YAML', 'decoy.yaml', stringify(DECOY), 'x eq 1'],
  ])(
    "%s: a key `/b` inside `/a` does not move GET /b's error onto /a's example",
    async (_, name, text, written) => {
      const results = await regionsOf(name, text);
      expect(results.map((r) => r.where)).toEqual(['GET /b']);
      // The oracle: GET /b's example is the last time the example is written (the document puts /b last).
      expect(results[0]!.region.charOffset).toBe(text.lastIndexOf(written));
    },
  );

  it('a shared parameter (a $ref) points at the shared example', async () => {
    const document = {
      openapi: '3.0.0',
      paths: { '/c': { get: { parameters: [{ $ref: '#/components/parameters/f' }] } } },
      components: {
        parameters: {
          f: { in: 'query', name: 'filters', description: `${HEADER}**y**: *eq*`, example: 'x eq 2' },
        },
      },
    };
    const text = JSON.stringify(document, null, 2);
    const results = await regionsOf('shared.json', text);
    expect(results[0]!.region.charOffset).toBe(text.indexOf('x eq 2'));
  });

  it('takes time linear in the number of operations', async () => {
    const documentOf = (n: number) => {
      const paths: Record<string, unknown> = {};
      for (let i = 0; i < n; i++) paths[`/p${i}`] = operation('**y**: *eq*', 'y eq 1');
      const path = join(dir, `ops-${n}.json`);
      writeFileSync(path, JSON.stringify({ openapi: '3.0.0', paths }, null, 1));
      return path;
    };
    const ratios = await ratiosPerDoublingAsync(
      (path: string) => runInProcess(['lint-openapi', path, '--format', 'json']),
      documentOf,
      { sizes: [2000, 4000, 8000], samples: 2 },
    );
    expectLinear(ratios);
  }, 180_000);
});

import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt } from './support/build.js';
import { runCli } from './support/run-cli.js';

/** The count of operations that take filters agrees with its verb: "1 operation takes". */
let dir: string;

/** A document with `n` operations that take filters, each with a passing example. */
function document(n: number): string {
  const paths: Record<string, unknown> = {};
  for (let i = 0; i < n; i++) {
    paths[`/things${i}`] = {
      get: {
        operationId: `listThings${i}`,
        parameters: [
          {
            in: 'query',
            name: 'filters',
            example: 'id eq "x"',
            description: 'Filtering is supported for the following fields and operators:\n\n**id**: *eq*',
          },
        ],
      },
    };
  }
  const path = join(dir, `${n}.json`);
  writeFileSync(path, JSON.stringify({ openapi: '3.0.0', info: { title: 't', version: '1' }, paths }));
  return path;
}

beforeAll(async () => {
  await ensureBuilt();
  dir = mkdtempSync(join(tmpdir(), 'v3-filters-count-'));
});

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('the number of operations, in words', () => {
  it('lint-openapi: "1 operation takes filters", "2 operations take filters"', async () => {
    // (The untyped fields add a note after the verdict.)
    expect((await runCli(['lint-openapi', document(1)])).stdout).toMatch(
      /^1 operation takes filters, 1 with an example: every example passes;/,
    );
    expect((await runCli(['lint-openapi', document(2)])).stdout).toMatch(
      /^2 operations take filters, 2 with an example: every example passes;/,
    );
  });

  it('an unknown --endpoint: "(1 operation takes filters; ...)"', async () => {
    for (const [n, words] of [
      [1, '1 operation takes filters'],
      [2, '2 operations take filters'],
    ] as const) {
      const run = await runCli(['lint', 'id eq "x"', '--openapi', document(n), '--endpoint', 'GET /nothing']);
      expect(run.code).toBe(2);
      expect(run.stderr).toContain(`(${words}; \`v3-filters endpoints --openapi F\` lists them)`);
    }
  });
});

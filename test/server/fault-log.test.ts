import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { faultLogLine } from '../../server/fault-log.js';
import { SAMPLE_WORKFLOWS } from '../../server/seed/sample.js';
import { spawnServer } from './support/child.js';
import { get } from './support/servers.js';

/**
 * The real server process's log of unexpected faults: one line per 500, carrying the trackingId
 * its client got, so a fault hitting every request does not bury the log; the stack only with
 * NODE_ENV=development.
 */
const PATH = `/v3/workflows/${SAMPLE_WORKFLOWS[1]!.id}/executions?filters=status+eq+%22Failed%22`;
const directory = mkdtempSync(join(tmpdir(), 'v3f-faults-'));
afterAll(() => rmSync(directory, { recursive: true, force: true }));

/** Starts the server, breaks its table for three requests, and returns their tracking ids and the log. */
async function faultsLogged(nodeEnv: string): Promise<{ ids: string[]; log: string[] }> {
  const sqlitePath = join(directory, `${nodeEnv}.sqlite`);
  const server = await spawnServer({
    SEED_EXECUTIONS: '300',
    RATE_LIMIT: '0',
    SQLITE_PATH: sqlitePath,
    NODE_ENV: nodeEnv,
  });
  try {
    const before = server.output().length;
    const admin = new Database(sqlitePath);
    const ids: string[] = [];
    try {
      admin.exec('ALTER TABLE workflow_executions RENAME TO executions_away');
      for (let i = 0; i < 3; i++) {
        const answer = await get(server.url, PATH);
        expect(answer.status).toBe(500);
        ids.push((answer.body as { trackingId: string }).trackingId);
      }
      admin.exec('ALTER TABLE executions_away RENAME TO workflow_executions');
    } finally {
      admin.close();
    }
    expect((await get(server.url, PATH)).status).toBe(200);
    // The log is written before each answer is sent; give the pipe a moment to deliver it.
    for (let wait = 0; wait < 50 && !ids.every((id) => server.output().includes(id)); wait++) {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    return {
      ids,
      log: server
        .output()
        .slice(before)
        .split('\n')
        .filter((line) => line !== ''),
    };
  } finally {
    await server.stop();
  }
}

describe('the log of a 500', () => {
  it('is one line per fault with its trackingId, request and error, and no stack', async () => {
    const { ids, log } = await faultsLogged('production');
    expect(new Set(ids).size).toBe(3);
    const faults = log.filter((line) => line.startsWith('500 '));
    expect(faults).toHaveLength(3);
    expect(log.filter((line) => /^\s+at |Error/.test(line) && !line.startsWith('500 '))).toEqual([]);
    for (const [index, id] of ids.entries()) {
      expect(faults[index]).toMatch(
        new RegExp(
          `^500 ${id} GET /v3/workflows/[^ ]+/executions\\?filters=status\\+eq\\+%22Failed%22: \\w*Error: .*workflow_executions`,
        ),
      );
    }
  });

  it('is followed by the stack with NODE_ENV=development', async () => {
    const { ids, log } = await faultsLogged('development');
    for (const id of ids) {
      const at = log.findIndex((line) => line.startsWith(`500 ${id} `));
      expect(at).toBeGreaterThanOrEqual(0);
      expect(log[at + 1]).toMatch(/Error/);
      expect(log[at + 2]).toMatch(/^\s+at /);
    }
  });
});

describe('a fault line, whatever the error and URL hold', () => {
  it('is one line of printable characters: no line break, control, bidi or zero-width character raw', () => {
    const text = fc.string({ unit: 'binary', maxLength: 200 });
    fc.assert(
      fc.property(text, text, fc.boolean(), (message, url, thrownString) => {
        const error = thrownString ? message : new Error(message);
        const line = faultLogLine(error, { trackingId: 'f'.repeat(32), method: 'GET', url }, false);
        expect(line.startsWith(`500 ${'f'.repeat(32)} GET `)).toBe(true);
        expect(line).not.toMatch(/[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\p{Cs}]/u);
      }),
      { numRuns: 500 },
    );
  });
});

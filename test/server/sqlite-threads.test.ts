import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { StoreBusyError } from '../../server/store/busy.js';
import { SqliteThreads } from '../../server/store/sqlite-threads.js';
import { holdSqliteLock } from './support/sqlite-lock.js';

/**
 * A statement that keeps SQLite busy well past the 1 s budget on any machine (it counts 25 million
 * rows it makes: about 3 s on an idle core, over 10 s on a loaded two-core machine), and still ends
 * within the tests' wait for retired threads.
 */
const LONG = {
  sql: 'WITH RECURSIVE n(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM n WHERE x < 25000000) SELECT count(*) AS c FROM n',
  params: [],
  mode: 'get',
} as const;
const QUICK = { sql: 'SELECT count(*) AS c FROM t', params: [], mode: 'get' } as const;

let directory: string;
let path: string;
let threads: SqliteThreads | undefined;
beforeAll(() => {
  directory = mkdtempSync(join(tmpdir(), 'v3f-threads-'));
  path = join(directory, 'threads.sqlite');
  const db = new Database(path);
  db.exec('CREATE TABLE t (x INTEGER); INSERT INTO t VALUES (1), (2), (3)');
  db.close();
});
afterEach(async () => {
  await threads?.close();
  threads = undefined;
});
afterAll(() => rmSync(directory, { recursive: true, force: true }));

async function busyReason(work: Promise<unknown>): Promise<string> {
  const error = await work.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(StoreBusyError);
  return (error as StoreBusyError).reason;
}

describe('SQLite reader threads: a time budget on statements the driver cannot interrupt', () => {
  it('answers StoreBusyError past the budget, and the next statement runs on a fresh thread', async () => {
    threads = new SqliteThreads({ path, threads: 1, budgetMs: 1_000 });
    expect(await threads.run([QUICK])).toEqual([{ c: 3 }]);
    expect(await busyReason(threads.run([LONG]))).toBe('statement-timeout');
    // The only reader was busy with the long statement: it was replaced, not waited for.
    expect(await threads.run([QUICK])).toEqual([{ c: 3 }]);
  });

  it('bounds the threads a run of expensive statements can tie up: past that, jobs wait for a thread within their budget', async () => {
    threads = new SqliteThreads({ path, threads: 1, budgetMs: 1_000 });
    const reasons = await Promise.all(Array.from({ length: 4 }, () => busyReason(threads!.run([LONG]))));
    // One reader and one retiring thread at most: of four jobs at once, the first runs (and is
    // retired), the second runs on its replacement (and is retired), the others find no thread in time.
    expect(reasons.filter((r) => r === 'statement-timeout').length).toBeLessThanOrEqual(2);
    expect(reasons).toContain('no-connection');
    // Once the retired threads end, the pool serves again.
    await expect
      .poll(
        () =>
          threads!.run([QUICK]).then(
            (r) => r,
            () => 'busy',
          ),
        { timeout: 60_000, interval: 200 },
      )
      .toEqual([{ c: 3 }]);
  });

  it('a lock held by another process is a busy answer (SQLite ends its own wait first), and the reader serves again once it is gone', async () => {
    threads = new SqliteThreads({ path, threads: 1, budgetMs: 2_000 });
    expect(await threads.run([QUICK])).toEqual([{ c: 3 }]);
    const lock = await holdSqliteLock(path);
    try {
      // SQLite's own busy_timeout ends the wait a little before the budget: the reader answers.
      expect(await busyReason(threads.run([QUICK]))).toBe('lock');
    } finally {
      await lock.release();
    }
    expect(await threads.run([QUICK])).toEqual([{ c: 3 }]);
  });

  it("a failing statement is the caller's error (not a busy one), and the thread serves the next job", async () => {
    threads = new SqliteThreads({ path, threads: 1, budgetMs: 5_000 });
    await expect(threads.run([{ sql: 'SELECT * FROM missing', params: [], mode: 'all' }])).rejects.toThrow(
      /no such table: missing/,
    );
    expect(await threads.run([QUICK])).toEqual([{ c: 3 }]);
  });
});

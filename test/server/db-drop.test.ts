import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { readConfig } from '../../server/config.js';
import { dropServerTables } from '../../server/drop.js';
import { openPostgresStore } from '../../server/store/postgres.js';
import { openSqliteStore } from '../../server/store/sqlite.js';
import { openTestPostgres, testPostgresUrl } from '../support/postgres.js';

/** `npm run db:drop` removes what `npm start` created, and nothing that is not the server's. */
const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const directory = mkdtempSync(join(tmpdir(), 'v3f-drop-'));
afterAll(() => rmSync(directory, { recursive: true, force: true }));

describe.skipIf(testPostgresUrl() === undefined)('db:drop on PostgreSQL', () => {
  it('drops the two tables `npm start` created in the first schema of search_path, then has nothing to drop', async () => {
    const pg = await openTestPostgres('http_drop');
    try {
      // What npm start does on first start: create and seed.
      await openPostgresStore(pg, 200);
      const tables = async () =>
        (
          await pg.query<{ name: string }>(
            'SELECT table_name AS name FROM information_schema.tables WHERE table_schema = current_schema() ORDER BY 1',
          )
        ).rows.map((row) => row.name);
      expect(await tables()).toEqual(['workflow_executions', 'workflows']);
      const env = {
        ...process.env,
        DATABASE_URL: testPostgresUrl()!,
        PGOPTIONS: `-c search_path=${pg.schema}`,
      };
      const run = await promisify(execFile)('npm', ['run', '--silent', 'db:drop'], { cwd: ROOT, env });
      expect(run.stdout).toBe('Dropped workflow_executions and workflows from PostgreSQL.\n');
      expect(await tables()).toEqual([]);
      const again = await promisify(execFile)('npm', ['run', '--silent', 'db:drop'], { cwd: ROOT, env });
      expect(again.stdout).toBe('Nothing to drop: no table of the reference server in PostgreSQL.\n');

      // A table of that name but another shape is someone else's: left alone, and the command fails.
      await pg.exec('CREATE TABLE workflows (id integer PRIMARY KEY, title text)');
      const refused = await promisify(execFile)('npm', ['run', '--silent', 'db:drop'], {
        cwd: ROOT,
        env,
      }).catch((error: { code: number; stderr: string }) => error);
      expect(refused).toMatchObject({ code: 1 });
      expect((refused as { stderr: string }).stderr).toMatch(
        /^error: the table workflows in schema \S+ has other columns than the server's: not dropped\n/,
      );
      expect(await tables()).toEqual(['workflows']);
    } finally {
      await pg.close();
    }
  });
});

describe('db:drop on SQLite', () => {
  it('removes the file the server created, and only the server tables of a file that holds others', async () => {
    const path = join(directory, 'server.sqlite');
    await openSqliteStore({ path, executions: 100 }).close();
    expect(existsSync(path)).toBe(true);
    expect(await dropServerTables(readConfig({ SQLITE_PATH: path }))).toBe(
      `Dropped workflow_executions and workflows from ${path}.`,
    );
    expect(existsSync(path)).toBe(false);
    expect(await dropServerTables(readConfig({ SQLITE_PATH: path }))).toMatch(/^Nothing to drop/);

    const shared = join(directory, 'shared.sqlite');
    await openSqliteStore({ path: shared, executions: 100 }).close();
    const db = new Database(shared);
    db.exec("CREATE TABLE notes (body text); INSERT INTO notes VALUES ('kept')");
    db.close();
    await dropServerTables(readConfig({ SQLITE_PATH: shared }));
    const after = new Database(shared, { readonly: true });
    try {
      expect(
        after
          .prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite%'")
          .all(),
      ).toEqual([{ name: 'notes' }]);
      expect(after.prepare('SELECT body FROM notes').all()).toEqual([{ body: 'kept' }]);
    } finally {
      after.close();
    }
  });
});

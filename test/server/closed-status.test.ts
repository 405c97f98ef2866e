import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closedStatusSchema, executionsSchema } from '../../server/routes/executions.js';
import { CLOSED_STATUS_CONSTRAINT, EXECUTION_STATUSES, schemaStatements } from '../../server/store/ddl.js';
import { pgHasClosedStatus } from '../../server/store/postgres.js';
import { seedSqlite, sqliteHasClosedStatus } from '../../server/store/sqlite.js';
import { compileSql, parse, type Schema, workflowExecutionsSchema } from '../../src/index.js';
import { openTestPostgres, type TestPostgres } from '../support/postgres.js';

/** The tables as a version without the status constraint made them. */
const withoutCheck = (dialect: 'sqlite' | 'postgres') =>
  schemaStatements(dialect).map((statement) => statement.replace(/ CONSTRAINT \w+ CHECK \([^)]*\)\)/, ''));

const ROW = ['e1', 'w1', 'r1', '2026-09-15T10:00:00.000000000Z', null];

function notFailed(schema: Schema): string {
  const parsed = parse('not status eq "Failed"');
  if (!parsed.ok) throw new Error('parse');
  return compileSql(parsed.ast, { schema, dialect: 'sqlite' }).sql;
}

describe('the reference table holds status to the enum, and the endpoint relies on it only where it does', () => {
  it('declares status closed only for a store that found the constraint', () => {
    expect(EXECUTION_STATUSES).toEqual(workflowExecutionsSchema.fields.status.enum);
    expect(executionsSchema({ closedStatus: true })).toBe(closedStatusSchema);
    expect(notFailed(executionsSchema({ closedStatus: true }))).toBe(
      '(lower("status") IN (lower(?), lower(?), lower(?)) OR lower("status") IS NULL)',
    );
    for (const store of [{ closedStatus: false }, {}]) {
      expect(executionsSchema(store)).toBe(workflowExecutionsSchema);
      expect(notFailed(executionsSchema(store))).toBe(
        'NOT ("status" IS NOT NULL AND lower("status") = lower(?))',
      );
    }
  });

  describe('SQLite', () => {
    let directory: string;
    beforeAll(() => {
      directory = mkdtempSync(join(tmpdir(), 'v3f-closed-'));
    });
    afterAll(() => rmSync(directory, { recursive: true, force: true }));

    it('a seeded file has the constraint, which refuses another status; a file made without it is found so', () => {
      const seeded = join(directory, 'seeded.sqlite');
      seedSqlite(seeded, () => ({ workflows: [], executions: [] }));
      expect(sqliteHasClosedStatus(seeded)).toBe(true);
      const db = new Database(seeded);
      db.exec("INSERT INTO workflows VALUES ('w1', 'n', 'd', 1, '2026-01-01T00:00:00.000000000Z')");
      const insert = db.prepare('INSERT INTO workflow_executions VALUES (?, ?, ?, ?, ?, ?)');
      expect(() => insert.run(...ROW, 'Zombie')).toThrow(new RegExp(CLOSED_STATUS_CONSTRAINT));
      expect(() => insert.run(...ROW, 'failed')).toThrow(/CHECK constraint failed/);
      insert.run(...ROW, 'Failed');
      db.close();

      const old = join(directory, 'old.sqlite');
      const plain = new Database(old);
      for (const statement of withoutCheck('sqlite')) plain.exec(statement);
      plain.close();
      expect(sqliteHasClosedStatus(old)).toBe(false);
    });
  });

  describe('PostgreSQL', () => {
    let pg: TestPostgres;
    beforeAll(async () => {
      pg = await openTestPostgres('closedstatus');
    });
    afterAll(async () => {
      await pg?.close();
    });

    it('the constraint refuses another status and is found; a table made without it is found so', async () => {
      expect(await pgHasClosedStatus(pg)).toBe(false);
      for (const statement of withoutCheck('postgres')) await pg.query(statement);
      expect(await pgHasClosedStatus(pg)).toBe(false);
      await pg.exec('DROP TABLE workflow_executions; DROP TABLE workflows');
      for (const statement of schemaStatements('postgres')) await pg.query(statement);
      expect(await pgHasClosedStatus(pg)).toBe(true);
      await pg.query("INSERT INTO workflows VALUES ('w1', 'n', 'd', true, '2026-01-01T00:00:00.000000000Z')");
      const insert = (status: string) =>
        pg.query('INSERT INTO workflow_executions VALUES ($1, $2, $3, $4, $5, $6)', [...ROW, status]);
      await expect(insert('Zombie')).rejects.toThrow(new RegExp(CLOSED_STATUS_CONSTRAINT));
      await insert('Failed');
    });
  });
});

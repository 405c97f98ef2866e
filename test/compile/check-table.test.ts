import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type mysql from 'mysql2/promise';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkTable, type TableProblem } from '../../src/compile/sql/index.js';
import type { Schema } from '../../src/schema/types.js';
import { runInProcess } from '../cli/support/in-process.js';
import { openTestPostgres, type TestPostgres, testPostgresUrl } from '../support/postgres.js';
import { MYSQL_URL, type MysqlScratch, openMysql } from './support/mysql.js';

const eq = ['eq'] as const;

/** A schema whose table fits, and which each test breaks in one planted way per field. */
const schema: Schema = {
  fields: {
    id: { type: 'integer', operators: eq },
    name: { type: 'string', operators: eq },
    start_time: { type: 'date-time', operators: eq, storage: 'timestamp' },
    created: { type: 'date-time', operators: eq },
    score: { type: 'number', operators: eq },
    done: { type: 'boolean', operators: eq },
    tags: { type: 'string', operators: ['ca'], collection: true },
    extra: { type: 'unknown', operators: eq },
  },
};

/** The planted mismatches: fields whose column breaks what the compiler needs. */
const planted: Schema = {
  fields: {
    ...schema.fields,
    // A date-time declared native, on a text column.
    created: { type: 'date-time', operators: eq, storage: 'timestamp' },
    // A date-time left as text, on a native column.
    ended: { type: 'date-time', operators: eq },
    // A column the table does not have.
    owner: { type: 'string', operators: eq },
  },
};

const codes = (problems: readonly TableProblem[]) => problems.map((p) => `${p.field} ${p.code}`).sort();

const PG_QUERY = `SELECT c.column_name, c.data_type, c.udt_name, c.collation_name,
  (SELECT k.collisdeterministic FROM pg_collation k WHERE k.collname = c.collation_name LIMIT 1) AS deterministic
  FROM information_schema.columns c WHERE c.table_name = 'ct_runs' AND c.table_schema = current_schema()`;

describe('checkTable: an existing table checked against a schema', () => {
  describe('PostgreSQL', () => {
    let db: TestPostgres;
    beforeAll(async () => {
      db = await openTestPostgres('checktable');
      await db.exec(`CREATE TABLE ct_runs (id bigint, name text, start_time timestamptz, created varchar(40),
        score double precision, done boolean, tags text[], extra jsonb, ended timestamp)`);
    });
    afterAll(async () => {
      await db?.close();
    });

    it('finds each planted mismatch, one per field, and nothing in a table that fits', async () => {
      const { rows } = await db.query<Record<string, unknown>>(PG_QUERY);
      expect(checkTable(schema, { dialect: 'postgres', columns: rows })).toEqual([]);
      const problems = checkTable(planted, { dialect: 'postgres', columns: rows });
      expect(codes(problems)).toEqual([
        'created table-column-type',
        'ended table-column-type',
        'owner table-missing-column',
      ]);
      expect(problems.map((p) => p.message)).toEqual([
        "`created` (column `created`): the column is `varchar`; a date-time field in storage 'timestamp' needs one of `timestamptz`, `timestamp`.",
        "`ended` (column `ended`): the column is `timestamp`; a date-time field in storage 'text' needs one of `text`, `varchar`. It is a native timestamp column: declare the field `storage: 'timestamp'`.",
        '`owner` (column `owner`): the table has no such column.',
      ]);
      // The storage option decides as compileSql's does.
      expect(
        checkTable(planted, {
          dialect: 'postgres',
          columns: rows,
          storage: { created: 'text', ended: 'timestamp' },
        }),
      ).toHaveLength(1);
    });

    it.skipIf(testPostgresUrl() === undefined)(
      'reports a nondeterministic collation on a string column',
      async () => {
        await db.exec(`CREATE COLLATION IF NOT EXISTS ct_nocase (provider = icu, locale = 'und-u-ks-level2', deterministic = false);
        ALTER TABLE ct_runs ALTER COLUMN name TYPE text COLLATE ct_nocase`);
        const { rows } = await db.query<Record<string, unknown>>(PG_QUERY);
        expect(codes(checkTable(schema, { dialect: 'postgres', columns: rows }))).toEqual([
          'name table-column-text',
        ]);
        const run = await runInProcess(
          [
            'check-table',
            '--dialect',
            'postgres',
            '--table',
            `${db.schema}.ct_runs`,
            '--url',
            testPostgresUrl()!,
            '--schema',
            '-',
          ],
          { stdin: JSON.stringify(schema) },
        );
        expect(run.code).toBe(1);
        expect(run.stdout.trim().split('\n')).toHaveLength(1);
        expect(run.stdout).toContain('nondeterministic');
        await db.exec('ALTER TABLE ct_runs ALTER COLUMN name TYPE text COLLATE "default"');
      },
    );
  });

  describe.skipIf(MYSQL_URL === undefined)('MariaDB', () => {
    let db: MysqlScratch;
    let rows: Record<string, unknown>[];
    beforeAll(async () => {
      db = await openMysql(MYSQL_URL!, 'checktable');
      await db.conn.query(`CREATE TABLE ct_runs (id BIGINT, name VARCHAR(80) COLLATE utf8mb4_general_ci,
        start_time DATETIME(6), created VARCHAR(40), score DOUBLE, done BOOLEAN, tags JSON, extra TEXT,
        ended TIMESTAMP(6) NULL, latin TEXT CHARACTER SET latin1) DEFAULT CHARSET = utf8mb4`);
      const [found] = await db.conn.query<mysql.RowDataPacket[]>(
        `SELECT COLUMN_NAME, DATA_TYPE, CHARACTER_SET_NAME, COLLATION_NAME FROM information_schema.COLUMNS
          WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'ct_runs'`,
      );
      rows = found;
    });
    afterAll(async () => {
      await db?.close();
    });

    it('finds each planted mismatch; a case-insensitive collation is fine', () => {
      expect(checkTable(schema, { dialect: 'mysql', columns: rows })).toEqual([]);
      const withLatin: Schema = { fields: { ...planted.fields, latin: { type: 'string', operators: eq } } };
      expect(codes(checkTable(withLatin, { dialect: 'mysql', columns: rows }))).toEqual([
        'created table-column-type',
        'ended table-column-type',
        'latin table-column-text',
        'owner table-missing-column',
      ]);
    });

    it('reports a TIMESTAMP column read by sessions outside UTC, and not a DATETIME one', () => {
      const native: Schema = {
        fields: {
          ended: { type: 'date-time', operators: eq, storage: 'timestamp' },
          start_time: schema.fields.start_time!,
        },
      };
      expect(codes(checkTable(native, { dialect: 'mysql', columns: rows, timeZone: '+05:00' }))).toEqual([
        'ended table-column-session',
      ]);
      expect(checkTable(native, { dialect: 'mysql', columns: rows, timeZone: '+00:00' })).toEqual([]);
      expect(checkTable(native, { dialect: 'mysql', columns: rows, timeZone: 'UTC' })).toEqual([]);
    });

    it('runs as a CLI step against the live server: one line per problem, exit 1', async () => {
      const args = [
        'check-table',
        '--dialect',
        'mysql',
        '--table',
        `${db.database}.ct_runs`,
        '--url',
        MYSQL_URL!,
        '--schema',
        '-',
      ];
      const fits = await runInProcess(args, { stdin: JSON.stringify(schema) });
      expect(fits.code, fits.stderr).toBe(0);
      const broken = await runInProcess(args, { stdin: JSON.stringify(planted) });
      expect(broken.code).toBe(1);
      expect(broken.stdout.trim().split('\n').sort()).toEqual([
        expect.stringContaining('`created`'),
        expect.stringContaining('`ended`'),
        expect.stringContaining('`owner`'),
      ]);
    });
  });

  describe('SQLite', () => {
    const dir = mkdtempSync(join(tmpdir(), 'v3f-check-table-'));
    const file = join(dir, 'runs.db');
    const db = new Database(file);
    db.exec(`CREATE TABLE ct_runs (id INTEGER, name TEXT, start_time INTEGER, created TEXT, score REAL,
      done INTEGER, tags TEXT, extra, ended TEXT)`);
    db.close();
    afterAll(() => rmSync(dir, { recursive: true, force: true }));

    it('reads the file with --url, or the PRAGMA rows with --columns, and finds each mismatch', async () => {
      const base = ['check-table', '--dialect', 'sqlite', '--table', 'ct_runs', '--schema', '-'];
      const fits = await runInProcess([...base, '--url', file], { stdin: JSON.stringify(schema) });
      expect(fits.code, fits.stderr).toBe(0);
      const broken = await runInProcess([...base, '--url', file, '--format', 'json'], {
        stdin: JSON.stringify(planted),
      });
      expect(broken.code).toBe(1);
      expect(codes(JSON.parse(broken.stdout) as TableProblem[])).toEqual([
        'created table-column-type',
        'owner table-missing-column',
      ]);
      const rows = new Database(file, { readonly: true })
        .prepare("SELECT name, type FROM pragma_table_info('ct_runs')")
        .all();
      expect(
        codes(checkTable(planted, { dialect: 'sqlite', columns: rows as Record<string, unknown>[] })),
      ).toEqual(['created table-column-type', 'owner table-missing-column']);
      // NOCASE, given in the rows, breaks `=`.
      const nocase = (rows as Record<string, unknown>[]).map((r) =>
        r.name === 'name' ? { ...r, collation: 'NOCASE' } : r,
      );
      expect(codes(checkTable(schema, { dialect: 'sqlite', columns: nocase }))).toEqual([
        'name table-column-text',
      ]);
    });
  });

  it('answers bad input with a problem, never an exception', () => {
    expect(checkTable(schema, { dialect: 'oracle' as never, columns: [] })[0]?.code).toBe(
      'table-invalid-input',
    );
    expect(checkTable(schema, { dialect: 'postgres', columns: 'x' as never })[0]?.code).toBe(
      'table-invalid-input',
    );
    expect(checkTable(schema, { dialect: 'postgres', columns: [{ nope: 1 }] })[0]?.code).toBe(
      'table-invalid-input',
    );
    expect(
      checkTable({ fields: { a: { type: 'str' } } } as never, { dialect: 'postgres', columns: [] })[0]?.code,
    ).toBe('table-invalid-input');
    expect(
      checkTable(schema, { dialect: 'postgres', columns: [], storage: { name: 'timestamp' } })[0]?.code,
    ).toBe('table-invalid-input');
  });
});

import Database from 'better-sqlite3';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compareCodePoints } from '../../src/compile/case-folding.js';
import { type SqlDialectName, sqlStorage } from '../../src/index.js';
import { openTestPostgres, type TestPostgres } from '../support/postgres.js';
import { MYSQL_URL, type MysqlScratch, openMysql } from './support/mysql.js';

/**
 * `sqlStorage(dialect).orderedByCodePoint`: a text column declared with it sorts as the predicate
 * does (`compareCodePoints`), whatever the database's default collation, on each real engine.
 * Text that every engine stores: well-formed, no U+0000, no trailing spaces (MySQL's binary
 * collation pads them), and distinct values (an order of equal keys is the engine's own). On a
 * PostgreSQL database whose default collation is already byte order (`C.UTF-8`), its case holds
 * either way; on any other (`en_US.UTF-8`, ICU) it fails without the declared collation.
 */
const texts = fc.uniqueArray(
  fc
    .string({
      unit: fc.oneof(
        fc.constantFrom('a', 'B', 'z', ' ', '-', 'é', 'Z', '\u00ff', '\uffff'),
        fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }),
      ),
      maxLength: 6,
    })
    .filter((text) => !text.includes('\0') && !text.endsWith(' ')),
  { minLength: 2, maxLength: 12 },
);

/**
 * MySQL's utf8mb4_bin is PAD SPACE: a string sorts as if padded with spaces, so one ending in a
 * character below U+0020 sorts before its own prefix (as `orderedByCodePoint` says); the property
 * there holds for text without them.
 */
const belowSpace = (value: string) => [...value].some((char) => char.codePointAt(0)! < 0x20);
const mysqlTexts = texts.filter((values) => !values.some(belowSpace));

const byCodePoint = (values: readonly string[]) => [...values].sort(compareCodePoints);

/** The column type the property creates: the dialect's text type, declared in code-point order. */
const keyColumn = (dialect: SqlDialectName) => {
  const { columns, orderedByCodePoint } = sqlStorage(dialect);
  return orderedByCodePoint(columns.string);
};

describe('a text column in code-point order (orderedByCodePoint)', () => {
  it('SQLite: ORDER BY gives the predicate’s order', () => {
    const db = new Database(':memory:');
    db.exec(`CREATE TABLE audit_order (v ${keyColumn('sqlite')})`);
    fc.assert(
      fc.property(texts, (values) => {
        db.exec('DELETE FROM audit_order');
        const insert = db.prepare('INSERT INTO audit_order (v) VALUES (?)');
        for (const value of values) insert.run(value);
        const rows = db.prepare('SELECT v FROM audit_order ORDER BY v').all() as { v: string }[];
        expect(rows.map((r) => r.v)).toEqual(byCodePoint(values));
      }),
      { numRuns: 100 },
    );
    db.close();
  });

  describe('PostgreSQL', () => {
    let db: TestPostgres;
    beforeAll(async () => {
      db = await openTestPostgres('codepointorder');
      await db.exec(`CREATE TABLE audit_order (v ${keyColumn('postgres')})`);
    });
    afterAll(async () => {
      await db?.close();
    });

    it('ORDER BY gives the predicate’s order', async () => {
      await fc.assert(
        fc.asyncProperty(texts, async (values) => {
          await db.query('DELETE FROM audit_order');
          await db.query('INSERT INTO audit_order (v) SELECT unnest($1::text[])', [values]);
          const { rows } = await db.query<{ v: string }>('SELECT v FROM audit_order ORDER BY v');
          expect(rows.map((r) => r.v)).toEqual(byCodePoint(values));
        }),
        { numRuns: 60 },
      );
    });
  });

  describe.skipIf(MYSQL_URL === undefined)('MySQL / MariaDB', () => {
    let db: MysqlScratch;
    beforeAll(async () => {
      db = await openMysql(MYSQL_URL!, 'cporder');
      await db.conn.query(`CREATE TABLE audit_order (v ${keyColumn('mysql')})`);
    });
    afterAll(async () => {
      await db?.close();
    });

    it('ORDER BY gives the predicate’s order', async () => {
      await fc.assert(
        fc.asyncProperty(mysqlTexts, async (values) => {
          await db.conn.query('DELETE FROM audit_order');
          for (const value of values) await db.conn.query('INSERT INTO audit_order (v) VALUES (?)', [value]);
          const [rows] = await db.conn.query('SELECT v FROM audit_order ORDER BY v');
          expect((rows as { v: string }[]).map((r) => r.v)).toEqual(byCodePoint(values));
        }),
        { numRuns: 40 },
      );
    });
  });
});

import fc from 'fast-check';
import type { RowDataPacket } from 'mysql2/promise';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Expression } from '../../src/ast/index.js';
import { compilePredicate } from '../../src/compile/predicate/index.js';
import { compileSql, tryCompileSql } from '../../src/compile/sql/index.js';
import { utf8Hex } from '../../src/compile/sql/mysql.js';
import type { SqlResult } from '../../src/compile/sql/types.js';
import type { Schema } from '../../src/schema/types.js';
import { parse } from '../../src/syntax/parse.js';
import { genDataset } from './support/data.js';
import { genFilter } from './support/filters.js';
import { MYSQL_URL, type MysqlScratch, openMysql } from './support/mysql.js';

const schema: Schema = {
  fields: {
    status: { type: 'string', operators: ['eq', 'co', 'gt', 'in'] },
    code: { type: 'string', caseSensitive: true, operators: ['eq', 'gt', 'sw', 'in'] },
    start_time: { type: 'date-time', operators: ['gt', 'le'] },
    duration: { type: 'number', operators: ['ge'] },
    odd: { type: 'string', column: 'we`ird "col"', operators: ['eq'] },
  },
};

function ast(text: string): Expression {
  const result = parse(text);
  if (!result.ok) throw new Error(JSON.stringify(result.diagnostics));
  return result.ast;
}

/** The hex digits of a text's UTF-8 bytes, as the MySQL fragment binds text (the test's own encoder). */
const hex = (text: string) => Buffer.from(text, 'utf8').toString('hex');

function ok(result: SqlResult): { sql: string; params: readonly unknown[] } {
  if (!result.ok) throw new Error(JSON.stringify(result.diagnostics));
  return result;
}

describe('compileSql: the MySQL dialect', () => {
  it('writes ? placeholders, one per parameter, in order', () => {
    fc.assert(
      fc.property(
        genDataset.chain((d) => fc.tuple(fc.constant(d), genFilter(d))),
        ([dataset, filter]) => {
          const { sql, params } = ok(tryCompileSql(filter, { schema: dataset.schema, dialect: 'mysql' }));
          // No `?` in the generated column names, so every `?` is a placeholder.
          expect(sql.split('?').length - 1).toBe(params.length);
          expect(sql).not.toMatch(/\$\d/);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('quotes identifiers in backticks, doubling embedded backticks, and qualifies with `table`', () => {
    const { sql } = ok(tryCompileSql(ast('odd eq "x"'), { schema, dialect: 'mysql', table: 'my `t`' }));
    expect(sql).toContain('`my ``t```.`we``ird "col"`');
    expect(sql).not.toContain('"we');
  });

  it('states every string comparison: binary for case-sensitive, LOWER() under a pinned collation then binary otherwise', () => {
    const cs = compileSql(ast('code eq "Job-1 "'), { schema, dialect: 'mysql' });
    // Text values are bound as the hex digits of their UTF-8, read back with UNHEX() (already bytes).
    expect(cs.sql).toBe('(`code` = UNHEX(?) AND CAST(CONVERT(`code` USING utf8mb4) AS BINARY) = UNHEX(?))');
    expect(cs.params).toEqual([hex('Job-1 '), hex('Job-1 ')]);
    const ci = compileSql(ast('status co "50%_"'), { schema, dialect: 'mysql' });
    expect(ci.sql).toBe(
      "CAST(LOWER(CONVERT(`status` USING utf8mb4) COLLATE utf8mb4_unicode_520_ci) AS BINARY) LIKE CAST(LOWER(CONVERT(UNHEX(?) USING utf8mb4) COLLATE utf8mb4_unicode_520_ci) AS BINARY) ESCAPE '!'",
    );
    expect(ci.params).toEqual([hex('%50!%!_%')]);
    expect(compileSql(ast('status eq "a"'), { schema, dialect: 'mysql', caseFolding: 'unicode' })).toEqual(
      compileSql(ast('status eq "a"'), { schema, dialect: 'mysql' }),
    );
  });

  it("binds text as its UTF-8 bytes in hex digits, for any Unicode text (Node's own encoder as the oracle)", () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 40 }), (text) => {
        expect(utf8Hex(text)).toBe(hex(text));
      }),
      { numRuns: 2000 },
    );
    expect(utf8Hex('a\u{10ffff}\u0080\u07ff\u0800\uffff')).toBe(hex('a\u{10ffff}\u0080\u07ff\u0800\uffff'));
  });

  it("answers sql-case-folding-unsupported for caseFolding 'ascii' (MySQL has no ASCII-only LOWER())", () => {
    const result = tryCompileSql(ast('status eq "a"'), { schema, dialect: 'mysql', caseFolding: 'ascii' });
    expect(result.ok).toBe(false);
    expect(result.diagnostics.map((d) => d.code)).toEqual(['sql-case-folding-unsupported']);
  });

  it('binds booleans as 1/0 and date-times in the storage form', () => {
    const bools: Schema = {
      fields: { on: { type: 'boolean', operators: ['eq'] }, at: { type: 'date-time', operators: ['gt'] } },
    };
    const { sql, params } = compileSql(ast('on eq true and at gt 2022-02-07T21:13:29.356648026+01:00'), {
      schema: bools,
      dialect: 'mysql',
    });
    expect(sql).toBe('(`on` = ? AND `at` > UNHEX(?))');
    expect(params).toEqual([1, hex('2022-02-07T20:13:29.356648026Z')]);
  });
});

const ROWS = 20_000;

/**
 * Index use on MariaDB/MySQL with `ANALYZE TABLE` and the optimizer's defaults: 20,000 rows,
 * selective filters. Each plan is printed (for the README and the report).
 */
describe.skipIf(MYSQL_URL === undefined)('MySQL plans: whitelisted comparisons use the indexes', () => {
  let db: MysqlScratch;
  let rows: { id: number; status: string; code: string; start_time: string; duration: number }[];

  beforeAll(async () => {
    db = await openMysql(MYSQL_URL!, 'explain');
    await db.conn.query(`CREATE TABLE runs (
      id INT PRIMARY KEY, status VARCHAR(32), code VARCHAR(32), start_time VARCHAR(30), duration DOUBLE,
      INDEX runs_status (status), INDEX runs_code (code), INDEX runs_start_time (start_time),
      INDEX runs_duration (duration)) DEFAULT CHARSET = utf8mb4`);
    const statuses = ['Completed', 'Failed', 'Canceled', 'Executing'];
    rows = Array.from({ length: ROWS }, (_, i) => {
      const at = new Date(Date.UTC(2020, 0, 1) + i * 60_000).toISOString().slice(0, 19);
      return {
        id: i + 1,
        status: i % 50 === 0 ? 'Zombie' : statuses[i % 4]!,
        code: `job-${i % 5000}${i < ROWS / 2 ? '' : ' '}`,
        start_time: `${at}.${String((i * 7919) % 1_000_000_000).padStart(9, '0')}Z`,
        duration: i % 1000,
      };
    });
    for (let i = 0; i < rows.length; i += 2000) {
      const batch = rows.slice(i, i + 2000);
      await db.conn.query('INSERT INTO runs VALUES ?', [
        batch.map((r) => [r.id, r.status, r.code, r.start_time, r.duration]),
      ]);
    }
    await db.conn.query('ANALYZE TABLE runs');
  });
  afterAll(async () => {
    await db?.close();
  });

  async function plan(filter: string): Promise<{ plan: RowDataPacket[]; count: number; expected: number }> {
    const compiled = compileSql(ast(filter), { schema, dialect: 'mysql' });
    const query = `SELECT id FROM runs WHERE ${compiled.sql}`;
    const [explained] = await db.conn.query<RowDataPacket[]>(`EXPLAIN ${query}`, [...compiled.params]);
    const [selected] = await db.conn.query<RowDataPacket[]>(query, [...compiled.params]);
    const predicate = compilePredicate(ast(filter), { schema });
    const shown = explained.map(({ table, type, key, rows: estimate, Extra }) => ({
      table,
      type,
      key,
      rows: estimate,
      Extra,
    }));
    console.log(`EXPLAIN ${filter}\n  ${compiled.sql}\n  ${JSON.stringify(shown)}`);
    return { plan: explained, count: selected.length, expected: rows.filter((r) => predicate(r)).length };
  }

  it('start_time gt … is a range scan on the plain start_time index', async () => {
    const result = await plan('start_time gt 2020-01-14T12:00:00.5Z');
    expect(result.plan[0]).toMatchObject({ key: 'runs_start_time', type: 'range' });
    expect(result.count).toBe(result.expected);
    expect(result.count).toBeGreaterThan(0);
    expect(result.count).toBeLessThan(ROWS / 20);
  });

  it('not (start_time le …) still uses it (the NULL guard is a range too)', async () => {
    const result = await plan('not (start_time le 2020-01-14T13:00:00.5+01:00)');
    expect(result.plan[0]).toMatchObject({ key: 'runs_start_time' });
    expect(result.count).toBe(result.expected);
  });

  it('a case-sensitive eq looks the column up by its index, then compares bytes (trailing space kept)', async () => {
    const result = await plan('code eq "job-17 "');
    expect(result.plan[0]).toMatchObject({ key: 'runs_code', type: 'ref' });
    expect(result.count).toBe(result.expected);
    expect(result.count).toBe(2);
  });

  it('a case-sensitive in is a range on the same index', async () => {
    const result = await plan('code in ("job-17", "job-18 ", "JOB-19")');
    expect(result.plan[0]).toMatchObject({ key: 'runs_code', type: 'range' });
    expect(result.count).toBe(result.expected);
    expect(result.count).toBe(4);
  });

  it('a number comparison is a range on its index', async () => {
    const result = await plan('duration ge 990');
    expect(result.plan[0]).toMatchObject({ key: 'runs_duration', type: 'range' });
    expect(result.count).toBe(result.expected);
  });

  it('a case-insensitive eq scans: no index of the column holds the pinned fold (see the README)', async () => {
    const result = await plan('status eq "ZOMBIE"');
    // A full scan: of the table (ALL) or of a covering index (index), never a lookup or range.
    expect(['ALL', 'index']).toContain(result.plan[0]!.type);
    expect(result.count).toBe(result.expected);
    expect(result.count).toBe(ROWS / 50);
  });
});

/** Hostile names and values on the server: quoting holds and the data survives. */
describe.skipIf(MYSQL_URL === undefined)('MySQL: hostile column names and values on the server', () => {
  let db: MysqlScratch;
  const NAME = "a`b'; DROP TABLE h; --";
  const CODE = '`` OR 1=1 -- "x"';
  const VALUES = ["'; DROP TABLE h; --", '\\', '%_', 'a`b', '"', "x' OR '1'='1", '!%', 'A ', 'a'];
  const hostile: Schema = {
    fields: {
      name: { type: 'string', column: NAME, operators: ['eq', 'co', 'sw', 'in'] },
      code: { type: 'string', column: CODE, caseSensitive: true, operators: ['eq', 'co', 'sw', 'in'] },
    },
  };
  beforeAll(async () => {
    db = await openMysql(MYSQL_URL!, 'hostile');
    const q = (n: string) => `\`${n.replaceAll('`', '``')}\``;
    await db.conn.query(`CREATE TABLE h (id INT PRIMARY KEY, ${q(NAME)} TEXT, ${q(CODE)} VARCHAR(64))`);
    await db.conn.query('INSERT INTO h VALUES ?', [VALUES.map((v, i) => [i, v, v])]);
  });
  afterAll(async () => {
    await db?.close();
  });

  it('finds each hostile value by eq (both fields) and by co, and leaves the table intact', async () => {
    for (const [id, value] of VALUES.entries()) {
      for (const text of [`name eq ${JSON.stringify(value)}`, `code eq ${JSON.stringify(value)}`]) {
        const { sql, params } = compileSql(ast(text), { schema: hostile, dialect: 'mysql', table: 'h' });
        const [rows] = await db.conn.execute<RowDataPacket[]>(`SELECT id FROM h WHERE ${sql}`, [...params]);
        const predicate = compilePredicate(ast(text), { schema: hostile });
        const expected = VALUES.flatMap((v, i) => (predicate({ name: v, code: v }) ? [i] : []));
        expect(rows.map((r) => r.id).sort(), text).toEqual(expected);
        expect(expected).toContain(id);
      }
    }
    const { sql, params } = compileSql(ast('code co "%_"'), { schema: hostile, dialect: 'mysql' });
    const [rows] = await db.conn.execute<RowDataPacket[]>(`SELECT id FROM h WHERE ${sql}`, [...params]);
    expect(rows.map((r) => r.id)).toEqual([2]);
    const [count] = await db.conn.query<RowDataPacket[]>('SELECT COUNT(*) AS c FROM h');
    expect(Number(count[0]!.c)).toBe(VALUES.length);
  });
});

/** JSON_TABLE's own names (`v`, `j`, the alias) must not capture a collection column of that name. */
describe.skipIf(MYSQL_URL === undefined)('MySQL: collection columns named like JSON_TABLE internals', () => {
  let db: MysqlScratch;
  const clash: Schema = {
    fields: {
      v: { type: 'string', collection: true, operators: ['eq', 'ca'] },
      j: { type: 'number', collection: true, operators: ['eq'] },
      m: { type: 'string', column: 'v3f_member', collection: true, operators: ['eq'] },
    },
  };
  beforeAll(async () => {
    db = await openMysql(MYSQL_URL!, 'clash');
    await db.conn.query('CREATE TABLE t (id INT PRIMARY KEY, v JSON, j JSON, v3f_member JSON)');
    await db.conn.query(
      `INSERT INTO t VALUES (1, '["a","b"]', '[1,2]', '["z"]'), (2, '["c"]', '[3]', '["y"]')`,
    );
  });
  afterAll(async () => {
    await db?.close();
  });

  it.each([
    ['v eq "A"', [1]],
    ['v ca ("a", "b")', [1]],
    ['j eq 3', [2]],
    ['m eq "y"', [2]],
    ['v eq "c" and j eq 3 and m eq "y"', [2]],
  ])('%s', async (text, expected) => {
    for (const table of [undefined, 't']) {
      const options = { schema: clash, dialect: 'mysql' as const, ...(table ? { table } : {}) };
      const { sql, params } = compileSql(ast(text), options);
      const [rows] = await db.conn.execute<RowDataPacket[]>(`SELECT id FROM t WHERE ${sql} ORDER BY id`, [
        ...params,
      ]);
      expect(rows.map((r) => r.id)).toEqual(expected);
    }
  });
});

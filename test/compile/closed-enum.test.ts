import Database from 'better-sqlite3';
import fc from 'fast-check';
import type mysql from 'mysql2/promise';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createAnd,
  createComparison,
  createField,
  createList,
  createNot,
  createOr,
  createPresence,
  createString,
  type Expression,
  span,
} from '../../src/ast/index.js';
import { compilePredicate } from '../../src/compile/predicate/index.js';
import { compileSql } from '../../src/compile/sql/index.js';
import type { SqlDialectName, SqlParam } from '../../src/compile/sql/types.js';
import { format } from '../../src/printer/format.js';
import { loadSchema } from '../../src/schema/load.js';
import type { Schema } from '../../src/schema/types.js';
import { parse } from '../../src/syntax/parse.js';
import { openTestPostgres, type TestPostgres } from '../support/postgres.js';
import { MYSQL_URL, type MysqlScratch, openMysql } from './support/mysql.js';

const S = span(0, 0);

function ast(text: string): Expression {
  const parsed = parse(text);
  if (!parsed.ok) throw new Error(`parse: ${text}`);
  return parsed.ast;
}

const STATUSES = ['Completed', 'Failed', 'Canceled', 'Executing'];

function statusSchema(closed: boolean, extra: Record<string, unknown> = {}): Schema {
  return {
    fields: {
      status: {
        type: 'string',
        enum: STATUSES,
        operators: ['eq', 'ne', 'in'],
        ...(closed ? { closed } : {}),
        ...extra,
      },
    },
  };
}

describe('a closed enum field: negated tests planned as an `in` of the other values', () => {
  it('plans `not status eq` as an IN of the other statuses or a missing status, once for 100 copies', () => {
    const hundred = ast(Array.from({ length: 100 }, () => 'not status eq "Failed"').join(' and '));
    expect(compileSql(hundred, { schema: statusSchema(true), dialect: 'sqlite' })).toEqual({
      sql: '(lower("status") IN (lower(?), lower(?), lower(?)) OR lower("status") IS NULL)',
      params: ['Completed', 'Canceled', 'Executing'],
    });
    // Not closed: the negation stays, since a stored value outside the enum satisfies it.
    expect(compileSql(hundred, { schema: statusSchema(false), dialect: 'sqlite' }).sql).toBe(
      'NOT ("status" IS NOT NULL AND lower("status") = lower(?))',
    );
  });

  it('plans `ne` as an IN without the missing values, and `not … in` as an IN of what is left', () => {
    const schema = statusSchema(true);
    expect(compileSql(ast('status ne "failed"'), { schema, dialect: 'postgres' })).toEqual({
      sql: 'lower("status") IN (lower($1::text), lower($2::text), lower($3::text))',
      params: ['Completed', 'Canceled', 'Executing'],
    });
    expect(compileSql(ast('not status in ("Failed", "CANCELED")'), { schema, dialect: 'sqlite' })).toEqual({
      sql: '(lower("status") IN (lower(?), lower(?)) OR lower("status") IS NULL)',
      params: ['Completed', 'Executing'],
    });
    // A case-sensitive field leaves `failed` out of nothing: it equals no value.
    const exact = statusSchema(true, { caseSensitive: true });
    expect(compileSql(ast('status ne "failed"'), { schema: exact, dialect: 'sqlite' }).params).toEqual(
      STATUSES,
    );
  });

  it('matches nothing (or only the missing values) when no value is left; `not not` stays the test', () => {
    const schema: Schema = {
      fields: { s: { type: 'string', enum: ['on'], closed: true, operators: ['eq', 'ne'] } },
    };
    expect(compileSql(ast('s ne "on"'), { schema, dialect: 'sqlite' })).toEqual({ sql: '0', params: [] });
    expect(compileSql(ast('not s eq "ON"'), { schema, dialect: 'sqlite' })).toEqual({
      sql: 'lower("s") IS NULL',
      params: [],
    });
    expect(compileSql(ast('not not s eq "on"'), { schema, dialect: 'sqlite' })).toEqual({
      sql: 'lower("s") = lower(?)',
      params: ['on'],
    });
    // The inner `not` was planned as an IN; the outer one gives the plain test back.
    expect(
      compileSql(ast('not (not status eq "Failed")'), { schema: statusSchema(true), dialect: 'sqlite' }).sql,
    ).toBe('lower("status") = lower(?)');
  });

  it('stays out when the two case foldings disagree on which values are equal', () => {
    // `K` (Kelvin sign) folds to `k` under Unicode, and stays itself under ASCII.
    const schema: Schema = {
      fields: { u: { type: 'string', enum: ['\u212a', 'k', 'x'], closed: true, operators: ['eq'] } },
    };
    expect(compileSql(ast('not u eq "k"'), { schema, dialect: 'sqlite' }).sql).toBe(
      'NOT ("u" IS NOT NULL AND lower("u") = lower(?))',
    );
    expect(compileSql(ast('not u eq "x"'), { schema, dialect: 'sqlite' }).params).toEqual(['\u212a', 'k']);
  });

  it('keeps the negation when another value could not be bound (a NUL in the enum), rather than failing the filter', () => {
    const schema: Schema = {
      fields: { f: { type: 'string', enum: ['a\u0000', 'b'], closed: true, operators: ['eq'] } },
    };
    expect(compileSql(ast('not f eq "b"'), { schema, dialect: 'postgres' })).toEqual({
      sql: 'NOT ("f" IS NOT NULL AND lower("f") = lower($1::text))',
      params: ['b'],
    });
  });

  it('is checked as part of the schema: only on a single string field with an enum, and a boolean', () => {
    const codes = (field: Record<string, unknown>) =>
      loadSchema({ fields: { f: { type: 'string', operators: ['eq'], ...field } } }).diagnostics.map((d) => [
        d.code,
        d.pointer,
      ]);
    expect(codes({ closed: true })).toEqual([['closed-requires-enum', '/fields/f/closed']]);
    expect(codes({ closed: true, enum: ['a'], collection: true })).toEqual([
      ['closed-requires-enum', '/fields/f/closed'],
    ]);
    expect(codes({ closed: 'yes', enum: ['a'] })).toEqual([['invalid-property', '/fields/f/closed']]);
    expect(codes({ closed: false })).toEqual([]);
    expect(codes({ closed: true, enum: ['a'] })).toEqual([]);
    const loaded = loadSchema({
      fields: { f: { type: 'string', operators: ['eq'], enum: ['a'], closed: true } },
    });
    expect(loaded.ok && loaded.schema.fields.f).toEqual({
      type: 'string',
      operators: ['eq'],
      enum: ['a'],
      closed: true,
    });
  });
});

// ---- The differential test: random filters over closed enum fields, on every engine. ----

/** Two closed enum fields (one case-insensitive, with a value in two cases) and a number. */
const ENUM_A = ['Completed', 'Failed', 'Canceled', 'Ä', 'ä', 'Executing'];
const ENUM_B = ['x', 'X', 'y'];
const FIELDS = {
  a: { type: 'string', enum: ENUM_A, operators: ['eq', 'ne', 'in', 'isnull', 'pr'] },
  b: { type: 'string', enum: ENUM_B, caseSensitive: true, operators: ['eq', 'ne', 'in', 'isnull', 'pr'] },
  n: { type: 'integer', operators: ['eq', 'gt'] },
} as const;
const OPEN: Schema = { fields: FIELDS };
const CLOSED: Schema = {
  fields: { ...FIELDS, a: { ...FIELDS.a, closed: true }, b: { ...FIELDS.b, closed: true } },
};

/** A stored value of a case-insensitive field: an enum value, its ASCII letters' case changed or not. */
const storedA = fc
  .tuple(fc.constantFrom(...ENUM_A), fc.constantFrom('same', 'upper', 'lower'))
  .map(([v, how]) =>
    how === 'same' ? v : v.replace(/[A-Za-z]/g, (c) => (how === 'upper' ? c.toUpperCase() : c.toLowerCase())),
  );
const maybe = <T>(value: fc.Arbitrary<T>) => fc.option(value, { nil: null, freq: 4 });

const genRow = fc.record(
  { a: maybe(storedA), b: maybe(fc.constantFrom(...ENUM_B)), n: maybe(fc.integer({ min: 0, max: 3 })) },
  { requiredKeys: [] },
);

const literalA = fc.oneof(storedA, fc.constantFrom('FAILED', 'completed'));
const leafArb: fc.Arbitrary<Expression> = fc.oneof(
  fc
    .tuple(fc.constantFrom('a', 'b'), fc.constantFrom('eq' as const, 'ne' as const), fc.boolean())
    .chain(([f, op]) =>
      (f === 'a' ? literalA : fc.constantFrom(...ENUM_B)).map((v) =>
        createComparison(createField(f, S), op, S, createString(v, S), S),
      ),
    ),
  fc.constantFrom('a', 'b').chain((f) =>
    fc.array(f === 'a' ? literalA : fc.constantFrom(...ENUM_B), { minLength: 1, maxLength: 4 }).map((vs) =>
      createList(
        createField(f, S),
        'in',
        S,
        vs.map((v) => createString(v, S)),
        S,
      ),
    ),
  ),
  fc
    .tuple(fc.constantFrom('a', 'b'), fc.constantFrom('isnull' as const, 'pr' as const))
    .map(([f, op]) => createPresence(createField(f, S), op, S, S)),
);

const filterArb: fc.Arbitrary<Expression> = fc.letrec<{ node: Expression }>((tie) => ({
  node: fc.oneof(
    { depthSize: 'small', maxDepth: 4 },
    { weight: 3, arbitrary: leafArb },
    { weight: 3, arbitrary: tie('node').map((x) => createNot(x, S)) },
    {
      weight: 1,
      arbitrary: fc.array(tie('node'), { minLength: 2, maxLength: 3 }).map((xs) => createAnd(xs, S)),
    },
    {
      weight: 1,
      arbitrary: fc.array(tie('node'), { minLength: 2, maxLength: 3 }).map((xs) => createOr(xs, S)),
    },
  ),
})).node;

type Row = { a?: string | null; b?: string | null; n?: number | null };

const caseArb = fc.record({
  rows: fc.array(genRow, { minLength: 1, maxLength: 25 }),
  filters: fc.array(filterArb, { minLength: 8, maxLength: 8 }),
});

const TABLE = 'v3f_closed_enum';
const COLUMNS = ['a', 'b', 'n'] as const;
const values = (row: Row) => COLUMNS.map((c) => row[c] ?? null);

interface Engine {
  readonly name: string;
  readonly dialect: SqlDialectName;
  /** The folding the fragment is compiled for and the predicate run with. */
  readonly folding: 'ascii' | 'unicode';
  load(rows: readonly Row[]): Promise<void>;
  select(where: string, params: readonly SqlParam[]): Promise<number[]>;
}

function sqliteEngine(): Engine & { close(): void } {
  const db = new Database(':memory:');
  return {
    name: 'SQLite',
    dialect: 'sqlite',
    folding: 'ascii',
    async load(rows) {
      db.exec(
        `DROP TABLE IF EXISTS ${TABLE}; CREATE TABLE ${TABLE} (id INTEGER PRIMARY KEY, a TEXT, b TEXT, n INTEGER)`,
      );
      const insert = db.prepare(`INSERT INTO ${TABLE} VALUES (?, ?, ?, ?)`);
      for (const [id, row] of rows.entries()) insert.run(id, ...values(row));
    },
    async select(where, params) {
      const rows = db.prepare(`SELECT id FROM ${TABLE} WHERE ${where} ORDER BY id`).all(...params);
      return (rows as { id: number }[]).map((r) => r.id);
    },
    close: () => db.close(),
  };
}

function postgresEngine(pg: TestPostgres): Engine {
  return {
    name: 'PostgreSQL',
    dialect: 'postgres',
    folding: 'ascii',
    async load(rows) {
      await pg.exec(
        `DROP TABLE IF EXISTS ${TABLE}; CREATE TABLE ${TABLE} (id integer PRIMARY KEY, a text, b text, n bigint)`,
      );
      for (const [id, row] of rows.entries()) {
        await pg.query(`INSERT INTO ${TABLE} VALUES ($1, $2, $3, $4)`, [id, ...values(row)]);
      }
    },
    async select(where, params) {
      const result = await pg.query<{ id: number }>(`SELECT id FROM ${TABLE} WHERE ${where} ORDER BY id`, [
        ...params,
      ]);
      return result.rows.map((r) => r.id);
    },
  };
}

function mysqlEngine(db: MysqlScratch): Engine {
  return {
    name: 'MariaDB',
    dialect: 'mysql',
    // MySQL's fragment pins the Unicode fold.
    folding: 'unicode',
    async load(rows) {
      await db.conn.query(`DROP TABLE IF EXISTS ${TABLE}`);
      await db.conn.query(
        `CREATE TABLE ${TABLE} (id INT PRIMARY KEY, a VARCHAR(64), b VARCHAR(64), n BIGINT) DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_520_ci`,
      );
      for (const [id, row] of rows.entries()) {
        await db.conn.query(`INSERT INTO ${TABLE} VALUES (?, ?, ?, ?)`, [id, ...values(row)]);
      }
    },
    async select(where, params) {
      const [rows] = await db.conn.execute<mysql.RowDataPacket[]>(
        `SELECT id FROM ${TABLE} WHERE ${where} ORDER BY id`,
        params as SqlParam[],
      );
      return rows.map((r) => Number(r.id));
    },
  };
}

describe('differential: closed enum rewrites select what the predicate selects, on every engine', () => {
  let pg: TestPostgres;
  let my: MysqlScratch | undefined;
  const lite = sqliteEngine();
  const engines: Engine[] = [lite];
  beforeAll(async () => {
    pg = await openTestPostgres('closedenum');
    engines.push(postgresEngine(pg));
    if (MYSQL_URL !== undefined) {
      my = await openMysql(MYSQL_URL, 'closedenum');
      engines.push(mysqlEngine(my));
    }
  });
  afterAll(async () => {
    lite.close();
    await pg?.close();
    await my?.close();
  });

  it('random filters and rows (enum values, their case variants, nulls and missing) agree rewritten and not', async () => {
    const stats = { filters: 0, rewritten: 0 };
    await fc.assert(
      fc.asyncProperty(caseArb, async ({ rows, filters }) => {
        for (const engine of engines) {
          await engine.load(rows);
          for (const filter of filters) {
            const expected = rows.flatMap((row, id) =>
              compilePredicate(filter, { schema: OPEN, caseFolding: engine.folding })(row) ? [id] : [],
            );
            const options = { dialect: engine.dialect, caseFolding: engine.folding };
            const closed = compileSql(filter, { schema: CLOSED, ...options });
            const open = compileSql(filter, { schema: OPEN, ...options });
            const where = `${engine.name}: ${format(filter)}\n  ${closed.sql}\n  ${JSON.stringify(rows)}`;
            expect(await engine.select(closed.sql, closed.params), where).toEqual(expected);
            expect(await engine.select(open.sql, open.params), where).toEqual(expected);
            stats.filters++;
            if (closed.sql !== open.sql) stats.rewritten++;
          }
        }
      }),
      { numRuns: 100 },
    );
    // Most generated filters hold a negation the rewrite takes, or this proves little.
    expect(stats.rewritten / stats.filters).toBeGreaterThan(0.25);
    expect(engines.map((e) => e.name)).toEqual(
      MYSQL_URL === undefined ? ['SQLite', 'PostgreSQL'] : ['SQLite', 'PostgreSQL', 'MariaDB'],
    );
  }, 240_000);
});

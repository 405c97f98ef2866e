import Database from 'better-sqlite3';
import { and, eq, type SQL } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import { integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { type Expression, Kysely, type SqlBool, SqliteDialect } from 'kysely';
import { describe, expect, expectTypeOf, it } from 'vitest';
import { drizzleFilter, tryDrizzleFilter } from '../../src/integrations/drizzle/index.js';
import { kyselyFilter, tryKyselyFilter } from '../../src/integrations/kysely/index.js';
import { workflowExecutionsSchema as schema } from '../../src/schema/builtin.js';
import { parse } from '../../src/syntax/parse.js';

interface ExecutionsTable {
  id: number;
  status: string;
  start_time: string;
}

function ast(textFilter: string) {
  const parsed = parse(textFilter);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.diagnostics));
  return parsed.ast;
}

const ROWS: ExecutionsTable[] = [
  { id: 1, status: 'Failed', start_time: '2022-02-07T20:13:29.356648026Z' },
  { id: 2, status: 'FAILED', start_time: '2022-02-06T00:00:00.000000000Z' },
  { id: 3, status: 'Completed', start_time: '2022-02-08T00:00:00.000000000Z' },
];

function database(): Database.Database {
  const db = new Database(':memory:');
  db.exec('CREATE TABLE executions (id INTEGER PRIMARY KEY, status TEXT, start_time TEXT)');
  const insert = db.prepare('INSERT INTO executions VALUES (?, ?, ?)');
  for (const r of ROWS) insert.run(r.id, r.status, r.start_time);
  return db;
}

const filter = ast('status eq "failed" and start_time ge 2022-02-07T00:00:00Z');

describe('types: the expressions fit the builders', () => {
  it("Kysely: a RawBuilder<SqlBool>, an Expression<SqlBool> that .where() and eb.and() take, rows keep the table's type", async () => {
    const db = new Kysely<{ executions: ExecutionsTable }>({
      dialect: new SqliteDialect({ database: database() }),
    });
    const where = kyselyFilter(filter, { schema, dialect: 'sqlite' });
    expectTypeOf(where).toExtend<Expression<SqlBool>>();
    const query = db
      .selectFrom('executions')
      .selectAll()
      .where((eb) => eb.and([where, eb('id', '>', 0)]));
    const rows = await query.execute();
    expectTypeOf(rows).toEqualTypeOf<{ id: number; status: string; start_time: string }[]>();
    expect(rows.map((r) => r.id)).toEqual([1]);
    const result = tryKyselyFilter(filter, { schema, dialect: 'sqlite' });
    if (result.ok) expectTypeOf(result.expression).toExtend<Expression<SqlBool>>();
    // @ts-expect-error: not a dialect the compiler writes
    tryKyselyFilter(filter, { schema, dialect: 'no-such-dialect' });
    await db.destroy();
  });

  it('Drizzle: an SQL that .where(), and() take', async () => {
    const executions = sqliteTable('executions', {
      id: integer('id').primaryKey(),
      status: text('status'),
      start_time: text('start_time'),
    });
    const db = drizzle(database());
    const where = drizzleFilter(filter, { schema, dialect: 'sqlite' });
    expectTypeOf(where).toEqualTypeOf<SQL>();
    const rows = await db
      .select()
      .from(executions)
      .where(and(where, eq(executions.id, 1)));
    expectTypeOf(rows).toEqualTypeOf<{ id: number; status: string | null; start_time: string | null }[]>();
    expect(rows.map((r) => r.id)).toEqual([1]);
    const result = tryDrizzleFilter(ast('status eq "nope"'), { schema, dialect: 'sqlite' });
    expect(result.ok).toBe(true);
  });

  it('throws FilterCompileError (and the try forms answer diagnostics) for what compileSql refuses', () => {
    const unknown = ast('nope eq "x"');
    expect(() => kyselyFilter(unknown, { schema, dialect: 'sqlite' })).toThrow(/not in the schema/);
    expect(() => drizzleFilter(unknown, { schema, dialect: 'mysql' })).toThrow(/not in the schema/);
    const folding = tryDrizzleFilter(filter, { schema, dialect: 'mysql', caseFolding: 'ascii' });
    expect(folding.ok).toBe(false);
    expect(folding.diagnostics.map((d) => d.code)).toEqual(['sql-case-folding-unsupported']);
    const hostile = tryKyselyFilter(filter, { schema: null as never, dialect: 'postgres' });
    expect(hostile.ok).toBe(false);
  });
});

describe('hostile input to the integrations', () => {
  it('answers diagnostics, never throws, for hostile options and trees', () => {
    for (const options of [
      null,
      undefined,
      {},
      { schema, dialect: 'oracle' },
      { schema: {}, dialect: 'mysql' },
    ]) {
      expect(tryKyselyFilter(filter, options as never).ok).toBe(false);
      expect(tryDrizzleFilter(filter, options as never).ok).toBe(false);
    }
    for (const tree of [null, 42, { kind: 'and' }, { kind: 'comparison', field: null }]) {
      expect(tryKyselyFilter(tree as never, { schema, dialect: 'postgres' }).ok).toBe(false);
      expect(tryDrizzleFilter(tree as never, { schema, dialect: 'sqlite' }).ok).toBe(false);
    }
  });
});

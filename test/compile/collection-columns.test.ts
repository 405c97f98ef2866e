import { PGlite } from '@electric-sql/pglite';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compilePredicate } from '../../src/compile/predicate/index.js';
import { compileSql } from '../../src/compile/sql/index.js';
import type { Schema } from '../../src/schema/types.js';
import { parse } from '../../src/syntax/parse.js';
import { ident } from './support/engines.js';

/** json_each's own columns (and hidden ones): a collection column may have any of these names. */
const JSON_EACH_COLUMNS = ['type', 'key', 'value', 'id', 'path', 'atom', 'parent', 'fullkey', 'json', 'root'];

const ROWS: readonly { id: number; tags: (string | null)[] | null; scores: number[] | null }[] = [
  { id: 1, tags: ['admin', 'ops'], scores: [1, 5] },
  { id: 2, tags: ['Admin'], scores: [2] },
  { id: 3, tags: [], scores: [] },
  { id: 4, tags: null, scores: null },
  { id: 5, tags: ['ops', null], scores: [7, 9] },
  { id: 6, tags: ['administrator'], scores: [5] },
];

const FILTERS = [
  'types eq "admin"',
  'not (types eq "admin")',
  'types co "min"',
  'types sw "adm"',
  'types in ("ops", "x")',
  'types ca ("admin", "ops")',
  'types ne "ops"',
  'types pr',
  'types isnull',
  'nums gt 4',
  'nums ca (5, 1)',
  'not (nums eq 5) and types pr',
];

function schemaFor(tagsColumn: string, numsColumn: string): Schema {
  return {
    fields: {
      types: {
        type: 'string',
        operators: ['eq', 'ne', 'co', 'sw', 'in', 'ca', 'pr', 'isnull'],
        collection: true,
        path: 'tags',
        column: tagsColumn,
      },
      nums: {
        type: 'number',
        operators: ['eq', 'gt', 'ca'],
        collection: true,
        path: 'scores',
        column: numsColumn,
      },
    },
  };
}

describe('SQLite and PostgreSQL read a collection column whatever it is called', () => {
  let pg: PGlite;
  beforeAll(async () => {
    pg = await PGlite.create();
  });
  afterAll(async () => {
    await pg.close();
  });

  it.each(JSON_EACH_COLUMNS)('a collection in column %j agrees with the predicate', async (name) => {
    // The number collection sits in another json_each name, so both columns are hostile at once.
    const other = JSON_EACH_COLUMNS[(JSON_EACH_COLUMNS.indexOf(name) + 1) % JSON_EACH_COLUMNS.length]!;
    const schema = schemaFor(name, other);
    const sqlite = new Database(':memory:');
    sqlite.exec(`CREATE TABLE "t" (${ident(name)} TEXT, ${ident(other)} TEXT, "rowid_" INTEGER)`);
    const insert = sqlite.prepare('INSERT INTO "t" VALUES (?, ?, ?)');
    for (const row of ROWS) {
      insert.run(
        row.tags === null ? null : JSON.stringify(row.tags),
        row.scores === null ? null : JSON.stringify(row.scores),
        row.id,
      );
    }
    const table = `t_${name}`;
    await pg.exec(
      `CREATE TABLE ${ident(table)} (${ident(name)} text[], ${ident(other)} double precision[], "rowid_" integer)`,
    );
    for (const row of ROWS) {
      await pg.query(`INSERT INTO ${ident(table)} VALUES ($1, $2, $3)`, [row.tags, row.scores, row.id]);
    }
    let checked = 0;
    try {
      for (const text of FILTERS) {
        const parsed = parse(text);
        if (!parsed.ok) throw new Error(text);
        const matches = compilePredicate(parsed.ast, { schema });
        const expected = ROWS.filter((r) => matches({ tags: r.tags, scores: r.scores })).map((r) => r.id);
        for (const qualify of [false, true]) {
          const lite = compileSql(parsed.ast, {
            schema,
            dialect: 'sqlite',
            ...(qualify ? { table: 't' } : {}),
          });
          const liteRows = sqlite
            .prepare(`SELECT "rowid_" AS id FROM "t" WHERE ${lite.sql} ORDER BY 1`)
            .all(...lite.params) as { id: number }[];
          expect(
            liteRows.map((r) => r.id),
            `sqlite ${text} qualify=${qualify}`,
          ).toEqual(expected);
          const post = compileSql(parsed.ast, {
            schema,
            dialect: 'postgres',
            ...(qualify ? { table } : {}),
          });
          const pgRows = await pg.query<{ id: number }>(
            `SELECT "rowid_" AS id FROM ${ident(table)} WHERE ${post.sql} ORDER BY 1`,
            post.params as unknown[],
          );
          expect(
            pgRows.rows.map((r) => r.id),
            `postgres ${text} qualify=${qualify}`,
          ).toEqual(expected);
          checked += 2;
        }
      }
    } finally {
      sqlite.close();
      await pg.exec(`DROP TABLE ${ident(table)}`);
    }
    expect(checked).toBe(FILTERS.length * 4);
  });
});

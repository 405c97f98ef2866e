import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createComparison, createField, createString, type Expression, span } from '../../src/ast/index.js';
import { compilePredicate } from '../../src/compile/predicate/index.js';
import { tryCompileSql } from '../../src/compile/sql/index.js';
import type { SqlDialectName } from '../../src/compile/sql/types.js';
import type { Schema } from '../../src/schema/types.js';
import { parse } from '../../src/syntax/parse.js';
import { openTestPostgres, type TestPostgres } from '../support/postgres.js';
import { ident } from './support/engines.js';

const TABLE = 'x';
const NAME_COLUMN = "'; DROP TABLE x; --";
const CODE_COLUMN = '" OR 1=1 --';

const schema: Schema = {
  fields: {
    name: { type: 'string', column: NAME_COLUMN, operators: ['eq', 'co', 'sw', 'in'] },
    code: { type: 'string', column: CODE_COLUMN, caseSensitive: true, operators: ['eq', 'co', 'sw', 'in'] },
    n: { type: 'integer', operators: ['eq', 'in'] },
  },
};

const HOSTILE = [
  "'; DROP TABLE x; --",
  '" OR 1=1',
  "' OR '1'='1",
  'back\\slash',
  '\\',
  '\\\\%',
  '%_%_',
  '100%',
  'a_b',
  'axb',
  'A_B',
  '*?[]',
  "'",
  '"',
  '!',
  '!%',
  '$1',
  '?',
  '',
  null,
];

const rows = HOSTILE.map((text, id) => ({ id, name: text, code: text, n: id }));
const records = rows.map((r) => ({ name: r.name, code: r.code, n: r.n }));

/** A filter string literal for any text: `\` and `"` escaped, as the language says. */
function literal(text: string): string {
  return `"${text.replaceAll('\\', '\\\\').replaceAll('"', '\\"')}"`;
}

function parsed(text: string): Expression {
  const result = parse(text, {
    limits: { maxLength: 1_000_000, maxListValues: 20_000, maxComparisons: 20_000 },
  });
  if (!result.ok)
    throw new Error(`${text.slice(0, 200)}: ${JSON.stringify(result.diagnostics).slice(0, 500)}`);
  return result.ast;
}

const FILTERS: string[] = [
  ...HOSTILE.filter((t): t is string => t !== null).flatMap((t) => [
    `name eq ${literal(t)}`,
    `name co ${literal(t)}`,
    `code sw ${literal(t)}`,
    `code co ${literal(t)}`,
    `not (code eq ${literal(t)})`,
  ]),
  `name in (${Array.from({ length: 10_000 }, (_, i) => literal(`v${i}`)).join(', ')}, ${literal(HOSTILE[0]!)})`,
  `n in (${Array.from({ length: 10_000 }, (_, i) => String(i * 2)).join(', ')})`,
  // A long chain: compiled into nested groups, so SQLite's expression-depth limit (1000) is not hit.
  Array.from({ length: 5_000 }, (_, i) => `n eq ${i % 7 === 0 ? i : -i - 1}`).join(' or '),
];

function expectedIds(filter: Expression): number[] {
  const predicate = compilePredicate(filter, { schema, caseFolding: 'ascii' });
  return rows.filter((_, i) => predicate(records[i])).map((r) => r.id);
}

describe('hostile values and identifiers', () => {
  let pg: TestPostgres;
  let lite: Database.Database;
  const create = `CREATE TABLE ${ident(TABLE)} ("id" integer PRIMARY KEY, ${ident(NAME_COLUMN)} text, ${ident(CODE_COLUMN)} text, "n" integer)`;

  beforeAll(async () => {
    pg = await openTestPostgres('hostile');
    await pg.exec(create);
    lite = new Database(':memory:');
    lite.exec(create);
    for (const r of rows) {
      await pg.query(`INSERT INTO ${ident(TABLE)} VALUES ($1, $2, $3, $4)`, [r.id, r.name, r.code, r.n]);
      lite.prepare(`INSERT INTO ${ident(TABLE)} VALUES (?, ?, ?, ?)`).run(r.id, r.name, r.code, r.n);
    }
  });
  afterAll(async () => {
    await pg.close();
    lite.close();
  });

  async function select(dialect: SqlDialectName, filter: Expression): Promise<number[]> {
    const compiled = tryCompileSql(filter, {
      schema,
      dialect,
      ...(dialect === 'postgres' ? { caseFolding: 'ascii' as const } : {}),
    });
    if (!compiled.ok) throw new Error(JSON.stringify(compiled.diagnostics));
    const query = `SELECT "id" FROM ${ident(TABLE)} WHERE ${compiled.sql} ORDER BY "id"`;
    if (dialect === 'sqlite')
      return (lite.prepare(query).all(...compiled.params) as { id: number }[]).map((r) => r.id);
    return (await pg.query<{ id: number }>(query, compiled.params as unknown[])).rows.map((r) => r.id);
  }

  async function intact(): Promise<void> {
    const count = `SELECT count(*) AS c FROM ${ident(TABLE)}`;
    expect((lite.prepare(count).get() as { c: number }).c).toBe(rows.length);
    expect(Number((await pg.query<{ c: number }>(count)).rows[0]!.c)).toBe(rows.length);
  }

  it(`selects what the predicate selects, for ${FILTERS.length} hostile filters, and leaves the table intact`, async () => {
    let selective = 0;
    for (const text of FILTERS) {
      const filter = parsed(text);
      const expected = expectedIds(filter);
      if (expected.length > 0 && expected.length < rows.length) selective++;
      for (const dialect of ['sqlite', 'postgres'] as const) {
        const actual = await select(dialect, filter);
        if (JSON.stringify(actual) !== JSON.stringify(expected)) {
          throw new Error(`${dialect}: ${text.slice(0, 200)}\nexpected ${expected}\nactual   ${actual}`);
        }
      }
    }
    await intact();
    // The hostile texts must each find their own row: the filters are not vacuous.
    expect(selective).toBeGreaterThan(FILTERS.length / 2);
  });

  it('finds each hostile text by exact equality, and only its row', async () => {
    for (const [id, text] of HOSTILE.entries()) {
      if (text === null) continue;
      const filter = parsed(`code eq ${literal(text)}`);
      expect(await select('postgres', filter)).toEqual([id]);
      expect(await select('sqlite', filter)).toEqual([id]);
    }
    await intact();
  });

  it('reports NUL as a diagnostic, where binding it would be a PostgreSQL error', async () => {
    await expect(pg.query('SELECT $1::text', ['a\0b'])).rejects.toThrow();
    const filter = createComparison(
      createField('name', span(0, 4)),
      'eq',
      span(5, 7),
      createString('a\0b', span(8, 14)),
      span(0, 14),
    );
    for (const dialect of ['postgres', 'sqlite'] as const) {
      const result = tryCompileSql(filter, { schema, dialect });
      expect(result.ok).toBe(false);
      expect(result.diagnostics.map((d) => d.code)).toEqual(['sql-nul-character']);
      expect(result.diagnostics[0]!.message).toContain('\\x00');
    }
    await intact();
  });
});

import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { createComparison, createField, createString } from '../../src/ast/index.js';
import { compilePredicate } from '../../src/compile/predicate/index.js';
import { compileSql } from '../../src/compile/sql/index.js';
import type { Schema } from '../../src/schema/types.js';

const S = { start: 0, end: 0 };
const schema = (caseSensitive: boolean): Schema => ({
  fields: { name: { type: 'string', operators: ['co', 'sw'], caseSensitive } },
});

// Patterns past SQLite's 50,000-byte LIKE/GLOB limit, with wildcards and multi-byte text.
const long = 'ab%_!*?[é'.repeat(7_000);
const ROWS = [`x${long}y`, `${long.toUpperCase()}z`, long, long.slice(1), null, `${long}${long}`];

describe("co/sw beyond SQLite's LIKE pattern limit run, and agree with the predicate", () => {
  it.each([
    ['co', false],
    ['co', true],
    ['sw', false],
    ['sw', true],
  ] as const)('%s (case-sensitive: %s) with a 63,000-character value', (operator, caseSensitive) => {
    const s = schema(caseSensitive);
    const db = new Database(':memory:');
    db.exec('CREATE TABLE t (id INTEGER, name TEXT)');
    const insert = db.prepare('INSERT INTO t VALUES (?, ?)');
    for (const [id, name] of ROWS.entries()) insert.run(id, name);
    try {
      const tree = createComparison(createField('name', S), operator, S, createString(long, S), S);
      const matches = compilePredicate(tree, { schema: s, caseFolding: 'ascii' });
      const expected = ROWS.flatMap((name, id) => (matches({ name }) ? [id] : []));
      const { sql, params } = compileSql(tree, { schema: s, dialect: 'sqlite' });
      const rows = db.prepare(`SELECT id FROM t WHERE ${sql} ORDER BY id`).all(...params) as { id: number }[];
      expect(rows.map((r) => r.id)).toEqual(expected);
      expect(expected.length).toBeGreaterThan(0);
      expect(expected.length).toBeLessThan(ROWS.length);
    } finally {
      db.close();
    }
  });

  it('short patterns keep LIKE/GLOB (index-friendly), long ones use instr()', () => {
    const short = createComparison(createField('name', S), 'sw', S, createString('ab', S), S);
    expect(compileSql(short, { schema: schema(true), dialect: 'sqlite' }).sql).toContain('GLOB');
    const tree = createComparison(createField('name', S), 'sw', S, createString(long, S), S);
    expect(compileSql(tree, { schema: schema(true), dialect: 'sqlite' }).sql).toBe('instr("name", ?) = 1');
  });
});

import { readFileSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { entityKind } from 'drizzle-orm';
import { MySqlDatabase } from 'drizzle-orm/mysql-core';
import { PgDatabase } from 'drizzle-orm/pg-core';
import { BaseSQLiteDatabase } from 'drizzle-orm/sqlite-core';
import * as kysely from 'kysely';
import { describe, expect, it } from 'vitest';
import { schemaStatements } from '../../server/store/ddl.js';
import { COMMANDS } from '../../src/cli/command-table.js';
import type { StoredType } from '../../src/compile/sql/dialect.js';
import { foldingProblem, sqlDialect, sqlDialectNames } from '../../src/compile/sql/dialects.js';
import { sqlStorage, tryCompileSql } from '../../src/compile/sql/index.js';
import { parse } from '../../src/syntax/parse.js';

const NAMES = sqlDialectNames();
const TYPES: readonly StoredType[] = ['string', 'number', 'integer', 'boolean', 'date-time'];

describe('the dialect table: each dialect in one place, read by everything that needs it', () => {
  it('keys each row by its own name, and finds nothing for any other value', () => {
    expect(NAMES).toEqual(['postgres', 'sqlite', 'mysql', 'clickhouse']);
    for (const name of NAMES) expect(sqlDialect(name)?.name).toBe(name);
    for (const other of ['__proto__', 'toString', 'Postgres', '', null, 1])
      expect(sqlDialect(other)).toBeUndefined();
  });

  it("gives the CLI its --dialect choices and compileSql's message its list", () => {
    const sql = COMMANDS.find((c) => c.name === 'sql');
    const dialect = sql?.options?.find((o) => o.flags.startsWith('--dialect'));
    expect(dialect?.choices).toEqual(NAMES);
    const parsed = parse('a eq "x"');
    if (!parsed.ok) throw new Error('parse');
    const result = tryCompileSql(parsed.ast, {
      schema: { fields: { a: { type: 'string', operators: ['eq'] } } },
      dialect: 'oracle' as 'sqlite',
    });
    const message = result.diagnostics[0]?.message ?? '';
    for (const name of NAMES) expect(message).toContain(`\`${name}\``);
  });

  it('answers foldingProblem as the compiler reports it', () => {
    const parsed = parse('a eq "x"');
    if (!parsed.ok) throw new Error('parse');
    for (const name of NAMES) {
      for (const folding of [undefined, 'ascii', 'unicode'] as const) {
        const compiled = tryCompileSql(parsed.ast, {
          schema: { fields: { a: { type: 'string', operators: ['eq'] } } },
          dialect: name,
          ...(folding ? { caseFolding: folding } : {}),
        });
        const reported = compiled.diagnostics.find((d) => d.code === 'sql-case-folding-unsupported');
        expect(foldingProblem(name, folding)).toBe(reported?.message);
      }
    }
    expect(foldingProblem('oracle', 'ascii')).toBeUndefined();
  });

  it("names Kysely adapters and Drizzle databases that exist, as each library's own classes say", () => {
    const kinds = new Map<unknown, string>([
      [(PgDatabase as unknown as Record<symbol, unknown>)[entityKind], 'postgres'],
      [(MySqlDatabase as unknown as Record<symbol, unknown>)[entityKind], 'mysql'],
      [(BaseSQLiteDatabase as unknown as Record<symbol, unknown>)[entityKind], 'sqlite'],
    ]);
    // ClickHouse has neither a Kysely adapter nor a Drizzle database among those libraries.
    const withBuilders = NAMES.filter((name) => name !== 'clickhouse');
    for (const name of withBuilders) {
      const { kyselyAdapter, drizzleDatabase } = sqlDialect(name)!.builders;
      expect(typeof (kysely as unknown as Record<string, unknown>)[kyselyAdapter!]).toBe('function');
      expect(kinds.get(drizzleDatabase)).toBe(name);
    }
    expect(sqlDialect('clickhouse')!.builders).toEqual({
      kyselyAdapter: undefined,
      drizzleDatabase: undefined,
    });
  });

  it("states the storage the manual's table shows, for every type and collections", () => {
    const manual = readFileSync(path.resolve(import.meta.dirname, '../../docs/sql.md'), 'utf8');
    const table = manual.slice(manual.indexOf('### Storage each dialect expects'));
    const rows = new Map(
      table
        .split('\n')
        .filter((line) => line.startsWith('| `') || line.startsWith('| collection'))
        .map((line) => {
          const cells = line.split('|').map((c) => c.trim());
          return [cells[1]!.replaceAll('`', ''), cells.slice(2, 6).map((c) => c.toLowerCase())] as const;
        }),
    );
    const column = { postgres: 0, sqlite: 1, mysql: 2, clickhouse: 3 } as const;
    for (const name of NAMES) {
      const storage = sqlStorage(name);
      for (const type of TYPES) {
        expect(rows.get(type)?.[column[name]], `${name} ${type}`).toContain(
          `\`${storage.columns[type].toLowerCase()}\``,
        );
      }
      for (const type of storage.timestamp.columns) {
        expect(
          rows.get("date-time with storage: 'timestamp'")?.[column[name]],
          `${name} timestamp`,
        ).toContain(`\`${type.toLowerCase()}\``);
      }
      expect(rows.get('collection')?.[column[name]], `${name} collection`).toContain(
        `\`${storage.collectionColumn('string').toLowerCase()}\``,
      );
    }
  });

  it("builds the reference server's tables from it (the column types SQLite reports)", () => {
    const db = new Database(':memory:');
    for (const statement of schemaStatements('sqlite')) db.exec(statement);
    const types = Object.fromEntries(
      (
        db.prepare("SELECT name, type FROM pragma_table_info('workflow_executions')").all() as {
          name: string;
          type: string;
        }[]
      ).map((c) => [c.name, c.type]),
    );
    const { columns } = sqlStorage('sqlite');
    expect(types).toMatchObject({
      start_time: columns['date-time'],
      close_time: columns['date-time'],
      status: columns.string,
    });
    db.close();
    expect(() => sqlStorage('oracle' as 'sqlite')).toThrow(TypeError);
  });

  it('stores values as the compiler binds them', () => {
    expect(sqlStorage('sqlite').scalar('boolean', true)).toBe(1);
    expect(sqlStorage('postgres').scalar('boolean', false)).toBe(false);
    expect(sqlStorage('mysql').scalar('date-time', '2022-02-07T21:13:29.356648026+01:00')).toBe(
      '2022-02-07T20:13:29.356648026Z',
    );
    expect(sqlStorage('mysql').scalar('date-time', '2022-02-07T21:13:29.3566480261Z')).toBeUndefined();
    expect(sqlStorage('postgres').collection(['a', null])).toEqual(['a', null]);
    expect(sqlStorage('sqlite').collection([true, 1])).toBe('[true,1]');
  });
});

import Database from 'better-sqlite3';
import fc from 'fast-check';
import type mysql from 'mysql2/promise';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compilePredicate } from '../../src/compile/predicate/index.js';
import { tryCompileSql } from '../../src/compile/sql/index.js';
import type { SqlDialectName, SqlParam } from '../../src/compile/sql/types.js';
import type { Schema } from '../../src/schema/types.js';
import { parse } from '../../src/syntax/parse.js';
import { openTestPostgres, type TestPostgres } from '../support/postgres.js';
import { MYSQL_URL, type MysqlScratch, openMysql } from './support/mysql.js';
import {
  BASES,
  daysAndMicros,
  genLiteral,
  genStoredInstant,
  mysqlText,
  NS_PER_MS,
  OFFSETS,
  rfc3339,
  type TickNs,
  YEAR_ZERO,
} from './support/timestamps.js';

const DATASETS = 10;
const FILTERS_PER_DATASET = 60;
const ROWS = 24;

/** Literals at the edges of the years a column holds, and beyond them by a fraction or an offset. */
const EDGE_LITERALS = [
  '0000-01-01T00:00:00+23:59',
  '0000-12-31T23:59:59.9999995Z',
  '0000-12-31T23:59:59.999999Z',
  '0001-01-01T00:00:00Z',
  '0001-01-01T00:00:00.0000001+00:00',
  '0001-01-01T00:00:00.000001-00:00',
  '9999-12-31T23:59:59.999999Z',
  '9999-12-31T23:59:59.9999995Z',
  '9999-12-31T23:59:59.9999999-23:59',
  '2022-01-01T00:00:00.0000005Z',
  '2022-01-01T05:30:00.0000005+05:30',
];

const OPERATORS = ['eq', 'ne', 'gt', 'ge', 'lt', 'le', 'gt', 'lt'] as const;

/** The rows of one dataset: an id and an instant (nanoseconds), null, or missing. */
interface Row {
  readonly id: number;
  readonly value: bigint | null | undefined;
  /** The offset the record writes the value at. */
  readonly offset: number;
}

function genRows(tick: TickNs, min: bigint, max: bigint): fc.Arbitrary<Row[]> {
  const value = fc.oneof(
    { weight: 8, arbitrary: genStoredInstant(tick, min, max) },
    { weight: 1, arbitrary: fc.constant(null) },
    { weight: 1, arbitrary: fc.constant(undefined) },
  );
  return fc
    .array(fc.tuple(value, fc.constantFrom(...OFFSETS)), { minLength: ROWS, maxLength: ROWS })
    .map((pairs) => pairs.map(([v, offset], i) => ({ id: i + 1, value: v, offset })));
}

/** The record the predicate reads: each field holds the RFC 3339 text of the row's instant. */
function recordOf(row: Row, fields: readonly string[]): Record<string, unknown> {
  if (row.value === undefined) return {};
  const text = row.value === null ? null : (rfc3339(row.value, row.offset) ?? rfc3339(row.value, 0)!);
  return Object.fromEntries(fields.map((f) => [f, text]));
}

function genFilter(fields: readonly string[], rows: readonly Row[]): fc.Arbitrary<string> {
  const near = rows.flatMap((r) => (typeof r.value === 'bigint' ? [r.value] : []));
  const literal = fc.oneof(
    { weight: 6, arbitrary: genLiteral(near) },
    { weight: 1, arbitrary: fc.constantFrom(...EDGE_LITERALS) },
  );
  const field = fc.constantFrom(...fields);
  const leaf = fc.oneof(
    {
      weight: 6,
      arbitrary: fc
        .tuple(field, fc.constantFrom(...OPERATORS), literal)
        .map(([f, op, l]) => `${f} ${op} ${l}`),
    },
    {
      weight: 2,
      arbitrary: fc
        .tuple(field, fc.array(literal, { minLength: 1, maxLength: 3 }))
        .map(([f, list]) => `${f} in (${list.join(', ')})`),
    },
    { weight: 1, arbitrary: fc.tuple(field, fc.constantFrom('pr', 'isnull')).map(([f, op]) => `${f} ${op}`) },
  );
  const { tree } = fc.letrec<{ tree: string }>((tie) => ({
    tree: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      leaf,
      fc
        .tuple(tie('tree'), fc.constantFrom('and', 'or'), tie('tree'))
        .map(([a, op, b]) => `(${a} ${op} ${b})`),
      tie('tree').map((a) => `not (${a})`),
    ),
  }));
  return tree;
}

/** A schema of date-time fields, their storage declared in the schema or left to the options. */
function schemaOf(fields: readonly string[], declared: boolean): Schema {
  const operators = ['eq', 'ne', 'gt', 'ge', 'lt', 'le', 'in', 'pr', 'isnull'] as const;
  return {
    fields: Object.fromEntries(
      fields.map((f) => [f, { type: 'date-time', operators, ...(declared ? { storage: 'timestamp' } : {}) }]),
    ),
  };
}

interface Engine {
  readonly dialect: SqlDialectName;
  readonly fields: readonly string[];
  readonly tick: TickNs;
  readonly min: bigint;
  readonly max: bigint;
  load(rows: readonly Row[]): Promise<void>;
  select(sql: string, params: readonly SqlParam[], round: number): Promise<number[]>;
}

async function runDifferential(engine: Engine): Promise<void> {
  const stats = { filters: 0, selective: 0, inexact: 0 };
  const genCase = genRows(engine.tick, engine.min, engine.max).chain((rows) =>
    fc.record({
      rows: fc.constant(rows),
      filters: fc.array(genFilter(engine.fields, rows), {
        minLength: FILTERS_PER_DATASET,
        maxLength: FILTERS_PER_DATASET,
      }),
      declared: fc.boolean(),
    }),
  );
  await fc.assert(
    fc.asyncProperty(genCase, async ({ rows, filters, declared }) => {
      await engine.load(rows);
      const schema = schemaOf(engine.fields, declared);
      const storage = Object.fromEntries(engine.fields.map((f) => [f, 'timestamp' as const]));
      for (const text of filters) {
        const parsed = parse(text);
        if (!parsed.ok) throw new Error(`the generator wrote a filter that does not parse: ${text}`);
        const compiled = tryCompileSql(parsed.ast, {
          schema,
          dialect: engine.dialect,
          ...(declared ? {} : { storage }),
        });
        if (!compiled.ok) throw new Error(`${text}: ${JSON.stringify(compiled.diagnostics)}`);
        const predicate = compilePredicate(parsed.ast, { schema });
        const expected = rows.filter((r) => predicate(recordOf(r, engine.fields))).map((r) => r.id);
        const actual = await engine.select(compiled.sql, compiled.params, stats.filters);
        if (JSON.stringify(actual) !== JSON.stringify(expected)) {
          const stored = rows.map((r) => ({ id: r.id, record: recordOf(r, engine.fields) }));
          throw new Error(
            `${engine.dialect} disagrees with the predicate on ${text}\n${JSON.stringify({ sql: compiled.sql, params: compiled.params, expected, actual, stored })}`,
          );
        }
        stats.filters++;
        if (expected.length > 0 && expected.length < rows.length) stats.selective++;
        if (/\.\d{7,}/.test(text) || /\.\d{4,}/.test(text)) stats.inexact++;
      }
    }),
    { numRuns: DATASETS },
  );
  expect(stats.filters).toBe(DATASETS * FILTERS_PER_DATASET);
  expect(stats.selective / stats.filters).toBeGreaterThan(0.3);
  console.log(
    `${engine.dialect} timestamp differential: ${stats.filters} filters, ${stats.selective} selective, ${stats.inexact} with sub-millisecond literals, 0 disagreements`,
  );
}

const FIRST_MYSQL = BigInt(Date.parse('0001-01-01T00:00:00Z')) * NS_PER_MS;
const LAST = BASES[BASES.length - 1]!;

describe('differential: native timestamp columns select what the predicate selects', () => {
  describe('PostgreSQL timestamptz and timestamp', () => {
    let db: TestPostgres;
    beforeAll(async () => {
      db = await openTestPostgres('timestamps');
      // The session's time zone must not matter: run in one far from UTC.
      await db.exec(
        "SET TIME ZONE 'Asia/Kathmandu'; CREATE TABLE ts_diff (id int PRIMARY KEY, t timestamptz, u timestamp); CREATE INDEX ON ts_diff (t)",
      );
    });
    afterAll(async () => {
      await db?.close();
    });

    it('agrees on generated filters with literals at every precision and offset', async () => {
      await runDifferential({
        dialect: 'postgres',
        fields: ['t', 'u'],
        tick: 1_000n,
        min: YEAR_ZERO,
        max: LAST,
        async load(rows) {
          await db.transaction(async (tx) => {
            await tx.query("SET LOCAL TIME ZONE 'Asia/Kathmandu'");
            await tx.query('DELETE FROM ts_diff');
            for (const row of rows) {
              if (typeof row.value !== 'bigint') {
                await tx.query('INSERT INTO ts_diff VALUES ($1, NULL, NULL)', [row.id]);
                continue;
              }
              // Exact arithmetic from the epoch (no text the code under test wrote).
              const [days, micros] = daysAndMicros(row.value);
              await tx.query(
                `INSERT INTO ts_diff SELECT $1, x AT TIME ZONE 'UTC', x FROM
                 (SELECT timestamp '1970-01-01' + $2::int * interval '1 day' + $3::bigint * interval '1 microsecond' AS x) s`,
                [row.id, days, micros],
              );
            }
          });
        },
        async select(sql, params) {
          const rows = await db.transaction(async (tx) => {
            await tx.query("SET LOCAL TIME ZONE 'Asia/Kathmandu'");
            return (await tx.query<{ id: number }>(`SELECT id FROM ts_diff WHERE ${sql} ORDER BY id`, params))
              .rows;
          });
          return rows.map((r) => Number(r.id));
        },
      });
    });
  });

  describe.skipIf(MYSQL_URL === undefined)('MariaDB DATETIME(6)', () => {
    let db: MysqlScratch;
    beforeAll(async () => {
      db = await openMysql(MYSQL_URL!, 'timestamps');
      // DATETIME holds UTC wall time, whatever the session's zone: run in one far from UTC.
      await db.conn.query("SET time_zone = '+05:45'");
      await db.conn.query('CREATE TABLE ts_diff (id INT PRIMARY KEY, t DATETIME(6) NULL, KEY (t))');
    });
    afterAll(async () => {
      await db?.close();
    });

    it('agrees on generated filters with literals at every precision and offset', async () => {
      const conn = (): mysql.Connection => db.conn;
      await runDifferential({
        dialect: 'mysql',
        fields: ['t'],
        tick: 1_000n,
        min: FIRST_MYSQL,
        max: LAST,
        async load(rows) {
          await conn().query('DELETE FROM ts_diff');
          for (const row of rows) {
            const value = typeof row.value === 'bigint' ? mysqlText(row.value) : null;
            await conn().execute('INSERT INTO ts_diff VALUES (?, ?)', [row.id, value]);
          }
        },
        async select(sql, params, round) {
          const query = `SELECT id FROM ts_diff WHERE ${sql} ORDER BY id`;
          // Bound on the server (execute) and written into the statement by the client (query).
          if (round % 2 === 0) {
            const [rows] = await conn().query<mysql.RowDataPacket[]>(query, params as SqlParam[]);
            return rows.map((r) => Number(r.id));
          }
          try {
            const [rows] = await conn().execute<mysql.RowDataPacket[]>(query, params as SqlParam[]);
            return rows.map((r) => Number(r.id));
          } finally {
            conn().unprepare(query);
          }
        },
      });
    });
  });

  describe('SQLite epoch milliseconds', () => {
    const db = new Database(':memory:');
    db.exec('CREATE TABLE ts_diff (id INTEGER PRIMARY KEY, t INTEGER)');
    db.exec('CREATE INDEX ts_diff_t ON ts_diff (t)');
    afterAll(() => db.close());

    it('agrees on generated filters with literals at every precision and offset', async () => {
      await runDifferential({
        dialect: 'sqlite',
        fields: ['t'],
        tick: 1_000_000n,
        min: YEAR_ZERO,
        max: LAST,
        async load(rows) {
          db.exec('DELETE FROM ts_diff');
          const insert = db.prepare('INSERT INTO ts_diff VALUES (?, ?)');
          for (const row of rows) {
            insert.run(row.id, typeof row.value === 'bigint' ? Number(row.value / NS_PER_MS) : null);
          }
        },
        async select(sql, params) {
          const rows = db.prepare(`SELECT id FROM ts_diff WHERE ${sql} ORDER BY id`).all(...params) as {
            id: number;
          }[];
          return rows.map((r) => r.id);
        },
      });
    });
  });
});

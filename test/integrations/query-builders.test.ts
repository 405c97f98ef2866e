import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compilePredicate } from '../../src/compile/predicate/index.js';
import { drizzleDialectOf, drizzleFilter, tryDrizzleFilter } from '../../src/integrations/drizzle/index.js';
import { kyselyDialectOf, kyselyFilter, tryKyselyFilter } from '../../src/integrations/kysely/index.js';
import { genDataset } from '../compile/support/data.js';
import { TABLE } from '../compile/support/engines.js';
import { genFilter } from '../compile/support/filters.js';
import { withPadding } from '../compile/support/mysql.js';
import { type BuilderEngine, mysqlEngine, postgresEngine, sqliteEngine } from './support.js';

const DATASETS = 12;
const FILTERS_PER_DATASET = 40;

type EngineFactory = () => Promise<BuilderEngine | undefined>;

const ENGINES: readonly [string, EngineFactory, boolean][] = [
  ['SQLite (better-sqlite3)', async () => sqliteEngine(), true],
  ['PostgreSQL (server or PGlite)', postgresEngine, true],
  [
    'MariaDB/MySQL (mysql2)',
    mysqlEngine,
    process.env.V3F_TEST_MYSQL_URL !== undefined && process.env.V3F_TEST_MYSQL_URL !== '',
  ],
];

/**
 * Kysely and Drizzle, each on the engine's own driver, select what the predicate selects: the
 * shared generated datasets and filters (for MySQL with trailing spaces and NUL added), every
 * filter through `kyselyFilter` and `drizzleFilter` inside the builder's own query.
 */
describe.each(ENGINES)('query builders on %s', (_name, factory, enabled) => {
  let engine: BuilderEngine;
  beforeAll(async () => {
    if (enabled) engine = (await factory())!;
  });
  afterAll(async () => {
    await engine?.close();
  });

  it.skipIf(!enabled)('reads the dialect from the Kysely instance and the Drizzle database', () => {
    expect(kyselyDialectOf(engine.kysely)).toBe(engine.dialect);
    expect(drizzleDialectOf(engine.drizzle)).toBe(engine.dialect);
    expect(drizzleDialectOf({})).toBeUndefined();
  });

  it.skipIf(!enabled)(
    `Kysely and Drizzle agree with the predicate on ${DATASETS * FILTERS_PER_DATASET} generated filters`,
    async () => {
      const stats = { kysely: 0, drizzle: 0, refused: 0, partial: 0 };
      const datasets = engine.dialect === 'mysql' ? withPadding(genDataset) : genDataset;
      const genCase = datasets.chain((dataset) =>
        fc.record({
          dataset: fc.constant(dataset),
          filters: fc.array(genFilter(dataset), {
            minLength: FILTERS_PER_DATASET,
            maxLength: FILTERS_PER_DATASET,
          }),
          qualify: fc.boolean(),
        }),
      );
      await fc.assert(
        fc.asyncProperty(genCase, async ({ dataset, filters, qualify }) => {
          await engine.load(dataset);
          for (const filter of filters) {
            const options = {
              schema: dataset.schema,
              dialect: engine.dialect,
              ...(engine.folding ? { caseFolding: engine.folding } : {}),
              ...(qualify ? { table: TABLE } : {}),
            };
            const kysely = tryKyselyFilter(filter, options);
            const drizzle = tryDrizzleFilter(filter, options);
            expect(drizzle.ok).toBe(kysely.ok);
            if (!kysely.ok || !drizzle.ok) {
              // Only a NUL drawn from a stored MySQL value into a literal is refused.
              expect(kysely.diagnostics.map((d) => d.code)).toContain('sql-nul-character');
              stats.refused++;
              continue;
            }
            const predicate = compilePredicate(filter, {
              schema: dataset.schema,
              caseFolding: engine.predicate,
            });
            const expected = dataset.rows.filter((r) => predicate(r.record)).map((r) => r.id);
            const viaKysely = (
              await engine.kysely
                .selectFrom(TABLE)
                .select('id')
                .where(kysely.expression)
                .orderBy('id')
                .execute()
            ).map((r) => Number(r.id));
            const viaDrizzle = (await engine.drizzleIds(drizzle.sql)).map(Number);
            if (
              JSON.stringify(viaKysely) !== JSON.stringify(expected) ||
              JSON.stringify(viaDrizzle) !== JSON.stringify(expected)
            ) {
              throw new Error(
                `${engine.name} disagrees with the predicate: ${JSON.stringify({ filter, expected, viaKysely, viaDrizzle, rows: dataset.rows, schema: dataset.schema })}`,
              );
            }
            stats.kysely++;
            stats.drizzle++;
            if (expected.length > 0 && expected.length < dataset.rows.length) stats.partial++;
          }
        }),
        { numRuns: DATASETS },
      );
      expect(stats.kysely).toBeGreaterThanOrEqual(DATASETS * FILTERS_PER_DATASET * 0.8);
      // The generator aims most filters at rows that split a dataset; a tenth is a floor no run should miss.
      expect(stats.partial / stats.kysely).toBeGreaterThan(0.1);
      console.log(
        `${engine.name}: Kysely ${stats.kysely}, Drizzle ${stats.drizzle} filters agree (${stats.partial} selective, ${stats.refused} refused)`,
      );
    },
  );

  it.skipIf(!enabled)('binds every value: a hostile value is a parameter, never SQL text', async () => {
    const { parse } = await import('../../src/syntax/parse.js');
    const schema = {
      fields: { name: { type: 'string' as const, column: 'f0', operators: ['eq' as const] } },
    };
    const parsed = parse(`name eq "x' OR 1=1 --"`);
    if (!parsed.ok) throw new Error('parse');
    const options = { schema, dialect: engine.dialect };
    const compiledKysely = engine.kysely
      .selectFrom(TABLE)
      .select('id')
      .where(kyselyFilter(parsed.ast, options))
      .compile();
    expect(compiledKysely.sql).not.toContain('OR 1=1');
    // MySQL binds text as the hex digits of its UTF-8 (read back with UNHEX()): still a parameter.
    const bound = engine.dialect === 'mysql' ? Buffer.from("x' OR 1=1 --").toString('hex') : "x' OR 1=1 --";
    expect(compiledKysely.parameters).toContain(bound);
    const drizzleQuery = drizzleFilter(parsed.ast, options);
    expect(JSON.stringify(drizzleQuery.queryChunks)).toContain(bound);
  });

  it.skipIf(!enabled)(
    "honours storage: 'timestamp' on the engine's native column, through both builders",
    async () => {
      const { sql } = await import('kysely');
      const { parse } = await import('../../src/syntax/parse.js');
      const { sqlStorage } = await import('../../src/compile/sql/index.js');
      const storage = sqlStorage(engine.dialect);
      const quote = (name: string) =>
        engine.dialect === 'mysql' ? `\`${name}\`` : `"${name.replaceAll('"', '""')}"`;
      await sql.raw(`DROP TABLE IF EXISTS ${quote(TABLE)}`).execute(engine.kysely);
      await sql
        .raw(`CREATE TABLE ${quote(TABLE)} (id INT PRIMARY KEY, t ${storage.timestamp.columns[0]} NULL)`)
        .execute(engine.kysely);
      const times = [
        '2022-01-01T00:00:00Z',
        '2022-01-01T00:00:00.001Z',
        '2022-01-01T05:30:00.002+05:30',
        null,
      ];
      for (const [i, time] of times.entries()) {
        const value = time === null ? null : storage.scalar('date-time', time, 'timestamp')!;
        await sql`INSERT INTO ${sql.table(TABLE)} VALUES (${i + 1}, ${value})`.execute(engine.kysely);
      }
      const schema = {
        fields: { t: { type: 'date-time' as const, operators: ['eq', 'gt', 'lt', 'ne', 'in'] as const } },
      };
      const filters = [
        't gt 2022-01-01T00:00:00.0000005Z',
        't lt 2022-01-01T00:00:00.0010000001Z',
        't eq 2022-01-01T00:00:00.0000001Z',
        'not t ne 2022-01-01T05:30:00.001+05:30',
        't in (2021-12-31T18:30:00.002-05:30, 2022-01-01T00:00:00.0005Z)',
      ];
      for (const text of filters) {
        const parsed = parse(text);
        if (!parsed.ok) throw new Error(text);
        const options = { schema, dialect: engine.dialect, storage: { t: 'timestamp' as const } };
        const predicate = compilePredicate(parsed.ast, { schema });
        const expected = times.flatMap((t, i) => (predicate({ t }) ? [i + 1] : []));
        const viaKysely = (
          await engine.kysely
            .selectFrom(TABLE)
            .select('id')
            .where(kyselyFilter(parsed.ast, options))
            .orderBy('id')
            .execute()
        ).map((r) => Number(r.id));
        const viaDrizzle = (await engine.drizzleIds(drizzleFilter(parsed.ast, options))).map(Number);
        expect([viaKysely, viaDrizzle], text).toEqual([expected, expected]);
      }
    },
  );
});

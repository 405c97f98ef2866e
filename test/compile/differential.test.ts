import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Expression } from '../../src/ast/index.js';
import type { CaseFolding } from '../../src/compile/case-folding.js';
import { compilePredicate } from '../../src/compile/predicate/index.js';
import { compileSql } from '../../src/compile/sql/index.js';
import type { SqlOptions } from '../../src/compile/sql/types.js';
import { format } from '../../src/printer/format.js';
import { openTestPostgres, type TestPostgres } from '../support/postgres.js';
import { type GenDataset, genDataset } from './support/data.js';
import { loadPostgres, SqliteTable, selectPostgres, TABLE } from './support/engines.js';
import { genFilter } from './support/filters.js';

// Each run loads one generated dataset into both engines and checks a batch of filters on it.
const DATASETS = 60;
const FILTERS_PER_DATASET = 80;

/**
 * The engine configurations and the predicate setting each must agree with (the pairs the
 * README's Semantics section documents). PGlite's database has ctype C.UTF-8, whose lower()
 * applies the Unicode simple mapping.
 */
const POSTGRES_CONFIGS: readonly { folding: CaseFolding | undefined; predicate: CaseFolding }[] = [
  { folding: undefined, predicate: 'unicode' },
  { folding: 'ascii', predicate: 'ascii' },
  { folding: 'unicode', predicate: 'unicode' },
];

/**
 * Half the datasets declare PostgreSQL's string columns with the ICU root collation: it orders
 * `a` < `B` (so code-point order must be asked for), and its lower() applies full, contextual
 * mappings, which agree with neither setting on `Σ`/`İ`: there only pinned foldings are checked.
 */
const ICU = 'und-x-icu';

function explain(dataset: GenDataset, filter: Expression, detail: Record<string, unknown>): string {
  return JSON.stringify(
    { filter: format(filter), ...detail, schema: dataset.schema, rows: dataset.rows },
    (_, v) => (v instanceof Date ? `Date(${v.toISOString()})` : v),
    1,
  );
}

describe('differential: the predicate, SQLite and PostgreSQL select the same rows', () => {
  let pg: TestPostgres;
  /** `COLLATE "pg_c_utf8"` (the pinned 'unicode' folding) exists from PostgreSQL 17 on. */
  let unicodePinnable = true;
  let icuAvailable = true;
  beforeAll(async () => {
    pg = await openTestPostgres('differential');
    unicodePinnable = pg.version >= 170000;
    const icu = await pg.query("SELECT 1 FROM pg_collation WHERE collname = 'und-x-icu'");
    icuAvailable = icu.rows.length > 0;
    if (!unicodePinnable || !icuAvailable) {
      console.log(
        `differential: PostgreSQL ${pg.version} (${pg.kind}) skips ${[!unicodePinnable && "caseFolding 'unicode' (pg_c_utf8 is 17+)", !icuAvailable && 'the ICU collation'].filter(Boolean).join(' and ')}`,
      );
    }
  });
  afterAll(async () => {
    await pg.close();
  });

  it(`agrees on ${DATASETS * FILTERS_PER_DATASET} generated filters`, async () => {
    const stats = { filters: 0, queries: 0, partial: 0 };
    const genCase = genDataset.chain((dataset) =>
      fc.record({
        dataset: fc.constant(dataset),
        filters: fc.array(genFilter(dataset), {
          minLength: FILTERS_PER_DATASET,
          maxLength: FILTERS_PER_DATASET,
        }),
        qualify: fc.boolean(),
        icu: fc.boolean(),
      }),
    );
    await fc.assert(
      fc.asyncProperty(genCase, async ({ dataset, filters, qualify, icu }) => {
        const sqlite = new SqliteTable(dataset);
        const withIcu = icu && icuAvailable;
        await loadPostgres(pg, dataset, withIcu ? ICU : undefined);
        try {
          for (const filter of filters) {
            const expected = {
              unicode: dataset.rows
                .filter((r) => compilePredicate(filter, { schema: dataset.schema })(r.record))
                .map((r) => r.id),
              ascii: dataset.rows
                .filter((r) =>
                  compilePredicate(filter, { schema: dataset.schema, caseFolding: 'ascii' })(r.record),
                )
                .map((r) => r.id),
            };
            const base = { schema: dataset.schema, ...(qualify ? { table: TABLE } : {}) };
            const check = (
              options: SqlOptions,
              predicate: CaseFolding,
              run: (sql: string, params: readonly unknown[]) => number[],
            ) => {
              const compiled = compileSql(filter, options);
              const actual = run(compiled.sql, compiled.params);
              if (JSON.stringify(actual) !== JSON.stringify(expected[predicate])) {
                throw new Error(
                  `${options.dialect}/${options.caseFolding ?? 'default'} disagrees with the ${predicate} predicate:\n${explain(dataset, filter, { sql: compiled.sql, params: compiled.params, expected: expected[predicate], actual })}`,
                );
              }
              stats.queries++;
            };
            check({ ...base, dialect: 'sqlite' }, 'ascii', (sql, params) =>
              sqlite.select(sql, params as never),
            );
            for (const config of POSTGRES_CONFIGS) {
              if (withIcu && config.folding === undefined) continue;
              if (config.folding === 'unicode' && !unicodePinnable) continue;
              const options: SqlOptions = {
                ...base,
                dialect: 'postgres',
                ...(config.folding ? { caseFolding: config.folding } : {}),
              };
              const compiled = compileSql(filter, options);
              const actual = await selectPostgres(pg, compiled.sql, compiled.params);
              check(options, config.predicate, () => actual);
            }
            stats.filters++;
            const n = expected.unicode.length;
            if (n > 0 && n < dataset.rows.length) stats.partial++;
          }
        } finally {
          sqlite.close();
        }
      }),
      { numRuns: DATASETS },
    );
    expect(stats.filters).toBeGreaterThanOrEqual(DATASETS * FILTERS_PER_DATASET);
    // The generators must produce filters that split datasets, not just all-or-nothing ones.
    expect(stats.partial / stats.filters).toBeGreaterThan(0.25);
    console.log(
      `differential: ${stats.filters} filters, ${stats.queries} engine queries, ${stats.partial} selective`,
    );
  });
});

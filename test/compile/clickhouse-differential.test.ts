import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Expression } from '../../src/ast/index.js';
import type { CaseFolding } from '../../src/compile/case-folding.js';
import { compilePredicate } from '../../src/compile/predicate/index.js';
import { compileSql } from '../../src/compile/sql/index.js';
import type { SqlOptions } from '../../src/compile/sql/types.js';
import { format } from '../../src/printer/format.js';
import { openClickhouse, skipClickhouse, type TestClickhouse } from '../support/clickhouse.js';
import { clickhouseDataset, loadClickhouse, selectClickhouse } from './support/clickhouse.js';
import { type GenDataset, genDataset } from './support/data.js';
import { TABLE } from './support/engines.js';
import { genFilter } from './support/filters.js';

const DATASETS = 60;
const FILTERS_PER_DATASET = 80;

/** Each folding ClickHouse compiles, and the predicate setting it must agree with. */
const CONFIGS: readonly { folding: CaseFolding | undefined; predicate: CaseFolding }[] = [
  { folding: undefined, predicate: 'unicode' },
  { folding: 'unicode', predicate: 'unicode' },
  { folding: 'ascii', predicate: 'ascii' },
];

function explain(dataset: GenDataset, filter: Expression, detail: Record<string, unknown>): string {
  return JSON.stringify(
    { filter: format(filter), ...detail, schema: dataset.schema, rows: dataset.rows },
    (_, v) => (v instanceof Date ? `Date(${v.toISOString()})` : v),
    1,
  );
}

/**
 * The generated schemas, datasets and filters of the SQLite/PostgreSQL differential test, on
 * embedded ClickHouse (chdb): hostile column and table names, nulls, nested paths, collections,
 * nanosecond date-times at many offsets, and every operator. Each dataset is first reduced to
 * what ClickHouse stores (a date-time outside DateTime64(9)'s range is null, an empty collection
 * missing: the documented boundaries), and the predicate runs on that.
 */
describe.skipIf(skipClickhouse('ClickHouse differential'))(
  'differential: the predicate and ClickHouse select the same rows',
  () => {
    let db: TestClickhouse;
    beforeAll(() => {
      db = openClickhouse();
    });
    afterAll(() => {
      db?.close();
    });

    // 14,400 queries: about 75 s on an idle two-core machine, several times that on a busy one.
    it(`agrees on ${DATASETS * FILTERS_PER_DATASET} generated filters, in every folding`, {
      timeout: 900_000,
    }, () => {
      const stats = { filters: 0, queries: 0, partial: 0 };
      const genCase = genDataset.chain((dataset) =>
        fc.record({
          dataset: fc.constant(dataset),
          filters: fc.array(genFilter(dataset), {
            minLength: FILTERS_PER_DATASET,
            maxLength: FILTERS_PER_DATASET,
          }),
          qualify: fc.boolean(),
        }),
      );
      fc.assert(
        fc.property(genCase, ({ dataset: generated, filters, qualify }) => {
          const dataset = clickhouseDataset(generated);
          loadClickhouse(db, TABLE, dataset);
          for (const filter of filters) {
            const expected = (folding: CaseFolding) =>
              dataset.rows
                .filter((r) =>
                  compilePredicate(filter, { schema: dataset.schema, caseFolding: folding })(r.record),
                )
                .map((r) => r.id);
            for (const config of CONFIGS) {
              const options: SqlOptions = {
                schema: dataset.schema,
                dialect: 'clickhouse',
                ...(qualify ? { table: TABLE } : {}),
                ...(config.folding ? { caseFolding: config.folding } : {}),
              };
              const compiled = compileSql(filter, options);
              expect(compiled.params).toEqual(Object.values(compiled.queryParams ?? {}));
              const actual = selectClickhouse(db, TABLE, compiled.sql, compiled.queryParams ?? {});
              const wanted = expected(config.predicate);
              if (JSON.stringify(actual) !== JSON.stringify(wanted)) {
                throw new Error(
                  `clickhouse/${config.folding ?? 'default'} disagrees with the ${config.predicate} predicate:\n${explain(dataset, filter, { sql: compiled.sql, queryParams: compiled.queryParams, expected: wanted, actual })}`,
                );
              }
              stats.queries++;
            }
            stats.filters++;
            const n = expected('unicode').length;
            if (n > 0 && n < dataset.rows.length) stats.partial++;
          }
        }),
        { numRuns: DATASETS },
      );
      expect(stats.filters).toBe(DATASETS * FILTERS_PER_DATASET);
      expect(stats.partial / stats.filters).toBeGreaterThan(0.25);
      console.log(
        `clickhouse differential: ${stats.filters} filters, ${stats.queries} queries, ${stats.partial} selective`,
      );
    });
  },
);

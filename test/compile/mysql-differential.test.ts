import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Expression } from '../../src/ast/index.js';
import { compilePredicate } from '../../src/compile/predicate/index.js';
import { tryCompileSql } from '../../src/compile/sql/index.js';
import type { SqlOptions } from '../../src/compile/sql/types.js';
import { format } from '../../src/printer/format.js';
import { type GenDataset, genDataset } from './support/data.js';
import { TABLE } from './support/engines.js';
import { genFilter } from './support/filters.js';
import {
  loadMysql,
  MYSQL_URL,
  type MysqlScratch,
  openMysql,
  selectMysql,
  withPadding,
} from './support/mysql.js';

const DATASETS = 48;
const FILTERS_PER_DATASET = 60;

function explain(dataset: GenDataset, filter: Expression, detail: Record<string, unknown>): string {
  return JSON.stringify(
    { filter: format(filter), ...detail, schema: dataset.schema, rows: dataset.rows },
    (_, v) => (v instanceof Date ? `Date(${v.toISOString()})` : v),
    1,
  );
}

/**
 * The same generated schemas, datasets and filters as the SQLite/PostgreSQL differential test,
 * with trailing spaces, NUL and tabs added to stored strings, run on a real MariaDB/MySQL server.
 * Each dataset's table takes one of the server's utf8mb4 collations as its default (PAD SPACE
 * and NO PAD, case-insensitive and binary): the fragment must not depend on it. MySQL pins the
 * Unicode fold, so the predicate runs with the default `'unicode'`, and the fragment is compiled
 * both with `caseFolding` left out and with `'unicode'`.
 */
describe.skipIf(MYSQL_URL === undefined)(
  'differential: the predicate and MySQL/MariaDB select the same rows',
  () => {
    let db: MysqlScratch;
    beforeAll(async () => {
      db = await openMysql(MYSQL_URL!, 'diff');
    });
    afterAll(async () => {
      await db?.close();
    });

    it(`agrees on ${DATASETS * FILTERS_PER_DATASET} generated filters`, async () => {
      const stats = { filters: 0, queries: 0, partial: 0, nul: 0, collations: new Set<string>() };
      const genCase = withPadding(genDataset).chain((dataset) =>
        fc.record({
          dataset: fc.constant(dataset),
          filters: fc.array(genFilter(dataset), {
            minLength: FILTERS_PER_DATASET,
            maxLength: FILTERS_PER_DATASET,
          }),
          qualify: fc.boolean(),
          collation: fc.constantFrom(...db.collations),
          pinned: fc.boolean(),
        }),
      );
      await fc.assert(
        fc.asyncProperty(genCase, async ({ dataset, filters, qualify, collation, pinned }) => {
          await loadMysql(db.conn, TABLE, dataset, collation);
          stats.collations.add(collation);
          for (const filter of filters) {
            const options: SqlOptions = {
              schema: dataset.schema,
              dialect: 'mysql',
              ...(qualify ? { table: TABLE } : {}),
              ...(pinned ? { caseFolding: 'unicode' as const } : {}),
            };
            const compiled = tryCompileSql(filter, options);
            if (!compiled.ok) {
              // Literals drawn from stored values may hold NUL, which no dialect binds as text.
              expect(compiled.diagnostics.map((d) => d.code)).toContain('sql-nul-character');
              expect(JSON.stringify(filter)).toContain('\\u0000');
              stats.nul++;
              continue;
            }
            const expected = dataset.rows
              .filter((r) => compilePredicate(filter, { schema: dataset.schema })(r.record))
              .map((r) => r.id);
            const actual = await selectMysql(db.conn, TABLE, compiled.sql, compiled.params);
            if (JSON.stringify(actual) !== JSON.stringify(expected)) {
              throw new Error(
                `mysql (${collation}) disagrees with the predicate:\n${explain(dataset, filter, { sql: compiled.sql, params: compiled.params, expected, actual })}`,
              );
            }
            stats.queries++;
            stats.filters++;
            if (expected.length > 0 && expected.length < dataset.rows.length) stats.partial++;
          }
        }),
        { numRuns: DATASETS },
      );
      expect(stats.filters).toBeGreaterThanOrEqual(DATASETS * FILTERS_PER_DATASET * 0.8);
      expect(stats.partial / stats.filters).toBeGreaterThan(0.25);
      console.log(
        `mysql differential: ${stats.filters} filters, ${stats.partial} selective, ${stats.nul} refused (NUL literal), collations ${[...stats.collations].join(', ')}`,
      );
    });
  },
);

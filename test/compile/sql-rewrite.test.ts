import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createAnd,
  createComparison,
  createList,
  createNot,
  createOr,
  type Expression,
  span,
} from '../../src/ast/index.js';
import { compilePredicate } from '../../src/compile/predicate/index.js';
import { rewriteFilter } from '../../src/compile/rewrite.js';
import { compileSql } from '../../src/compile/sql/index.js';
import { format } from '../../src/printer/format.js';
import type { Schema } from '../../src/schema/types.js';
import { parse } from '../../src/syntax/parse.js';
import { openTestPostgres, type TestPostgres } from '../support/postgres.js';
import { type GenDataset, genDataset } from './support/data.js';
import { loadPostgres, SqliteTable, selectPostgres, TABLE } from './support/engines.js';
import { genFilter } from './support/filters.js';

const S = span(0, 0);

/** A filter as text for messages and comparisons (the printer refuses generated line breaks). */
function show(node: Expression): string {
  return JSON.stringify(node, (key, value) => (key === 'span' || key === 'operatorSpan' ? undefined : value));
}

const CHECKS = {
  leaf: () => undefined,
  malformed: () => {
    throw new Error('malformed');
  },
};

function rewrite(filter: Expression, schema: Schema): Expression {
  const result = rewriteFilter(filter, schema, CHECKS);
  if (!result.ok) throw new Error(JSON.stringify(result.diagnostics));
  return result.filter;
}

type Leaf = Extract<Expression, { kind: 'comparison' | 'list' }>;

function isValueLeaf(node: Expression): node is Leaf {
  return node.kind === 'comparison' || node.kind === 'list';
}

/** A value leaf's values spread over `eq` and `in` tests of its field, or'ed together. */
function asEqualities(leaf: Leaf, cuts: readonly number[]): Expression {
  const values = leaf.kind === 'comparison' ? [leaf.value] : leaf.values;
  const parts: Expression[] = [];
  let start = 0;
  for (const cut of [...cuts, values.length]) {
    const end = Math.min(values.length, Math.max(start + 1, cut));
    if (start >= values.length) break;
    const group = values.slice(start, end);
    parts.push(
      group.length === 1
        ? createComparison(leaf.field, 'eq', S, group[0]!, S)
        : createList(leaf.field, 'in', S, group, S),
    );
    start = end;
  }
  return parts.length === 1 ? parts[0]! : createOr(parts, S);
}

/**
 * Filters shaped for the rewrite: the shared generated filters, with an `or` of `eq`/`in` on one
 * field (drawn from a generated leaf's values), repeated operands, double negations and nested
 * `and`/`or`, mixed with other filters.
 */
function genRewritable(dataset: GenDataset): fc.Arbitrary<Expression> {
  const base = genFilter(dataset);
  const leaf = base.filter(isValueLeaf);
  const equalities = fc
    .tuple(leaf, fc.array(fc.nat(4), { maxLength: 3 }))
    .map(([l, cuts]) => asEqualities(l, [...cuts].sort()));
  const piece = fc.oneof(base, equalities, equalities);
  return fc.letrec<{ node: Expression }>((tie) => ({
    node: fc.oneof(
      { depthSize: 'small', maxDepth: 4 },
      { weight: 3, arbitrary: piece },
      { weight: 1, arbitrary: tie('node').map((x) => createOr([x, x], S)) },
      { weight: 1, arbitrary: tie('node').map((x) => createAnd([x, createNot(createNot(x, S), S)], S)) },
      {
        weight: 2,
        arbitrary: fc
          .tuple(tie('node'), tie('node'), tie('node'), fc.boolean())
          .map(([a, b, c, and]) =>
            and ? createAnd([a, createAnd([b, a], S), c], S) : createOr([a, createOr([b, c], S), b], S),
          ),
      },
      { weight: 1, arbitrary: tie('node').map((x) => createNot(x, S)) },
    ),
  })).node;
}

const cases = genDataset.chain((dataset) =>
  fc.tuple(fc.constant(dataset), fc.array(genRewritable(dataset), { minLength: 10, maxLength: 10 })),
);

function leaves(node: Expression): number {
  if (node.kind === 'and' || node.kind === 'or') return node.operands.reduce((n, o) => n + leaves(o), 0);
  if (node.kind === 'not') return leaves(node.operand);
  return 1;
}

/** What no rewritten filter holds: nested same junctions, double negations, equal operands, mergeable tests. */
function leftovers(node: Expression): string[] {
  const found: string[] = [];
  const visit = (n: Expression): void => {
    if (n.kind === 'not') {
      if (n.operand.kind === 'not') found.push('not not');
      visit(n.operand);
      return;
    }
    if (n.kind !== 'and' && n.kind !== 'or') return;
    const texts = n.operands.map(show);
    if (new Set(texts).size !== texts.length) found.push(`repeated operand in ${n.kind}`);
    for (const o of n.operands) if (o.kind === n.kind) found.push(`nested ${n.kind}`);
    if (n.kind === 'or') {
      const fields = n.operands.filter(
        (o): o is Leaf =>
          (o.kind === 'comparison' && o.operator === 'eq') || (o.kind === 'list' && o.operator === 'in'),
      );
      const keys = fields.map((o) => {
        const value = o.kind === 'comparison' ? o.value : o.values[0]!;
        return `${o.field.name}/${value.kind}`;
      });
      if (new Set(keys).size !== keys.length) found.push('eq/in of one field left apart');
    }
    n.operands.forEach(visit);
  };
  visit(node);
  return found;
}

describe('rewriting filters before SQL: exact, under the predicate, nulls and missing values included', () => {
  it('selects the same records as the filter it came from, under both foldings', () => {
    const stats = { filters: 0, smaller: 0 };
    fc.assert(
      fc.property(cases, ([dataset, filters]) => {
        for (const filter of filters) {
          const rewritten = rewrite(filter, dataset.schema);
          for (const caseFolding of ['unicode', 'ascii'] as const) {
            const before = compilePredicate(filter, { schema: dataset.schema, caseFolding });
            const after = compilePredicate(rewritten, { schema: dataset.schema, caseFolding });
            for (const row of dataset.rows) {
              if (before(row.record) !== after(row.record)) {
                throw new Error(
                  `${show(filter)}\n  became ${show(rewritten)}\n  on ${JSON.stringify(row.record)}`,
                );
              }
            }
          }
          expect(leaves(rewritten)).toBeLessThanOrEqual(leaves(filter));
          stats.filters++;
          if (leaves(rewritten) < leaves(filter)) stats.smaller++;
          expect(leftovers(rewritten)).toEqual([]);
          // A fixed point: rewriting again changes nothing.
          expect(show(rewrite(rewritten, dataset.schema))).toBe(show(rewritten));
        }
      }),
      { numRuns: 200 },
    );
    // The generator aims at the rewrite: most filters must actually shrink, or this proves little.
    expect(stats.smaller / stats.filters).toBeGreaterThan(0.4);
  });

  it('collapses 100 copies of `not status eq "Failed"` to one condition, and an or of eq to one IN', () => {
    const schema: Schema = {
      fields: { status: { type: 'string', enum: ['Completed', 'Failed', 'Canceled'], operators: ['eq'] } },
    };
    const many = parse(Array.from({ length: 100 }, () => 'not status eq "Failed"').join(' and '));
    if (!many.ok) throw new Error('parse');
    expect(format(rewrite(many.ast, schema))).toBe('not status eq "Failed"');
    const compiled = compileSql(many.ast, { schema, dialect: 'sqlite' });
    expect(compiled).toEqual({
      sql: 'NOT ("status" IS NOT NULL AND lower("status") = lower(?))',
      params: ['Failed'],
    });
    const or = parse('status eq "Failed" or status eq "Canceled" or status eq "Failed"');
    if (!or.ok) throw new Error('parse');
    expect(compileSql(or.ast, { schema, dialect: 'postgres' })).toEqual({
      sql: 'lower("status") IN (lower($1::text), lower($2::text))',
      params: ['Failed', 'Canceled'],
    });
  });

  it('keeps `not` over an enum field a negation: a stored value outside the enum, and NULL, still match', () => {
    const schema: Schema = {
      fields: { status: { type: 'string', enum: ['Completed', 'Failed'], operators: ['eq'] } },
    };
    const filter = parse('not status eq "Failed"');
    if (!filter.ok) throw new Error('parse');
    const rows = [{ status: 'Failed' }, { status: 'Completed' }, { status: 'Zombie' }, { status: null }, {}];
    const predicate = compilePredicate(filter.ast, { schema });
    expect(rows.map((r) => predicate(r))).toEqual([false, true, true, true, true]);
    expect(format(rewrite(filter.ast, schema))).toBe('not status eq "Failed"');
  });
});

/** The rewritten SQL on the engines, for the filters shaped for the rewrite. */
describe('rewritten filters on SQLite and PostgreSQL select what the predicate selects', () => {
  let pg: TestPostgres;
  beforeAll(async () => {
    pg = await openTestPostgres('rewrite');
  });
  afterAll(async () => {
    await pg.close();
  });

  it('agrees on generated datasets and filters shaped for the rewrite', async () => {
    let checked = 0;
    await fc.assert(
      fc.asyncProperty(cases, async ([dataset, filters]) => {
        const sqlite = new SqliteTable(dataset);
        await loadPostgres(pg, dataset);
        try {
          for (const filter of filters) {
            const expected = dataset.rows
              .filter((r) =>
                compilePredicate(filter, { schema: dataset.schema, caseFolding: 'ascii' })(r.record),
              )
              .map((r) => r.id);
            const lite = compileSql(filter, { schema: dataset.schema, dialect: 'sqlite', table: TABLE });
            expect(sqlite.select(lite.sql, lite.params), show(filter)).toEqual(expected);
            const onPg = compileSql(filter, {
              schema: dataset.schema,
              dialect: 'postgres',
              caseFolding: 'ascii',
            });
            expect(await selectPostgres(pg, onPg.sql, onPg.params), show(filter)).toEqual(expected);
            checked++;
          }
        } finally {
          sqlite.close();
        }
      }),
      { numRuns: 40 },
    );
    expect(checked).toBe(400);
  });
});

/**
 * Filters as Kysely expressions: `db.selectFrom('executions').where(kyselyFilter(ast, options))`.
 * Kysely (0.28) is a peer dependency.
 * The guide: [SQL, engines and storage](../../../docs/sql.md).
 * @module
 */

import * as kysely from 'kysely';
import { type RawBuilder, type SqlBool, sql } from 'kysely';
import type { Expression } from '../../ast/expression.js';
import { FilterCompileError } from '../../compile/compile-error.js';
import { tryCompileSqlChunks } from '../../compile/sql/compile-sql.js';
import { sqlDialect, sqlDialectNames } from '../../compile/sql/dialects.js';
import type { SqlDialectName, SqlOptions } from '../../compile/sql/types.js';
import type { Diagnostic } from '../../diagnostic/diagnostic.js';

/** Options of {@link kyselyFilter}: those of `compileSql` but the placeholder offset (Kysely numbers them). */
export interface KyselyFilterOptions extends Omit<SqlOptions, 'parameterOffset'> {
  /**
   * The SQL the expression is written in (a dialect of the dialect table, {@link SqlDialectName}),
   * which must be the one the Kysely instance speaks: `'postgres'` also serves CockroachDB and
   * PGlite, `'mysql'` MariaDB. {@link kyselyDialectOf} reads it from a Kysely instance.
   */
  readonly dialect: SqlDialectName;
}

/** What {@link tryKyselyFilter} returns: the expression, or why there is none. */
export type KyselyFilterResult =
  | {
      readonly ok: true;
      readonly expression: RawBuilder<SqlBool>;
      readonly diagnostics: readonly Diagnostic[];
    }
  | { readonly ok: false; readonly diagnostics: readonly Diagnostic[] };

/**
 * {@link kyselyFilter} without exceptions: `{ ok: false, diagnostics }` wherever `tryCompileSql`
 * answers so (the filter does not fit the schema, a value SQL cannot hold, an unusable column,
 * an unpinnable case folding, too many values). Never throws.
 */
export function tryKyselyFilter(ast: Expression, options: KyselyFilterOptions): KyselyFilterResult {
  const compiled = tryCompileSqlChunks(ast, options);
  if (!compiled.ok) return compiled;
  // Each chunk as Kysely's own: text as raw SQL, a value as a parameter Kysely numbers.
  const parts = compiled.chunks.map((chunk) =>
    typeof chunk === 'string' ? sql.raw(chunk) : sql.val(chunk.value),
  );
  // One group, so the expression composes safely with Kysely's own and/or/not.
  const expression = sql<SqlBool>`(${sql.join(parts, sql.raw(''))})`;
  return { ok: true, expression, diagnostics: compiled.diagnostics };
}

/**
 * Turns a validated filter into a boolean Kysely expression for `.where(...)` (or `eb.and`,
 * `eb.not`, a join's `on`): the fragment `compileSql` writes for `options.dialect`, with every
 * value a Kysely parameter (`sql.val`) in order and every column quoted from the schema. It
 * means what the filter means in memory (see docs/semantics.md). Throws
 * {@link FilterCompileError} where {@link tryKyselyFilter} answers `ok: false`.
 */
export function kyselyFilter(ast: Expression, options: KyselyFilterOptions): RawBuilder<SqlBool> {
  const result = tryKyselyFilter(ast, options);
  if (!result.ok) throw new FilterCompileError(result.diagnostics);
  return result.expression;
}

/** The part of a Kysely instance {@link kyselyDialectOf} reads. */
export interface KyselyExecutorSource {
  /** Kysely's query executor, which holds the dialect adapter. */
  getExecutor(): { readonly adapter: unknown };
}

/**
 * The project dialect of a Kysely instance, from its dialect adapter (Kysely's own
 * `PostgresAdapter`, `MysqlAdapter`, `SqliteAdapter`, which third-party dialects for PGlite,
 * D1, PlanetScale… reuse or extend; each dialect names its adapter in the dialect table);
 * undefined for any other (e.g. MSSQL). Reads `db.getExecutor()`, which Kysely marks internal:
 * pass `dialect` yourself if it ever changes.
 */
export function kyselyDialectOf(db: KyselyExecutorSource): SqlDialectName | undefined {
  const adapter = db.getExecutor().adapter;
  const exports = kysely as unknown as Readonly<Record<string, unknown>>;
  for (const name of sqlDialectNames()) {
    const adapterName = sqlDialect(name)?.builders.kyselyAdapter;
    const Adapter = adapterName === undefined ? undefined : exports[adapterName];
    if (typeof Adapter === 'function' && adapter instanceof Adapter) return name;
  }
  return undefined;
}

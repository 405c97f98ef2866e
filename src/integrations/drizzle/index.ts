/**
 * Filters as Drizzle SQL: `db.select().from(executions).where(drizzleFilter(ast, options))`.
 * drizzle-orm is a peer dependency.
 * The guide: [SQL, engines and storage](../../../docs/sql.md).
 * @module
 */

import { entityKind, type SQL, sql } from 'drizzle-orm';
import type { Expression } from '../../ast/expression.js';
import { FilterCompileError } from '../../compile/compile-error.js';
import { tryCompileSqlChunks } from '../../compile/sql/compile-sql.js';
import { sqlDialect, sqlDialectNames } from '../../compile/sql/dialects.js';
import type { SqlDialectName, SqlOptions } from '../../compile/sql/types.js';
import type { Diagnostic } from '../../diagnostic/diagnostic.js';

/** Options of {@link drizzleFilter}: those of `compileSql` but the placeholder offset (Drizzle numbers them). */
export interface DrizzleFilterOptions extends Omit<SqlOptions, 'parameterOffset'> {
  /**
   * The SQL the expression is written in (a dialect of the dialect table, {@link SqlDialectName}),
   * which must be the one the database speaks: `'postgres'` for pg-core (node-postgres, PGlite,
   * Neon), `'mysql'` for mysql-core (mysql2, PlanetScale). {@link drizzleDialectOf} reads it from a
   * database.
   */
  readonly dialect: SqlDialectName;
}

/** What {@link tryDrizzleFilter} returns: the SQL, or why there is none. */
export type DrizzleFilterResult =
  | { readonly ok: true; readonly sql: SQL; readonly diagnostics: readonly Diagnostic[] }
  | { readonly ok: false; readonly diagnostics: readonly Diagnostic[] };

/**
 * {@link drizzleFilter} without exceptions: `{ ok: false, diagnostics }` wherever `tryCompileSql`
 * answers so. Never throws.
 */
export function tryDrizzleFilter(ast: Expression, options: DrizzleFilterOptions): DrizzleFilterResult {
  const compiled = tryCompileSqlChunks(ast, options);
  if (!compiled.ok) return compiled;
  // Each chunk as Drizzle's own: text as raw SQL, a value as a parameter Drizzle numbers.
  const chunks = compiled.chunks.map((chunk) =>
    typeof chunk === 'string' ? sql.raw(chunk) : sql.param(chunk.value),
  );
  // One group, so it composes safely with Drizzle's and()/or()/not().
  return { ok: true, sql: sql`(${sql.join(chunks)})`, diagnostics: compiled.diagnostics };
}

/**
 * Turns a validated filter into a Drizzle `SQL` condition for `.where(...)` (or `and()`,
 * `not()`, a join's condition): the fragment `compileSql` writes for `options.dialect`, every
 * value a Drizzle parameter in order and every column quoted from the schema (the schema's
 * `column`, not a Drizzle table's field names). It means what the filter means in memory (see
 * docs/semantics.md). Throws {@link FilterCompileError} where {@link tryDrizzleFilter}
 * answers `ok: false`.
 */
export function drizzleFilter(ast: Expression, options: DrizzleFilterOptions): SQL {
  const result = tryDrizzleFilter(ast, options);
  if (!result.ok) throw new FilterCompileError(result.diagnostics);
  return result.sql;
}

/** Each dialect by the entity kind of its Drizzle database, as the dialect table names them. */
function databaseKinds(): ReadonlyMap<string, SqlDialectName> {
  const kinds = new Map<string, SqlDialectName>();
  for (const name of sqlDialectNames()) {
    const kind = sqlDialect(name)?.builders.drizzleDatabase;
    if (kind !== undefined) kinds.set(kind, name);
  }
  return kinds;
}

/**
 * The project dialect of a Drizzle database (any driver of pg-core, mysql-core or sqlite-core),
 * read from Drizzle's entity kinds along its class chain; undefined for anything else.
 */
export function drizzleDialectOf(db: object): SqlDialectName | undefined {
  const kinds = databaseKinds();
  let proto: unknown = Object.getPrototypeOf(db);
  for (let depth = 0; proto !== null && typeof proto === 'object' && depth < 32; depth++) {
    const ctor = (proto as { constructor?: unknown }).constructor;
    const kind =
      typeof ctor === 'function' && Object.hasOwn(ctor, entityKind)
        ? (ctor as unknown as Record<symbol, unknown>)[entityKind]
        : undefined;
    const dialect = typeof kind === 'string' ? kinds.get(kind) : undefined;
    if (dialect !== undefined) return dialect;
    proto = Object.getPrototypeOf(proto);
  }
  return undefined;
}

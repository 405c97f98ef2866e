import { type CompareOperator, isOrderingOperator, isTextOperator } from '../../language/operators.js';
import type { CaseFolding } from '../case-folding.js';
import type { LeafPlan, TypedValues, ValuePlan } from '../plan.js';
import { type SqlParamChunk, type SqlParamType, type SqlPiece, sql } from './chunks.js';
import { dateTimeSql } from './date-time-leaf.js';
import type { SqlDialect, TimestampStorage } from './dialect.js';
import { type LeafSql, nullable, type ScalarOperator, scalarSql, twoValued } from './leaf-shape.js';
import { LIKE_ESCAPE, likePattern } from './patterns.js';
import type { SqlParam } from './types.js';

export type { LeafSql } from './leaf-shape.js';

/** What leaf compilation needs from the compiler around it. */
export interface LeafContext {
  readonly dialect: SqlDialect;
  readonly folding: CaseFolding | undefined;
  /** Binds a value and returns how it stands in the SQL (its chunk, or the dialect's form of it). */
  bind(value: SqlParam, type: SqlParamType): SqlPiece;
  /** Counts a value as bound and returns its bare chunk (for a dialect hook to place it). */
  bindBare(value: SqlParam, type: SqlParamType): SqlParamChunk;
  /** The native timestamp column of a plan's date-time field, or undefined when it holds text. */
  timestamp(plan: LeafPlan): TimestampStorage | undefined;
  /** The quoted (and qualified) column of a plan's field. */
  column(plan: LeafPlan): string;
  /** An alias no column reference can clash with, for collection members. */
  readonly memberAlias: string;
}

/**
 * Whether the pattern for `text` could exceed the dialect's limit: its UTF-8 length, counted with
 * room for the escapes (each `%`, `_`, `!` doubles; GLOB's `*`, `?`, `[` triple) and wildcards.
 */
function patternTooLong(text: string, dialect: SqlDialect): boolean {
  const max = dialect.maxPatternBytes;
  if (max === undefined || text.length * 3 + 2 <= max) return false;
  let bytes = 2;
  for (const char of text) {
    const cp = char.codePointAt(0)!;
    bytes += cp < 0x80 ? ('%_!*?['.includes(char) ? 3 : 1) : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
  }
  return bytes > max;
}

function stringSql(
  x: SqlPiece,
  operator: CompareOperator | 'in',
  values: readonly string[],
  caseSensitive: boolean,
  ctx: LeafContext,
): SqlPiece {
  const { dialect, folding } = ctx;
  const bind = (text: string) => ctx.bind(text, 'string');
  if (dialect.compareText !== undefined) {
    return dialect.compareText({ operand: x, operator, values, caseSensitive, folding, bind });
  }
  if (isTextOperator(operator) && patternTooLong(values[0]!, dialect)) {
    // Beyond the engine's pattern limit: the same test without a pattern.
    const needle = dialect.textArgument(bind(values[0]!));
    return caseSensitive
      ? dialect.substringMatch(x, operator, needle)
      : dialect.substringMatch(dialect.lower(x, folding), operator, dialect.lower(needle, folding));
  }
  if (caseSensitive) {
    if (isTextOperator(operator)) return dialect.caseSensitiveMatch(x, operator, values[0]!, bind);
    // No function around the column: a plain index serves `=`, `IN` and (in code-point order) ranges.
    const left = isOrderingOperator(operator) ? dialect.byCodePoint(x, false, folding) : x;
    return scalarSql(left, operator, values.map(bind));
  }
  const lower = (operand: SqlPiece) => dialect.lower(operand, folding);
  const prefold = dialect.foldValue?.(folding);
  const lowerValue = (value: string) =>
    prefold !== undefined ? bind(prefold(value)) : lower(dialect.textArgument(bind(value)));
  if (isTextOperator(operator)) {
    return sql`${lower(x)} LIKE ${lowerValue(likePattern(operator, values[0]!))} ESCAPE '${LIKE_ESCAPE}'`;
  }
  const left = isOrderingOperator(operator) ? dialect.byCodePoint(lower(x), true, folding) : lower(x);
  return scalarSql(left, operator, values.map(lowerValue));
}

/** The test of one operand (a column or a collection member) against a plan's values. */
function operandSql(
  x: SqlPiece,
  plan: ValuePlan,
  operator: CompareOperator | 'in',
  typed: TypedValues,
  ctx: LeafContext,
): LeafSql {
  switch (typed.type) {
    case 'string':
      return nullable(stringSql(x, operator, typed.values, plan.field.caseSensitive, ctx));
    case 'date-time':
      return dateTimeSql(x, operator as ScalarOperator, typed.values, ctx.timestamp(plan), {
        dialect: ctx.dialect,
        bindText: (text) => ctx.bind(text, 'date-time'),
        bindTick: (timestamp, tick) =>
          ctx.dialect.timestampValue(ctx.bindBare(timestamp.param(tick), 'date-time')),
      });
    case 'number': {
      const type = plan.field.schema.type === 'integer' ? 'integer' : 'number';
      const compared = scalarSql(
        x,
        operator as ScalarOperator,
        typed.values.map((v) => ctx.bind(v, type)),
      );
      // NaN is missing: `ne`, `gt` and `ge` would hold for it in PostgreSQL (`eq`, `in`, `lt`,
      // `le` cannot, since a validated literal is never NaN).
      const guard = plan.field.schema.type === 'number' ? ctx.dialect.notNaN(x) : undefined;
      const needsGuard = operator === 'ne' || operator === 'gt' || operator === 'ge';
      return nullable(guard !== undefined && needsGuard ? sql`(${compared} AND ${guard})` : compared);
    }
    case 'boolean': {
      const stored = (v: boolean) => ctx.dialect.storage.scalar('boolean', v)!;
      return nullable(
        scalarSql(
          x,
          operator as ScalarOperator,
          typed.values.map((v) => ctx.bind(stored(v), 'boolean')),
        ),
      );
    }
  }
}

function existsMember(
  plan: ValuePlan,
  operator: CompareOperator | 'in',
  typed: TypedValues,
  ctx: LeafContext,
): SqlPiece {
  const { dialect } = ctx;
  const exact =
    typed.type === 'number' ||
    typed.type === 'boolean' ||
    (typed.type === 'string' && plan.field.caseSensitive);
  if (dialect.exactMembers !== undefined && exact && (operator === 'eq' || operator === 'in')) {
    const values = operandValues(plan, typed, ctx);
    if (values !== undefined) return dialect.exactMembers(ctx.column(plan), values);
  }
  const members = dialect.members(ctx.column(plan), typed.type, ctx.memberAlias);
  const test = operandSql(members.value, plan, operator, typed, ctx).sql;
  const where = members.typeCheck === undefined ? test : sql`${members.typeCheck} AND ${test}`;
  return members.exists !== undefined
    ? members.exists(where)
    : sql`EXISTS (SELECT 1 FROM ${members.from} WHERE ${where})`;
}

/** A number, boolean or string plan's values bound as they are compared; undefined for date-times. */
function operandValues(plan: ValuePlan, typed: TypedValues, ctx: LeafContext): SqlPiece[] | undefined {
  switch (typed.type) {
    case 'string':
      return typed.values.map((v) => ctx.bind(v, 'string'));
    case 'number': {
      const type = plan.field.schema.type === 'integer' ? 'integer' : 'number';
      return typed.values.map((v) => ctx.bind(v, type));
    }
    case 'boolean':
      return typed.values.map((v) => ctx.bind(ctx.dialect.storage.scalar('boolean', v)!, 'boolean'));
    case 'date-time':
      return undefined;
  }
}

function single(typed: TypedValues, index: number): TypedValues {
  switch (typed.type) {
    case 'string':
      return { type: typed.type, values: [typed.values[index]!] };
    case 'number':
      return { type: typed.type, values: [typed.values[index]!] };
    case 'boolean':
      return { type: typed.type, values: [typed.values[index]!] };
    case 'date-time':
      return { type: typed.type, values: [typed.values[index]!] };
  }
}

/**
 * The SQL of one leaf. Comparisons on a collection column hold when some member satisfies
 * them (`EXISTS` over the members); `ca` needs one such `EXISTS` per listed value. `EXISTS` and
 * `IS [NOT] NULL` are never NULL; a plain comparison is NULL on a NULL column (`nullable`).
 */
export function leafSql(
  plan: LeafPlan,
  ctx: LeafContext,
  joinAnd: (parts: readonly SqlPiece[]) => SqlPiece,
): LeafSql {
  const column = ctx.column(plan);
  if (plan.kind === 'presence') {
    const nan =
      plan.field.schema.type === 'number' && !plan.field.collection ? ctx.dialect.notNaN(column) : undefined;
    if (nan !== undefined) {
      // NaN counts as missing: `pr` is "not null and not NaN", `isnull` "null or NaN".
      return twoValued(
        plan.present ? sql`(${column} IS NOT NULL AND ${nan})` : sql`(${column} IS NULL OR NOT ${nan})`,
      );
    }
    const missing = plan.field.collection ? ctx.dialect.missingCollection?.(column) : undefined;
    if (missing !== undefined) return twoValued(plan.present ? `NOT ${missing}` : missing);
    const test = plan.present ? 'IS NOT NULL' : 'IS NULL';
    // The same test on the folded column, where the `in` beside it compares `lower(column)` too.
    if (plan.folded === true && !plan.field.collection && ctx.dialect.compareText === undefined) {
      return twoValued(sql`${ctx.dialect.lower(column, ctx.folding)} ${test}`);
    }
    return twoValued(`${column} ${test}`);
  }
  const { typed, operator } = plan;
  if (operator === 'ca') {
    const parts: SqlPiece[] = [];
    const seen = new Set<string>();
    for (let i = 0; i < typed.values.length; i++) {
      const one = single(typed, i);
      const key = JSON.stringify(one.values[0]);
      if (seen.has(key)) continue;
      seen.add(key);
      parts.push(existsMember(plan, 'eq', one, ctx));
    }
    return twoValued(parts.length === 1 ? parts[0]! : joinAnd(parts));
  }
  if (plan.field.collection) return twoValued(existsMember(plan, operator, typed, ctx));
  return operandSql(column, plan, operator, typed, ctx);
}

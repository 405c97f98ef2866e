import { type Instant, type SqlInstant, sqlInstant } from '../../language/date-time/instant.js';
import { compareTicks, placeOnClock, type Tick } from '../../language/date-time/ticks.js';
import { type SqlPiece, sql } from './chunks.js';
import type { SqlDialect, TimestampStorage } from './dialect.js';
import { type LeafSql, nullable, type ScalarOperator, scalarSql, twoValued } from './leaf-shape.js';

/** What a date-time comparison needs from the compiler around it. */
export interface DateTimeContext {
  readonly dialect: SqlDialect;
  /** Binds a value in the `toSqlDateTime` text form and returns how it stands in the SQL. */
  bindText(text: string): SqlPiece;
  /** Binds an instant on a native column's clock and returns how it stands in the SQL. */
  bindTick(timestamp: TimestampStorage, tick: Tick): SqlPiece;
}

/**
 * Where a literal falls for a column: before or after every value the column holds, or among
 * them, `exact` when the column can hold it. `bind` binds the value the SQL compares with
 * (called only when the SQL uses it, so nothing unused is bound).
 */
type Place =
  | { readonly kind: 'before' | 'after' }
  | { readonly kind: 'within'; readonly exact: boolean; bind(): SqlPiece };

/**
 * How an inexact literal `L`, between two neighbouring column values, is compared with the
 * value `bind` gives: `later` for `gt`/`ge`, `earlier` for `lt`/`le`.
 */
interface Between {
  readonly later: '>' | '>=';
  readonly earlier: '<=' | '<';
}

function compareSql(
  x: SqlPiece,
  operator: ScalarOperator,
  places: readonly Place[],
  between: Between,
  ctx: DateTimeContext,
): LeafSql {
  if (operator === 'in') {
    const exact: SqlPiece[] = [];
    for (const p of places) if (p.kind === 'within' && p.exact) exact.push(p.bind());
    return exact.length === 0 ? twoValued(ctx.dialect.falseSql) : nullable(scalarSql(x, 'in', exact));
  }
  const p = places[0]!;
  if (p.kind === 'within' && p.exact) return nullable(scalarSql(x, operator, [p.bind()]));
  // No column value equals the literal: `eq` is false and `ne` is presence; beyond the years,
  // every present value is on one side; between two values, the neighbour decides.
  const present = twoValued(sql`${x} IS NOT NULL`);
  const none = twoValued(ctx.dialect.falseSql);
  const later = operator === 'gt' || operator === 'ge';
  if (operator === 'eq') return none;
  if (operator === 'ne') return present;
  // Before every value, `gt` holds for each; after every value, `lt` does.
  if (p.kind !== 'within') return later === (p.kind === 'before') ? present : none;
  return nullable(sql`${x} ${later ? between.later : between.earlier} ${p.bind()}`);
}

/**
 * An instant placed against the dialect's narrower date-time range: outside it, before or after
 * every stored value (a cut-off instant just below `first` lies below it too).
 */
function withinRange(placed: SqlInstant, range: SqlDialect['dateTimeRange']): SqlInstant {
  if (range === undefined || placed.kind !== 'within') return placed;
  if (placed.text < range.first) return { kind: 'before' };
  if (placed.text > range.last || (placed.text === range.last && !placed.exact)) return { kind: 'after' };
  return placed;
}

/**
 * Text storage holds nanoseconds within years 0000-9999 (see `toSqlDateTime`). A finer literal
 * lies between its truncation `T` and the next nanosecond: `> L` is `> T`, `< L` is `<= T`.
 */
function textPlace(instant: Instant, ctx: DateTimeContext): Place {
  const p = withinRange(sqlInstant(instant), ctx.dialect.dateTimeRange);
  if (p.kind !== 'within') return p;
  return { kind: 'within', exact: p.exact, bind: () => ctx.bindText(p.text) };
}

/**
 * A native column holds the ticks of its clock within its years. A finer literal lies between
 * its floor and its ceiling, the next tick: `> L` is `>= ceiling`, `< L` is `< ceiling`.
 */
function tickPlace(instant: Instant, timestamp: TimestampStorage, ctx: DateTimeContext): Place {
  const { ceiling, exact } = placeOnClock(instant, timestamp.digits);
  const { first, last } = timestamp;
  if (first !== undefined && compareTicks(ceiling, first) < 0) return { kind: 'before' };
  if (last !== undefined && compareTicks(ceiling, last) > 0) return { kind: 'after' };
  return { kind: 'within', exact, bind: () => ctx.bindTick(timestamp, ceiling) };
}

/**
 * The comparison of a date-time operand (a column or a collection member) with literal
 * instants. With `timestamp`, the operand is a native column on that clock: each literal is
 * placed on it exactly (a value is never rounded by a cast), and the column itself is compared,
 * so its index serves. Without, the operand holds `toSqlDateTime` text.
 */
export function dateTimeSql(
  x: SqlPiece,
  operator: ScalarOperator,
  values: readonly Instant[],
  timestamp: TimestampStorage | undefined,
  ctx: DateTimeContext,
): LeafSql {
  if (timestamp === undefined) {
    const places = values.map((v) => textPlace(v, ctx));
    return compareSql(x, operator, places, { later: '>', earlier: '<=' }, ctx);
  }
  const places = values.map((v) => tickPlace(v, timestamp, ctx));
  return compareSql(x, operator, places, { later: '>=', earlier: '<' }, ctx);
}

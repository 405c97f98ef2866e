import { instantOf, toSqlDateTime } from '../../language/date-time/instant.js';
import { compareTicks, placeOnClock } from '../../language/date-time/ticks.js';
import type { SqlParam } from './chunks.js';
import type { ColumnCatalog, SqlStorage, StoredType, TimestampStorage } from './dialect.js';

/** What a dialect says about its storage; {@link defineStorage} adds what all dialects share. */
export interface StorageSpec {
  readonly columns: Readonly<Record<StoredType, string>>;
  collectionColumn(member: StoredType): string;
  /** A boolean as the engine keeps it (and as a filter binds it). */
  boolean(value: boolean): SqlParam;
  collection(members: readonly (string | number | boolean | null)[]): unknown;
  /** The native timestamp column (`storage: 'timestamp'`). */
  readonly timestamp: TimestampStorage;
  /** How `checkTable` reads the engine's catalog. */
  readonly catalog: ColumnCatalog;
  /** See {@link SqlStorage.orderedByCodePoint}; absent: every text column already is. */
  readonly orderedByCodePoint?: (type: string) => string;
  /** See {@link SqlStorage.indexIncludes}; absent: the engine has no such clause. */
  readonly indexIncludes?: (columns: readonly string[]) => string;
}

/** A date-time as a native timestamp column holds it, or undefined when it cannot hold it exactly. */
function timestampParam(timestamp: TimestampStorage, value: string | Date): SqlParam | undefined {
  const instant = instantOf(value);
  if (instant === undefined) return undefined;
  const { floor, exact } = placeOnClock(instant, timestamp.digits);
  if (!exact) return undefined;
  if (timestamp.first !== undefined && compareTicks(floor, timestamp.first) < 0) return undefined;
  if (timestamp.last !== undefined && compareTicks(floor, timestamp.last) > 0) return undefined;
  return timestamp.param(floor);
}

/**
 * A dialect's {@link SqlStorage}: its own column types, booleans, collections and native
 * timestamp column, and the one date-time text form every dialect stores by default,
 * `toSqlDateTime`'s fixed-width UTC text.
 */
export function defineStorage(spec: StorageSpec): SqlStorage {
  return {
    columns: spec.columns,
    collectionColumn: spec.collectionColumn,
    collection: spec.collection,
    timestamp: spec.timestamp,
    catalog: spec.catalog,
    orderedByCodePoint: spec.orderedByCodePoint ?? ((type) => type),
    indexIncludes: spec.indexIncludes ?? (() => ''),
    scalar(type, value, dateTimeStorage) {
      if (type === 'date-time') {
        if (typeof value !== 'string' && !(value instanceof Date)) return undefined;
        return dateTimeStorage === 'timestamp' ? timestampParam(spec.timestamp, value) : toSqlDateTime(value);
      }
      if (type === 'boolean') return typeof value === 'boolean' ? spec.boolean(value) : undefined;
      if (type === 'string') return typeof value === 'string' ? value : undefined;
      return typeof value === 'number' ? value : undefined;
    },
  };
}

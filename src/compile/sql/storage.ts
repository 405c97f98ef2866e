import { toSqlDateTime } from '../../language/date-time/instant.js';
import type { SqlParam } from './chunks.js';
import type { SqlStorage, StoredType } from './dialect.js';

/** What a dialect says about its storage; {@link defineStorage} adds what all dialects share. */
export interface StorageSpec {
  readonly columns: Readonly<Record<StoredType, string>>;
  collectionColumn(member: StoredType): string;
  /** A boolean as the engine keeps it (and as a filter binds it). */
  boolean(value: boolean): SqlParam;
  collection(members: readonly (string | number | boolean | null)[]): unknown;
}

/**
 * A dialect's {@link SqlStorage}: its own column types, booleans and collections, and the one
 * date-time form every dialect stores, `toSqlDateTime`'s fixed-width UTC text.
 */
export function defineStorage(spec: StorageSpec): SqlStorage {
  return {
    columns: spec.columns,
    collectionColumn: spec.collectionColumn,
    collection: spec.collection,
    scalar(type, value) {
      if (type === 'date-time')
        return typeof value === 'string' || value instanceof Date ? toSqlDateTime(value) : undefined;
      if (type === 'boolean') return typeof value === 'boolean' ? spec.boolean(value) : undefined;
      if (type === 'string') return typeof value === 'string' ? value : undefined;
      return typeof value === 'number' ? value : undefined;
    },
  };
}

import type { CollectionQueryOptions } from '../collection/options.js';
import type { Sorter } from '../collection/sorters.js';
import type { CaseFolding } from '../compile/case-folding.js';
import type { OrderByOptions } from '../compile/sql/order-by.js';
import type { SqlDialectName, SqlOptions } from '../compile/sql/types.js';

/** Options of `createCollectionHandler` and `handleCollectionRequest`. */
export interface CollectionHandlerOptions extends CollectionQueryOptions, OrderByOptions {
  /**
   * The dialect the server's database speaks. Given, the filter is compiled for it while the
   * request is handled, so a filter that validates but cannot be written as SQL (a value holding
   * U+0000, more values than the engine binds) is answered with the 400 here, and `where` for
   * this dialect never throws. Left out, `where` may throw `CollectionSqlError` instead.
   */
  readonly dialect?: SqlDialectName;
  /**
   * How many placeholders come before the filter in the server's statement (see `compileSql`):
   * the default of `where`'s `parameterOffset`. With `dialect`, a filter whose values do not fit
   * after them is answered with the 400 while handling. `where` never compiles the filter again
   * for another offset: it is compiled once per dialect and table, and only its placeholders are
   * written for each offset.
   */
  readonly parameterOffset?: number;
  /** What case-insensitive comparisons fold, for `where` and `predicate` (see `compileSql`). */
  readonly caseFolding?: CaseFolding;
  /**
   * How date-time columns hold their values, per field, over the schema's `storage` (see
   * `compileSql`): `{ start_time: 'timestamp' }` for a native `timestamptz`/`DATETIME(6)` column.
   */
  readonly storage?: SqlOptions['storage'];
  /**
   * The sort keys of a request that gives no `sorters` (as nestjs-paginate's `defaultSortBy`),
   * e.g. `[{ field: 'start_time', direction: 'desc' }]`; default none (the tiebreaker alone).
   * They need not be on the `sorters` whitelist; their columns map as the requested ones do.
   */
  readonly defaultSorters?: readonly Sorter[];
  /** Makes the `trackingId` of each 400 body; default: 32 random hex digits. */
  readonly trackingId?: () => string;
  /** The most problems one 400 body lists; default 20. */
  readonly maxMessages?: number;
}

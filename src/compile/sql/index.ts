/**
 * The SQL compiler: one shared compiler, the dialect table and a small file of hooks per dialect.
 * @module
 */

export type { Tick } from '../../language/date-time/ticks.js';
export {
  type CheckTableOptions,
  checkTable,
  type TableColumnRow,
  type TableProblem,
  type TableProblemCode,
} from './check-table.js';
export type { SqlChunk, SqlParamChunk, SqlParamType } from './chunks.js';
export {
  compileSql,
  compileSqlChunks,
  tryCompileSql,
  tryCompileSqlChunks,
} from './compile-sql.js';
export type {
  ColumnCatalog,
  ColumnKind,
  SqlStorage,
  StoredType,
  TableColumn,
  TimestampStorage,
} from './dialect.js';
export { sqlStorage } from './dialects.js';
export {
  DEFAULT_TIEBREAKER,
  type OrderByOptions,
  type Sorter,
  toSqlOrderBy,
} from './order-by.js';
export { renderSqlChunks } from './render.js';
export type {
  SqlChunkOptions,
  SqlChunks,
  SqlChunksResult,
  SqlDialectName,
  SqlFragment,
  SqlOptions,
  SqlParam,
  SqlRenderOptions,
  SqlResult,
} from './types.js';

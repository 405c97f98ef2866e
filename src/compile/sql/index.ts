/**
 * The SQL compiler: one shared compiler, the dialect table and a small file of hooks per dialect.
 * @module
 */

export type { SqlChunk, SqlParamChunk, SqlParamType } from './chunks.js';
export {
  compileSql,
  compileSqlChunks,
  tryCompileSql,
  tryCompileSqlChunks,
} from './compile-sql.js';
export type { SqlStorage, StoredType } from './dialect.js';
export { sqlStorage } from './dialects.js';
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

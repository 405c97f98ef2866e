/**
 * The SQL compiler: one shared compiler and a small file of hooks per dialect.
 * @module
 */

export { compileSql, tryCompileSql } from './compile-sql.js';
export type { SqlDialectName, SqlFragment, SqlOptions, SqlParam, SqlResult } from './types.js';

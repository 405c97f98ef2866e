/**
 * The SQL compiler: one shared compiler and a small file of hooks per dialect.
 * @module
 */

export { compileSql } from './compile-sql.js';
export type { SqlDialectName, SqlOptions, SqlParam, SqlResult } from './types.js';

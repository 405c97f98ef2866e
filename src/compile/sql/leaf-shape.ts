import type { CompareOperator, TextOperator } from '../../language/operators.js';
import { joinSql, type SqlPiece, sql } from './chunks.js';
import { SQL_COMPARISON } from './dialect.js';

/** The SQL of one leaf; `nullable` when it is NULL (not FALSE) for a NULL column. */
export interface LeafSql {
  readonly sql: SqlPiece;
  readonly nullable: boolean;
}

/** The operators written with an SQL comparison (`=`, `<`...) or `IN`: all but the text patterns. */
export type ScalarOperator = Exclude<CompareOperator, TextOperator> | 'in';

/** A test that is NULL on a NULL operand (a comparison). */
export function nullable(piece: SqlPiece): LeafSql {
  return { sql: piece, nullable: true };
}

/** A test that is never NULL (`IS NOT NULL`, a constant, `EXISTS`). */
export function twoValued(piece: SqlPiece): LeafSql {
  return { sql: piece, nullable: false };
}

/** `x op p`, or `x IN (p, ...)`: the shape every non-pattern comparison takes. */
export function scalarSql(x: SqlPiece, operator: ScalarOperator, values: readonly SqlPiece[]): SqlPiece {
  if (operator === 'in') {
    return values.length === 1 ? sql`${x} = ${values[0]!}` : sql`${x} IN (${joinSql(values, ', ')})`;
  }
  return sql`${x} ${SQL_COMPARISON[operator]} ${values[0]!}`;
}

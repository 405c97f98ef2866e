import type { SqlDialectName, SqlParam } from '../../src/index.js';
import { EXECUTION_COLUMNS } from './ddl.js';
import type { ExecutionsQuery } from './types.js';

/** The page and count statements of one executions query, with their parameters. */
export interface ExecutionsStatements {
  readonly page: string;
  readonly pageParams: readonly SqlParam[];
  readonly count: string;
  readonly countParams: readonly SqlParam[];
}

/**
 * Writes the statements for a page of a workflow's executions: the workflow id is bound first,
 * then the filter's own parameters (numbered after it), then limit and offset.
 */
export function executionsStatements(dialect: SqlDialectName, query: ExecutionsQuery): ExecutionsStatements {
  const placeholder = (n: number) => (dialect === 'postgres' ? `$${n}` : '?');
  const filter = query.where(dialect, 1);
  const where = `workflow_id = ${placeholder(1)}${filter ? ` AND (${filter.sql})` : ''}`;
  const bound: SqlParam[] = [query.workflowId, ...(filter?.params ?? [])];
  const n = bound.length;
  return {
    page: `SELECT ${EXECUTION_COLUMNS} FROM workflow_executions WHERE ${where} ${query.orderBy(dialect)} LIMIT ${placeholder(n + 1)} OFFSET ${placeholder(n + 2)}`,
    pageParams: [...bound, query.limit, query.offset],
    count: `SELECT count(*) AS total FROM workflow_executions WHERE ${where}`,
    countParams: bound,
  };
}

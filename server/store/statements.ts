import {
  type DateTimeStorage,
  renderSqlChunks,
  type SqlChunk,
  type SqlChunks,
  type SqlParam,
} from '../../src/index.js';
import { executionColumns } from './ddl.js';
import type { ExecutionsQuery, Store } from './types.js';

/** The page and count statements of one executions query, with their parameters. */
export interface ExecutionsStatements {
  readonly page: string;
  readonly pageParams: readonly SqlParam[];
  readonly count: string;
  readonly countParams: readonly SqlParam[];
  /** The page's values by placeholder name, for an engine with named placeholders (ClickHouse). */
  readonly pageNamed: Readonly<Record<string, SqlParam>>;
  /** The count's values by placeholder name. */
  readonly countNamed: Readonly<Record<string, SqlParam>>;
}

interface Rendered {
  sql: string;
  params: SqlParam[];
  named: Readonly<Record<string, SqlParam>>;
}

/** One statement written for the store's engine: its placeholders numbered once, in order. */
function render(dialect: Store['dialect'], chunks: readonly SqlChunk[]): Rendered {
  const statement: SqlChunks = { dialect, chunks };
  const rendered = renderSqlChunks(statement);
  // The handler refused, with a 400, any filter whose values the engine cannot bind.
  if (!rendered.ok) throw new Error(rendered.diagnostics.map((d) => d.message).join('\n'));
  return { sql: rendered.sql, params: [...rendered.params], named: rendered.queryParams ?? {} };
}

/**
 * Writes the statements for a page of a workflow's executions, composed as chunks around the
 * filter's own (the workflow id, the filter's values, then limit and offset) and rendered once,
 * so the store never numbers a placeholder itself.
 */
export function executionsStatements(
  dialect: Store['dialect'],
  query: ExecutionsQuery,
  storage: DateTimeStorage = 'text',
  /** The page's select list; default the columns as stored for `storage`. */
  columns: string = executionColumns(storage),
): ExecutionsStatements {
  const filter = query.filter(dialect);
  const where: SqlChunk[] = [
    'workflow_id = ',
    { value: query.workflowId, type: 'string' },
    ...(filter === undefined ? [] : [' AND (', ...filter.chunks, ')']),
  ];
  const page = render(dialect, [
    `SELECT ${columns} FROM workflow_executions WHERE `,
    ...where,
    ` ${query.orderBy(dialect)} LIMIT `,
    { value: query.limit, type: 'integer' },
    ' OFFSET ',
    { value: query.offset, type: 'integer' },
  ]);
  const count = render(dialect, ['SELECT count(*) AS total FROM workflow_executions WHERE ', ...where]);
  return {
    page: page.sql,
    pageParams: page.params,
    count: count.sql,
    countParams: count.params,
    pageNamed: page.named,
    countNamed: count.named,
  };
}

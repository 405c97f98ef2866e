import { type SqlDialectName, sqlStorage } from '../../src/index.js';

/**
 * The tables and indexes of the reference server, per engine, in the storage the SQL compiler
 * expects (the dialect table's `sqlStorage`): date-times are text in the form `compileSql`
 * compares (fixed-width UTC, nine fractional digits), so text order is time order.
 *
 * Every query is `workflow_id = ? AND <filter> ORDER BY start_time, id LIMIT ? OFFSET ?`, and each
 * whitelisted filter has an index that serves both its condition and that order:
 * - `start_time eq|lt|le|gt|ge` reads `(workflow_id, start_time, id)`;
 * - `status eq` (case-insensitive, so compiled to `lower("status") = lower(?)`) reads the
 *   expression index `(workflow_id, lower(status), start_time, id)`.
 * PostgreSQL's `id` and `start_time` use the "C" collation: byte order, as in SQLite, so pages
 * come in the same order on both engines whatever the database's default collation.
 */
export function schemaStatements(dialect: SqlDialectName): readonly string[] {
  const { columns } = sqlStorage(dialect);
  const c = dialect === 'postgres' ? ' COLLATE "C"' : '';
  const text = columns.string;
  const time = columns['date-time'];
  return [
    `CREATE TABLE workflows (
      id ${text}${c} PRIMARY KEY,
      name ${text} NOT NULL,
      description ${text} NOT NULL,
      enabled ${columns.boolean} NOT NULL,
      created ${time} NOT NULL
    )`,
    `CREATE TABLE workflow_executions (
      id ${text}${c} PRIMARY KEY,
      workflow_id ${text}${c} NOT NULL REFERENCES workflows (id),
      request_id ${text} NOT NULL,
      start_time ${time}${c} NOT NULL,
      close_time ${time}${c},
      status ${text} NOT NULL
    )`,
  ];
}

/**
 * The indexes, created after the rows are loaded (faster than maintaining them row by row). Each
 * also answers `count=true` without reading the table: on PostgreSQL the status index carries
 * `status` itself (`INCLUDE`), because a negated status test also asks `status IS NOT NULL`, which
 * `lower(status)` cannot answer; SQLite reads the expression index as covering already.
 */
export function indexStatements(dialect: SqlDialectName): readonly string[] {
  return [
    'CREATE INDEX workflow_executions_by_start ON workflow_executions (workflow_id, start_time, id)',
    `CREATE INDEX workflow_executions_by_status ON workflow_executions (workflow_id, lower(status), start_time, id)${dialect === 'postgres' ? ' INCLUDE (status)' : ''}`,
  ];
}

/** The columns read for the answer, named as the seed's example names them. */
export const EXECUTION_COLUMNS =
  'id, workflow_id AS "workflowId", request_id AS "requestId", start_time AS "startTime", close_time AS "closeTime", status';

/** The workflow columns `GET /v3/workflows` answers. */
export const WORKFLOW_COLUMNS = 'id, name, description, enabled, created';

import {
  type DateTimeStorage,
  type SqlDialectName,
  sqlStorage,
  workflowExecutionsSchema,
} from '../../src/index.js';

/** The statuses an execution may have: the endpoint schema's enum, which the table's CHECK holds it to. */
export const EXECUTION_STATUSES: readonly string[] = workflowExecutionsSchema.fields.status.enum;

/**
 * The name of the constraint that keeps `status` to {@link EXECUTION_STATUSES}: a store finds it
 * by name before it lets the filters rely on it (a database made before it has none).
 */
export const CLOSED_STATUS_CONSTRAINT = 'workflow_executions_status_closed';

const statusCheck = () =>
  `CONSTRAINT ${CLOSED_STATUS_CONSTRAINT} CHECK (status IN (${EXECUTION_STATUSES.map((s) => `'${s.replaceAll("'", "''")}'`).join(', ')}))`;

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
 * `status` holds only the enum's statuses (a CHECK constraint), so the server declares the field
 * `closed` and `not status eq "Failed"` is planned as an `IN` of the other statuses, on the same index.
 * The key columns (`id`, `workflow_id`, text `start_time`) sort in code-point order on every
 * engine (`orderedByCodePoint`: PostgreSQL's "C" collation, SQLite's own), so pages come in the
 * same order on both engines whatever the database's default collation.
 */
export function schemaStatements(
  dialect: SqlDialectName,
  storage: DateTimeStorage = 'text',
): readonly string[] {
  const { columns, timestamp, orderedByCodePoint } = sqlStorage(dialect);
  const text = columns.string;
  const key = orderedByCodePoint(text);
  // With `storage: 'timestamp'`, the executions' times are the engine's native column.
  const native = storage === 'timestamp';
  const time = columns['date-time'];
  const executionTime = native ? timestamp.columns[0]! : orderedByCodePoint(time);
  return [
    `CREATE TABLE workflows (
      id ${key} PRIMARY KEY,
      name ${text} NOT NULL,
      description ${text} NOT NULL,
      enabled ${columns.boolean} NOT NULL,
      created ${time} NOT NULL
    )`,
    `CREATE TABLE workflow_executions (
      id ${key} PRIMARY KEY,
      workflow_id ${key} NOT NULL REFERENCES workflows (id),
      request_id ${text} NOT NULL,
      start_time ${executionTime} NOT NULL,
      close_time ${executionTime},
      status ${text} NOT NULL ${statusCheck()}
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
  const includes = sqlStorage(dialect).indexIncludes(['status']);
  return [
    'CREATE INDEX workflow_executions_by_start ON workflow_executions (workflow_id, start_time, id)',
    `CREATE INDEX workflow_executions_by_status ON workflow_executions (workflow_id, lower(status), start_time, id)${includes}`,
  ];
}

/** A native PostgreSQL timestamp as the answer writes it: RFC 3339 in UTC, to the microsecond. */
const pgTime = (column: string) => `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;

/**
 * The columns read for the answer, named as the seed's example names them; native PostgreSQL
 * timestamps written back as RFC 3339 text.
 */
export function executionColumns(storage: DateTimeStorage = 'text'): string {
  const start = storage === 'timestamp' ? pgTime('start_time') : 'start_time';
  const close = storage === 'timestamp' ? pgTime('close_time') : 'close_time';
  return `id, workflow_id AS "workflowId", request_id AS "requestId", ${start} AS "startTime", ${close} AS "closeTime", status`;
}

/** The workflow columns `GET /v3/workflows` answers. */
export const WORKFLOW_COLUMNS = 'id, name, description, enabled, created';

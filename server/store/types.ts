import type { DateTimeStorage, SqlChunks, SqlDialectName } from '../../src/index.js';
import type { ExecutionStatus, WorkflowRow } from '../seed/sample.js';

/** A workflow execution as the endpoint answers it (the seed's example shape). */
export interface Execution {
  readonly id: string;
  readonly workflowId: string;
  readonly requestId: string;
  readonly startTime: string;
  readonly closeTime: string | null;
  readonly status: ExecutionStatus;
}

/** One page of a workflow's executions, as a store reads it. */
export interface ExecutionsQuery {
  readonly workflowId: string;
  /**
   * The validated filter compiled for the store's dialect, as chunks the store splices into its
   * statement (placeholders are written once, for the whole statement); undefined when there is
   * no filter.
   */
  readonly filter: (dialect: SqlDialectName) => SqlChunks | undefined;
  /** The `ORDER BY` clause for the store's dialect: start time, then id. */
  readonly orderBy: (dialect: SqlDialectName) => string;
  readonly limit: number;
  readonly offset: number;
  /** Whether to count every match (for `X-Total-Count`). */
  readonly count: boolean;
}

/** A page of executions, with the total when it was asked for. */
export interface ExecutionsPage {
  readonly items: readonly Execution[];
  readonly total?: number;
}

/** What the reference server reads its data through: SQLite or PostgreSQL. */
export interface Store {
  /** The engine behind it. */
  readonly dialect: SqlDialectName;
  /** How the executions' times are stored: text (the default), or native timestamps (PostgreSQL). */
  readonly dateTimeStorage?: DateTimeStorage;
  /**
   * Whether the table holds `status` to the enum's statuses (its CHECK constraint, found when the
   * store opened), so the endpoint may declare the field `closed`. A database made without the
   * constraint, or an engine that cannot keep it, says false, and negated status tests stay negations.
   */
  readonly closedStatus?: boolean;
  /** Every workflow, in creation order. */
  listWorkflows(): Promise<readonly WorkflowRow[]>;
  /** One page of a workflow's executions, or undefined when there is no such workflow. */
  listExecutions(query: ExecutionsQuery): Promise<ExecutionsPage | undefined>;
  /**
   * The query plan the engine chooses for `query`'s page statement, or its count statement
   * (SQLite's EXPLAIN QUERY PLAN, PostgreSQL's EXPLAIN without costs), one line per step.
   */
  explain(query: ExecutionsQuery, statement?: 'page' | 'count'): Promise<readonly string[]>;
  /** Releases the connection(s). */
  close(): Promise<void>;
}

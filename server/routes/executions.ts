import type { Request, Response } from 'express';
import { defineSchema, type Schema, type SqlDialectName, workflowExecutionsSchema } from '../../src/index.js';
import { type CollectionRequest, collectionOf, v3Collection } from '../../src/integrations/express/index.js';
import { notFoundBody } from '../bodies.js';
import type { ExecutionsQuery, Store } from '../store/types.js';

/**
 * The executions' order when the client gives none (the endpoint has no `sorters`): start time,
 * then id, so pages never overlap or skip, on an index that serves every whitelisted filter.
 */
export const EXECUTIONS_ORDER = ['start_time', 'id'] as const;

const { fields } = workflowExecutionsSchema;

/**
 * The endpoint's schema with `status` declared `closed`: the table holds every status to the
 * enum's (a CHECK constraint), so the compiler may plan `not status eq "Failed"` as an `IN` of the
 * other statuses, which the status index serves.
 */
export const closedStatusSchema = defineSchema({
  ...workflowExecutionsSchema,
  fields: { ...fields, status: { ...fields.status, closed: true } },
});

/** The schema the endpoint validates and compiles with on `store`: status closed only where the table keeps it so. */
export function executionsSchema(store: Pick<Store, 'closedStatus'>): Schema {
  return store.closedStatus === true ? closedStatusSchema : workflowExecutionsSchema;
}

/** The store's query for one validated request. */
export function executionsQuery(workflowId: string, request: CollectionRequest): ExecutionsQuery {
  return {
    workflowId,
    filter: (dialect: SqlDialectName) =>
      request.filter === undefined ? undefined : request.whereChunks(dialect),
    orderBy: (dialect: SqlDialectName) => request.orderBy(dialect),
    limit: request.limit,
    offset: request.offset,
    count: request.count,
  };
}

function isPossibleId(id: string): boolean {
  return id.length <= 256 && !id.includes('\u0000');
}

/**
 * `GET /v3/workflows/:id/executions`: the seed's endpoint. The Express adapter validates the
 * collection parameters against the built-in whitelist (a 400 never reaches the handler) and
 * compiles the filter for the store's dialect (the store writes it into its statement); the
 * handler reads one page and, for `count=true`,
 * the total as `X-Total-Count`. An unknown workflow is the seed's 404.
 */
export function executionsRoute(store: Store) {
  const collection = v3Collection(executionsSchema(store), {
    dialect: store.dialect,
    tiebreaker: EXECUTIONS_ORDER,
    // A store whose times are native columns: the filter compares them as the engine's type.
    storage: { start_time: store.dateTimeStorage ?? 'text' },
  });
  const handler = async (req: Request<{ id: string }>, res: Response): Promise<void> => {
    const id = req.params.id;
    // No stored id holds U+0000 (`%00`; PostgreSQL text cannot) or runs past 256 characters:
    // answer those without asking the database, which would fail on the first.
    const page = isPossibleId(id)
      ? await store.listExecutions(executionsQuery(id, collectionOf(res)))
      : undefined;
    if (page === undefined) {
      res.status(404).json(notFoundBody());
      return;
    }
    if (page.total !== undefined) res.set('X-Total-Count', String(page.total));
    res.json(page.items);
  };
  return [collection, handler] as const;
}

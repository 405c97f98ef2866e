import type { Request, Response } from 'express';
import { defineSchema } from '../../src/index.js';
import { collectionOf, v3Collection } from '../../src/integrations/express/index.js';
import type { Store } from '../store/types.js';

/** What `GET /v3/workflows` filters on: few rows, filtered in memory with the predicate compiler. */
export const workflowsSchema = defineSchema({
  fields: {
    id: { type: 'string', operators: ['eq', 'in'], caseSensitive: true, description: 'Workflow ID.' },
    name: { type: 'string', operators: ['eq', 'sw', 'co'], description: 'Workflow name.' },
    enabled: { type: 'boolean', operators: ['eq'], description: 'Whether the workflow runs.' },
  },
});

/**
 * `GET /v3/workflows`: every workflow (`id`, `name`, `description`, `enabled`, `created`), so a
 * client can find the ids the executions endpoint takes. Takes the standard collection
 * parameters too (`filters` on id, name and enabled; `limit`, `offset`, `count`).
 */
export function workflowsRoute(store: Store) {
  const collection = v3Collection(workflowsSchema);
  const handler = async (_req: Request, res: Response): Promise<void> => {
    const request = collectionOf(res);
    const matches = (await store.listWorkflows()).filter(request.predicate());
    if (request.count) res.set('X-Total-Count', String(matches.length));
    res.json(matches.slice(request.offset, request.offset + request.limit));
  };
  return [collection, handler] as const;
}

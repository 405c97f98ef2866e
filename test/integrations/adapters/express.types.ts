/**
 * Type checks of the Express adapter (compiled by `tsc`, not run): the route handlers after
 * `v3Collection` see `res.locals.collection` typed, and route parameters are typed when given.
 */
import express from 'express';
import { workflowExecutionsSchema as schema } from '../../../src/index.js';
import { type CollectionRequest, v3Collection } from '../../../src/integrations/express/index.js';

const app = express();
app.get('/workflows/:id/executions', v3Collection<{ id: string }>(schema), (req, res) => {
  const id: string = req.params.id;
  const request: CollectionRequest = res.locals.collection;
  // @ts-expect-error: the typed request has no such member
  res.locals.collection.nope;
  // @ts-expect-error: the route parameter is a string
  const wrong: number = req.params.id;
  res.json({ id, limit: request.limit, wrong });
});
express.Router().get('/executions', v3Collection(schema), (_req, res) => {
  // @ts-expect-error: `limit` is a number
  const limit: string = res.locals.collection.limit;
  res.json({ limit });
});

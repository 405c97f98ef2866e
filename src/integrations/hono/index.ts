/**
 * Hono 4 middleware for a V3 collection endpoint: `v3Collection(schema, options)` answers the V3
 * 400 itself, and otherwise sets the typed {@link CollectionRequest} as the context variable
 * `collection` (`c.get('collection')`, typed through the middleware's `Variables`). Hono is a
 * peer dependency (types only: this module imports nothing of Hono at run time). No Node
 * imports: it runs wherever Hono runs (Node, Bun, Deno, edge runtimes, browsers).
 * The guide: [The server](../../../docs/server.md).
 *
 * @example
 * import { Hono } from 'hono';
 * import { v3Collection } from 'v3-filters/hono';
 *
 * const app = new Hono();
 * app.get('/v3/executions', v3Collection(workflowExecutionsSchema), (c) => {
 *   const { where, orderBy, limit, offset } = c.get('collection');
 *   ...
 * });
 * @module
 */
import type { MiddlewareHandler } from 'hono';
import {
  type CollectionHandlerOptions,
  type CollectionRequest,
  createCollectionHandler,
} from '../../handler/index.js';
import { rawQueryOf } from '../../handler/raw-query.js';
import type { Schema } from '../../schema/types.js';

export type { CollectionHandlerOptions, CollectionRequest } from '../../handler/index.js';

/** The context variables the middleware sets. */
export interface CollectionVariables {
  /** The typed request: filter, sort keys, page, and its SQL. */
  collection: CollectionRequest;
}

/** The Hono environment of routes behind the middleware (`{ Variables: CollectionVariables }`). */
export interface CollectionEnv {
  Variables: CollectionVariables;
}

/**
 * Hono 4 middleware for one collection endpoint. It reads the raw query string of `c.req.url`
 * (not `c.req.query()`, which merges repeated parameters). Runtimes hand over that URL re-encoded
 * by the WHATWG URL parser (`"` as `%22`…); the handler decodes every good escape around a
 * malformed one, so a 400 reports the same column here as in Express and Fastify. It answers the V3 400
 * (`application/json; charset=utf-8`, the seed's body with a `trackingId`) without calling
 * `next`, or sets `collection` and calls `next()`.
 *
 * The options are those of `createCollectionHandler`, every one checked here, once (a bad or
 * misspelt option throws `InvalidCollectionOptionsError` naming it at startup, never on a request). Give `dialect` so that a filter that
 * cannot be written as SQL is a 400 here too, and `where` cannot throw in the route.
 */
export function v3Collection(
  schema: Schema,
  options?: CollectionHandlerOptions,
): MiddlewareHandler<CollectionEnv> {
  const handle = createCollectionHandler(schema, options);
  return async (c, next) => {
    const answer = handle(rawQueryOf(c.req.url));
    if (!answer.ok) return c.body(JSON.stringify(answer.body), answer.status, { ...answer.headers });
    c.set('collection', answer);
    await next();
    return undefined;
  };
}

/**
 * Express 5 middleware for a V3 collection endpoint: `v3Collection(schema, options)` answers the
 * V3 400 itself, and otherwise puts the typed {@link CollectionRequest} on `res.locals.collection`
 * for the route handler. Express is a peer dependency (types only: this module imports nothing of
 * Express at run time). Node-only, as Express is.
 * The guide: [The server](../../../docs/server.md).
 *
 * @example
 * import express from 'express';
 * import { v3Collection } from 'v3-filters/express';
 *
 * app.get('/v3/executions', v3Collection(workflowExecutionsSchema, { dialect: 'sqlite' }), (req, res) => {
 *   const { where, orderBy, limit, offset } = res.locals.collection;
 *   ...
 * });
 * @module
 */
import type { ErrorRequestHandler, Request, RequestHandler, Response } from 'express';
import {
  type CollectionHandlerOptions,
  type CollectionRequest,
  CollectionSqlError,
  createCollectionHandler,
} from '../../handler/index.js';
import { rawQueryOf } from '../../handler/raw-query.js';
import type { Schema } from '../../schema/types.js';

export type { CollectionHandlerOptions, CollectionRequest } from '../../handler/index.js';

/** What the middleware adds to `res.locals`. */
export interface CollectionLocals {
  /** The typed request: filter, sort keys, page, and its SQL. */
  collection: CollectionRequest;
}

/** Express's default route parameters (`ParamsDictionary`), read from its own `Request` type. */
export type DefaultParams = Request['params'];

/** Express's default parsed query (`qs`), read from its own `Request` type. */
export type DefaultQuery = Request['query'];

/**
 * The middleware's type: an Express `RequestHandler` whose `res.locals` carries
 * {@link CollectionLocals}, so the handlers after it on the same route see
 * `res.locals.collection` typed.
 */
export type CollectionMiddleware<P = DefaultParams> = RequestHandler<
  P,
  unknown,
  unknown,
  DefaultQuery,
  CollectionLocals
>;

/**
 * Express 5 middleware for one collection endpoint. It reads the raw query string of
 * `req.originalUrl` (not `req.query`, which merges repeated parameters), answers the V3 400
 * (`application/json; charset=utf-8`, the seed's body with a `trackingId`) without calling
 * `next`, or stores the typed request in `res.locals.collection` and calls `next()`.
 *
 * The options are those of `createCollectionHandler`, every one checked here, once (a bad or
 * misspelt option throws `InvalidCollectionOptionsError` naming it at startup, never on a request). Give `dialect` so that a filter that
 * cannot be written as SQL is a 400 here too, and `where` cannot throw in the route.
 *
 * The route's later handlers get `res.locals.collection` typed. Route parameters are typed as
 * Express's `ParamsDictionary` unless given: `v3Collection<{ id: string }>(schema)`.
 */
export function v3Collection<P = DefaultParams>(
  schema: Schema,
  options?: CollectionHandlerOptions,
): CollectionMiddleware<P> {
  const handle = createCollectionHandler(schema, options);
  return (req, res, next) => {
    const answer = handle(rawQueryOf(req.originalUrl ?? req.url));
    if (!answer.ok) {
      // The 400 body is ours, whatever body type the route declares for its own answers.
      (res as Response).status(answer.status).set(answer.headers).send(JSON.stringify(answer.body));
      return;
    }
    res.locals.collection = answer;
    next();
  };
}

/**
 * Express error middleware that answers a {@link CollectionSqlError} (thrown by `where` when the
 * handler was not given `dialect` and the filter cannot be SQL) with its V3 400, and passes every
 * other error on. Mount it after the routes: `app.use(v3CollectionErrors())`.
 */
export function v3CollectionErrors(): ErrorRequestHandler {
  return (error: unknown, _req, res, next) => {
    if (!(error instanceof CollectionSqlError) || res.headersSent) {
      next(error);
      return;
    }
    res.status(error.response.status).set(error.response.headers).send(JSON.stringify(error.response.body));
  };
}

/**
 * The typed request {@link v3Collection} stored for this response, for handlers whose `res` is
 * not typed with {@link CollectionLocals} (e.g. defined apart from the route). Throws when the
 * middleware did not run on this route: a wiring mistake, not a client error.
 */
export function collectionOf(res: Response): CollectionRequest {
  const collection: unknown = (res.locals as Partial<CollectionLocals>).collection;
  if (collection === undefined) {
    throw new Error('No collection request on this response: mount v3Collection(schema) before this handler');
  }
  return collection as CollectionRequest;
}

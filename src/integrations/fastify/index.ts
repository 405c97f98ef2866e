/**
 * A Fastify 5 plugin for V3 collection endpoints. Register {@link fastifyV3Filters} once (it
 * decorates requests with `collection`), then give each collection route the `preHandler`
 * {@link v3Collection}`(schema, options)`: it answers the V3 400 itself, or sets
 * `request.collection` to the typed {@link CollectionRequest}. Fastify is a peer dependency
 * (types only: this module imports nothing of Fastify at run time). Node-only, as Fastify is.
 * The guide: [The server](../../../docs/server.md).
 *
 * @example
 * import Fastify from 'fastify';
 * import { fastifyV3Filters, v3Collection } from 'v3-filters/fastify';
 *
 * const app = Fastify();
 * await app.register(fastifyV3Filters);
 * app.get('/v3/executions', { preHandler: v3Collection(workflowExecutionsSchema) }, async (request) => {
 *   const { where, orderBy, limit, offset } = request.collection;
 *   ...
 * });
 * @module
 */
import type { FastifyPluginCallback, FastifyRequest, preHandlerHookHandler } from 'fastify';
import {
  type CollectionHandlerOptions,
  type CollectionRequest,
  createCollectionHandler,
} from '../../handler/index.js';
import { rawQueryOf } from '../../handler/raw-query.js';
import type { Schema } from '../../schema/types.js';

export type { CollectionHandlerOptions, CollectionRequest } from '../../handler/index.js';

declare module 'fastify' {
  interface FastifyRequest {
    /**
     * The typed collection request, set by the {@link v3Collection} preHandler of this route.
     * `null` on routes without it (typed as always set, as `@fastify/jwt` types `user`; use
     * {@link collectionOf} where the route might lack the preHandler).
     */
    collection: CollectionRequest;
  }
}

/**
 * The plugin: decorates every request with `collection` (initially `null`), so requests keep
 * one shape (Fastify's advice for request decorators). It skips Fastify's encapsulation (as
 * `fastify-plugin` would, through the same `skip-override` symbol), so registering it once at the
 * root serves every route, whatever plugin context the routes live in.
 */
export const fastifyV3Filters: FastifyPluginCallback = Object.assign(
  function fastifyV3Filters(
    fastify: Parameters<FastifyPluginCallback>[0],
    _options: unknown,
    done: () => void,
  ) {
    // `null` until the preHandler runs; the type says set, for the routes that have it.
    const initial = null as unknown as CollectionRequest;
    if (!fastify.hasRequestDecorator('collection')) fastify.decorateRequest('collection', initial);
    done();
  },
  {
    [Symbol.for('skip-override')]: true,
    [Symbol.for('fastify.display-name')]: 'v3-filters',
    [Symbol.for('plugin-meta')]: { name: 'v3-filters', fastify: '5.x' },
  },
);

/**
 * A Fastify `preHandler` for one collection endpoint. It reads the raw query string of the
 * request URL (not `request.query`, which merges repeated parameters), answers the V3 400
 * (`application/json; charset=utf-8`, the seed's body with a `trackingId`) so the route handler
 * never runs, or sets `request.collection` and lets the route run.
 *
 * The options are those of `createCollectionHandler`, every one checked here, once (a bad or
 * misspelt option throws `InvalidCollectionOptionsError` naming it at startup, never on a request). Give `dialect` so that a filter that
 * cannot be written as SQL is a 400 here too, and `where` cannot throw in the route.
 */
export function v3Collection(schema: Schema, options?: CollectionHandlerOptions): preHandlerHookHandler {
  const handle = createCollectionHandler(schema, options);
  return (request, reply, done) => {
    const answer = handle(rawQueryOf(request.raw.url ?? request.url));
    if (!answer.ok) {
      // Answering from a callback hook ends the request: `done` must not be called as well.
      reply.code(answer.status).headers(answer.headers).send(JSON.stringify(answer.body));
      return;
    }
    request.collection = answer;
    done();
  };
}

/**
 * The typed request {@link v3Collection} set on this request. Throws when the preHandler did
 * not run on this route: a wiring mistake, not a client error.
 */
export function collectionOf(request: FastifyRequest): CollectionRequest {
  const collection: unknown = request.collection;
  if (collection === undefined || collection === null) {
    throw new Error('No collection request: give this route the preHandler v3Collection(schema)');
  }
  return collection as CollectionRequest;
}

/**
 * Type checks of the Fastify and Hono adapters (compiled by `tsc`, not run): the typed request
 * reaches the route handler typed, not as `any`.
 */
import Fastify from 'fastify';
import { Hono } from 'hono';
import { workflowExecutionsSchema as schema } from '../../../src/index.js';
import { v3Collection as fastifyCollection } from '../../../src/integrations/fastify/index.js';
import { v3Collection as honoCollection } from '../../../src/integrations/hono/index.js';

const hono = new Hono();
hono.get('/executions', honoCollection(schema), (c) => {
  // @ts-expect-error: `limit` is a number
  const limit: string = c.get('collection').limit;
  // @ts-expect-error: the typed request has no such member
  c.get('collection').nope;
  return c.json({ limit });
});

const fastify = Fastify();
fastify.get('/executions', { preHandler: fastifyCollection(schema) }, async (request) => {
  // @ts-expect-error: `offset` is a number
  const offset: string = request.collection.offset;
  return { offset };
});

import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import { InvalidCollectionOptionsError } from '../../../src/index.js';
import { collectionOf, fastifyV3Filters, v3Collection } from '../../../src/integrations/fastify/index.js';
import { get } from './support/http.js';
import { BAD_OPTIONS, describeAdapter, executionsPage, TEST_OPTIONS, TEST_SCHEMA } from './support/suite.js';

describeAdapter('Fastify 5 plugin', async (db) => {
  let calls = 0;
  const app = Fastify();
  await app.register(fastifyV3Filters);
  app.get('/executions', { preHandler: v3Collection(TEST_SCHEMA, TEST_OPTIONS) }, async (request, reply) => {
    calls++;
    const page = await executionsPage(db, request.collection);
    if (page.total !== undefined) reply.header('x-total-count', String(page.total));
    return page.rows;
  });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  if (address === null || typeof address === 'string') throw new Error('no port');
  return { port: address.port, calls: () => calls, close: () => app.close() };
});

describe('Fastify specifics', () => {
  it('decorates requests once for every context; routes in a child context work; collectionOf fails loudly', async () => {
    const app = Fastify();
    await app.register(fastifyV3Filters);
    await app.register(fastifyV3Filters); // registering twice is harmless
    expect(app.hasRequestDecorator('collection')).toBe(true);
    await app.register(
      async (child) => {
        child.get('/list', { preHandler: v3Collection(TEST_SCHEMA, TEST_OPTIONS) }, async (request) => ({
          limit: collectionOf(request).limit,
        }));
      },
      { prefix: '/child' },
    );
    app.get('/bare', async (request) => collectionOf(request));
    await app.listen({ port: 0, host: '127.0.0.1' });
    const address = app.server.address();
    if (address === null || typeof address === 'string') throw new Error('no port');
    try {
      const ok = await get(address.port, '/child/list?limit=7');
      expect([ok.status, JSON.parse(ok.text)]).toEqual([200, { limit: 7 }]);
      const repeated = await get(address.port, '/child/list?limit=7&limit=8');
      expect(repeated.status).toBe(400);
      const bare = await get(address.port, '/bare');
      expect(bare.status).toBe(500);
      expect(JSON.parse(bare.text).message).toMatch(/preHandler v3Collection/);
    } finally {
      await app.close();
    }
  });

  it('works without the plugin too (the preHandler sets the property)', async () => {
    const app = Fastify();
    app.get('/x', { preHandler: v3Collection(TEST_SCHEMA, TEST_OPTIONS) }, async (request) => ({
      offset: request.collection.offset,
    }));
    const answer = await app.inject({ method: 'GET', url: '/x?offset=3' });
    expect(answer.json()).toEqual({ offset: 3 });
    await app.close();
  });

  it('without `dialect`, a filter that cannot be SQL thrown by where() is a 400 (statusCode), not a 5xx', async () => {
    const app = Fastify();
    await app.register(fastifyV3Filters);
    // More placeholders than SQLite binds (the route's own 32,766 before the filter's): the one
    // way left for a validated filter not to be SQL.
    app.get('/x', { preHandler: v3Collection(TEST_SCHEMA) }, async (request) =>
      request.collection.where('sqlite', { parameterOffset: 32_766 }),
    );
    await app.listen({ port: 0, host: '127.0.0.1' });
    const address = app.server.address();
    if (address === null || typeof address === 'string') throw new Error('no port');
    try {
      const answer = await get(address.port, '/x?filters=id+sw+%22e%22');
      expect(answer.status).toBe(400);
      expect(JSON.parse(answer.text).message).toMatch(/sql-too-many-parameters/);
    } finally {
      await app.close();
    }
  });

  it('checks the options at startup', () => {
    expect(() => v3Collection(TEST_SCHEMA, { columns: { start_time: '' } })).toThrow(
      InvalidCollectionOptionsError,
    );
  });
});

describe('fastify adapter: every option checked at startup', () => {
  it.each(BAD_OPTIONS)('refuses a bad %s when the middleware is made', (option, options) => {
    expect(() => v3Collection(TEST_SCHEMA, options as never)).toThrow(InvalidCollectionOptionsError);
    expect(() => v3Collection(TEST_SCHEMA, options as never)).toThrow(`\`${option}\``);
  });
});

import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { InvalidCollectionOptionsError } from '../../../src/index.js';
import { v3Collection } from '../../../src/integrations/hono/index.js';
import { BAD_OPTIONS, describeAdapter, executionsPage, TEST_OPTIONS, TEST_SCHEMA } from './support/suite.js';

describeAdapter('Hono 4 middleware (on @hono/node-server)', async (db) => {
  let calls = 0;
  const app = new Hono();
  app.get('/executions', v3Collection(TEST_SCHEMA, TEST_OPTIONS), async (c) => {
    calls++;
    const page = await executionsPage(db, c.get('collection'));
    if (page.total !== undefined) c.header('x-total-count', String(page.total));
    return c.json(page.rows);
  });
  const server = await new Promise<ReturnType<typeof serve>>((resolve) => {
    const started = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(started));
  });
  return {
    port: (server.address() as AddressInfo).port,
    calls: () => calls,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
});

describe('Hono specifics', () => {
  it('answers through app.request as on any runtime (the Fetch API only)', async () => {
    const app = new Hono();
    app.get('/x', v3Collection(TEST_SCHEMA, TEST_OPTIONS), (c) =>
      c.json({ limit: c.get('collection').limit }),
    );
    const ok = await app.request('/x?limit=9');
    expect([ok.status, await ok.json()]).toEqual([200, { limit: 9 }]);
    const bad = await app.request('/x?limit=9&limit=9');
    expect(bad.status).toBe(400);
    expect(bad.headers.get('content-type')).toBe('application/json; charset=utf-8');
  });

  it('without `dialect`, a filter that cannot be SQL thrown by where() is the V3 400 (default error handler)', async () => {
    const app = new Hono();
    app.get('/x', v3Collection(TEST_SCHEMA), (c) => c.json(c.get('collection').where('sqlite')));
    const answer = await app.request('/x?filters=id+sw+%22e%00%22');
    expect(answer.status).toBe(400);
    expect(answer.headers.get('content-type')).toBe('application/json; charset=utf-8');
    const body = (await answer.json()) as { detailCode: string; messages: { text: string }[] };
    expect(body.detailCode).toBe('400.1 Bad Request Content');
    expect(body.messages[0]?.text).toMatch(/U\+0000/);
  });

  it('checks the options at startup', () => {
    expect(() => v3Collection(TEST_SCHEMA, { dialect: 'sqlite', caseFolding: 'unicode' })).toThrow(
      InvalidCollectionOptionsError,
    );
  });
});

describe('hono adapter: every option checked at startup', () => {
  it.each(BAD_OPTIONS)('refuses a bad %s when the middleware is made', (option, options) => {
    expect(() => v3Collection(TEST_SCHEMA, options as never)).toThrow(InvalidCollectionOptionsError);
    expect(() => v3Collection(TEST_SCHEMA, options as never)).toThrow(`\`${option}\``);
  });
});

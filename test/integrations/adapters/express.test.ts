import type { AddressInfo } from 'node:net';
import express, { type NextFunction, type Request, type Response } from 'express';
import { describe, expect, it } from 'vitest';
import { InvalidCollectionOptionsError } from '../../../src/index.js';
import { collectionOf, v3Collection, v3CollectionErrors } from '../../../src/integrations/express/index.js';
import { get } from './support/http.js';
import { BAD_OPTIONS, describeAdapter, executionsPage, TEST_OPTIONS, TEST_SCHEMA } from './support/suite.js';

describeAdapter('Express 5 middleware', async (db) => {
  let calls = 0;
  const app = express();
  app.get('/executions', v3Collection(TEST_SCHEMA, TEST_OPTIONS), async (_req, res) => {
    calls++;
    const page = await executionsPage(db, res.locals.collection);
    if (page.total !== undefined) res.set('x-total-count', String(page.total));
    res.json(page.rows);
  });
  const server = app.listen(0, '127.0.0.1');
  await new Promise<void>((resolve) => server.once('listening', resolve));
  return {
    port: (server.address() as AddressInfo).port,
    calls: () => calls,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
});

describe('Express specifics', () => {
  it('reads the raw query from originalUrl under a mounted router; collectionOf fails loudly when unmounted', async () => {
    const app = express();
    const router = express.Router();
    router.get('/list', v3Collection(TEST_SCHEMA, TEST_OPTIONS), (_req, res) => {
      res.json({ limit: collectionOf(res).limit });
    });
    app.use('/mounted', router);
    app.get('/bare', (_req, res) => {
      res.json(collectionOf(res));
    });
    app.use((error: Error, _req: Request, res: Response, _next: NextFunction) => {
      res.status(500).json({ message: error.message });
    });
    const server = app.listen(0, '127.0.0.1');
    await new Promise<void>((resolve) => server.once('listening', resolve));
    const { port } = server.address() as AddressInfo;
    try {
      const ok = await get(port, '/mounted/list?limit=7');
      expect([ok.status, JSON.parse(ok.text)]).toEqual([200, { limit: 7 }]);
      const repeated = await get(port, '/mounted/list?limit=7&limit=8');
      expect(repeated.status).toBe(400);
      const bare = await get(port, '/bare');
      expect(bare.status).toBe(500);
      expect(JSON.parse(bare.text).message).toMatch(/mount v3Collection/);
    } finally {
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });

  it('checks the options at startup', () => {
    expect(() => v3Collection(TEST_SCHEMA, { tiebreaker: [''] })).toThrow(InvalidCollectionOptionsError);
  });

  it('without `dialect`, a filter that cannot be SQL thrown by where() is the V3 400 through v3CollectionErrors', async () => {
    const app = express();
    app.get('/x', v3Collection(TEST_SCHEMA), (_req, res) => {
      res.json(res.locals.collection.where('sqlite'));
    });
    app.get('/boom', () => {
      throw new Error('other');
    });
    app.use(v3CollectionErrors());
    app.use((_error: Error, _req: Request, res: Response, _next: NextFunction) => {
      res.status(500).json({ other: true });
    });
    const server = app.listen(0, '127.0.0.1');
    await new Promise<void>((resolve) => server.once('listening', resolve));
    const { port } = server.address() as AddressInfo;
    try {
      const answer = await get(port, '/x?filters=id+sw+%22e%00%22');
      expect(answer.status).toBe(400);
      expect(answer.headers['content-type']).toBe('application/json; charset=utf-8');
      expect(JSON.parse(answer.text).messages[0].text).toMatch(/^In `filters` at column 7.*U\+0000/);
      expect((await get(port, '/x?filters=id+sw+%22e%22')).status).toBe(200);
      expect(JSON.parse((await get(port, '/boom')).text)).toEqual({ other: true });
    } finally {
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });
});

describe('express adapter: every option checked at startup', () => {
  it.each(BAD_OPTIONS)('refuses a bad %s when the middleware is made', (option, options) => {
    expect(() => v3Collection(TEST_SCHEMA, options as never)).toThrow(InvalidCollectionOptionsError);
    expect(() => v3Collection(TEST_SCHEMA, options as never)).toThrow(`\`${option}\``);
  });
});

import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import express from 'express';
import fc from 'fast-check';
import Fastify from 'fastify';
import { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CollectionRequest } from '../../../src/index.js';
import { v3Collection as expressCollection } from '../../../src/integrations/express/index.js';
import {
  v3Collection as fastifyCollection,
  fastifyV3Filters,
} from '../../../src/integrations/fastify/index.js';
import { v3Collection as honoCollection } from '../../../src/integrations/hono/index.js';
import { get, type Received } from './support/http.js';
import { TEST_OPTIONS, TEST_SCHEMA } from './support/suite.js';

/**
 * The three adapters on real HTTP, fed the same raw request targets byte for byte: each answers
 * with the same status and the same body (the 400's random `trackingId` aside), whatever the
 * runtime does to the URL before the adapter sees it (@hono/node-server re-encodes it with the
 * WHATWG URL parser; Express and Fastify pass Node's `req.url` as sent).
 */

/** What each route answers for a valid request: everything the typed request decided. */
function summary(request: CollectionRequest): string {
  return JSON.stringify({
    where: request.where('sqlite'),
    orderBy: request.orderBy('sqlite'),
    limit: request.limit,
    offset: request.offset,
    count: request.count,
    parameters: request.parameters,
    warnings: request.diagnostics.map((d) => [d.code, d.parameter, d.span]),
  });
}

const OPTIONS = { ...TEST_OPTIONS, unknownParameters: 'ignore' } as const;

interface Server {
  readonly name: string;
  readonly port: number;
  /** How many requests reached the framework's own handlers (past Node's HTTP parser). */
  reached(): number;
  close(): Promise<void>;
}

async function startExpress(): Promise<Server> {
  let reached = 0;
  const app = express();
  app.use((_req, _res, next) => {
    reached++;
    next();
  });
  app.get('/c', expressCollection(TEST_SCHEMA, OPTIONS), (_req, res) => {
    res.type('application/json').send(summary(res.locals.collection));
  });
  const server = app.listen(0, '127.0.0.1');
  await new Promise<void>((resolve) => server.once('listening', resolve));
  return {
    name: 'express',
    port: (server.address() as AddressInfo).port,
    reached: () => reached,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

async function startFastify(): Promise<Server> {
  let reached = 0;
  const app = Fastify();
  await app.register(fastifyV3Filters);
  app.addHook('onRequest', (_request, _reply, done) => {
    reached++;
    done();
  });
  app.get('/c', { preHandler: fastifyCollection(TEST_SCHEMA, OPTIONS) }, async (request, reply) => {
    reply.type('application/json').send(summary(request.collection));
  });
  await app.listen({ port: 0, host: '127.0.0.1' });
  return {
    name: 'fastify',
    port: (app.server.address() as AddressInfo).port,
    reached: () => reached,
    close: () => app.close(),
  };
}

async function startHono(): Promise<Server> {
  let reached = 0;
  const app = new Hono();
  app.use('*', async (_c, next) => {
    reached++;
    await next();
  });
  app.get('/c', honoCollection(TEST_SCHEMA, OPTIONS), (c) =>
    c.body(summary(c.get('collection')), 200, { 'content-type': 'application/json' }),
  );
  const server = await new Promise<ReturnType<typeof serve>>((resolve) => {
    const started = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(started));
  });
  return {
    name: 'hono',
    port: (server.address() as AddressInfo).port,
    reached: () => reached,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** The answer with what may differ removed: the 400's random trackingId. */
function comparable(answer: Received): unknown {
  let body: unknown = answer.text;
  try {
    body = JSON.parse(answer.text);
  } catch {
    // Not JSON: compared as text.
  }
  if (typeof body === 'object' && body !== null && 'trackingId' in body) {
    body = { ...body, trackingId: '(random)' };
  }
  const type = answer.headers['content-type'];
  return { status: answer.status, type: typeof type === 'string' ? type.split(';')[0] : type, body };
}

/** Latin-1 characters are sent as single bytes by Node's client: this is how raw bytes go out. */
const rawBytes = (...bytes: number[]) => Buffer.from(bytes).toString('latin1');

const piece = fc.oneof(
  {
    weight: 10,
    arbitrary: fc.constantFrom(
      'filters=',
      'sorters=',
      'limit=',
      'offset=',
      'count=',
      'filter=',
      'Limit=',
      'count+=',
      'fil%74ers=',
      'filters',
      '=',
    ),
  },
  {
    weight: 10,
    arbitrary: fc.constantFrom(
      '&',
      '=',
      '+',
      '%',
      '%2',
      '%zz',
      '%G1',
      '%FF',
      '%E2%82',
      '%C3%A9',
      '%22',
      '%27',
      '%00',
      '%25',
      '%26',
      '%3D',
      '%2B',
      '%e2%82%ac',
      '%F0%9F%98%80',
      '%F0%9F',
      '%ED%A0%80',
      '%C0%AF',
      '%E6%97%A5',
    ),
  },
  {
    weight: 10,
    arbitrary: fc.constantFrom(
      '"',
      "'",
      '<',
      '>',
      '`',
      '{',
      '}',
      '|',
      '^',
      '\\',
      '#',
      '[',
      ']',
      '(',
      ')',
      ',',
      '-',
      ';',
      '?',
      '/',
      '~!$*@:',
    ),
  },
  {
    weight: 10,
    arbitrary: fc.constantFrom(
      'status',
      '+eq+',
      '+in+',
      'Failed',
      'start_time',
      '+ge+',
      '2022-02-07T20:13:29Z',
      'true',
      '5',
    ),
  },
  // Raw non-ASCII bytes: Node's HTTP parser refuses them before any framework runs, so they are rare here.
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      rawBytes(0xc3, 0xa9),
      rawBytes(0xff),
      rawBytes(0xe2, 0x82, 0xac),
      rawBytes(0x80),
      rawBytes(0xf0, 0x9f, 0x98, 0x80),
      rawBytes(0x7f),
    ),
  },
);
const rawQuery = fc.array(piece, { minLength: 1, maxLength: 16 }).map((parts) => parts.join(''));

describe('Express, Fastify and Hono answer the same raw request the same way', () => {
  const servers: Server[] = [];
  beforeAll(async () => {
    servers.push(await startExpress(), await startFastify(), await startHono());
  });
  afterAll(async () => {
    for (const server of servers) await server.close();
  });

  async function answers(query: string): Promise<{ reached: boolean[]; answers: unknown[] }> {
    const reached: boolean[] = [];
    const got: unknown[] = [];
    for (const server of servers) {
      const before = server.reached();
      got.push(comparable(await get(server.port, `/c?${query}`)));
      reached.push(server.reached() > before);
    }
    return { reached, answers: got };
  }

  async function expectSame(query: string): Promise<unknown> {
    const { reached, answers: got } = await answers(query);
    const label = JSON.stringify(query);
    // Either every framework saw the request, or Node's HTTP parser refused it for all three.
    expect(new Set(reached).size, label).toBe(1);
    if (reached[0]) {
      expect(got[1], `${label}: fastify vs express`).toEqual(got[0]);
      expect(got[2], `${label}: hono vs express`).toEqual(got[0]);
    } else {
      // Refused before any framework ran (raw non-ASCII bytes): the status is Node's, the
      // body each framework's own client-error page, which is not the adapters' to make.
      const statuses = got.map((a) => (a as { status: number }).status);
      expect(statuses, label).toEqual([400, 400, 400]);
    }
    return got[0];
  }

  it('filters="a%zz: column 3 from all three', async () => {
    const first = (await expectSame('filters="a%zz')) as { body: { messages: { text: string }[] } };
    expect(first.body.messages[0]?.text).toMatch(/^In `filters` at column 3 /);
  });

  it('filters=😀%zz, the emoji percent-encoded: column 3 from all three (spans count UTF-16 units)', async () => {
    const first = (await expectSame('filters=%F0%9F%98%80%zz')) as { body: { messages: { text: string }[] } };
    expect(first.body.messages[0]?.text).toMatch(/^In `filters` at column 3 \(`%zz`\)/);
  });

  it.each([
    'filters=status+eq+"Failed"',
    "filters=status+eq+'Failed'",
    'filters=status+eq+%22Fa%ZZiled%22',
    'filters=<>&limit=1',
    'filters=status+in+("Failed",%22Completed%22)&sorters=-start_time',
    'filters=%22%C3%A9%FF%22',
    'limit=1&limit=2',
    'filter=status+eq+"Failed"&limit=1',
    'count+=true',
    `filters=${rawBytes(0xc3, 0xa9)}`,
    'filters=a#b',
    'filters=status+eq+"a\\"b"',
    'filters=%e2%82%ac%zz',
    'filters=%ED%A0%80%zz',
    'fil%74ers=%zz',
    'filters=%zz&filters=%yy',
    '&&filters=%zz&&',
    'filters=a?b/c;d%zz',
    `filters=a${rawBytes(0x7f)}`,
  ])('%s', async (query) => {
    await expectSame(query);
  });

  it('on generated raw query strings: same status, same body', async () => {
    const statuses = new Map<number, number>();
    await fc.assert(
      fc.asyncProperty(rawQuery, async (query) => {
        const answer = (await expectSame(query)) as { status: number; body: unknown };
        const kind = Array.isArray((answer.body as { messages?: unknown }).messages)
          ? answer.status
          : -answer.status;
        statuses.set(kind, (statuses.get(kind) ?? 0) + 1);
      }),
      { numRuns: 400 },
    );
    // The generator reaches every outcome: pages, the adapters' 400s, and Node's own refusals.
    expect([...statuses.keys()].sort(), JSON.stringify([...statuses])).toEqual([-400, -200, 400].sort());
  });
});

import type { AddressInfo } from 'node:net';
import express from 'express';
import fc from 'fast-check';
import Fastify from 'fastify';
import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import {
  type CollectionHandlerResult,
  createCollectionHandler,
  InvalidCollectionOptionsError,
  type Schema,
  workflowExecutionsSchema,
} from '../../src/index.js';
import { v3Collection as expressCollection } from '../../src/integrations/express/index.js';
import { v3Collection as fastifyCollection } from '../../src/integrations/fastify/index.js';
import { v3Collection as honoCollection } from '../../src/integrations/hono/index.js';
import { get } from '../integrations/adapters/support/http.js';

/**
 * Every option of the collection handler is checked when the handler is made: on random option
 * objects (every option, right and wrong values of every type, getters that throw, proxies,
 * frozen and null-prototype objects, a polluted Object.prototype), either creation throws
 * InvalidCollectionOptionsError naming every bad option, or every request of a fixed set answers
 * a typed request (whose where, orderBy and predicate work) or the V3 400 that blames the
 * request, never a throw and never a 400 about the options. Which values are bad is decided here,
 * by rules of this test's own (the oracle), not by the code under test.
 */

const schema: Schema = { ...workflowExecutionsSchema, sorters: ['start_time', 'status'] };
const DIALECT_MAX: Readonly<Record<string, number>> = { postgres: 65_535, mysql: 65_535, sqlite: 32_766 };
const FOLDS: Readonly<Record<string, readonly string[]>> = {
  postgres: ['unicode', 'ascii'],
  sqlite: ['ascii'],
  mysql: ['unicode'],
};
const LIMIT_MAX: Readonly<Record<string, number>> = {
  maxLength: 64 * 1024 * 1024,
  maxDepth: 256,
  maxComparisons: 1_000_000,
  maxListValues: 1_000_000,
  maxErrors: 1000,
};

const isWhole = (v: unknown, min: number, max: number) =>
  typeof v === 'number' && Number.isInteger(v) && v >= min && v <= max;
const isPlain = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
const isDenseList = (v: unknown): v is unknown[] =>
  Array.isArray(v) && Array.from({ length: v.length }, (_, i) => Object.hasOwn(v, i)).every(Boolean);
const isIdentifier = (v: unknown) =>
  typeof v === 'string' && v !== '' && !v.includes('\0') && !/\p{Surrogate}/u.test(v);

/** The options the oracle finds bad, by name (`options` when the object itself is). */
function badOptions(o: Record<string, unknown>): Set<string> {
  const bad = new Set<string>();
  const known = [
    'maxLimit',
    'defaultLimit',
    'sorters',
    'limits',
    'unknownParameters',
    'otherParameters',
    'columns',
    'tiebreaker',
    'table',
    'dialect',
    'parameterOffset',
    'caseFolding',
    'defaultSorters',
    'trackingId',
    'maxMessages',
  ];
  for (const key of Object.keys(o)) if (!known.includes(key)) bad.add(key);
  const given = (key: string) => o[key] !== undefined;
  if (given('maxLimit') && !isWhole(o.maxLimit, 0, Number.MAX_SAFE_INTEGER)) bad.add('maxLimit');
  const maxLimit = given('maxLimit') && !bad.has('maxLimit') ? (o.maxLimit as number) : 250;
  if (given('defaultLimit') && !isWhole(o.defaultLimit, 0, maxLimit)) bad.add('defaultLimit');
  const sorters = o.sorters;
  if (given('sorters') && !(isDenseList(sorters) && sorters.every((s) => typeof s === 'string')))
    bad.add('sorters');
  if (given('limits')) {
    const limits = o.limits;
    // `parse`'s rule: an object whose every key is a limit (so `[]`, with no keys, is no limit).
    const ok =
      typeof limits === 'object' &&
      limits !== null &&
      Object.keys(limits).every((k) => k in LIMIT_MAX) &&
      Object.entries(limits).every(([k, v]) => v === undefined || isWhole(v, 1, LIMIT_MAX[k]!));
    if (!ok) bad.add('limits');
  }
  if (given('unknownParameters') && !['ignore', 'reject'].includes(o.unknownParameters as string)) {
    bad.add('unknownParameters');
  }
  const others = o.otherParameters;
  if (given('otherParameters') && !(isDenseList(others) && others.every((s) => typeof s === 'string'))) {
    bad.add('otherParameters');
  }
  const columns = o.columns;
  if (given('columns') && !(isPlain(columns) && Object.values(columns).every(isIdentifier)))
    bad.add('columns');
  const tiebreaker = o.tiebreaker;
  if (given('tiebreaker') && !(isDenseList(tiebreaker) && tiebreaker.every(isIdentifier)))
    bad.add('tiebreaker');
  if (given('table') && !isIdentifier(o.table)) bad.add('table');
  const dialect = o.dialect as string | undefined;
  const knownDialect = dialect === undefined || Object.hasOwn(DIALECT_MAX, dialect);
  if (!knownDialect) bad.add('dialect');
  // Without a dialect the offset must suit every dialect; an unknown one is refused for itself.
  const maxOffset = dialect === undefined ? 32_766 : knownDialect ? DIALECT_MAX[dialect]! : 65_535;
  if (given('parameterOffset') && !isWhole(o.parameterOffset, 0, maxOffset)) bad.add('parameterOffset');
  if (given('caseFolding')) {
    const folds = dialect !== undefined && knownDialect ? FOLDS[dialect]! : ['unicode', 'ascii'];
    if (!folds.includes(o.caseFolding as string)) bad.add('caseFolding');
  }
  const defaults = o.defaultSorters;
  const sorterOk = (s: unknown) =>
    isPlain(s) && typeof s.field === 'string' && (s.direction === 'asc' || s.direction === 'desc');
  if (given('defaultSorters') && !(isDenseList(defaults) && defaults.every(sorterOk)))
    bad.add('defaultSorters');
  if (given('trackingId') && typeof o.trackingId !== 'function') bad.add('trackingId');
  if (given('maxMessages') && !isWhole(o.maxMessages, 1, Number.POSITIVE_INFINITY)) bad.add('maxMessages');
  // Each sort key's column: `columns[key]`, else the key itself (no field of this schema has a `column`).
  const columnOf = (key: string) => (isPlain(columns) && Object.hasOwn(columns, key) ? columns[key] : key);
  const sortKeys = bad.has('sorters') ? [] : ((sorters as string[] | undefined) ?? schema.sorters ?? []);
  for (const key of sortKeys)
    if (!isIdentifier(columnOf(key))) bad.add(isIdentifier(key) ? 'columns' : 'sorters');
  if (!bad.has('defaultSorters')) {
    for (const s of (defaults as { field: string }[] | undefined) ?? []) {
      if (!isIdentifier(columnOf(s.field))) bad.add(isIdentifier(s.field) ? 'columns' : 'defaultSorters');
    }
  }
  return bad;
}

/** A list of `length` whose first item is a hole (reading it would reach `Array.prototype`). */
function sparse(length: number, last: string): unknown[] {
  const list: unknown[] = new Array(length);
  list[length - 1] = last;
  return list;
}

const VALUES: Readonly<Record<string, readonly unknown[]>> = {
  maxLimit: [0, 1, 250, 1000, -1, 1.5, Number.NaN, Number.POSITIVE_INFINITY, '10', null, {}, 2 ** 53],
  defaultLimit: [0, 5, 250, 300, -1, Number.NaN, '5', null],
  sorters: [[], ['start_time'], ['status', 'id'], ['odd'], [''], 'status', [1], [null], sparse(2, 'status')],
  limits: [
    {},
    { maxLength: 100 },
    { maxDepth: 4, maxErrors: 3 },
    5,
    { maxLength: 1e15 },
    { maxLength: 0 },
    { maxLen: 5 },
    { maxDepth: 1.5 },
    null,
    [],
  ],
  unknownParameters: ['ignore', 'reject', 'strict', true, null],
  otherParameters: [['page'], [], 'page', [1], {}],
  columns: [
    {},
    { status: 'state' },
    { odd: 'x' },
    [],
    'x',
    { status: '' },
    { odd: 'a\0' },
    { status: 5 },
    { odd: '\ud800' },
  ],
  tiebreaker: [['id'], [], ['id', 'start_time'], 'id', [''], ['a\0'], [5], {}, sparse(2, 'id')],
  table: ['t', 'my "t"', '', 5, 'a\0', '\ud800', null],
  dialect: ['postgres', 'sqlite', 'mysql', 'oracle', 'Postgres', 5, '__proto__', 'toString', null],
  parameterOffset: [0, 1, 100, 32_766, 40_000, 65_535, -1, '1', Number.NaN, 70_000, 1.5, null],
  caseFolding: ['unicode', 'ascii', 'turkish', 'C', 5, null],
  defaultSorters: [
    [{ field: 'start_time', direction: 'desc' }],
    [],
    [{ field: 'odd', direction: 'asc' }],
    [{ field: 'x', direction: 'down' }],
    'start_time',
    [{ field: 5, direction: 'asc' }],
    [null],
  ],
  trackingId: [() => 'abc', () => 't'.repeat(3), 'abc', 5, null],
  maxMessages: [1, 20, 0, -1, 1.5, Number.NaN, '5'],
  dialet: ['postgres'],
  limt: [5],
};

/** How the options object is made: the shapes a caller (or an attacker) can hand over. */
type Shape =
  | 'plain'
  | 'frozen'
  | 'null-prototype'
  | 'getter'
  | 'throwing getter'
  | 'proxy'
  | 'throwing proxy';

function build(entries: Record<string, unknown>, shape: Shape, key: string | undefined): unknown {
  switch (shape) {
    case 'plain':
      return { ...entries };
    case 'frozen':
      return Object.freeze({ ...entries });
    case 'null-prototype':
      return Object.assign(Object.create(null), entries);
    case 'getter':
    case 'throwing getter': {
      const object: Record<string, unknown> = { ...entries };
      if (key === undefined) return object;
      const value = entries[key];
      delete object[key];
      Object.defineProperty(object, key, {
        enumerable: true,
        get: () => {
          if (shape === 'throwing getter') throw new Error('getter');
          return value;
        },
      });
      return object;
    }
    case 'proxy':
      return new Proxy({ ...entries }, {});
    case 'throwing proxy':
      return new Proxy(
        { ...entries },
        {
          ownKeys: () => {
            throw new Error('ownKeys');
          },
        },
      );
  }
}

const REQUESTS = [
  '',
  'filters=status+eq+%22Failed%22',
  'filters=status+eq+%22Failed%22&sorters=-start_time&limit=5&offset=2&count=true',
  'filters=start_time+gt+2022-02-07T20:13:29Z+and+not+status+in+(%22Failed%22,%22Canceled%22)',
  'sorters=status&limit=1',
  'limit=9999',
  'filters=bad',
  'page=2',
  'filter=x',
];

/** Codes that would blame the server's options rather than the request: never in a 400. */
const OPTION_CODES = [
  'invalid-option',
  'compile-invalid-option',
  'sql-case-folding-unsupported',
  'sql-invalid-identifier',
];

/** The prototype pollution a run may be under: bad values for options read off a prototype. */
const POLLUTION: Readonly<Record<string, unknown>> = {
  dialect: 'oracle',
  tiebreaker: 'id',
  caseFolding: 'turkish',
  trackingId: 'abc',
  maxMessages: -1,
  parameterOffset: -5,
  limits: 5,
};

function withPollution<T>(on: boolean, run: () => T): T {
  if (!on) return run();
  const proto = Object.prototype as Record<string, unknown>;
  for (const [key, value] of Object.entries(POLLUTION)) proto[key] = value;
  try {
    return run();
  } finally {
    for (const key of Object.keys(POLLUTION)) delete proto[key];
  }
}

type Outcome =
  | { created: false; error: unknown }
  | { created: true; answers: (CollectionHandlerResult | { threw: unknown })[] };

function attempt(options: unknown, dialect: string | undefined): Outcome {
  let handler: ReturnType<typeof createCollectionHandler>;
  try {
    handler = createCollectionHandler(schema, options as never);
  } catch (error) {
    return { created: false, error };
  }
  const answers = REQUESTS.map((query) => {
    try {
      const answer = handler(query);
      if (answer.ok) {
        const target = (dialect ?? 'postgres') as 'postgres';
        answer.where(target);
        answer.orderBy(target);
        answer.predicate()({ status: 'Failed', start_time: '2022-02-08T00:00:00Z' });
      }
      return answer;
    } catch (threw) {
      return { threw };
    }
  });
  return { created: true, answers };
}

/** Each adapter's middleware, made with the options: what a framework user calls at startup. */
const ADAPTERS: Readonly<Record<string, (options: unknown) => unknown>> = {
  express: (options) => expressCollection(schema, options as never),
  fastify: (options) => fastifyCollection(schema, options as never),
  hono: (options) => honoCollection(schema, options as never),
};

/** How each adapter's creation went: the error's class and message, or `made`. */
function adaptersMade(options: unknown): Record<string, string> {
  const made: Record<string, string> = {};
  for (const [name, make] of Object.entries(ADAPTERS)) {
    try {
      make(options);
      made[name] = 'made';
    } catch (error) {
      made[name] = `${(error as Error).constructor.name}: ${(error as Error).message}`;
    }
  }
  return made;
}

const optionKeys = Object.keys(VALUES);
const entries = fc
  .subarray(optionKeys, { maxLength: 6 })
  .chain((keys) =>
    fc.tuple(...keys.map((key) => fc.constantFrom(...VALUES[key]!).map((value) => [key, value] as const))),
  )
  .map((pairs) => Object.fromEntries(pairs) as Record<string, unknown>);
const shape = fc.constantFrom<Shape>(
  'plain',
  'frozen',
  'null-prototype',
  'getter',
  'throwing getter',
  'proxy',
  'throwing proxy',
);

describe('handler options are checked when the handler is made, never on a request', () => {
  it('on random option objects: InvalidCollectionOptionsError naming each bad option, or answers that never throw', () => {
    fc.assert(
      fc.property(entries, shape, fc.nat(), fc.boolean(), (given, how, pick, polluted) => {
        const keys = Object.keys(given);
        const key = keys.length > 0 ? keys[pick % keys.length] : undefined;
        const options = build(given, how, key);
        // A proxy that cannot list its keys hides every option: only the object itself is named.
        // An option whose getter throws is named, and the others are judged as if it were absent.
        const unreadable = how === 'throwing getter' ? key : undefined;
        const readable = Object.fromEntries(Object.entries(given).filter(([k]) => k !== unreadable));
        const bad = how === 'throwing proxy' ? new Set(['options']) : badOptions(readable);
        if (unreadable !== undefined) bad.add(unreadable);
        const dialect = typeof given.dialect === 'string' ? given.dialect : undefined;
        const outcome = withPollution(polluted, () => attempt(options, dialect));
        const label = `${how} ${JSON.stringify(given)} polluted=${polluted}`;
        // Each adapter is made, or refused, exactly as the handler is: at startup, with its message.
        const handlerMade = outcome.created
          ? 'made'
          : `${(outcome.error as Error).constructor.name}: ${(outcome.error as Error).message}`;
        expect(
          withPollution(polluted, () => adaptersMade(options)),
          label,
        ).toEqual({ express: handlerMade, fastify: handlerMade, hono: handlerMade });
        if (bad.size > 0) {
          expect(outcome.created, `${label}: should be refused for ${[...bad]}`).toBe(false);
          const error = outcome.created ? undefined : outcome.error;
          expect(error, label).toBeInstanceOf(InvalidCollectionOptionsError);
          const message = (error as Error).message;
          for (const name of bad) {
            const named = name === 'options' ? message.includes('options') : message.includes(`\`${name}\``);
            expect(named, `${label}: ${message} does not name ${name}`).toBe(true);
          }
        } else if (!outcome.created) {
          throw new Error(`${label}: refused: ${(outcome.error as Error).message}`);
        } else {
          outcome.answers.forEach((answer, i) => {
            const request = `${label} ${REQUESTS[i]}`;
            expect(answer, request).not.toHaveProperty('threw');
            if ('threw' in answer || answer.ok) return;
            expect(answer.status, request).toBe(400);
            expect(answer.body.detailCode, request).toBe('400.1 Bad Request Content');
            expect(typeof answer.body.trackingId, request).toBe('string');
            const codes = answer.diagnostics.map((d) => d.code);
            expect(
              codes.filter((c) => OPTION_CODES.includes(c)),
              request,
            ).toEqual([]);
            expect(
              answer.diagnostics.every((d) => d.parameter !== undefined),
              request,
            ).toBe(true);
          });
        }
      }),
      { numRuns: 1500 },
    );
  });

  it('on random accepted option objects, Express, Fastify and Hono answer each request as the handler does', async () => {
    const comparable = (status: number, text: string) => {
      const body = JSON.parse(text) as Record<string, unknown>;
      return { status, body: 'trackingId' in body ? { ...body, trackingId: '(random)' } : body };
    };
    await fc.assert(
      fc.asyncProperty(entries, async (given) => {
        fc.pre(badOptions(given).size === 0);
        const handler = createCollectionHandler(schema, given as never);
        const target = (typeof given.dialect === 'string' ? given.dialect : 'postgres') as 'postgres';
        const hono = new Hono();
        hono.get('/c', honoCollection(schema, given as never), (c) =>
          c.json({ where: c.get('collection').where(target), orderBy: c.get('collection').orderBy(target) }),
        );
        const app = express();
        app.get('/c', expressCollection(schema, given as never), (_req, res) => {
          res.json({
            where: res.locals.collection.where(target),
            orderBy: res.locals.collection.orderBy(target),
          });
        });
        const server = app.listen(0, '127.0.0.1');
        await new Promise<void>((resolve) => server.once('listening', resolve));
        const fastify = Fastify();
        fastify.get('/c', { preHandler: fastifyCollection(schema, given as never) }, async (request) => ({
          where: request.collection!.where(target),
          orderBy: request.collection!.orderBy(target),
        }));
        try {
          for (const query of REQUESTS) {
            const answer = handler(query);
            const expected = answer.ok
              ? {
                  status: 200,
                  body: JSON.parse(
                    JSON.stringify({ where: answer.where(target), orderBy: answer.orderBy(target) }),
                  ),
                }
              : comparable(answer.status, JSON.stringify(answer.body));
            const fromHono = await hono.request(`/c?${query}`);
            expect(comparable(fromHono.status, await fromHono.text()), `hono ${query}`).toEqual(expected);
            const fromFastify = await fastify.inject({ method: 'GET', url: `/c?${query}` });
            expect(comparable(fromFastify.statusCode, fromFastify.body), `fastify ${query}`).toEqual(
              expected,
            );
            const fromExpress = await get((server.address() as AddressInfo).port, `/c?${query}`);
            expect(comparable(fromExpress.status, fromExpress.text), `express ${query}`).toEqual(expected);
          }
        } finally {
          await fastify.close();
          await new Promise<void>((resolve) => server.close(() => resolve()));
        }
      }),
      { numRuns: 100 },
    );
  });

  it('reads the options once: changing the object afterwards changes no request', () => {
    const options: { maxLimit: number; dialect: string; tiebreaker: string[] } = {
      maxLimit: 10,
      dialect: 'sqlite',
      tiebreaker: ['id'],
    };
    const handler = createCollectionHandler(schema, options as never);
    options.maxLimit = -1;
    options.dialect = 'oracle';
    options.tiebreaker.push('');
    const answer = handler('limit=10');
    expect(answer.ok).toBe(true);
    if (answer.ok) expect(answer.orderBy('sqlite')).toBe('ORDER BY "id" ASC');
  });
});

import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type CollectionHandlerOptions,
  type CollectionRequest,
  type Schema,
  workflowExecutionsSchema,
} from '../../../../src/index.js';
import {
  type ExecutionRow,
  openSqlite,
  sampleRows,
  type TestDatabase,
} from '../../../handler/support/engines.js';
import { get } from './http.js';

/** The test endpoint's whitelist: the seed's, and `id` as free text (so U+0000 can reach SQL). */
export const TEST_SCHEMA: Schema = {
  ...workflowExecutionsSchema,
  fields: { ...workflowExecutionsSchema.fields, id: { type: 'string', operators: ['eq', 'sw'] } },
};

/** The options every adapter test mounts its middleware with. */
export const TEST_OPTIONS: CollectionHandlerOptions = {
  sorters: ['start_time', 'status'],
  dialect: 'sqlite',
};

/** Options each adapter refuses when it is made (they used to fail on every request instead). */
export const BAD_OPTIONS: readonly (readonly [string, Record<string, unknown>])[] = [
  ['trackingId', { trackingId: 'abc' }],
  ['caseFolding', { caseFolding: 'turkish' }],
  ['parameterOffset', { parameterOffset: Number.NaN }],
  ['maxLimit', { maxLimit: -1 }],
  ['limits', { limits: { maxLength: 1e15 } }],
  ['tiebreaker', { tiebreaker: 'id' }],
  ['dialet', { dialet: 'sqlite' }],
];

/** What a route answers: its rows, and the total when asked. */
export interface RouteAnswer {
  readonly rows: readonly Record<string, unknown>[];
  readonly total: number | undefined;
}

/**
 * The route handler every adapter test mounts after its middleware: the executions page the typed
 * request asks for, from SQLite, with `WHERE` and `ORDER BY` written by the request itself.
 */
export async function executionsPage(db: TestDatabase, request: CollectionRequest): Promise<RouteAnswer> {
  const where = request.where('sqlite');
  const rows = await db.all(
    `SELECT "id", "status", "start_time" AS "startTime" FROM ${db.table} WHERE ${where.sql} ${request.orderBy('sqlite')} LIMIT ? OFFSET ?`,
    [...where.params, request.limit, request.offset],
  );
  const total = request.count
    ? Number((await db.all(`SELECT count(*) AS "n" FROM ${db.table} WHERE ${where.sql}`, where.params))[0]?.n)
    : undefined;
  return { rows, total };
}

/** A server under test: its port, how many times the route handler ran, how to stop it. */
export interface RunningServer {
  readonly port: number;
  /** How many times the route handler (after the middleware) has run. */
  calls(): number;
  close(): Promise<void>;
}

/** Starts the framework's server on 127.0.0.1, port 0, serving `GET /executions` from `db`. */
export type StartServer = (db: TestDatabase) => Promise<RunningServer>;

/** Requests that must be rejected, with the parameter the first message names. */
export const REJECTED: readonly (readonly [string, string, string])[] = [
  ['syntax', 'filters=status+eq', 'filters'],
  ['unbalanced parentheses', 'filters=(status+eq+%22Failed%22', 'filters'],
  ['field not on the whitelist', 'filters=type+eq+%22a%22', 'filters'],
  ['operator not on the whitelist', 'filters=status+ne+%22Failed%22', 'filters'],
  ['value of the wrong type', 'filters=start_time+gt+%22yesterday%22', 'filters'],
  ['value not in the enum', 'filters=status+eq+%22Fail%22', 'filters'],
  ['limit above the maximum', 'limit=251', 'limit'],
  ['limit not a number', 'limit=ten', 'limit'],
  ['negative offset', 'offset=-1', 'offset'],
  ['count not a boolean', 'count=yes', 'count'],
  ['repeated parameter', 'filters=status+eq+%22Failed%22&filters=status+eq+%22Completed%22', 'filters'],
  ['repeated limit', 'limit=1&limit=2', 'limit'],
  ['malformed sorters', 'sorters=+start_time', 'sorters'],
  ['unknown sorter', 'sorters=startTime', 'sorters'],
  ['malformed percent-encoding', 'filters=status+eq+%22Fa%ZZiled%22', 'filters'],
  ['percent-encoding that is not UTF-8', 'filters=status+eq+%22%FF%22', 'filters'],
  ['a lone percent sign', 'limit=%', 'limit'],
  [
    'filter too long',
    `filters=${'(status+eq+%22Failed%22)+or+'.repeat(200)}status+eq+%22Failed%22`,
    'filters',
  ],
  ['deeply nested', `filters=${'('.repeat(300)}status+eq+%22Failed%22${')'.repeat(300)}`, 'filters'],
  ['control bytes', 'filters=status+eq+%01%02', 'filters'],
  ['SQL after the filter', 'filters=status+eq+%22Failed%22%3B+DROP+TABLE+executions', 'filters'],
  ['unencoded + of a time offset', 'filters=start_time+gt+2022-02-07T20:13:29+01:00', 'filters'],
];

const ROWS = sampleRows(60);

/** What the SQL rows of the test table look like in a JSON body. */
function expectedIds(keep: (row: ExecutionRow) => boolean): string[] {
  return ROWS.filter(keep)
    .sort((a, b) => (a.startTime < b.startTime ? 1 : a.startTime > b.startTime ? -1 : a.id < b.id ? -1 : 1))
    .map((r) => r.id);
}

function expectV3Body(text: string, parameter: string): void {
  const body = JSON.parse(text) as { detailCode: string; trackingId: string; messages: { text: string }[] };
  expect(Object.keys(body).sort()).toEqual(['causes', 'detailCode', 'messages', 'trackingId']);
  expect(body.detailCode).toBe('400.1 Bad Request Content');
  expect(body.trackingId).toMatch(/^[0-9a-f]{32}$/);
  expect(body.messages.length).toBeGreaterThan(0);
  expect(body.messages[0]!.text).toContain(`\`${parameter}\``);
}

/** The behaviour every adapter must show over real HTTP. */
export function describeAdapter(name: string, start: StartServer): void {
  describe(`${name} over real HTTP`, () => {
    let db: TestDatabase;
    let server: RunningServer;
    beforeAll(async () => {
      db = openSqlite(ROWS);
      server = await start(db);
    });
    afterAll(async () => {
      await server.close();
      await db.close();
    });

    it('answers a valid request with the filtered, sorted page and the total', async () => {
      const before = server.calls();
      const answer = await get(
        server.port,
        '/executions?filters=status+eq+%22failed%22+and+start_time+ge+2022-02-07T20:10:00Z&sorters=-start_time&limit=5&offset=2&count=true',
      );
      expect(answer.status).toBe(200);
      expect(answer.headers['content-type']).toMatch(/^application\/json/);
      const want = expectedIds((r) => r.status === 'Failed' && r.startTime >= '2022-02-07T20:10:00');
      expect(answer.headers['x-total-count']).toBe(String(want.length));
      const body = JSON.parse(answer.text) as { id: string; status: string }[];
      expect(body.map((r) => r.id)).toEqual(want.slice(2, 7));
      expect(body.every((r) => r.status === 'Failed')).toBe(true);
      expect(server.calls()).toBe(before + 1);
    });

    it('answers without parameters with the default page', async () => {
      const answer = await get(server.port, '/executions');
      expect(answer.status).toBe(200);
      expect((JSON.parse(answer.text) as unknown[]).length).toBe(ROWS.length);
      expect(answer.headers['x-total-count']).toBeUndefined();
    });

    for (const [kind, query, parameter] of REJECTED) {
      it(`answers 400 with the V3 body, and never runs the route: ${kind}`, async () => {
        const before = server.calls();
        const answer = await get(server.port, `/executions?${query}`);
        expect(answer.status, answer.text).toBe(400);
        expect(answer.headers['content-type']).toBe('application/json; charset=utf-8');
        expectV3Body(answer.text, parameter);
        expect(server.calls()).toBe(before);
      });
    }

    it('answers 400 for a filter that validates but cannot be SQL (U+0000), before the route', async () => {
      const before = server.calls();
      const answer = await get(server.port, '/executions?filters=id+sw+%22e%00%22');
      expect(answer.status).toBe(400);
      expectV3Body(answer.text, 'filters');
      expect(server.calls()).toBe(before);
    });

    it('binds an injection attempt in a value as a parameter: no rows, the table intact', async () => {
      const attempt = encodeURIComponent(`"e0001' OR '1'='1"`);
      const answer = await get(server.port, `/executions?filters=id+eq+${attempt}&count=true`);
      expect(answer.status).toBe(200);
      expect(answer.headers['x-total-count']).toBe('0');
      const all = await get(server.port, '/executions?count=true&limit=0');
      expect(all.headers['x-total-count']).toBe(String(ROWS.length));
    });

    it('never answers 5xx, and every answer is 200 or the V3 400, on hostile query strings', async () => {
      const piece = fc.constantFrom(
        'filters=',
        'limit=',
        'offset=',
        'count=',
        'sorters=',
        '&',
        '=',
        '+',
        '%',
        '%00',
        '%2',
        '%G1',
        '%FF',
        '%E2%82',
        '%22',
        '%27',
        '%5C',
        '(',
        ')',
        'not+',
        '+and+',
        '+or+',
        'status',
        'start_time',
        '+eq+',
        '+gt+',
        'Failed',
        '2022-02-07T20:13:29Z',
        'true',
        '250',
        '-',
        ',',
        ';',
        '--',
        'drop+table',
        "'",
        '%E0%A4%A',
        '__proto__',
        'constructor',
        '%25',
        '%3D',
        '%26',
      );
      const query = fc
        .array(
          fc.oneof(piece, fc.string({ unit: fc.constantFrom(...'aZ09!*~._-()$,;:@/?[]'), maxLength: 8 })),
          { maxLength: 30 },
        )
        .map((p) => p.join(''));
      await fc.assert(
        fc.asyncProperty(query, async (q) => {
          const before = server.calls();
          const answer = await get(server.port, `/executions?${q}`);
          expect([200, 400], `${q}: ${answer.text}`).toContain(answer.status);
          const body: unknown = JSON.parse(answer.text);
          if (answer.status === 400) {
            expect(body).toHaveProperty('detailCode', '400.1 Bad Request Content');
            expect(server.calls()).toBe(before);
          } else {
            expect(Array.isArray(body)).toBe(true);
          }
        }),
        { numRuns: 60 },
      );
    });

    it('still serves after all that', async () => {
      expect((await get(server.port, '/executions?limit=1')).status).toBe(200);
    });
  });
}

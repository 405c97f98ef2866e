import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  CollectionSqlError,
  createCollectionHandler,
  handleCollectionRequest,
  InvalidCollectionOptionsError,
  workflowExecutionsSchema as schema,
} from '../../src/index.js';
import {
  type ExecutionRow,
  openPostgres,
  openSqlite,
  sampleRows,
  type TestDatabase,
} from './support/engines.js';

const SORTERS = ['start_time', 'status', 'id'];

describe('handleCollectionRequest: the 400 answer', () => {
  it('answers the seed body with a tracking id from the generator, for every kind of problem', () => {
    const cases = [
      ['filters=status+eq', 'filters'],
      ['filters=type+eq+%22a%22', 'filters'],
      ['filters=start_time+eq+%22yesterday%22', 'filters'],
      ['limit=251', 'limit'],
      ['offset=-1', 'offset'],
      ['count=yes', 'count'],
      ['limit=1&limit=2', 'limit'],
      ['filters=%E0%A4%A', 'filters'],
      ['sorters=nope', 'sorters'],
    ] as const;
    for (const [query, parameter] of cases) {
      const answer = handleCollectionRequest(query, schema, { sorters: SORTERS, trackingId: () => 'abc123' });
      expect(answer.ok, query).toBe(false);
      if (answer.ok) continue;
      expect(answer.status).toBe(400);
      expect(answer.headers).toEqual({ 'content-type': 'application/json; charset=utf-8' });
      expect(answer.body.detailCode).toBe('400.1 Bad Request Content');
      expect(answer.body.trackingId).toBe('abc123');
      expect(answer.body.messages[0]?.text, query).toContain(`\`${parameter}\``);
      expect(answer.diagnostics.some((d) => d.severity === 'error')).toBe(true);
    }
  });

  it('makes a 32-hex-digit tracking id by default, and caps the messages', () => {
    const answer = handleCollectionRequest('limit=x&offset=y&count=z', schema, { maxMessages: 2 });
    expect(answer.ok).toBe(false);
    if (answer.ok) return;
    expect(answer.body.trackingId).toMatch(/^[0-9a-f]{32}$/);
    expect(answer.body.messages).toHaveLength(2);
    expect(answer.body.messages[1]?.text).toBe('2 more problems are not listed.');
  });

  it('never throws and answers ok or 400 on any query string', () => {
    const handler = createCollectionHandler(schema, { sorters: SORTERS, dialect: 'postgres' });
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 300 }), (query) => {
        const answer = handler(query);
        expect(answer.ok || answer.status === 400).toBe(true);
        if (answer.ok) {
          expect(typeof answer.where('postgres').sql).toBe('string');
          expect(typeof answer.where('sqlite').sql).toBe('string');
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe('handleCollectionRequest: the typed request', () => {
  it('reads the parameters and writes WHERE and ORDER BY', () => {
    const answer = handleCollectionRequest(
      'filters=status+eq+%22Failed%22&sorters=-start_time&limit=10&offset=20&count=true',
      schema,
      { sorters: SORTERS },
    );
    expect(answer.ok).toBe(true);
    if (!answer.ok) return;
    expect(answer.limit).toBe(10);
    expect(answer.offset).toBe(20);
    expect(answer.count).toBe(true);
    expect(answer.sorters).toEqual([{ field: 'start_time', direction: 'desc' }]);
    expect(answer.where('postgres', { parameterOffset: 1 })).toEqual({
      sql: 'lower("status") = lower($2::text)',
      params: ['Failed'],
    });
    expect(answer.where('sqlite')).toEqual({ sql: 'lower("status") = lower(?)', params: ['Failed'] });
    expect(answer.where('sqlite', { table: 'e' }).sql).toBe('lower("e"."status") = lower(?)');
    expect(answer.orderBy('postgres')).toBe('ORDER BY "start_time" DESC, "id" ASC');
    expect(answer.orderBy('sqlite', { table: 'e' })).toBe('ORDER BY "e"."start_time" DESC, "e"."id" ASC');
    const matches = answer.predicate();
    expect(matches({ status: 'failed' })).toBe(true);
    expect(matches({ status: 'Completed' })).toBe(false);
    expect(answer.predicate()).toBe(matches);
  });

  it('compiles once for the dialect and offset it was made for; another offset recompiles', () => {
    const handler = createCollectionHandler(schema, { dialect: 'postgres', parameterOffset: 1 });
    const answer = handler('filters=status+eq+%22Failed%22');
    if (!answer.ok) throw new Error('expected ok');
    const first = answer.where('postgres');
    expect(first.sql).toBe('lower("status") = lower($2::text)');
    expect(answer.where('postgres', { parameterOffset: 1 })).toBe(first);
    expect(answer.where('postgres', { parameterOffset: 0 }).sql).toBe('lower("status") = lower($1::text)');
    expect(answer.where('postgres', { table: 't' }).sql).toBe('lower("t"."status") = lower($2::text)');
  });

  it('applies defaultSorters when the request gives none, and the requested ones otherwise', () => {
    const handler = createCollectionHandler(schema, {
      sorters: SORTERS,
      defaultSorters: [{ field: 'start_time', direction: 'desc' }],
    });
    const plain = handler('limit=5');
    const sorted = handler('sorters=status');
    if (!plain.ok || !sorted.ok) throw new Error('expected ok');
    expect(plain.sorters).toEqual([{ field: 'start_time', direction: 'desc' }]);
    expect(plain.orderBy('sqlite')).toBe('ORDER BY "start_time" DESC, "id" ASC');
    expect(sorted.orderBy('sqlite')).toBe('ORDER BY "status" ASC, "id" ASC');
    const wrong = { field: 'x', direction: 'down' } as unknown as { field: string; direction: 'asc' };
    expect(() => createCollectionHandler(schema, { defaultSorters: [wrong] })).toThrow(
      InvalidCollectionOptionsError,
    );
  });

  it('without a filter: TRUE (PostgreSQL) or 1 (SQLite), no params; a predicate that is always true', () => {
    const answer = handleCollectionRequest('', schema);
    expect(answer.ok).toBe(true);
    if (!answer.ok) return;
    expect(answer.filter).toBeUndefined();
    expect(answer.where('postgres')).toEqual({ sql: 'TRUE', params: [] });
    expect(answer.where('sqlite')).toEqual({ sql: '1', params: [] });
    expect(answer.predicate()(null)).toBe(true);
    expect([answer.limit, answer.offset, answer.count]).toEqual([250, 0, false]);
    expect(answer.orderBy('postgres')).toBe('ORDER BY "id" ASC');
  });

  it('keeps warnings on the request (a name merely close to a standard one)', () => {
    const answer = handleCollectionRequest('account=7', schema);
    expect(answer.ok).toBe(true);
    if (answer.ok) expect(answer.diagnostics.map((d) => d.code)).toEqual(['unknown-parameter']);
  });
});

describe('a filter that validates but cannot be SQL (more values than the engine binds)', () => {
  // Since validate refuses what no engine can store (U+0000, lone surrogates: one acceptance
  // rule), the one way left is a statement with more placeholders than the engine binds: here the
  // server's own 32,766 placeholders before the filter's one, on SQLite.
  const query = 'filters=status+eq+%22Failed%22';
  const offset = { parameterOffset: 32_766 };

  it('is a 400 from the handler when it knows the dialect', () => {
    const answer = handleCollectionRequest(query, schema, {
      dialect: 'sqlite',
      ...offset,
      trackingId: () => 't',
    });
    expect(answer.ok).toBe(false);
    if (answer.ok) return;
    expect(answer.status).toBe(400);
    expect(answer.diagnostics.map((d) => d.code)).toEqual(['sql-too-many-parameters']);
    expect(answer.body.messages[0]?.text).toMatch(/^In `filters`/);
  });

  it('is a CollectionSqlError carrying the 400 from where() otherwise; the predicate still works', () => {
    const answer = handleCollectionRequest(query, schema, { trackingId: () => 't' });
    expect(answer.ok).toBe(true);
    if (!answer.ok) return;
    let thrown: unknown;
    try {
      answer.where('sqlite', offset);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(CollectionSqlError);
    const error = thrown as CollectionSqlError;
    expect([error.status, error.statusCode, error.response.status]).toEqual([400, 400, 400]);
    expect(error.response.body.trackingId).toBe('t');
    expect(error.diagnostics.map((d) => d.code)).toEqual(['sql-too-many-parameters']);
    expect(answer.predicate()({ status: 'failed' })).toBe(true);
  });
});

describe('options are checked when the handler is made', () => {
  const cases: [string, () => unknown][] = [
    ['unknown dialect', () => createCollectionHandler(schema, { dialect: 'oracle' as 'sqlite' })],
    ['empty tiebreaker column', () => createCollectionHandler(schema, { tiebreaker: [''] })],
    [
      'NUL in a sort column',
      () => createCollectionHandler(schema, { sorters: ['a'], columns: { a: 'x\0' } }),
    ],
    ['bad table', () => createCollectionHandler(schema, { table: '' })],
    [
      'sqlite cannot fold Unicode',
      () => createCollectionHandler(schema, { dialect: 'sqlite', caseFolding: 'unicode' }),
    ],
    [
      'bad schema column',
      () => createCollectionHandler({ fields: { a: { type: 'string', operators: ['eq'], column: '' } } }),
    ],
  ];
  for (const [name, make] of cases) {
    it(name, () => expect(make).toThrow(InvalidCollectionOptionsError));
  }

  // Each of these was accepted, then failed on every request (a TypeError, a 400 blaming the
  // client, ORDER BY "i" ASC, "d" ASC, or predicate() throwing in the route).
  it.each([
    [{ trackingId: 'abc' }, 'trackingId'],
    [{ caseFolding: 'turkish' }, 'caseFolding'],
    [{ caseFolding: 'turkish', dialect: 'postgres' }, 'caseFolding'],
    [{ parameterOffset: -1 }, 'parameterOffset'],
    [{ parameterOffset: '1' }, 'parameterOffset'],
    [{ parameterOffset: Number.NaN }, 'parameterOffset'],
    [{ parameterOffset: 70_000 }, 'parameterOffset'],
    [{ parameterOffset: 40_000, dialect: 'sqlite' }, 'parameterOffset'],
    [{ maxLimit: -1 }, 'maxLimit'],
    [{ limits: { maxLength: 1e15 } }, 'limits'],
    [{ tiebreaker: 'id' }, 'tiebreaker'],
    [{ maxMessages: 0 }, 'maxMessages'],
    [{ dialet: 'postgres' }, 'dialet'],
  ])('refuses %j at creation, naming %s', (options, name) => {
    expect(() => createCollectionHandler(schema, options as never)).toThrow(InvalidCollectionOptionsError);
    expect(() => createCollectionHandler(schema, options as never)).toThrow(`\`${name}\``);
  });

  it('suggests the option a misspelt one meant', () => {
    expect(() => createCollectionHandler(schema, { dialet: 'postgres' } as never)).toThrow(
      'Unknown option `dialet`; did you mean `dialect`?',
    );
  });

  it("takes a parameterOffset past SQLite's limit only with a dialect that binds it", () => {
    expect(() => createCollectionHandler(schema, { parameterOffset: 40_000 })).toThrow(/suit every dialect/);
    const handler = createCollectionHandler(schema, { parameterOffset: 40_000, dialect: 'postgres' });
    const answer = handler('filters=status+eq+%22Failed%22');
    expect(answer.ok && answer.where('postgres').sql).toBe('lower("status") = lower($40001::text)');
  });

  it('where() checks a dialect or table it was not made for', () => {
    const answer = handleCollectionRequest('', schema);
    if (!answer.ok) throw new Error('expected ok');
    expect(() => answer.where('oracle' as 'sqlite')).toThrow(InvalidCollectionOptionsError);
    expect(() => answer.where('sqlite', { table: 'a\0' })).toThrow(InvalidCollectionOptionsError);
    expect(() => answer.orderBy('nope' as 'sqlite')).toThrow(InvalidCollectionOptionsError);
  });
});

/**
 * The typed request against real engines: for generated filters, sort keys and pages, the rows
 * `SELECT ... WHERE where ORDER BY orderBy LIMIT OFFSET` returns are exactly the rows the
 * predicate keeps, sorted in JavaScript by the same keys then id, and sliced.
 */
describe('where + orderBy + limit/offset on SQLite and PostgreSQL agree with predicate + sort', () => {
  const rows = sampleRows(120);
  const databases: TestDatabase[] = [];
  beforeAll(async () => {
    databases.push(openSqlite(rows), await openPostgres(rows));
  });
  afterAll(async () => {
    for (const db of databases) await db.close();
  });

  const instant = fc
    .integer({ min: 0, max: 100 })
    .map((m) => new Date(Date.UTC(2022, 1, 7, 20, m, m % 2)).toISOString().replace('.000', ''));
  const leaf = fc.oneof(
    fc.constantFrom('Completed', 'failed', 'CANCELED', 'Executing').map((s) => `status eq "${s}"`),
    fc
      .tuple(fc.constantFrom('eq', 'lt', 'le', 'gt', 'ge'), instant)
      .map(([op, t]) => `start_time ${op} ${t}`),
  );
  const filter = fc.letrec<{ expr: string }>((tie) => ({
    expr: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      leaf,
      fc
        .tuple(tie('expr'), fc.constantFrom('and', 'or'), tie('expr'))
        .map(([a, op, b]) => `(${a} ${op} ${b})`),
      tie('expr').map((e) => `not (${e})`),
    ),
  })).expr;
  const sorters = fc
    .subarray(['start_time', 'status', 'id'])
    .chain((fields) => fc.tuple(...fields.map((f) => fc.boolean().map((desc) => (desc ? `-${f}` : f)))));

  function expected(matches: (row: unknown) => boolean, keys: { field: string; direction: string }[]) {
    const value = (row: ExecutionRow, field: string) =>
      field === 'start_time' ? row.startTime : field === 'status' ? row.status : row.id;
    const sorted = rows
      .filter((row) => matches(row))
      .sort((a, b) => {
        for (const { field, direction } of [...keys, { field: 'id', direction: 'asc' }]) {
          const [x, y] = [value(a, field), value(b, field)];
          if (x !== y) return (x < y ? -1 : 1) * (direction === 'desc' ? -1 : 1);
        }
        return 0;
      });
    return sorted;
  }

  it('for generated requests', async () => {
    // PostgreSQL's fragment is the one compiled while handling (dialect and offset given); SQLite's is compiled by where().
    const handler = createCollectionHandler(schema, {
      sorters: SORTERS,
      maxLimit: 50,
      dialect: 'postgres',
      parameterOffset: 1,
    });
    await fc.assert(
      fc.asyncProperty(
        fc.option(filter, { nil: undefined }),
        sorters,
        fc.integer({ min: 0, max: 50 }),
        fc.integer({ min: 0, max: 130 }),
        async (text, keys, limit, offset) => {
          const params = new URLSearchParams({ limit: String(limit), offset: String(offset) });
          if (text !== undefined) params.set('filters', text);
          if (keys.length > 0) params.set('sorters', keys.join(','));
          const answer = handler(params.toString());
          if (!answer.ok) throw new Error(JSON.stringify(answer.body));
          const want = expected(answer.predicate(), [...answer.sorters])
            .slice(offset, offset + limit)
            .map((r) => r.id);
          for (const db of databases) {
            // A value bound before the fragment (as a server binds the workflow id) shifts its placeholders.
            const where = answer.where(db.dialect, { parameterOffset: 1 });
            const mark = (n: number) => (db.dialect === 'postgres' ? `$${n}` : '?');
            const n = where.params.length + 2;
            const sql =
              `SELECT "id" FROM ${db.table} WHERE "id" <> ${mark(1)} AND (${where.sql}) ` +
              `${answer.orderBy(db.dialect)} LIMIT ${mark(n)} OFFSET ${mark(n + 1)}`;
            const got = await db.all(sql, ['none', ...where.params, answer.limit, answer.offset]);
            expect(
              got.map((r) => r.id),
              `${db.dialect}: ${sql}`,
            ).toEqual(want);
          }
        },
      ),
      { numRuns: 60 },
    );
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type CollectionQueryResult, parseCollectionQuery } from '../../src/collection/index.js';
import { decodeQuery } from '../../src/collection/query-string.js';
import { applyFixes } from '../../src/index.js';
import { type Schema, workflowExecutionsSchema } from '../../src/schema/index.js';
import { toV3ErrorResponse } from '../../src/v3-error/index.js';

const sortable: Schema = { ...workflowExecutionsSchema, sorters: ['start_time', 'status', 'owner.name'] };

function codes(result: CollectionQueryResult): string[] {
  return result.diagnostics.map((d) => `${d.parameter} ${d.code}`);
}

describe('parseCollectionQuery: the seed request', () => {
  it('reads every parameter, decoding + and %XX as a server does', () => {
    const result = parseCollectionQuery(
      '?filters=status+eq+%22Failed%22+and+start_time+ge+2022-02-07T20:13:29%2B01:00&limit=50&offset=100&count=true&sorters=-start_time,status',
      sortable,
    );
    if (!result.ok) throw new Error(JSON.stringify(result.diagnostics));
    expect(result.filters?.kind).toBe('and');
    expect(result.parameters.filters).toBe('status eq "Failed" and start_time ge 2022-02-07T20:13:29+01:00');
    expect(result).toMatchObject({
      limit: 50,
      offset: 100,
      count: true,
      sorters: [
        { field: 'start_time', direction: 'desc' },
        { field: 'status', direction: 'asc' },
      ],
      diagnostics: [],
    });
  });

  it('takes URLSearchParams too', () => {
    const params = new URLSearchParams({ filters: 'status eq "Failed"', limit: '0' });
    expect(parseCollectionQuery(params, sortable)).toMatchObject({
      ok: true,
      limit: 0,
      offset: 0,
      count: false,
    });
  });

  it('has the documented defaults: limit 250, offset 0, count false, no sorters, no filter', () => {
    expect(parseCollectionQuery('', sortable)).toEqual({
      ok: true,
      filters: undefined,
      sorters: [],
      limit: 250,
      offset: 0,
      count: false,
      diagnostics: [],
      parameters: {},
    });
    expect(parseCollectionQuery('filters=&sorters=', sortable)).toMatchObject({
      ok: true,
      filters: undefined,
      sorters: [],
    });
  });

  it('takes a configurable maximum and default limit', () => {
    expect(parseCollectionQuery('', sortable, { maxLimit: 1000 })).toMatchObject({ limit: 1000 });
    expect(parseCollectionQuery('', sortable, { maxLimit: 1000, defaultLimit: 100 })).toMatchObject({
      limit: 100,
    });
    expect(parseCollectionQuery('limit=1000', sortable, { maxLimit: 1000 })).toMatchObject({
      ok: true,
      limit: 1000,
    });
    expect(codes(parseCollectionQuery('limit=1001', sortable, { maxLimit: 1000 }))).toEqual([
      'limit invalid-limit',
    ]);
  });
});

describe('parseCollectionQuery: one row per problem', () => {
  const table: [string, string[]][] = [
    ['limit=251', ['limit invalid-limit']],
    ['limit=-1', ['limit invalid-limit']],
    ['limit=1.5', ['limit invalid-limit']],
    ['limit=+5', ['limit invalid-limit']],
    ['limit=', ['limit invalid-limit']],
    ['limit=99999999999999999999999', ['limit invalid-limit']],
    ['offset=-1', ['offset invalid-offset']],
    ['offset=abc', ['offset invalid-offset']],
    ['offset=99999999999999999999999', ['offset invalid-offset']],
    ['count=True', ['count invalid-count']],
    ['count=1', ['count invalid-count']],
    ['count=', ['count invalid-count']],
    ['limit=5&limit=5', ['limit repeated-parameter']],
    ['filters=status+eq+%22Failed%22&filters=status+eq+%22Failed%22', ['filters repeated-parameter']],
    ['sorters=name', ['sorters unknown-sorter']],
    ['sorters=statsu', ['sorters unknown-sorter']],
    ['sorters=status,-status', ['sorters duplicate-sorter']],
    ['sorters=status,,start_time', ['sorters invalid-sorters']],
    ['sorters=status,', ['sorters invalid-sorters']],
    ['sorters=status,+start_time', ['sorters invalid-sorters']],
    ['sorters=%2Bstatus', ['sorters invalid-sorters']],
    ['sorters=sta-tus', ['sorters invalid-sorters']],
    ['filters=status%20eq%20%22Fail%22', ['filters unknown-enum-value']],
    ['filters=name+sw+Joe', ['filters bareword-value']],
    ['filters=status%20eq%20%ZZ', ['filters malformed-encoding']],
    ['filters=%E0%A4%A', ['filters malformed-encoding']],
    ['filters=start_time+ge+2022-02-07T20:13:29+01:00', ['filters unencoded-plus']],
    ['filters=status+eq+%2522Failed%2522', ['filters url-encoded']],
  ];
  it.each(table)('%s', (query, expected) => {
    const result = parseCollectionQuery(query, sortable);
    expect(result.ok).toBe(false);
    expect(codes(result)).toEqual(expected);
  });

  it('reports every parameter at once', () => {
    expect(
      codes(parseCollectionQuery('limit=300&offset=x&count=yes&sorters=zzz&filters=foo+eq+1', sortable)),
    ).toEqual([
      'limit invalid-limit',
      'offset invalid-offset',
      'count invalid-count',
      'sorters unknown-sorter',
      'filters unknown-field',
    ]);
  });

  it('rejects any sorters when the endpoint declares no sortable fields, unless options give them', () => {
    expect(codes(parseCollectionQuery('sorters=status', workflowExecutionsSchema))).toEqual([
      'sorters sorting-not-supported',
    ]);
    expect(
      parseCollectionQuery('sorters=status', workflowExecutionsSchema, { sorters: ['status'] }),
    ).toMatchObject({
      ok: true,
      sorters: [{ field: 'status', direction: 'asc' }],
    });
  });

  it('offers fixes that are right', () => {
    const unknown = parseCollectionQuery('sorters=-statsu', sortable);
    expect(applyFixes(unknown.parameters.sorters!, unknown.diagnostics)).toBe('-status');
    const spaced = parseCollectionQuery('sorters=status,+start_time', sortable);
    expect(applyFixes(spaced.parameters.sorters!, spaced.diagnostics)).toBe('status,start_time');
    const plus = parseCollectionQuery('filters=start_time+ge+2022-02-07T20:13:29+01:00', sortable);
    expect(applyFixes(plus.parameters.filters!, plus.diagnostics)).toBe(
      'start_time ge 2022-02-07T20:13:29+01:00',
    );
    const count = parseCollectionQuery('count=TRUE', sortable);
    expect(applyFixes(count.parameters.count!, count.diagnostics)).toBe('true');
  });

  it('ignores other parameters, warning only about a name close to a standard one', () => {
    const result = parseCollectionQuery('account=1&detailLevel=FULL', sortable);
    expect(result.ok).toBe(true);
    expect(codes(result)).toEqual(['account unknown-parameter']);
    expect(result.diagnostics[0]?.message).toContain('did you mean `count`?');
  });

  it('feeds toV3ErrorResponse, naming each parameter and column', () => {
    const result = parseCollectionQuery('limit=300&filters=status+eq+%22Fail%22', sortable);
    if (result.ok) throw new Error('expected a failure');
    const body = toV3ErrorResponse(result.diagnostics, { text: result.parameters, trackingId: 'x' });
    expect(body.messages.map((m) => m.text)).toEqual([
      'In `limit` at column 1: `limit` must be a whole number from 0 to 250; `300` is too large.',
      'In `filters` at column 11 (`"Fail"`): `Fail` is not a value of `status`; did you mean `Failed`? Values: `Completed`, `Failed`, `Canceled` and `Executing`.',
    ]);
  });
});

describe('parseCollectionQuery properties', () => {
  it('accepts exactly the limits 0..max written as digits', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -1000, max: 1000 }),
        fc.integer({ min: 0, max: 600 }),
        (limit, maxLimit) => {
          const result = parseCollectionQuery(`limit=${limit}`, sortable, { maxLimit });
          expect(result.ok).toBe(limit >= 0 && limit <= maxLimit);
          if (result.ok) expect(result.limit).toBe(limit);
        },
      ),
    );
  });

  it('decodes a query string to the values URLSearchParams encoded', () => {
    const value = fc.string({ unit: 'grapheme', maxLength: 12 });
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.stringMatching(/^[a-z]{1,6}$/), value), { maxLength: 5 }), (pairs) => {
        const encoded = new URLSearchParams(pairs).toString();
        const decoded = decodeQuery(encoded);
        expect(decoded.diagnostics).toEqual([]);
        expect(decoded.parameters.map((p) => [p.name, p.value])).toEqual(pairs);
        // And agrees with what URLSearchParams itself reads back.
        expect(decodeQuery(new URLSearchParams(encoded)).parameters).toEqual(decoded.parameters);
      }),
    );
  });

  it('never throws on any query text, and every span lies inside its parameter text', () => {
    const queryText = fc.string({
      unit: fc.constantFrom('a', '=', '&', '%', '+', '2', 'F', '"', ' ', 'l', 'i', 'm', 't', ',', '-'),
      maxLength: 40,
    });
    const withNames = fc
      .tuple(fc.constantFrom('filters=', 'sorters=', 'limit=', 'offset=', 'count='), queryText)
      .map(([a, b]) => a + b);
    fc.assert(
      fc.property(fc.oneof(queryText, withNames), (query) => {
        const result = parseCollectionQuery(query, sortable);
        for (const d of result.diagnostics) {
          const text = d.parameter !== undefined ? (result.parameters[d.parameter] ?? '') : '';
          expect(
            d.span.start >= 0 && d.span.start <= d.span.end && d.span.end <= Math.max(text.length, 0),
          ).toBe(true);
        }
      }),
      { numRuns: 500 },
    );
  });
});

describe('parseCollectionQuery: any input, any options', () => {
  const schema = { ...workflowExecutionsSchema, sorters: ['status'] };

  it.each([
    ['undefined', undefined],
    ['null', null],
    ['a number', 42],
    ['an array', ['filters=a']],
    ['a Date', new Date(0)],
  ])('answers %s with an invalid-query diagnostic, never a throw', (_, input) => {
    const result = parseCollectionQuery(input as never, schema);
    expect(result.ok).toBe(false);
    expect(result.diagnostics.map((d) => d.code)).toEqual(['invalid-query']);
  });

  it("reads a framework's parsed query object, arrays as repeated parameters", () => {
    const express = {
      filters: 'status eq "Failed"',
      limit: '10',
      sorters: ['status'],
      other: { nested: '1' },
    };
    const result = parseCollectionQuery(express, schema);
    expect(result).toMatchObject({ ok: true, limit: 10, sorters: [{ field: 'status', direction: 'asc' }] });
    expect(result.ok && result.filters?.kind).toBe('comparison');
    const nullPrototype = Object.assign(Object.create(null) as Record<string, string[]>, {
      count: ['true', 'true'],
    });
    expect(codes(parseCollectionQuery(nullPrototype, schema))).toEqual(['count repeated-parameter']);
    expect(codes(parseCollectionQuery({ limit: { $gt: '1' } } as never, schema))).toEqual([
      'limit invalid-query',
    ]);
  });

  it('never throws on a hostile query object', () => {
    const hostile = {
      get filters(): string {
        throw new Error('boom');
      },
    };
    expect(codes(parseCollectionQuery(hostile, schema))).toEqual(['undefined invalid-query']);
  });

  it.each([
    [{ maxLimit: Number.NaN }, 'maxLimit'],
    [{ maxLimit: -1 }, 'maxLimit'],
    [{ maxLimit: Number.POSITIVE_INFINITY }, 'maxLimit'],
    [{ defaultLimit: 300 }, 'defaultLimit'],
    [{ defaultLimit: 1.5 }, 'defaultLimit'],
    [{ sorters: 'status' }, 'sorters'],
    [{ limits: { maxLength: Number.NaN } }, 'limits.maxLength'],
    [{ limits: 5 }, 'limits'],
  ])('refuses the option %j with invalid-option naming %s', (options, name) => {
    const result = parseCollectionQuery('limit=5', schema, options as never);
    expect(result.ok).toBe(false);
    expect(result.diagnostics.map((d) => d.code)).toEqual(['invalid-option']);
    expect(result.diagnostics[0]!.message).toContain(`\`${name}\``);
  });

  it('reports unencoded-plus outside quoted strings only, with a fix that says to send %2B', () => {
    const inString = parseCollectionQuery('filters=status+eq+"12:00:00+12:00"+and', schema);
    expect(inString.diagnostics.map((d) => d.code)).not.toContain('unencoded-plus');
    const outside = parseCollectionQuery('filters=start_time+ge+2022-02-07T20:13:29+01:00', schema);
    const plus = outside.diagnostics.find((d) => d.code === 'unencoded-plus');
    expect(plus?.fixes?.[0]?.message).toContain('%2B');
  });
});

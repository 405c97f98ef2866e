import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  createAnd,
  createComparison,
  createField,
  createList,
  createNot,
  createNumber,
  createOr,
  createString,
  type Expression,
  span,
} from '../../src/ast/index.js';
import { FilterCompileError } from '../../src/compile/compile-error.js';
import { compilePredicate } from '../../src/compile/predicate/index.js';
import type { FieldSchema, Schema } from '../../src/schema/types.js';
import { parse } from '../../src/syntax/parse.js';
import { genDataset } from './support/data.js';
import { genFilter } from './support/filters.js';

const S = span(0, 0);

function ast(text: string, limits?: Parameters<typeof parse>[1]): Expression {
  const result = parse(text, limits);
  if (!result.ok) throw new Error(JSON.stringify(result.diagnostics));
  return result.ast;
}

const protoField: FieldSchema = { type: 'string', operators: ['eq', 'isnull'] };
const toStringField: FieldSchema = { type: 'string', operators: ['isnull', 'pr'] };

const schema: Schema = {
  fields: {
    status: { type: 'string', operators: ['eq', 'ne', 'co', 'sw', 'in', 'gt', 'lt'] },
    id: { type: 'string', operators: ['eq'], caseSensitive: true },
    start_time: { type: 'date-time', operators: ['eq', 'gt', 'ge', 'lt', 'le'] },
    count: { type: 'integer', operators: ['eq', 'gt', 'ne'] },
    ratio: { type: 'number', operators: ['eq', 'lt'] },
    active: { type: 'boolean', operators: ['eq', 'ne'] },
    tags: { type: 'string', collection: true, operators: ['ca', 'eq', 'co'] },
    owner: { type: 'string', path: 'owner.name', operators: ['eq'] },
    anything: { type: 'unknown', operators: ['eq', 'gt'] },
    // A computed key makes an own property (a literal `__proto__:` would set the prototype).
    ['__proto__']: protoField,
    toString: toStringField,
  },
};

function matches(filter: string, record: unknown, caseFolding?: 'unicode' | 'ascii'): boolean {
  return compilePredicate(ast(filter), { schema, ...(caseFolding ? { caseFolding } : {}) })(record);
}

describe('compilePredicate: the seed filter', () => {
  it('matches status case-insensitively unless the field is case-sensitive', () => {
    expect(matches('status eq "Failed"', { status: 'FAILED' })).toBe(true);
    expect(matches('status eq "Failed"', { status: 'Completed' })).toBe(false);
    expect(matches('id eq "abc"', { id: 'ABC' })).toBe(false);
    expect(matches('id eq "abc"', { id: 'abc' })).toBe(true);
  });

  it('combines with a date range, offsets honoured', () => {
    const filter = 'status eq "Failed" and start_time ge 2022-02-07T20:13:29Z and start_time lt 2022-02-08';
    expect(matches(filter, { status: 'Failed', start_time: '2022-02-07T21:13:29+01:00' })).toBe(true);
    expect(matches(filter, { status: 'Failed', start_time: '2022-02-07T21:13:28.999999999+01:00' })).toBe(
      false,
    );
    expect(matches(filter, { status: 'Failed', start_time: new Date('2022-02-07T23:00:00Z') })).toBe(true);
    expect(matches(filter, { status: 'Failed', start_time: '2022-02-08T00:00:00Z' })).toBe(false);
  });
});

describe('compilePredicate: null semantics', () => {
  const absent = [{}, { status: null }, { status: undefined }];
  it.each([
    'status eq "a"',
    'status ne "a"',
    'status in ("a", "b")',
    'status co "a"',
    'status sw "a"',
    'status gt "a"',
    'tags ca ("a")',
    'tags eq "a"',
  ])('%s is false on null and missing, and its negation true', (filter) => {
    for (const record of absent) {
      expect(matches(filter, record)).toBe(false);
      expect(matches(`not (${filter})`, record)).toBe(true);
    }
  });

  it('isnull and pr test presence, whatever the type', () => {
    expect(matches('status isnull', {})).toBe(true);
    expect(matches('status isnull', { status: null })).toBe(true);
    expect(matches('status pr', { status: 42 })).toBe(true);
    expect(matches('status pr', { status: '' })).toBe(true);
  });
});

describe('compilePredicate: own properties only', () => {
  it('never takes a value from the prototype chain', () => {
    const inherited = Object.create({ status: 'Failed' }) as object;
    expect(matches('status eq "Failed"', inherited)).toBe(false);
    expect(matches('status isnull', inherited)).toBe(true);
    expect(matches('toString isnull', {})).toBe(true);
    expect(matches('toString pr', { toString: 'x' })).toBe(true);
  });

  it('reads a field named __proto__ only when the record owns one', () => {
    expect(matches('__proto__ isnull', {})).toBe(true);
    expect(matches('__proto__ eq "x"', JSON.parse('{"__proto__": "x"}'))).toBe(true);
  });

  it('follows a nested path through own objects only', () => {
    expect(matches('owner eq "ann"', { owner: { name: 'Ann' } })).toBe(true);
    expect(matches('owner eq "ann"', { owner: Object.create({ name: 'Ann' }) })).toBe(false);
    expect(matches('owner eq "ann"', { owner: 'Ann' })).toBe(false);
    expect(matches('owner eq "ann"', { owner: null })).toBe(false);
  });
});

describe('compilePredicate: types', () => {
  it('does not match a value of the wrong type', () => {
    expect(matches('count eq 1', { count: '1' })).toBe(false);
    expect(matches('count ne 1', { count: '2' })).toBe(false);
    expect(matches('status eq "1"', { status: 1 })).toBe(false);
    expect(matches('active eq true', { active: 'true' })).toBe(false);
    expect(matches('start_time gt 2020-01-01', { start_time: 'yesterday' })).toBe(false);
    expect(matches('start_time gt 2020-01-01', { start_time: new Date(Number.NaN) })).toBe(false);
    expect(matches('ratio lt 1', { ratio: Number.NaN })).toBe(false);
  });

  it('compares numbers numerically and date-times to the nanosecond', () => {
    expect(matches('count gt 9', { count: 10 })).toBe(true);
    expect(matches('ratio eq 0', { ratio: -0 })).toBe(true);
    expect(
      matches('start_time gt 2022-02-07T20:13:29.356648025Z', {
        start_time: '2022-02-07T20:13:29.356648026Z',
      }),
    ).toBe(true);
    expect(
      matches('start_time eq 2022-02-07T20:13:29.3566480260Z', {
        start_time: '2022-02-07T21:13:29.356648026+01:00',
      }),
    ).toBe(true);
    expect(
      matches('start_time le 2022-02-07T20:13:29.3566480261Z', {
        start_time: '2022-02-07T20:13:29.356648026Z',
      }),
    ).toBe(true);
    expect(
      matches('start_time lt 2022-02-07T20:13:29.3566480261Z', {
        start_time: '2022-02-07T20:13:29.35664802611Z',
      }),
    ).toBe(false);
  });

  it('orders strings by code point, after folding', () => {
    // UTF-16 puts U+1F600 (a surrogate pair) before U+E000; code points put it after.
    expect(matches('status gt "\ue000"', { status: '😀' })).toBe(true);
    expect(matches('status lt "b"', { status: 'A' })).toBe(true);
    expect(matches('id lt "b"', { id: 'B' })).toBe(true);
  });

  it('compares an unknown-typed field as its literal type', () => {
    expect(matches('anything gt 2', { anything: 3 })).toBe(true);
    expect(matches('anything eq "x"', { anything: 'X' })).toBe(true);
    expect(matches('anything eq "3"', { anything: 3 })).toBe(false);
  });
});

describe('compilePredicate: case folding', () => {
  it('folds Unicode letters by the simple mapping, or ASCII only', () => {
    expect(matches('status eq "äσ"', { status: 'ÄΣ' })).toBe(true);
    expect(matches('status eq "äσ"', { status: 'ÄΣ' }, 'ascii')).toBe(false);
    expect(matches('status eq "i"', { status: 'İ' })).toBe(true);
    expect(matches('status eq "k"', { status: '\u212a' })).toBe(true);
    expect(matches('status eq "k"', { status: '\u212a' }, 'ascii')).toBe(false);
    expect(matches('status eq "strasse"', { status: 'STRAßE' })).toBe(false);
    expect(matches('status co "b_"', { status: 'aB_c' }, 'ascii')).toBe(true);
    expect(matches('status co "b_"', { status: 'aBxc' })).toBe(false);
  });
});

describe('compilePredicate: collections', () => {
  it('ca needs every value; comparisons need some member', () => {
    expect(matches('tags ca ("a", "B")', { tags: ['b', null, 'A', 'a'] })).toBe(true);
    expect(matches('tags ca ("a", "c")', { tags: ['a', 'b'] })).toBe(false);
    expect(matches('tags ca ("a")', { tags: 'a' })).toBe(false);
    expect(matches('tags ca ("a")', { tags: [] })).toBe(false);
    expect(matches('tags pr', { tags: [] })).toBe(true);
    expect(matches('tags co "x"', { tags: ['a', 'XY'] })).toBe(true);
    expect(matches('tags eq "x"', { tags: [1, null] })).toBe(false);
  });
});

describe('compilePredicate: never throws on a record', () => {
  const hostile: unknown[] = [
    null,
    undefined,
    42,
    'status',
    Symbol('x'),
    () => 1,
    new Proxy(
      {},
      {
        has: () => {
          throw new Error('has');
        },
        getOwnPropertyDescriptor: () => {
          throw new Error('gopd');
        },
        get: () => {
          throw new Error('get');
        },
      },
    ),
    Object.defineProperty({}, 'status', {
      enumerable: true,
      get: () => {
        throw new Error('getter');
      },
    }),
    {
      tags: new Proxy([], {
        get: () => {
          throw new Error('array');
        },
      }),
    },
    (() => {
      const r = Proxy.revocable({}, {});
      r.revoke();
      return r.proxy;
    })(),
  ];
  const filters = [
    'status eq "a"',
    'not (status eq "a")',
    'status isnull',
    'tags ca ("a")',
    'owner eq "a" or count gt 1',
  ];

  it('returns a boolean for hostile values', () => {
    for (const filter of filters) {
      const predicate = compilePredicate(ast(filter), { schema });
      for (const record of hostile) expect(typeof predicate(record)).toBe('boolean');
    }
  });

  it('returns a boolean for any value and any generated filter', () => {
    fc.assert(
      fc.property(
        genDataset.chain((dataset) => fc.tuple(fc.constant(dataset), genFilter(dataset))),
        fc.array(
          fc.anything({ withDate: true, withMap: true, withNullPrototype: true, withTypedArray: true }),
        ),
        ([dataset, filter], records) => {
          const predicate = compilePredicate(filter, { schema: dataset.schema });
          for (const record of [...records, ...dataset.rows.map((r) => r.record)]) {
            expect(typeof predicate(record)).toBe('boolean');
          }
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe('compilePredicate: size and depth', () => {
  it('runs a 60,000-term or, parsed', () => {
    const terms = Array.from({ length: 60_000 }, (_, i) => `count eq ${i}`).join(' or ');
    const predicate = compilePredicate(
      ast(terms, { limits: { maxComparisons: 60_000, maxLength: 2_000_000 } }),
      {
        schema,
      },
    );
    expect(predicate({ count: 59_999 })).toBe(true);
    expect(predicate({ count: 60_000 })).toBe(false);
  });

  it('runs a 100,000-deep alternation of not and and/or with the same result as its meaning', () => {
    const leaf = (n: number) =>
      createComparison(createField('count', S), 'eq', S, createNumber(String(n), S), S);
    // Build not(and(count ne -1-like true leaf, not(or(...)))) bottom-up, tracking the expected value.
    for (const count of [0, 1]) {
      let node: Expression = leaf(0); // true when count is 0
      let expected = count === 0;
      for (let i = 0; i < 100_000; i++) {
        if (i % 3 === 0) {
          node = createNot(node, S);
          expected = !expected;
        } else if (i % 3 === 1) {
          node = createAnd([createNot(leaf(7), S), node], S); // count is never 7
        } else {
          node = createOr([leaf(7), node], S);
        }
      }
      expect(compilePredicate(node, { schema })({ count })).toBe(expected);
    }
  });
});

describe('compilePredicate: an AST that does not fit the schema', () => {
  function codes(expression: Expression): string[] {
    try {
      compilePredicate(expression, { schema });
    } catch (e) {
      expect(e).toBeInstanceOf(FilterCompileError);
      return (e as FilterCompileError).diagnostics.map((d) => d.code);
    }
    return [];
  }
  const field = (name: string) => createField(name, S);

  it('throws FilterCompileError with diagnostics', () => {
    expect(codes(createComparison(field('nope'), 'eq', S, createString('x', S), S))).toEqual([
      'compile-unknown-field',
    ]);
    expect(codes(createComparison(field('constructor'), 'eq', S, createString('x', S), S))).toEqual([
      'compile-unknown-field',
    ]);
    expect(codes(createComparison(field('count'), 'eq', S, createString('1', S), S))).toEqual([
      'compile-value-type',
    ]);
    expect(codes(createComparison(field('count'), 'eq', S, createNumber('1.5', S), S))).toEqual([
      'compile-value-type',
    ]);
    expect(codes(createComparison(field('count'), 'co', S, createNumber('1', S), S))).toEqual([
      'compile-operator',
    ]);
    expect(codes(createList(field('status'), 'ca', S, [createString('a', S)], S))).toEqual([
      'compile-operator',
    ]);
    expect(codes(createList(field('status'), 'in', S, [], S))).toEqual(['compile-empty-list']);
    expect(codes({ kind: 'bogus' } as unknown as Expression)).toEqual(['compile-malformed-ast']);
    expect(codes({ kind: 'not', operand: null } as unknown as Expression)).toEqual(['compile-malformed-ast']);
    expect(codes(createNot(createComparison(field('nope'), 'eq', S, createString('x', S), S), S))).toEqual([
      'compile-unknown-field',
    ]);
    expect(
      codes(
        createAnd(
          [
            createComparison(field('a'), 'eq', S, createString('x', S), S),
            createComparison(field('b'), 'eq', S, createString('x', S), S),
          ],
          S,
        ),
      ),
    ).toEqual(['compile-unknown-field', 'compile-unknown-field']);
  });
});

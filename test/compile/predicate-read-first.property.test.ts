import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compilePredicate } from '../../src/compile/predicate/index.js';
import type { FieldSchema, Schema } from '../../src/schema/types.js';
import { parse } from '../../src/syntax/parse.js';

/*
 * The predicate's leaves read a value before checking that the record owns it (the check runs
 * only when the value would decide). This property holds them, closures and generated code, plain
 * and negated, against an oracle written independently: each path step looked up by its own
 * property descriptor (getters called, a throw making the value missing), then the operator's
 * meaning written out plainly. Records come with hostile keys (`constructor`, `toString`,
 * `__proto__` as own properties and through the prototype), null and custom prototypes, class
 * getters, throwing getters, and with `Object.prototype` polluted while they are tested.
 */

const KEYS = ['status', 'a', 'b', 'constructor', 'toString', '__proto__', 'valueOf', 'hasOwnProperty'];
const POLLUTABLE = ['status', 'a', 'b'];
const THROWS = Symbol('throwing getter');

const VALUES: unknown[] = [
  'Failed',
  'failed',
  'FAILED',
  'Fail',
  'xFailed',
  '',
  5,
  4,
  6,
  5.5,
  -0,
  Number.NaN,
  null,
  undefined,
  true,
  false,
  '5',
  ['Failed'],
  {},
  '2022-01-01T00:00:00Z',
  '2023-01-01T00:00:00.5Z',
  THROWS,
];

const MISSING = Symbol('missing');

/** The value at `path` through own properties only, or MISSING. */
function ownValue(record: unknown, path: readonly string[]): unknown {
  let current = record;
  try {
    for (const key of path) {
      if (typeof current !== 'object' || current === null) return MISSING;
      const descriptor = Object.getOwnPropertyDescriptor(current, key);
      if (descriptor === undefined) return MISSING;
      current = descriptor.get !== undefined ? descriptor.get.call(current) : descriptor.value;
    }
    return current;
  } catch {
    return MISSING;
  }
}

const isNumber = (v: unknown): v is number => typeof v === 'number' && !Number.isNaN(v);
const CANONICAL = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$/;
const instant = (v: unknown): number =>
  typeof v === 'string' && CANONICAL.test(v) ? Date.parse(v) : Number.NaN;

interface Leaf {
  readonly field: FieldSchema['type'];
  readonly caseSensitive: boolean;
  readonly text: string;
  readonly holds: (v: unknown) => boolean;
}

const LEAVES: readonly Leaf[] = [
  { field: 'string', caseSensitive: true, text: 'eq "Failed"', holds: (v) => v === 'Failed' },
  {
    field: 'string',
    caseSensitive: true,
    text: 'ne "Failed"',
    holds: (v) => typeof v === 'string' && v !== 'Failed',
  },
  {
    field: 'string',
    caseSensitive: true,
    text: 'co "ail"',
    holds: (v) => typeof v === 'string' && v.includes('ail'),
  },
  {
    field: 'string',
    caseSensitive: true,
    text: 'sw "Fa"',
    holds: (v) => typeof v === 'string' && v.startsWith('Fa'),
  },
  {
    field: 'string',
    caseSensitive: false,
    text: 'eq "failed"',
    holds: (v) => typeof v === 'string' && v.toLowerCase() === 'failed',
  },
  {
    field: 'string',
    caseSensitive: false,
    text: 'in ("failed", "fail")',
    holds: (v) => typeof v === 'string' && ['failed', 'fail'].includes(v.toLowerCase()),
  },
  {
    field: 'string',
    caseSensitive: false,
    text: 'sw "fa"',
    holds: (v) => typeof v === 'string' && v.toLowerCase().startsWith('fa'),
  },
  { field: 'number', caseSensitive: true, text: 'eq 5', holds: (v) => v === 5 },
  { field: 'number', caseSensitive: true, text: 'gt 5', holds: (v) => isNumber(v) && v > 5 },
  { field: 'number', caseSensitive: true, text: 'le 5', holds: (v) => isNumber(v) && v <= 5 },
  { field: 'number', caseSensitive: true, text: 'ne 5', holds: (v) => isNumber(v) && v !== 5 },
  { field: 'boolean', caseSensitive: true, text: 'eq true', holds: (v) => v === true },
  { field: 'number', caseSensitive: true, text: 'in (5, 6, 4)', holds: (v) => v === 5 || v === 6 || v === 4 },
  {
    field: 'string',
    caseSensitive: true,
    text: 'in ("Failed", "", "5")',
    holds: (v) => v === 'Failed' || v === '' || v === '5',
  },
  { field: 'boolean', caseSensitive: true, text: 'in (true, false)', holds: (v) => typeof v === 'boolean' },
  { field: 'boolean', caseSensitive: true, text: 'ne true', holds: (v) => v === false },
  {
    field: 'date-time',
    caseSensitive: true,
    text: 'lt 2022-06-01T00:00:00Z',
    holds: (v) => instant(v) < Date.UTC(2022, 5, 1),
  },
  {
    field: 'date-time',
    caseSensitive: true,
    text: 'ge 2023-01-01T00:00:00.5Z',
    holds: (v) => instant(v) >= Date.UTC(2023, 0, 1) + 500,
  },
  { field: 'string', caseSensitive: true, text: 'pr', holds: (v) => v != null && !Number.isNaN(v) },
  { field: 'string', caseSensitive: true, text: 'isnull', holds: (v) => !(v != null && !Number.isNaN(v)) },
];

/** A record description: own entries (nested ones too) and how the object is made. */
type Shape = {
  kind: 'plain' | 'null' | 'inherits' | 'class';
  entries: [string, unknown][];
  proto?: Shape | undefined;
};

const value = fc.constantFrom(...VALUES);
const shape: fc.Arbitrary<Shape> = fc.letrec<{ shape: Shape }>((tie) => ({
  shape: fc.record(
    {
      kind: fc.constantFrom('plain', 'null', 'inherits', 'class'),
      entries: fc.array(
        fc.tuple(fc.constantFrom(...KEYS), fc.oneof({ depthSize: 'small' }, value, tie('shape'))),
        { maxLength: 4 },
      ),
      proto: fc.option(tie('shape'), { nil: undefined }),
    },
    { requiredKeys: ['kind', 'entries'] },
  ),
})).shape;

class Model {
  /** A class getter: not the record's own value. */
  get status(): string {
    return 'Failed';
  }
}

const isShape = (v: unknown): v is Shape =>
  typeof v === 'object' && v !== null && !Array.isArray(v) && Object.hasOwn(v, 'kind');

function build(s: Shape): object {
  const proto =
    s.kind === 'null'
      ? null
      : s.kind === 'class'
        ? Model.prototype
        : s.kind === 'inherits' && s.proto
          ? build(s.proto)
          : Object.prototype;
  const record = Object.create(proto) as object;
  for (const [key, v] of s.entries) {
    const built = isShape(v) ? build(v) : v;
    Object.defineProperty(
      record,
      key,
      built === THROWS
        ? {
            get: () => {
              throw new Error('hostile getter');
            },
            enumerable: true,
            configurable: true,
          }
        : { value: built, enumerable: true, configurable: true, writable: true },
    );
  }
  return record;
}

const path = fc.array(fc.constantFrom(...KEYS), { minLength: 1, maxLength: 3 });
const pollution = fc.option(fc.tuple(fc.constantFrom(...POLLUTABLE), value), { nil: undefined });

function compileBoth(leaf: Leaf, keys: readonly string[], negated: boolean) {
  const schema: Schema = {
    fields: {
      x: {
        type: leaf.field,
        operators: ['eq', 'ne', 'co', 'sw', 'in', 'gt', 'ge', 'lt', 'le', 'pr', 'isnull'],
        caseSensitive: leaf.caseSensitive,
        path: keys.join('.'),
      },
    },
  };
  const parsed = parse(negated ? `not (x ${leaf.text})` : `x ${leaf.text}`);
  if (!parsed.ok) throw new Error(leaf.text);
  return [false, true].map((generateCode) => compilePredicate(parsed.ast, { schema, generateCode }));
}

describe('the read-first leaves against an own-property oracle', () => {
  it('answer as the oracle on hostile records, with Object.prototype polluted', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...LEAVES),
        path,
        fc.boolean(),
        shape,
        pollution,
        (leaf, keys, negated, s, pollute) => {
          const record = build(s);
          const v = ownValue(record, keys);
          // A missing value is undefined to the operators: only `isnull` holds on it.
          const expected = leaf.holds(v === MISSING ? undefined : v) !== negated;
          const predicates = compileBoth(leaf, keys, negated);
          const answers: boolean[] = [];
          if (pollute !== undefined) {
            const [key, polluted] = pollute;
            Object.defineProperty(
              Object.prototype,
              key,
              polluted === THROWS
                ? {
                    get: () => {
                      throw new Error('polluted getter');
                    },
                    configurable: true,
                  }
                : { value: polluted, configurable: true, writable: true },
            );
          }
          try {
            for (const predicate of predicates) answers.push(predicate(record));
          } finally {
            if (pollute !== undefined) delete (Object.prototype as Record<string, unknown>)[pollute[0]];
          }
          expect(answers).toEqual([expected, expected]);
        },
      ),
      { numRuns: 3000 },
    );
  });

  it('never take a value from Object.prototype, whatever the key', () => {
    for (const leaf of LEAVES.filter((l) => l.text !== 'isnull' && !l.text.startsWith('ne'))) {
      for (const key of POLLUTABLE) {
        const [closures, generated] = compileBoth(leaf, [key], false);
        for (const v of VALUES) {
          Object.defineProperty(Object.prototype, key, { value: v, configurable: true, writable: true });
          try {
            expect([closures!({}), generated!({}), closures!({ [key]: undefined })]).toEqual([
              false,
              false,
              false,
            ]);
          } finally {
            delete (Object.prototype as Record<string, unknown>)[key];
          }
        }
      }
    }
  });
});

/**
 * The predicate's leaves against records whose shape changes from call to call: one compiled
 * predicate reused over hundreds of records of mixed shapes (JSON, class instances, null
 * prototypes, proxies, getters), prototypes polluted after it has optimised on clean records,
 * records that answer differently from one read to the next, and proxies that misreport their
 * prototype. Closures, generated code and the oracle (./oracle.ts) are compared throughout.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { filterArbitrary } from './arbitraries.js';
import { compare, compileBoth, define, field, num, str } from './leaf-harness.js';
import { evaluate, type FieldSpec, type Filter, type SchemaSpec } from './oracle.js';
import { POLLUTIONS, SharedRow, withPollution } from './pollution.js';
import { buildRecord, type RecordPlan, recordPlanArbitrary } from './records.js';

/**
 * Path segments: plain names, names `Object.prototype` has, and `length`, which arrays and `String`
 * objects own (a schema path is made of identifiers: no index can be one).
 */
const SEGMENTS = [
  'status',
  'a',
  'b',
  'length',
  '_',
  '__proto__',
  'constructor',
  'toString',
  'hasOwnProperty',
  'valueOf',
] as const;

const TYPES = ['string', 'number', 'integer', 'boolean', 'date-time'] as const;

const schemaArbitrary: fc.Arbitrary<SchemaSpec> = fc
  .array(
    fc.record({
      path: fc.array(fc.constantFrom(...SEGMENTS), { minLength: 1, maxLength: 3 }),
      type: fc.constantFrom(...TYPES),
      caseSensitive: fc.constantFrom(undefined, true, false),
    }),
    { minLength: 1, maxLength: 3 },
  )
  .map((fields) => {
    const seen = new Set<string>();
    const specs: FieldSpec[] = [];
    for (const [index, each] of fields.entries()) {
      const name = `f${index}`;
      if (seen.has(each.path.join('.'))) continue;
      seen.add(each.path.join('.'));
      specs.push(field(each.path, each.type, { name, caseSensitive: each.caseSensitive }));
    }
    return { fields: specs, caseSensitive: undefined };
  });

/** A schema, a filter on it, and what `more` draws for that schema, drawn together. */
function forSchema<T extends object>(
  more: (schema: SchemaSpec) => fc.Arbitrary<T>,
): fc.Arbitrary<{ schema: SchemaSpec; filter: Filter } & T> {
  return schemaArbitrary.chain((schema) =>
    fc.tuple(filterArbitrary(schema), more(schema)).map(([filter, rest]) => ({ schema, filter, ...rest })),
  );
}

/** A record as built, or made again by `JSON.parse` (own `__proto__` keys included) when it can be. */
function materialize(plan: RecordPlan, json: boolean): unknown {
  const record = buildRecord(plan);
  if (!json) return record;
  try {
    const text = JSON.stringify(record);
    return text === undefined ? record : JSON.parse(text);
  } catch {
    return record;
  }
}

describe('one predicate reused over records of many shapes', () => {
  it('answers as the oracle in both modes, record after record, shape after shape', () => {
    fc.assert(
      fc.property(
        forSchema((schema) =>
          fc.record({
            records: fc.array(fc.tuple(recordPlanArbitrary(schema), fc.boolean()), {
              minLength: 20,
              maxLength: 60,
            }),
          }),
        ),
        ({ schema, filter, records }) => {
          const { text, closures, generated } = compileBoth(filter, schema);
          // Twice over: the second pass meets every shape again after the first taught the leaves.
          for (let pass = 0; pass < 2; pass++) {
            for (const [plan, json] of records) {
              const expected = evaluate(filter, schema, materialize(plan, json), 'unicode');
              expect(closures(materialize(plan, json)), `${text} closures`).toBe(expected);
              expect(generated(materialize(plan, json)), `${text} generated`).toBe(expected);
            }
          }
        },
      ),
      { numRuns: 150 },
    );
  });
});

type WarmShape = 'plain' | 'null-prototype' | 'shared-class';

/**
 * Warms one predicate for tens of thousands of calls on clean records of `shapes`, then pollutes
 * each prototype in turn (`Object.prototype`, `Array.prototype`, the shared class's prototype) and
 * checks records without own values: what the optimised leaves learnt of a prototype chain must
 * not outlive the chain.
 */
function pollutedAfterWarming(shapes: readonly WarmShape[]): void {
  fc.assert(
    fc.property(
      forSchema((schema) =>
        fc.record({
          clean: fc.array(recordPlanArbitrary(schema), { minLength: 2, maxLength: 6 }),
          checked: fc.array(recordPlanArbitrary(schema), { minLength: 1, maxLength: 6 }),
        }),
      ),
      ({ schema, filter, clean, checked }) => {
        const { text, closures, generated } = compileBoth(filter, schema);
        const warm = clean.map((plan, i) => ({ ...plan, shapes: [shapes[i % shapes.length] as WarmShape] }));
        const records = warm.map((plan, i) => materialize(plan, shapes[0] === 'plain' && i % 3 === 0));
        const wanted = records.map((record) => evaluate(filter, schema, record, 'unicode'));
        let wrong = 0;
        for (let i = 0; i < 20_000; i++) {
          const k = i % records.length;
          if (closures(records[k]) !== wanted[k]) wrong++;
          if (generated(records[k]) !== wanted[k]) wrong++;
        }
        expect(wrong, `${text}: wrong answers while warming up`).toBe(0);
        for (const pollution of POLLUTIONS) {
          withPollution(filter, pollution, () => {
            const bare = [{}, Object.create(null) as object, new SharedRow(), JSON.parse('{}') as object];
            const all = [...bare, ...[...warm, ...checked].map((plan) => buildRecord(plan))];
            for (const record of all) {
              const expected = evaluate(filter, schema, record, 'unicode');
              expect(closures(record), `${text} closures, ${pollution}`).toBe(expected);
              expect(generated(record), `${text} generated, ${pollution}`).toBe(expected);
            }
          });
        }
      },
    ),
    { numRuns: 30 },
  );
}

describe('prototypes polluted after the predicate has optimised on clean records', () => {
  it('take no value from the prototype, whatever the pollution', () => {
    // Plain, null-prototype and JSON records: the leaves optimise for them before any prototype is touched.
    pollutedAfterWarming(['plain', 'null-prototype']);
  });

  it('take no value from a class prototype that gains the key after the leaves optimised on its instances', () => {
    pollutedAfterWarming(['shared-class']);
  });
});

/*
 * Records whose reading has effects: a getter that answers differently on each read, throws on
 * its first read only, or gives the record an own value on the way. A prototype getter's answer
 * never counts, so the two modes agree there. How often a value is read differs by mode and by
 * leaf (docs/semantics.md), so where the getter's answers differ from read to read, each mode
 * must answer as for one of the values it gave, or as for a missing value.
 */
const UNSTABLE = [
  'alternating-own-getter',
  'alternating-own-getter-class',
  'throws-once-own-getter',
  'prototype-getter-defines-other-own',
  'prototype-getter-defines-same-own',
] as const;
type Unstable = (typeof UNSTABLE)[number];
/** The kinds whose answer depends on which read counts. */
const READ_COUNTED: readonly Unstable[] = [
  'alternating-own-getter',
  'alternating-own-getter-class',
  'throws-once-own-getter',
];

/** A record holding `value` as a plain data property at the end of `path`. */
function plainRecord(path: readonly string[], value: unknown): object {
  const holder = {};
  define(holder, path[path.length - 1]!, { value, writable: true });
  return nestedAt(path, holder);
}

function unstableHolder(kind: Unstable, key: string, first: unknown, then: unknown): object {
  let reads = 0;
  switch (kind) {
    case 'alternating-own-getter':
    case 'alternating-own-getter-class': {
      const holder = kind === 'alternating-own-getter' ? {} : new (class Row {})();
      define(holder, key, { get: () => (reads++ % 2 === 0 ? first : then) });
      return holder;
    }
    case 'throws-once-own-getter': {
      const holder = {};
      define(holder, key, {
        get: () => {
          if (reads++ === 0) throw new Error('first read');
          return first;
        },
      });
      return holder;
    }
    default: {
      const proto = {};
      const own = kind === 'prototype-getter-defines-same-own' ? first : then;
      define(proto, key, {
        get(this: object) {
          define(this, key, { value: own, writable: true });
          return first;
        },
      });
      return Object.create(proto) as object;
    }
  }
}

/** `holder` as the object at the end of `path`: plain objects on the way hold it. */
function nestedAt(path: readonly string[], holder: object): object {
  let record = holder;
  for (const key of path.slice(0, -1).reverse()) {
    const outer = {};
    define(outer, key, { value: record, writable: true });
    record = outer;
  }
  return record;
}

/** A record with the unstable object at the end of `path`, plain objects on the way. */
function unstableRecord(path: readonly string[], kind: Unstable, first: unknown, then: unknown): object {
  return nestedAt(path, unstableHolder(kind, path[path.length - 1]!, first, then));
}

const PLAIN_SEGMENTS = ['status', 'a', 'b', 'length'] as const;

describe('records whose reads disagree with each other', () => {
  it('answer alike in both modes, or as for a value the getter gave when its reads differ', () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(...PLAIN_SEGMENTS), { minLength: 1, maxLength: 3 }),
        fc.constantFrom(...UNSTABLE),
        fc.constantFrom(
          ['eq', [num('1')]] as const,
          ['ne', [num('2')]] as const,
          ['gt', [num('0')]] as const,
          ['in', [num('1'), num('3')]] as const,
        ),
        fc.constantFrom(1, 2, Number.NaN, null),
        fc.boolean(),
        (path, kind, [op, values], then, negated) => {
          const f = field(path, 'number');
          const leaf = compare(f, op, values);
          const filter: Filter = negated ? { kind: 'not', operand: leaf } : leaf;
          const { text, closures, generated } = compileBoth(filter, {
            fields: [f],
            caseSensitive: undefined,
          });
          const c = closures(unstableRecord(path, kind, 1, then));
          const g = generated(unstableRecord(path, kind, 1, then));
          if (READ_COUNTED.includes(kind)) {
            const schema = { fields: [f], caseSensitive: undefined };
            const allowed = [
              evaluate(filter, schema, plainRecord(path, 1), 'unicode'),
              evaluate(filter, schema, plainRecord(path, then), 'unicode'),
              evaluate(filter, schema, {}, 'unicode'),
            ];
            expect(allowed, `${text} on ${kind} (then ${then}): closures`).toContain(c);
            expect(allowed, `${text} on ${kind} (then ${then}): generated`).toContain(g);
          } else {
            expect(c, `${text} on ${kind} (then ${then}): closures ${c}, generated ${g}`).toBe(g);
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});

/*
 * A proxy answers through its own traps, and a polluted `Object.prototype` never counts: a proxy
 * whose `getPrototypeOf` says null (or `Object.prototype`) while its target inherits the key from
 * a polluted `Object.prototype` must not match. Beyond that the proxy is taken at its word
 * (docs/semantics.md): one that claims a prototype without the key, over a class getter, or whose
 * `has` and `get` answer for a key, is read as its traps say, alike in both modes.
 */
describe('proxies that misreport their prototype', () => {
  it('take no value from a polluted Object.prototype, and are read alike in both modes', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('status', 'a'),
        fc.constantFrom(
          ['eq', [str('Failed')]] as const,
          ['ne', [str('x')]] as const,
          ['in', [str('Failed'), str('y')]] as const,
          ['co', [str('ail')]] as const,
        ),
        fc.constantFrom('null', 'object-prototype', 'has-and-get'),
        fc.constantFrom('polluted', 'class-getter'),
        fc.boolean(),
        (key, [op, values], claim, source, caseSensitive) => {
          const f = field([key], 'string', { caseSensitive });
          const filter = compare(f, op, values);
          const schema = { fields: [f], caseSensitive: undefined };
          const { text, closures, generated } = compileBoth(filter, schema);
          const claimed = claim === 'null' ? null : Object.prototype;
          const make = (): object => {
            // Owns nothing (no getOwnPropertyDescriptor says otherwise), but says it has the key and reads it.
            if (claim === 'has-and-get') return new Proxy({}, { has: () => true, get: () => 'Failed' });
            const target =
              source === 'class-getter'
                ? new (class Row {
                    get [key](): string {
                      return 'Failed';
                    }
                  })()
                : {};
            return new Proxy(target, { getPrototypeOf: () => claimed });
          };
          const check = (): void => {
            const c = closures(make());
            expect(c, `${text}: closures and generated, ${claim}, ${source}`).toBe(generated(make()));
            if (source === 'polluted' && claim !== 'has-and-get') {
              expect(evaluate(filter, schema, make(), 'unicode')).toBe(false);
              expect(c, `${text} closures, ${claim}, ${source}`).toBe(false);
            }
          };
          if (source === 'polluted') {
            define(Object.prototype, key, { value: 'Failed', writable: true, enumerable: false });
            try {
              check();
            } finally {
              delete (Object.prototype as Record<string, unknown>)[key];
            }
          } else {
            check();
          }
        },
      ),
      { numRuns: 100 },
    );
  });
});

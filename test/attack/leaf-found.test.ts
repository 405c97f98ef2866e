/**
 * The smallest records on which the leaf attacks (leaf-*.test.ts) found the predicate breaking
 * the manual, and the cases at the manual's edges (getters whose reads differ, read a different
 * number of times by each mode; proxies taken at their word): each says the record, the filter
 * and what each mode answers.
 */
import { describe, expect, it } from 'vitest';
import { compare, compileBoth, define, field, num, str } from './leaf-harness.js';
import { evaluate, type Filter, type SchemaSpec } from './oracle.js';

const a = field(['a'], 'number');
const ab = field(['a', 'b'], 'number');
const status = field(['status'], 'string', { caseSensitive: true });
const only = (...fields: (typeof a)[]): SchemaSpec => ({ fields, caseSensitive: undefined });

/** Both modes' answers on records made fresh for each by `make`. */
function answers(filter: Filter, schema: SchemaSpec, make: () => unknown): [boolean, boolean] {
  const { closures, generated } = compileBoth(filter, schema);
  return [closures(make()), generated(make())];
}

/** A plain object (or, given, a class instance) whose own `key` reads `first`, then `then`, in turn. */
function alternating(key: string, first: unknown, then: unknown, holder: object = {}): object {
  let reads = 0;
  define(holder, key, { get: () => (reads++ % 2 === 0 ? first : then) });
  return holder;
}

describe('a getter that answers differently on each read (the reads counted differ by mode)', () => {
  it('answers as for one of its values (a eq 1, plain object)', () => {
    const [closures, generated] = answers(compare(a, 'eq', [num('1')]), only(a), () =>
      alternating('a', 1, 2),
    );
    // 1 matches, 2 does not: either is a value the getter gave.
    expect([true, false]).toContain(closures);
    expect([true, false]).toContain(generated);
  });

  it('reads once on a plain object, whose prototype is Object.prototype (a ne 2)', () => {
    const [closures, generated] = answers(compare(a, 'ne', [num('2')]), only(a), () =>
      alternating('a', 1, 2),
    );
    // One read gives 1, and 1 ne 2.
    expect(closures).toBe(true);
    expect(generated).toBe(true);
  });

  it('reads again on a class instance, whose prototype may answer its has trap (a ne 2)', () => {
    const make = () => alternating('a', 1, 2, new (class Row {})());
    const [closures, generated] = answers(compare(a, 'ne', [num('2')]), only(a), make);
    // The first read gives 1; proven own, the second read gives 2, which is not what was tested.
    expect(closures).toBe(false);
    expect(generated).toBe(false);
  });

  it('answers alike in both modes where the own check reads again (a ne 2, the key on the prototype too)', () => {
    class Row {}
    define(Row.prototype, 'a', { value: 2 });
    const make = () => alternating('a', 1, 2, new Row());
    const [closures, generated] = answers(compare(a, 'ne', [num('2')]), only(a), make);
    // The first read gives 1; proven own, the second read gives 2, which is not what was tested.
    expect(closures).toBe(false);
    expect(generated).toBe(false);
  });
});

describe('a getter that throws on its first read only', () => {
  it('is missing in the closures; generated code asks the closures again, as documented', () => {
    const make = () => {
      let reads = 0;
      const inner = {};
      define(inner, 'b', {
        get: () => {
          if (reads++ === 0) throw new Error('first read');
          return 1;
        },
      });
      return { a: inner };
    };
    // The closures catch the throw per leaf; generated code catches it once and tests the record
    // again with the closures, whose read then succeeds (docs/semantics.md).
    expect(answers(compare(ab, 'eq', [num('1')]), only(ab), make)).toEqual([false, true]);
  });
});

describe('a prototype getter that gives the record an own value of another', () => {
  /** `key` inherited from a getter that defines an own `key` of 2 and answers 1. */
  const inheriting = (key: string): object => {
    const proto = {};
    define(proto, key, {
      get(this: object) {
        define(this, key, { value: 2, writable: true });
        return 1;
      },
    });
    return Object.create(proto) as object;
  };

  it('never counts what the getter returned (a eq 1)', () => {
    const filter = compare(a, 'eq', [num('1')]);
    expect(evaluate(filter, only(a), inheriting('a'), 'unicode')).toBe(false);
    // Generated code checks only that an own `a` exists after the read, not that it is the value tested.
    expect(answers(filter, only(a), () => inheriting('a'))).toEqual([false, false]);
  });

  it('never counts what the getter returned, a step down (a.b eq 1)', () => {
    const filter = compare(ab, 'eq', [num('1')]);
    expect(evaluate(filter, only(ab), { a: inheriting('b') }, 'unicode')).toBe(false);
    // Generated code asks only that each step is owned after the reads, not that it holds the value tested.
    expect(answers(filter, only(ab), () => ({ a: inheriting('b') }))).toEqual([false, false]);
  });
});

describe('a proxy whose getPrototypeOf misreports its prototype', () => {
  it('takes no value from a polluted Object.prototype (status eq "Failed", proxy claiming null)', () => {
    const filter = compare(status, 'eq', [str('Failed')]);
    const make = () => new Proxy({}, { getPrototypeOf: () => null });
    define(Object.prototype, 'status', { value: 'Failed', writable: true, enumerable: false });
    try {
      expect(evaluate(filter, only(status), make(), 'unicode')).toBe(false);
      expect(answers(filter, only(status), make)).toEqual([false, false]);
    } finally {
      delete (Object.prototype as Record<string, unknown>).status;
    }
  });

  it('is taken at its word over a class getter (status ne "x", proxy claiming Object.prototype)', () => {
    const filter = compare(status, 'ne', [str('x')]);
    class Row {
      get status(): string {
        return 'Failed';
      }
    }
    const make = () => new Proxy(new Row(), { getPrototypeOf: () => Object.prototype });
    // It says its prototype lacks `status`, so the value it reads is its own (docs/semantics.md).
    expect(answers(filter, only(status), make)).toEqual([true, true]);
  });

  it('is taken at its word when its has and get answer (status pr)', () => {
    const filter: Filter = { kind: 'presence', field: status, op: 'pr', prefix: false };
    const make = () => new Proxy({}, { has: () => true, get: () => 'Failed' });
    expect(answers(filter, only(status), make)).toEqual([true, true]);
  });

  it('takes no value from a polluted Object.prototype when its has and get answer (status pr)', () => {
    const filter: Filter = { kind: 'presence', field: status, op: 'pr', prefix: false };
    const make = () => new Proxy({}, { has: () => true, get: () => 'Failed' });
    define(Object.prototype, 'status', { value: 'Failed', writable: true, enumerable: false });
    try {
      expect(answers(filter, only(status), make)).toEqual([false, false]);
    } finally {
      delete (Object.prototype as Record<string, unknown>).status;
    }
  });
});

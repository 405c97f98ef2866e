import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Expression } from '../../src/ast/index.js';
import { createFilterBuilder, FilterBuildError, type TemplateValue, v3f } from '../../src/builder/api.js';
import { defineSchema, FilterSchemaError, format, parse, v3fFor } from '../../src/index.js';
import { stripSpans } from '../support/ast-arbitraries.js';

/**
 * Values that are not what they seem: objects that run the caller's code when read (a `Date`
 * subclass with its own `toISOString`, `toPrimitive`, proxies, getters, revoked proxies, a list
 * whose `length` is enormous). Whatever they do, a value either becomes one literal of the filter
 * (the structure the template gives) or is refused with `FilterBuildError`: never another error,
 * never a hang, never text that changes the filter.
 */

const schema = defineSchema({
  fields: {
    name: { type: 'string', operators: ['eq', 'in'] },
    created: { type: 'date-time', operators: ['eq', 'gt', 'in'] },
  },
});

/** Text an overridden method answers: filter syntax that would change the structure if spliced. */
const injection = fc.constantFrom(
  '2020-01-01T00:00:00Z or name eq "x"',
  '2020-01-01T00:00:00.000Z) or (name eq 1',
  '" or name eq "x',
  'x", "y',
  '1 or created gt 1',
);

function dateSubclass(text: string, time: number): Date {
  class Lying extends Date {
    override toISOString(): string {
      return text;
    }
    override toString(): string {
      return text;
    }
    override toJSON(): string {
      return text;
    }
    override valueOf(): number {
      return 0;
    }
    override getTime(): number {
      return 0;
    }
    override getUTCFullYear(): number {
      return 2020;
    }
  }
  return new Lying(time);
}

function revoked<T extends object>(target: T): T {
  const { proxy, revoke } = Proxy.revocable(target, {});
  revoke();
  return proxy;
}

/**
 * What a getter or a trap throws, as a function that makes it: fast-check inspects the values it
 * generates, which a revoked proxy does not allow, so the hostile values are made in the property.
 */
const thrownValue = fc.constantFrom<() => unknown>(
  () => new Error('a getter failed'),
  () => new RangeError('out of range'),
  () => 'a string',
  () => undefined,
  () => Symbol('thrown'),
  () => revoked({}),
);
const throwingMade = (make: () => unknown) => () => {
  throw make();
};

const time = fc.oneof(
  fc.integer({ min: -62_167_219_200_000, max: 253_402_300_799_999 }),
  fc.constantFrom(Number.NaN, 8.64e15, -8.64e15, -62_167_219_200_001, 253_402_300_800_000),
);

const exoticValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.tuple(injection, time).map(([text, t]) => dateSubclass(text, t)),
  time.map((t) => new Proxy(new Date(t), {})),
  fc.constant(Object.create(Date.prototype)),
  injection.map((text) => ({ [Symbol.toPrimitive]: () => text, toString: () => text })),
  injection.map((text) => Object.assign(new String(text))),

  fc
    .constantFrom(2 ** 32 - 1, 1e7, -1, Number.NaN)
    .map((length) => new Proxy(['a'], { get: (t, k) => (k === 'length' ? length : Reflect.get(t, k)) })),
  // A list whose items answer a string when checked and a filter when read again.
  injection.map((text) => {
    let reads = 0;
    return new Proxy(['a'], {
      get: (t, k) => (k === '0' ? (reads++ === 0 ? 'a' : [text]) : Reflect.get(t, k)),
    });
  }),
  injection.map((text) => [dateSubclass(text, 0), [text]]),
  fc.constantFrom(null, undefined, Symbol('s'), () => 1, [], [[1]], -0, Number.POSITIVE_INFINITY),
);

/** Each hostile value as a function that makes it, called inside the property. */
const exotic: fc.Arbitrary<() => unknown> = fc.oneof(
  exoticValue.map((value) => () => value),
  fc.constantFrom<() => unknown>(
    () => revoked({}),
    () => revoked([]),
    () => revoked(new Date(0)),
  ),
  thrownValue.map((make) => () => new Proxy({}, { getPrototypeOf: throwingMade(make) })),
  thrownValue.map((make) => () => new Proxy([], { get: throwingMade(make) })),
  thrownValue.map((make) => () => Object.defineProperty(['a'], 0, { get: throwingMade(make) })),
);

/** A filter's tree with every literal forgotten: what no value may change. */
function shape(node: Expression): unknown {
  return JSON.parse(
    JSON.stringify(stripSpans(node), (key, value) => (key === 'value' || key === 'values' ? 'V' : value)),
  );
}

function tagged(
  parts: readonly string[],
  value: unknown,
  tag: (s: TemplateStringsArray, ...v: TemplateValue[]) => string,
) {
  const strings = Object.assign([...parts], { raw: [...parts] });
  return tag(strings as unknown as TemplateStringsArray, value as TemplateValue);
}

const templates: readonly (readonly [string, string])[] = [
  ['name eq ', ''],
  ['name in ', ''],
  ['name in (', ')'],
  ['name eq "x', 'y"'],
  ['created gt ', ''],
  ['created in ', ''],
];

/** The tree the template gives with a plain value in the slot: the oracle's structure. */
function expectedShape(parts: readonly [string, string]): unknown {
  const text = `${parts[0]}${parts[0].endsWith('"') || parts[0].endsWith('x') ? '' : parts[0].endsWith('(') ? '1' : parts[0].includes(' in ') ? '(1)' : '1'}${parts[1]}`;
  const parsed = parse(text);
  if (!parsed.ok) throw new Error(`the oracle's own template does not parse: ${text}`);
  return shape(parsed.ast);
}

describe('values that run code when read', () => {
  it('become one literal or throw FilterBuildError, in v3f, v3fFor and the builder', () => {
    const checked = v3fFor(schema);
    const builder = createFilterBuilder(schema);
    let written = 0;
    fc.assert(
      fc.property(exotic, fc.constantFrom(...templates), (make, parts) => {
        const value = make();
        for (const tag of [v3f, checked]) {
          let text: string;
          try {
            text = tagged(parts, value, tag);
          } catch (error) {
            expect(error instanceof FilterBuildError || error instanceof FilterSchemaError).toBe(true);
            continue;
          }
          written++;
          const parsed = parse(text);
          expect(parsed.ok).toBe(true);
          if (parsed.ok) expect(shape(parsed.ast)).toEqual(expectedShape(parts));
        }
        for (const build of [
          () => builder.eq('created', value as Date),
          () => builder.in('name', value as [string]),
        ]) {
          let text: string;
          try {
            text = format(build().ast);
          } catch (error) {
            expect(error).toBeInstanceOf(FilterBuildError);
            continue;
          }
          const parsed = parse(text);
          expect(parsed.ok).toBe(true);
          if (parsed.ok) expect(parsed.ast.kind === 'comparison' || parsed.ast.kind === 'list').toBe(true);
        }
      }),
      { numRuns: 400 },
    );
    // Some exotic values are real values (a Date subclass's instant): the property saw them written.
    expect(written).toBeGreaterThan(0);
  });

  it("writes a Date subclass's own instant, whatever its methods answer", () => {
    const lying = dateSubclass('2020-01-01T00:00:00Z or name eq "x"', Date.UTC(2024, 0, 2));
    expect(v3f`created gt ${lying}`).toBe('created gt 2024-01-02T00:00:00.000Z');
    expect(format(createFilterBuilder(schema).gt('created', lying).ast)).toBe(
      'created gt 2024-01-02T00:00:00.000Z',
    );
  });

  it('refuses a list longer than any filter holds without reading its items', () => {
    let reads = 0;
    const huge = new Proxy(['a'], {
      get: (t, k) => {
        if (k === 'length') return 2 ** 32 - 1;
        reads++;
        return Reflect.get(t, k);
      },
    });
    expect(() => v3f`name in ${huge as string[]}`).toThrow(FilterBuildError);
    expect(() => createFilterBuilder(schema).in('name', huge as unknown as [string])).toThrow(
      FilterBuildError,
    );
    expect(reads).toBe(0);
  });
});

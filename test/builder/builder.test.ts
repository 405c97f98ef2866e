import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type BuiltFilter,
  createFilterBuilder,
  FilterBuildError,
  FilterSchemaError,
} from '../../src/builder/api.js';
import { decimalText } from '../../src/builder/values.js';
import { InvalidAstError, parse } from '../../src/index.js';
import { defineSchema, type Schema, workflowExecutionsSchema } from '../../src/schema/index.js';
import { validate } from '../../src/validate/index.js';
import { stripSpans } from '../support/ast-arbitraries.js';

const schema = defineSchema({
  fields: {
    name: { type: 'string', operators: ['eq', 'ne', 'co', 'sw', 'in', 'pr', 'isnull'] },
    age: { type: 'integer', operators: ['eq', 'gt', 'lt'] },
    score: { type: 'number', operators: ['ge', 'le'] },
    enabled: { type: 'boolean', operators: ['eq'] },
    created: { type: 'date-time', operators: ['gt', 'lt', 'eq'] },
    tags: { type: 'string', collection: true, operators: ['ca'] },
  },
});
const f = createFilterBuilder(schema);

describe('filter builder', () => {
  it('builds the seed filter', () => {
    const w = createFilterBuilder(workflowExecutionsSchema);
    const filter = w.and(w.eq('status', 'Failed'), w.ge('start_time', new Date('2022-02-07T20:13:29Z')));
    expect(String(filter)).toBe('status eq "Failed" and start_time ge 2022-02-07T20:13:29.000Z');
    expect(w.lt('start_time', '2022-02-07T20:13:29.356648026Z').toString()).toBe(
      'start_time lt 2022-02-07T20:13:29.356648026Z',
    );
  });

  it('writes every operator, composition and value type', () => {
    const filter = f.or(
      f.and(f.sw('name', 'Jo'), f.not(f.eq('enabled', false)), f.in('name', ['a', 'b'])),
      f.and(f.gt('age', 30), f.le('score', 1e-7), f.ca('tags', ['x'])),
      f.isnull('name'),
      f.pr('name'),
    );
    expect(String(filter)).toBe(
      'name sw "Jo" and not enabled eq false and name in ("a", "b") or age gt 30 and score le 0.0000001 and tags ca ("x") or name isnull or name pr',
    );
    const parsed = parse(String(filter));
    expect(parsed.ok && stripSpans(parsed.ast)).toEqual(stripSpans(filter.ast));
    expect(parsed.ok && validate(parsed.ast, schema)).toEqual([]);
  });

  it('keeps the tree: a nested and stays nested', () => {
    const filter = f.and(f.pr('name'), f.and(f.eq('age', 1), f.eq('age', 2)));
    expect(String(filter)).toBe('name pr and (age eq 1 and age eq 2)');
  });

  it('cannot be injected through a value', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (raw) => {
        const value = raw.replace(/[\n\r]/g, '');
        // Text SQL cannot store (a NUL, an unpaired surrogate) is refused by the schema's one
        // acceptance rule; any other text is written so that it parses back to itself.
        if (/\0|\p{Surrogate}/u.test(value)) {
          let thrown: unknown;
          try {
            f.eq('name', value);
          } catch (cause) {
            thrown = cause;
          }
          expect(thrown).toBeInstanceOf(FilterSchemaError);
          expect((thrown as FilterSchemaError).diagnostics.map((d) => d.code)).toEqual([
            'unsupported-character',
          ]);
        } else {
          const text = String(f.eq('name', value));
          const parsed = parse(text, { limits: { maxLength: 1 << 20 } });
          expect(
            parsed.ok &&
              parsed.ast.kind === 'comparison' &&
              parsed.ast.value.kind === 'string' &&
              parsed.ast.value.value,
          ).toBe(value);
        }
      }),
      { numRuns: 500 },
    );
    expect(() => f.eq('name', 'a\nb')).toThrow(FilterBuildError);
    expect(() => f.eq('name', 'a\u0000b')).toThrow(FilterSchemaError);
    const sneaky = String(f.eq('name', '" or name pr or name eq "'));
    expect(sneaky).toBe('name eq "\\" or name pr or name eq \\""');
  });

  it('checks at run time what the types check at compile time', () => {
    const loose = createFilterBuilder(schema as unknown as Schema);
    expect(() => loose.eq('nope', 'x')).toThrow(FilterSchemaError);
    expect(() => loose.eq('__proto__', 'x')).toThrow(FilterSchemaError);
    expect(() => loose.eq('age', 'x')).toThrow(/type|integer|number/i);
    expect(() => f.eq('age', 1.5 as number)).toThrow(FilterSchemaError);
    expect(() => f.gt('age', Number.NaN)).toThrow(FilterBuildError);
    expect(() => f.gt('created', new Date('nonsense'))).toThrow(FilterBuildError);
    expect(() => f.gt('created', '2023-02-30')).toThrow(FilterBuildError);
    expect(() => f.in('name', [] as unknown as ['x'])).toThrow(FilterBuildError);
    const w = createFilterBuilder(workflowExecutionsSchema);
    expect(() => w.eq('status', 'Unknown' as 'Failed')).toThrow(FilterSchemaError);
  });

  it('refuses operands that did not come from a builder, and composites the schema forbids', () => {
    const forged = { ast: f.pr('name').ast, toString: () => 'name pr) or (x pr' };
    expect(() => f.not(forged)).toThrow(FilterBuildError);
    const andOnly = createFilterBuilder(defineSchema({ fields: schema.fields, composite: ['and'] }));
    expect(() => andOnly.or(andOnly.pr('name'), andOnly.pr('name'))).toThrow(/or/);
    expect(String(andOnly.and(andOnly.pr('name'), andOnly.isnull('name')))).toBe('name pr and name isnull');
  });

  it('joins a list built at run time: and/or take a typed spread; one filter is itself, none throws', () => {
    // `npm run typecheck` compiles these spreads of a dynamic array (a tuple rest parameter would
    // refuse them with TS2556).
    const prefixes: string[] = ['Jo', 'Al', 'Bo'];
    const list: BuiltFilter[] = prefixes.map((prefix) => f.sw('name', prefix));
    expect(String(f.or(...list))).toBe('name sw "Jo" or name sw "Al" or name sw "Bo"');
    expect(String(f.and(...list.slice(0, 2)))).toBe('name sw "Jo" and name sw "Al"');
    const one = f.eq('age', 3);
    expect(f.or(...[one])).toBe(one);
    expect(f.and(one)).toBe(one);
    const none: BuiltFilter[] = [];
    expect(() => f.or(...none)).toThrow(FilterBuildError);
    expect(() => f.and()).toThrow(/`and` takes at least one filter/);
    // One operand is still checked: forged filters and forbidden composites are refused.
    const forged = { ast: one.ast, toString: () => 'x' };
    expect(() => f.and(forged)).toThrow(FilterBuildError);
    const andOnly = createFilterBuilder(defineSchema({ fields: schema.fields, composite: ['and'] }));
    expect(() => andOnly.or(andOnly.pr('name'))).toThrow(/or/);
  });

  it('types allow only the schema’s fields, operators and value types', () => {
    // Each line below must fail to compile; `npm run typecheck` checks these expectations.
    const typeOnly = (): void => {
      // @ts-expect-error unknown field
      f.eq('nope', 'x');
      // @ts-expect-error `co` is not allowed on age
      f.co('age', 1);
      // @ts-expect-error age takes numbers
      f.eq('age', '30');
      // @ts-expect-error enabled takes booleans
      f.eq('enabled', 'true');
      // @ts-expect-error an empty list
      f.in('name', []);
      const w = createFilterBuilder(workflowExecutionsSchema);
      // @ts-expect-error not one of the statuses
      w.eq('status', 'Running');
      // @ts-expect-error status allows only eq
      w.ne('status', 'Failed');
      // @ts-expect-error start_time takes a Date or RFC 3339 text
      w.gt('start_time', 5);
    };
    expect(typeof typeOnly).toBe('function');
  });

  it('writes any finite number as an exact decimal literal, never with an exponent', () => {
    expect([1e21, 1e-7, -1.5e-10, 123.456, 0, -0, 5e-324].map(decimalText)).toEqual([
      '1000000000000000000000',
      '0.0000001',
      '-0.00000000015',
      '123.456',
      '0',
      '0',
      `0.${'0'.repeat(323)}5`,
    ]);
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (value) => {
        const text = decimalText(value);
        expect(text).toMatch(/^-?[0-9]+(\.[0-9]+)?$/);
        expect(Number(text)).toBe(value === 0 ? 0 : value);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('the builder throws FilterBuildError only', () => {
  it('a Date outside the years 0000-9999 is a FilterBuildError, not the printer InvalidAstError', () => {
    for (const date of [new Date(Date.UTC(10_000, 0, 1)), new Date(Date.UTC(-1, 0, 1)), new Date(8.64e15)]) {
      let thrown: unknown;
      try {
        String(f.gt('created', date));
      } catch (cause) {
        thrown = cause;
      }
      expect(thrown, date.toISOString()).toBeInstanceOf(FilterBuildError);
      expect(thrown).not.toBeInstanceOf(InvalidAstError);
    }
    expect(String(f.gt('created', new Date(Date.UTC(9999, 11, 31))))).toBe(
      'created gt 9999-12-31T00:00:00.000Z',
    );
  });

  it('an and/or of no filters, or of operands not from a builder, is a FilterBuildError', () => {
    // One filter is returned as it is (tested above); none cannot be joined.
    const loose = f as unknown as { and: (...x: unknown[]) => unknown; or: (...x: unknown[]) => unknown };
    expect(() => loose.and()).toThrow(FilterBuildError);
    expect(() => loose.or()).toThrow(FilterBuildError);
    expect(() => loose.and({ kind: 'presence' }, { kind: 'presence' })).toThrow(FilterBuildError);
  });
});

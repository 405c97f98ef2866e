import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createFilterBuilder, FilterBuildError, FilterSchemaError } from '../../src/builder/api.js';
import {
  checkSchema,
  InvalidSchemaError,
  OPERATOR_TABLE,
  parse,
  type Schema,
  validate,
} from '../../src/index.js';
import { defineSchema } from '../../src/schema/index.js';

/**
 * The builder checks each predicate with its own small check (the builder entry stays small);
 * `validate` of the predicate's text is the oracle: the same errors, by code and span, and none
 * where the builder builds.
 */
const schema = defineSchema({
  fields: {
    name: { type: 'string', operators: ['eq', 'ne', 'co', 'sw', 'in', 'pr', 'isnull', 'gt'] },
    status: { type: 'string', enum: ['Open', 'Closed'], operators: ['eq', 'ne', 'in', 'sw'] },
    exact: { type: 'string', enum: ['A', 'b'], caseSensitive: true, operators: ['eq', 'in'] },
    age: { type: 'integer', operators: ['eq', 'gt', 'lt', 'in', 'co'] },
    score: { type: 'number', operators: ['ge', 'le', 'eq'] },
    enabled: { type: 'boolean', operators: ['eq', 'ne', 'gt'] },
    created: { type: 'date-time', operators: ['gt', 'lt', 'eq', 'in'] },
    tags: { type: 'string', collection: true, operators: ['ca', 'eq'] },
    extra: { type: 'unknown', operators: ['eq', 'co', 'gt', 'in', 'pr'] },
  },
});
const loose = createFilterBuilder(schema as Schema) as unknown as Record<
  string,
  (...args: unknown[]) => unknown
>;

const value = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 6 }).map((s) => s.replace(/[\n\r]/g, '')),
  fc.constantFrom('Open', 'open', 'Closed', 'A', 'a', 'B', 'b', '5', 'true', '2022-02-07T20:13:29Z'),
  fc.integer({ min: -1000, max: 1000 }),
  fc.constantFrom(1.5, -0.25, 2 ** 63, -(2 ** 63), 2 ** 62, 1e300),
  fc.boolean(),
  fc.date({ min: new Date(Date.UTC(1, 0, 1)), max: new Date(Date.UTC(9999, 0, 1)), noInvalidDate: true }),
);
const call = fc.record({
  field: fc.oneof(fc.constantFrom(...Object.keys(schema.fields)), fc.constantFrom('nope', 'Name', 'stat')),
  row: fc.constantFrom(...OPERATOR_TABLE),
  values: fc.array(value, { minLength: 1, maxLength: 3 }),
});

function built(field: string, row: (typeof OPERATOR_TABLE)[number], values: unknown[]): unknown {
  const method = loose[row.word]!;
  if (row.kind === 'presence') return method(field);
  if (row.kind === 'list') return method(field, values);
  return method(field, values[0]);
}

describe('the builder’s schema errors', () => {
  it('are what validate finds in the predicate’s text, by code and span; none where it builds', () => {
    let refused = 0;
    fc.assert(
      fc.property(call, ({ field, row, values }) => {
        let result: unknown;
        let thrown: unknown;
        try {
          result = built(field, row, values);
        } catch (cause) {
          thrown = cause;
        }
        if (thrown === undefined) {
          const parsed = parse(String(result));
          expect(parsed.ok && validate(parsed.ast, schema).filter((d) => d.severity === 'error')).toEqual([]);
        } else {
          // A value no filter can write (a keyword as a field, a date-time that is no RFC 3339) is
          // a FilterBuildError before any schema check: such runs say nothing of the check.
          expect(thrown).toBeInstanceOf(FilterBuildError);
          fc.pre(thrown instanceof FilterSchemaError);
          refused++;
          const { diagnostics, filter } = thrown as FilterSchemaError;
          const parsed = parse(filter);
          expect(parsed.ok, filter).toBe(true);
          const expected = validate(parsed.ok ? parsed.ast : (undefined as never), schema).filter(
            (d) => d.severity === 'error',
          );
          const shape = (d: { code: string; span: { start: number; end: number } }) =>
            `${d.code} ${d.span.start}..${d.span.end}`;
          expect(diagnostics.map(shape), filter).toEqual(expected.map(shape));
          expect(diagnostics.length).toBeGreaterThan(0);
        }
      }),
      { numRuns: 3000 },
    );
    expect(refused).toBeGreaterThan(300);
  });

  it('point at the value of the offending call, not at {0,0}', () => {
    const f = createFilterBuilder(schema);
    const caught = (run: () => unknown): FilterSchemaError => {
      try {
        run();
      } catch (cause) {
        return cause as FilterSchemaError;
      }
      throw new Error('did not throw');
    };
    const fraction = caught(() => f.eq('age', 1.5));
    expect(fraction).toBeInstanceOf(FilterSchemaError);
    expect(fraction.filter).toBe('age eq 1.5');
    expect(fraction.diagnostics.map((d) => [d.code, d.span])).toEqual([
      ['type-mismatch', { start: 7, end: 10 }],
    ]);
    const nul = caught(() => f.in('name', ['ok', 'a\u0000b']));
    expect(nul.filter).toBe('name in ("ok", "a\u0000b")');
    expect(nul.diagnostics.map((d) => [d.code, nul.filter.slice(d.span.start, d.span.end)])).toEqual([
      ['unsupported-character', '"a\u0000b"'],
    ]);
    expect(nul.message).toContain('name in (');
  });
});

describe('createFilterBuilder and its schema', () => {
  it('refuses a schema loadSchema refuses, with InvalidSchemaError naming its errors', () => {
    const bad: unknown[] = [
      null,
      'fields',
      {},
      { fields: 1 },
      { fields: { a: { type: 'string', operators: ['nope'] } } },
      { fields: { a: { type: 'text', operators: ['eq'] } } },
      { fields: { tags: { type: 'string', operators: ['ca'] } } },
      { fields: { a: { type: 'string', operators: 'eq' } } },
      { fields: { a: { type: 'string', operators: ['eq'], operatorz: ['co'] } } },
    ];
    for (const schema of bad) {
      let thrown: unknown;
      try {
        createFilterBuilder(schema as Schema);
      } catch (cause) {
        thrown = cause;
      }
      expect(thrown, JSON.stringify(schema)).toBeInstanceOf(InvalidSchemaError);
      const codes = (thrown as InvalidSchemaError).diagnostics.map((d) => d.code);
      expect(codes).toEqual(
        checkSchema(schema)
          .filter((d) => d.severity === 'error')
          .map((d) => d.code),
      );
    }
  });

  it('reads the schema’s own properties once: a polluted prototype or a later change is not seen', () => {
    const given = { fields: { name: { type: 'string', operators: ['eq', 'co'] } } } as Schema;
    const proto = Object.prototype as Record<string, unknown>;
    proto.composite = ['and'];
    try {
      const f = createFilterBuilder(given);
      expect(String(f.or(f.eq('name', 'a'), f.co('name', 'b')))).toBe('name eq "a" or name co "b"');
      (given.fields.name!.operators as string[]).length = 0;
      expect(String(f.eq('name', 'a'))).toBe('name eq "a"');
    } finally {
      delete proto.composite;
    }
  });
});

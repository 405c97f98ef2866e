import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  createAnd,
  createComparison,
  createList,
  createNot,
  createNumber,
  createOr,
  type Expression,
  type ValueNode,
} from '../../src/ast/index.js';
import { FilterBuildError, type TemplateScalar, type TemplateValue, v3f } from '../../src/builder/api.js';
import {
  defineSchema,
  FilterSchemaError,
  format,
  InvalidSchemaError,
  MAX_LIMITS,
  parse,
  v3fFor,
  validate,
  workflowExecutionsSchema,
} from '../../src/index.js';
import { expressionNode, stripSpans } from '../support/ast-arbitraries.js';

/** Calls a tag with parts and values as a template literal would (the parts as a frozen array with `raw`). */
function tag(parts: readonly string[], values: readonly unknown[], fn = v3f): string {
  const strings = Object.assign([...parts], { raw: [...parts] });
  return fn(strings as unknown as TemplateStringsArray, ...(values as TemplateValue[]));
}

const unlimited = { limits: { maxLength: MAX_LIMITS.maxLength, maxComparisons: MAX_LIMITS.maxComparisons } };

/** Any UTF-16 code unit but a line break: unpaired surrogates, quotes, backslashes, controls, bidi. */
const hostileString = fc
  .oneof(
    fc.string({
      unit: fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)),
      maxLength: 40,
    }),
    fc.string({
      unit: fc.constantFrom('"', '\\', "'", ')', '(', ',', ' ', 'and', 'or', 'eq', '\ud800', '\udfff'),
      maxLength: 30,
    }),
    fc.constantFrom('"\\'.repeat(20_000), '\\'.repeat(40_001), '"'.repeat(30_000)),
  )
  .map((s) => s.replace(/[\n\r]/g, ''));

const scalar: fc.Arbitrary<TemplateScalar> = fc.oneof(
  hostileString,
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.integer(),
  fc.bigInt({ min: -(10n ** 40n), max: 10n ** 40n }),
  fc.boolean(),
  fc.date({
    min: new Date('0000-01-01T00:00:00.000Z'),
    max: new Date('9999-12-31T23:59:59.999Z'),
    noInvalidDate: true,
  }),
);

/** Whether a parsed literal is the interpolated value, by meaning (an independent reading of each type). */
function sameValue(node: ValueNode, value: TemplateScalar): boolean {
  if (typeof value === 'string') return node.kind === 'string' && node.value === value;
  if (typeof value === 'number') return node.kind === 'number' && Number(node.text) === value;
  if (typeof value === 'bigint') return node.kind === 'number' && BigInt(node.text) === value;
  if (typeof value === 'boolean') return node.kind === 'boolean' && node.value === value;
  return node.kind === 'date-time' && Date.parse(node.text) === value.getTime();
}

/** The literals of a tree in document order. */
function leaves(node: Expression): ValueNode[] {
  switch (node.kind) {
    case 'and':
    case 'or':
      return node.operands.flatMap(leaves);
    case 'not':
      return leaves(node.operand);
    case 'comparison':
      return [node.value];
    case 'list':
      return [...node.values];
    default:
      return [];
  }
}

/** A tree with every literal and list length forgotten: what a value must never change. */
function shape(node: Expression): unknown {
  return JSON.parse(
    JSON.stringify(stripSpans(node), (key, value) => (key === 'value' || key === 'values' ? 'V' : value)),
  );
}

const MARK = '-424242424242';
const marker = (k: number) => createNumber(`${MARK}${String(k).padStart(4, '0')}`, { start: 0, end: 0 });
type Slot = 'value' | 'items' | 'list';

/** A filter with every literal replaced by a numbered marker, and what stands at each marker. */
function skeleton(node: Expression, slots: Slot[], collapse: () => boolean): Expression {
  const span = { start: 0, end: 0 };
  switch (node.kind) {
    case 'and':
      return createAnd(
        node.operands.map((o) => skeleton(o, slots, collapse)),
        span,
      );
    case 'or':
      return createOr(
        node.operands.map((o) => skeleton(o, slots, collapse)),
        span,
      );
    case 'not':
      return createNot(skeleton(node.operand, slots, collapse), span);
    case 'comparison':
      slots.push('value');
      return createComparison(node.field, node.operator, span, marker(slots.length - 1), span);
    case 'list': {
      if (collapse()) {
        slots.push(collapse() ? 'list' : 'items');
        return createList(node.field, node.operator, span, [marker(slots.length - 1)], span);
      }
      const values = node.values.map(() => {
        slots.push('value');
        return marker(slots.length - 1);
      });
      return createList(node.field, node.operator, span, values, span);
    }
    default:
      return node;
  }
}

/** The template's static parts: the skeleton's text cut at each marker (a `list` slot takes its parentheses). */
function staticParts(text: string, slots: readonly Slot[]): string[] {
  const parts: string[] = [];
  let rest = text;
  slots.forEach((slot, k) => {
    const mark = `${MARK}${String(k).padStart(4, '0')}`;
    const at = slot === 'list' ? rest.indexOf(`(${mark})`) : rest.indexOf(mark);
    parts.push(rest.slice(0, at));
    rest = rest.slice(at + (slot === 'list' ? mark.length + 2 : mark.length));
  });
  parts.push(rest);
  return parts;
}

const template = fc
  .tuple(expressionNode, fc.infiniteStream(fc.boolean()))
  .map(([ast, coins]) => {
    const slots: Slot[] = [];
    const masked = skeleton(ast, slots, () => coins.next().value);
    const text = format(masked);
    return { text, slots, parts: staticParts(text, slots) };
  })
  .chain(({ text, slots, parts }) =>
    fc
      .tuple(
        ...slots.map((slot) =>
          slot === 'value' ? scalar : fc.array(scalar, { minLength: 1, maxLength: 4 }),
        ),
      )
      .map((values) => ({ text, parts, values: values as TemplateValue[] })),
  );

describe('v3f', () => {
  it('writes any value as a literal that parses back to it, and never changes the structure', () => {
    fc.assert(
      fc.property(template, ({ text, parts, values }) => {
        const written = tag(parts, values);
        const parsed = parse(written, unlimited);
        const expected = parse(text, unlimited);
        expect(parsed.ok && expected.ok).toBe(true);
        if (!parsed.ok || !expected.ok) throw new Error('unreachable');
        expect(shape(parsed.ast)).toEqual(shape(expected.ast));
        const flat = values.flatMap((v) => (Array.isArray(v) ? v : [v])) as TemplateScalar[];
        const found = leaves(parsed.ast);
        expect(found.length).toBe(flat.length);
        found.forEach((node, i) => {
          expect(sameValue(node, flat[i]!), `value ${i}`).toBe(true);
        });
      }),
      { numRuns: 300 },
    );
  });

  it('cut anywhere, the filter has one structure whatever the value (or v3f throws FilterBuildError)', () => {
    const cut = fc
      .tuple(expressionNode, fc.nat(), hostileString)
      .map(([ast, at, value]) => ({ text: format(ast), at, value }));
    // A plain value no generated filter holds (a private-use character), so it is found again.
    const PLAIN = '\ue000';
    const attempt = (parts: string[], value: string): string | FilterBuildError => {
      try {
        return tag(parts, [value]);
      } catch (error) {
        expect(error).toBeInstanceOf(FilterBuildError);
        return error as FilterBuildError;
      }
    };
    fc.assert(
      fc.property(cut, ({ text, at, value }) => {
        fc.pre(!text.includes(PLAIN));
        const k = at % (text.length + 1);
        const parts = [text.slice(0, k), text.slice(k)];
        // Where a value may stand depends on the static text alone: a plain value is taken there
        // exactly when the hostile one is, and both give filters of one structure.
        const hostile = attempt(parts, value);
        const plain = attempt(parts, PLAIN);
        expect(typeof hostile).toBe(typeof plain);
        fc.pre(typeof hostile === 'string' && typeof plain === 'string');
        const parsed = parse(hostile as string, unlimited);
        const expected = parse(plain as string, unlimited);
        expect(parsed.ok).toBe(expected.ok);
        fc.pre(parsed.ok && expected.ok);
        if (!parsed.ok || !expected.ok) throw new Error('unreachable');
        expect(shape(parsed.ast)).toEqual(shape(expected.ast));
        const strings = (ast: Expression) => leaves(ast).map((n) => (n.kind === 'string' ? n.value : null));
        const [got, want] = [strings(parsed.ast), strings(expected.ast)];
        const changed = got.flatMap((s, i) => (s === want[i] ? [] : [[s, want[i]]]));
        expect(changed.length).toBeLessThanOrEqual(1);
        // The one literal that differs holds the value where the plain one holds the plain value.
        for (const [hostileText, plainText] of changed) {
          expect(hostileText === plainText!.replace(PLAIN, () => value)).toBe(true);
        }
      }),
      { numRuns: 400 },
    );
  });

  it('writes each type as the language writes it', () => {
    expect(v3f`name eq ${'O\'Brien "Jr" \\'} and created gt ${new Date(Date.UTC(2024, 0, 2, 3, 4, 5))}`).toBe(
      'name eq "O\'Brien \\"Jr\\" \\\\" and created gt 2024-01-02T03:04:05.000Z',
    );
    expect(v3f`a eq ${1e21} or b eq ${-1e-7} or c eq ${2n ** 70n} or d eq ${false}`).toBe(
      'a eq 1000000000000000000000 or b eq -0.0000001 or c eq 1180591620717411303424 or d eq false',
    );
    expect(v3f`status in ${['Failed', 'Canceled']} and tags ca (${'x'}, ${['y', 'z']})`).toBe(
      'status in ("Failed", "Canceled") and tags ca ("x", "y", "z")',
    );
    expect(v3f`status in ${'Failed'}`).toBe('status in ("Failed")');
    expect(v3f`name eq${'x'}`).toBe('name eq "x"');
    expect(v3f`name sw "${'a"b\\'}-${7}"`).toBe('name sw "a\\"b\\\\-7"');
    expect(v3f`(name eq ${'x'})`).toBe('(name eq "x")');
  });

  it.each([
    ['a field', () => v3f`${'name'} eq "x"`, 'a field, `not`, `pr` or `(` stands here'],
    ['an operator', () => v3f`name ${'eq'} "x"`, 'an operator stands here'],
    ['after a value', () => v3f`name eq "x" ${'or 1 eq 1'}`, '`and`, `or`, `)` or the end stands here'],
    ['after a composite', () => v3f`name eq "x" and ${'y'}`, 'a field, `not`, `pr` or `(` stands here'],
    ['after prefix pr', () => v3f`pr ${'name'}`, 'a field stands here'],
    ['between list values', () => v3f`name in ("a" ${'b'})`, '`,` or `)` stands here'],
    ['in single quotes', () => v3f`name eq '${'x'}'`, 'write the interpolation bare'],
    ['in a quoted field', () => v3f`"${'name'}" eq "x"`, 'a field or an operator is not quoted'],
    ['in typographic quotes', () => v3f`name eq “${'x'}”`, 'write the interpolation bare'],
    ['after a bare word', () => v3f`name eq Joe ${'x'}`, 'not a filter v3f can read'],
    ['glued to a word', () => v3f`name eq ${'x'}abc`, 'follow it with a space'],
    ['after an escaping backslash', () => v3f`name eq "a\\${'"'}"`, 'would escape the value'],
  ])('refuses a value where no value stands: %s', (_, write, message) => {
    expect(write).toThrow(FilterBuildError);
    expect(write).toThrow(message);
  });

  it.each([
    ['null', null],
    ['undefined', undefined],
    ['an object', { toString: () => '" or 1 eq 1' }],
    ['a symbol', Symbol('x')],
    ['NaN', Number.NaN],
    ['Infinity', Number.POSITIVE_INFINITY],
    ['an invalid Date', new Date(Number.NaN)],
    ['a Date past 9999', new Date('+010000-01-01T00:00:00Z')],
    ['a line break', 'a\nb'],
    ['an empty list', []],
    ['a nested list', [['a']]],
  ])('refuses a value no literal holds: %s', (_, value) => {
    expect(() => tag(['name eq ', ''], [value])).toThrow(FilterBuildError);
    expect(() => tag(['name in ', ''], [[value]])).toThrow(FilterBuildError);
  });

  it('refuses an array where one value stands, and a call that is not a template', () => {
    expect(() => v3f`name eq ${['a']}`).toThrow('An array stands only after a list operator (`in`, `ca`)');
    expect(() => (v3f as unknown as (s: string) => string)('name eq "x"')).toThrow(FilterBuildError);
    expect(() => tag(['a eq ', ''], [])).toThrow(FilterBuildError);
  });
});

/**
 * Text SQL can hold: no unpaired surrogate (not Unicode text) and no U+0000 (no SQL text holds
 * it), both of which the schema's acceptance rule refuses.
 */
const wellFormed = hostileString.map((s) =>
  s.replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]|\0/g, '?'),
);

describe('v3fFor', () => {
  const schema = defineSchema({
    fields: {
      name: { type: 'string', operators: ['eq', 'ne', 'co', 'sw', 'in'] },
      count: { type: 'integer', operators: ['eq', 'gt', 'lt'] },
      score: { type: 'number', operators: ['ge', 'le'] },
      enabled: { type: 'boolean', operators: ['eq'] },
      created: { type: 'date-time', operators: ['gt', 'lt', 'eq'] },
      tags: { type: 'string', collection: true, operators: ['ca'] },
    },
  });
  const filter = v3fFor(schema, unlimited);

  const predicate = fc.oneof(
    fc
      .tuple(fc.constantFrom('eq', 'ne', 'co', 'sw'), wellFormed)
      .map(([op, v]) => ({ text: `name ${op} `, value: v as TemplateValue })),
    fc
      .array(wellFormed, { minLength: 1, maxLength: 3 })
      .map((v) => ({ text: 'name in ', value: v as TemplateValue })),
    fc
      .tuple(
        fc.constantFrom('eq', 'gt', 'lt'),
        // Integers a double holds exactly, the range every engine compares without rounding.
        fc.oneof(fc.integer(), fc.bigInt({ min: -(2n ** 53n), max: 2n ** 53n })),
      )
      .map(([op, v]) => ({ text: `count ${op} `, value: v as TemplateValue })),
    fc
      .tuple(fc.constantFrom('ge', 'le'), fc.double({ noNaN: true, noDefaultInfinity: true }))
      .map(([op, v]) => ({ text: `score ${op} `, value: v as TemplateValue })),
    fc.boolean().map((v) => ({ text: 'enabled eq ', value: v as TemplateValue })),
    fc
      .tuple(
        fc.constantFrom('gt', 'lt', 'eq'),
        fc.date({
          min: new Date('0000-01-01T00:00:00Z'),
          max: new Date('9999-12-31T23:59:59.999Z'),
          noInvalidDate: true,
        }),
        fc.boolean(),
      )
      .map(([op, d, asText]) => ({
        text: `created ${op} `,
        value: (asText ? d.toISOString() : d) as TemplateValue,
      })),
    fc
      .array(wellFormed, { minLength: 1, maxLength: 3 })
      .map((v) => ({ text: 'tags ca ', value: v as TemplateValue })),
  );

  it("writes filters the schema accepts for any values of the fields' types, values intact", () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(predicate, fc.constantFrom(' and ', ' or ', ' and not ')), {
          minLength: 1,
          maxLength: 5,
        }),
        (items) => {
          const parts = [''];
          const values: TemplateValue[] = [];
          items.forEach(([p, joiner], i) => {
            parts[parts.length - 1] += (i === 0 ? '' : joiner) + p.text;
            parts.push('');
            values.push(p.value);
          });
          const written = tag(parts, values, filter);
          const parsed = parse(written, unlimited);
          expect(parsed.ok && validate(parsed.ast, schema).filter((d) => d.severity === 'error')).toEqual([]);
          if (!parsed.ok) throw new Error('unreachable');
          const flat = values.flatMap((v) => (Array.isArray(v) ? v : [v])) as TemplateScalar[];
          const found = leaves(parsed.ast);
          expect(found.length).toBe(flat.length);
          found.forEach((node, i) => {
            const value = flat[i]!;
            // A date-time field's string is written as the date-time it is.
            const expected = node.kind === 'date-time' && typeof value === 'string' ? new Date(value) : value;
            expect(sameValue(node, expected), `value ${i}`).toBe(true);
          });
        },
      ),
      { numRuns: 300 },
    );
  });

  it('writes a string for a date-time field bare only when it is one date-time: no string adds structure', () => {
    const dateLike = fc.oneof(
      hostileString,
      fc
        .date({
          min: new Date('0000-01-01T00:00:00Z'),
          max: new Date('9999-12-31T23:59:59.999Z'),
          noInvalidDate: true,
        })
        .chain((d) => fc.tuple(fc.constant(d.toISOString()), wellFormed))
        .map(([date, tail]) => date + tail),
    );
    fc.assert(
      fc.property(dateLike, (value) => {
        let written: string | undefined;
        try {
          written = filter`created gt ${value} and enabled eq ${true}`;
        } catch (error) {
          expect(error).toBeInstanceOf(FilterBuildError);
        }
        fc.pre(written !== undefined);
        const parsed = parse(written!, unlimited);
        expect(parsed.ok).toBe(true);
        if (!parsed.ok) throw new Error('unreachable');
        expect(parsed.ast.kind).toBe('and');
        const [date] = leaves(parsed.ast);
        expect(date).toMatchObject({ kind: 'date-time', text: value });
      }),
      { numRuns: 300 },
    );
  });

  it('throws FilterSchemaError with the diagnostics for what the endpoint refuses', () => {
    const executions = v3fFor(workflowExecutionsSchema);
    expect(executions`status eq ${'Failed'} and start_time ge ${new Date(Date.UTC(2022, 1, 7))}`).toBe(
      'status eq "Failed" and start_time ge 2022-02-07T00:00:00.000Z',
    );
    const refused = (write: () => string, code: string) => {
      try {
        write();
        throw new Error('not refused');
      } catch (error) {
        expect(error).toBeInstanceOf(FilterSchemaError);
        expect((error as FilterSchemaError).diagnostics.map((d) => d.code)).toContain(code);
      }
    };
    refused(() => executions`status eq ${'Fail'}`, 'unknown-enum-value');
    refused(() => executions`statsu eq ${'Failed'}`, 'unknown-field');
    refused(() => executions`status co ${'Fail'}`, 'operator-not-allowed');
    refused(() => executions`status eq ${'Failed'} and`, 'missing-operand');
    expect(() => executions`start_time gt ${'yesterday'}`).toThrow(FilterBuildError);
  });

  it('refuses a schema with errors at once', () => {
    expect(() => v3fFor({ fields: { a: { type: 'text' as 'string', operators: ['eq'] } } })).toThrow(
      InvalidSchemaError,
    );
  });
});

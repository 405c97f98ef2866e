import fc from 'fast-check';
import {
  createAnd,
  createBoolean,
  createComparison,
  createDateTime,
  createField,
  createList,
  createNot,
  createNumber,
  createOr,
  createPresence,
  createString,
} from '../../src/ast/index.js';
import type { Expression, Span, ValueNode } from '../../src/index.js';
import { COMPARE_OPERATORS, isKeyword } from '../../src/language/operators.js';

/** Spans are not generated: tests compare trees with spans stripped. */
const noSpan: Span = { start: 0, end: 0 };

const segment = fc
  .tuple(
    fc.constantFrom(...'abcxyzABZ_'.split('')),
    fc.string({ unit: fc.constantFrom(...'abz09_XY'.split('')), maxLength: 6 }),
  )
  .map(([head, tail]) => head + tail);

/** Field paths: identifier segments joined by dots, never a reserved word. */
export const fieldName = fc
  .array(segment, { minLength: 1, maxLength: 3 })
  .map((segments) => segments.join('.'))
  .filter((name) => !isKeyword(name));

/**
 * Strings full of what breaks printers: quotes, backslashes, controls, non-BMP and bidi
 * characters; never a line break, which the language cannot express.
 */
export const stringContent = fc.oneof(
  fc.stringMatching(/^[A-Za-z][A-Za-z0-9_]{0,8}$/),
  fc.string({ unit: 'grapheme', maxLength: 12 }).map((s) => s.replace(/[\n\r]/g, ' ')),
  fc.string({
    unit: fc.constantFrom('"', '\\', 'a', ' ', "'", '\t', '\u202e', '😀', '%', '_', '\u0000'),
    maxLength: 10,
  }),
);

const numberText = fc
  .tuple(
    fc.boolean(),
    fc.nat({ max: 1_000_000 }),
    fc.option(fc.stringMatching(/^[0-9]{1,4}$/), { nil: undefined }),
  )
  .map(
    ([negative, whole, fraction]) =>
      `${negative ? '-' : ''}${whole}${fraction === undefined ? '' : `.${fraction}`}`,
  );

const pad = (n: number, width: number): string => String(n).padStart(width, '0');

/** Valid RFC 3339 date-times and full-dates, with fractions up to nanoseconds and offsets. */
export const dateTimeText = fc
  .record({
    year: fc.integer({ min: 1, max: 9999 }),
    month: fc.integer({ min: 1, max: 12 }),
    day: fc.integer({ min: 1, max: 28 }),
    hour: fc.integer({ min: 0, max: 23 }),
    minute: fc.integer({ min: 0, max: 59 }),
    second: fc.integer({ min: 0, max: 59 }),
    fraction: fc.option(fc.stringMatching(/^[0-9]{1,9}$/), { nil: undefined }),
    zone: fc.oneof(
      fc.constant('Z'),
      fc
        .tuple(fc.constantFrom('+', '-'), fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 }))
        .map(([sign, h, m]) => `${sign}${pad(h, 2)}:${pad(m, 2)}`),
    ),
    dateOnly: fc.boolean(),
  })
  .map((p) => {
    const date = `${pad(p.year, 4)}-${pad(p.month, 2)}-${pad(p.day, 2)}`;
    if (p.dateOnly) return date;
    const fraction = p.fraction === undefined ? '' : `.${p.fraction}`;
    return `${date}T${pad(p.hour, 2)}:${pad(p.minute, 2)}:${pad(p.second, 2)}${fraction}${p.zone}`;
  });

/** Any literal value. */
export const valueNode: fc.Arbitrary<ValueNode> = fc.oneof(
  stringContent.map((value) => createString(value, noSpan)),
  numberText.map((text) => createNumber(text, noSpan)),
  fc.boolean().map((value) => createBoolean(value, noSpan)),
  dateTimeText.map((text) => createDateTime(text, noSpan)),
);

const field = fieldName.map((name) => createField(name, noSpan));

/** Field-level predicates of every operator. */
export const predicateNode: fc.Arbitrary<Expression> = fc.oneof(
  fc
    .tuple(field, fc.constantFrom(...COMPARE_OPERATORS), valueNode)
    .map(([f, op, v]) => createComparison(f, op, noSpan, v, noSpan)),
  fc
    .tuple(
      field,
      fc.constantFrom('in' as const, 'ca' as const),
      fc.array(valueNode, { minLength: 1, maxLength: 4 }),
    )
    .map(([f, op, values]) => createList(f, op, noSpan, values, noSpan)),
  fc
    .tuple(field, fc.constantFrom('pr' as const, 'isnull' as const))
    .map(([f, op]) => createPresence(f, op, noSpan, noSpan)),
);

/** Whole filters: nested and/or/not over predicates, and/or directly inside and/or included. */
export const expressionNode: fc.Arbitrary<Expression> = fc.letrec<{ expression: Expression }>((tie) => ({
  expression: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    predicateNode,
    fc.array(tie('expression'), { minLength: 2, maxLength: 4 }).map((ops) => createAnd(ops, noSpan)),
    fc.array(tie('expression'), { minLength: 2, maxLength: 4 }).map((ops) => createOr(ops, noSpan)),
    tie('expression').map((operand) => createNot(operand, noSpan)),
  ),
})).expression;

/** A tree with every span and operator span removed, for comparing trees by meaning. */
export function stripSpans(node: unknown): unknown {
  return JSON.parse(
    JSON.stringify(node, (key, value) => (key === 'span' || key === 'operatorSpan' ? undefined : value)),
  );
}

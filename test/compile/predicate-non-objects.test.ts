import { describe, expect, it } from 'vitest';
import { compilePredicate } from '../../src/compile/predicate/index.js';
import type { Schema } from '../../src/schema/types.js';
import { parse } from '../../src/syntax/parse.js';

/*
 * Fields are read from objects only (docs/semantics.md): a record, or a step of a path, that is
 * not an object has no fields, a function with own properties included, and answers as a record
 * without the field does.
 */

const schema: Schema = {
  fields: {
    status: { type: 'string', caseSensitive: true, operators: ['eq', 'ne', 'pr', 'isnull'] },
    count: { type: 'number', operators: ['eq', 'ne', 'gt'], path: 'm.count' },
  },
};

const FILTERS = [
  'status eq "Failed"',
  'status ne "Failed"',
  'status pr',
  'status isnull',
  'not (status eq "Failed")',
  'count gt 1',
  'count ne 5',
  'not (count eq 5)',
];

function withFields<T extends object>(target: T): T {
  return Object.assign(target, { status: 'Failed', m: Object.assign(() => 0, { count: 5 }) });
}

const NON_OBJECTS: readonly [string, unknown, unknown][] = [
  // [what, the record, the record answering alike: the same without fields where it has none]
  ['a function with own fields', withFields(() => 0), {}],
  ['a class (a function) with static fields', withFields(class Row {}), {}],
  ['a string', 'Failed', {}],
  ['a number', 5, {}],
  ['a symbol', Symbol('status'), {}],
  ['undefined', undefined, {}],
  [
    'a path step that is a function',
    { status: 'Failed', m: Object.assign(() => 0, { count: 5 }) },
    { status: 'Failed' },
  ],
];

describe('records and path steps that are not objects', () => {
  for (const [what, record, alike] of NON_OBJECTS) {
    it(`${what} answers as a record without those fields, in both modes`, () => {
      for (const text of FILTERS) {
        const parsed = parse(text);
        if (!parsed.ok) throw new Error(text);
        for (const generateCode of [false, true]) {
          const predicate = compilePredicate(parsed.ast, { schema, generateCode });
          expect(predicate(record), `${text}, generateCode ${generateCode}`).toBe(predicate(alike));
        }
      }
    });
  }
});

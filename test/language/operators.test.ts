import { describe, expect, it } from 'vitest';
import { error } from '../../src/diagnostic/index.js';
import {
  COMPARE_OPERATORS,
  isKeyword,
  isOperatorOfKind,
  KEYWORDS,
  LIST_OPERATORS,
  type LiteralKind,
  OPERATOR_TABLE,
  operatorEntry,
  operatorProblem,
  PRESENCE_OPERATORS,
  PRIMITIVE_OPERATORS,
} from '../../src/language/operators.js';
import { ENUM_OPERATORS } from '../../src/validate/field-rules.js';

const KINDS: readonly LiteralKind[] = ['string', 'number', 'boolean', 'date-time'];

describe('the operator table', () => {
  it('lists each spelling once, and the categories split it in table order', () => {
    const words = OPERATOR_TABLE.map((row) => row.word);
    expect(new Set(words).size).toBe(words.length);
    expect(PRIMITIVE_OPERATORS).toEqual(words);
    expect([...COMPARE_OPERATORS, ...LIST_OPERATORS, ...PRESENCE_OPERATORS]).toEqual(words);
    for (const word of COMPARE_OPERATORS) expect(isOperatorOfKind(word, 'comparison')).toBe(true);
    for (const word of LIST_OPERATORS) expect(isOperatorOfKind(word, 'list')).toBe(true);
    for (const word of PRESENCE_OPERATORS) expect(isOperatorOfKind(word, 'presence')).toBe(true);
  });

  it('keeps the keyword order the fast lexer numbers its codes by', () => {
    expect(KEYWORDS).toEqual([
      'and',
      'or',
      'not',
      'eq',
      'ne',
      'gt',
      'ge',
      'lt',
      'le',
      'co',
      'sw',
      'in',
      'ca',
      'pr',
      'isnull',
      'true',
      'false',
    ]);
    expect(isKeyword('isnull')).toBe(true);
    expect(isKeyword('Eq')).toBe(false);
  });

  it('finds no entry for words that are not operators, inherited names included', () => {
    for (const word of ['__proto__', 'constructor', 'toString', 'EQ', '', 'and']) {
      expect(operatorEntry(word)).toBeUndefined();
    }
    expect(operatorEntry(42)).toBeUndefined();
  });

  it('derives the enum rule: equality and lists take enum members, ordering and co/sw any text', () => {
    expect([...ENUM_OPERATORS]).toEqual(['eq', 'ne', 'in', 'ca']);
  });

  it('derives the operator-by-type rule the schema check, validate and the compilers share', () => {
    const problems: Record<string, string> = {};
    for (const word of PRIMITIVE_OPERATORS) {
      for (const kind of KINDS) {
        for (const collection of [false, true]) {
          const problem = operatorProblem(word, kind, collection);
          if (problem !== undefined) problems[`${word} ${kind}${collection ? ' collection' : ''}`] = problem;
        }
      }
    }
    const expected: Record<string, string> = {};
    for (const kind of KINDS) expected[`ca ${kind}`] = 'collection-only';
    for (const word of ['co', 'sw']) {
      for (const kind of ['number', 'boolean', 'date-time']) {
        expected[`${word} ${kind}`] = 'text-only';
        expected[`${word} ${kind} collection`] = 'text-only';
      }
    }
    for (const word of ['gt', 'ge', 'lt', 'le']) {
      expected[`${word} boolean`] = 'no-order';
      expected[`${word} boolean collection`] = 'no-order';
    }
    expect(problems).toEqual(expected);
    // An untyped field: only the collection rule applies before its literals are known.
    expect(operatorProblem('co', undefined, false)).toBeUndefined();
    expect(operatorProblem('ca', undefined, false)).toBe('collection-only');
  });
});

describe('diagnostic codes', () => {
  it('accept the codes the catalogues declare, and no other (a compile-time check)', () => {
    expect(error('unknown-field', 'm', { start: 0, end: 1 }).code).toBe('unknown-field');
    // @ts-expect-error: 'no-such-code' is in no catalogue, so it does not compile.
    expect(error('no-such-code', 'm', { start: 0, end: 1 }).code).toBe('no-such-code');
  });
});

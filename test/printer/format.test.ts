import { describe, expect, it } from 'vitest';
import {
  createComparison,
  createField,
  createNot,
  createNumber,
  createPresence,
  createString,
} from '../../src/ast/index.js';
import { type Expression, format, InvalidAstError, parse } from '../../src/index.js';

const s = { start: 0, end: 0 };
const canonical = (text: string): string => {
  const result = parse(text);
  if (!result.ok) throw new Error(JSON.stringify(result.diagnostics));
  return format(result.ast);
};

describe('format', () => {
  it.each([
    ['a   eq\t"x"', 'a eq "x"'],
    ['((a eq 1))', 'a eq 1'],
    ['(a pr and b pr) or c pr', 'a pr and b pr or c pr'],
    ['a pr and (b pr or c pr)', 'a pr and (b pr or c pr)'],
    ['a pr and (b pr and c pr)', 'a pr and (b pr and c pr)'],
    ['(a pr or b pr) or c pr', '(a pr or b pr) or c pr'],
    ['not (a pr)', 'not a pr'],
    ['not (a pr and b pr)', 'not (a pr and b pr)'],
    ['not(not(a pr))', 'not not a pr'],
    ['(not a pr) and b pr', 'not a pr and b pr'],
    ['pr a', 'a pr'],
    ['a in ( "x" ,1,true )', 'a in ("x", 1, true)'],
    ['a eq "q\\"b\\\\s"', 'a eq "q\\"b\\\\s"'],
    ['a eq "tab\there ünï 😀"', 'a eq "tab\there ünï 😀"'],
    ['d ge 2022-02-07T20:13:29.356648026+01:00', 'd ge 2022-02-07T20:13:29.356648026+01:00'],
    ['n eq -0.50', 'n eq -0.50'],
  ])('%s  ->  %s', (input, expected) => {
    expect(canonical(input)).toBe(expected);
  });

  it('writes pr before the field on request', () => {
    const result = parse('a pr and not b pr');
    if (!result.ok) throw new Error('parse');
    expect(format(result.ast, { presence: 'prefix' })).toBe('pr a and not pr b');
  });

  it('escapes exactly `"` and `\\` and nothing else', () => {
    const value = 'a"b\\c\'d%e_f\u0000g\u202eh';
    const text = format(createComparison(createField('x', s), 'eq', s, createString(value, s), s));
    expect(text).toBe(`x eq "a\\"b\\\\c'd%e_f\u0000g\u202eh"`);
    const back = parse(text);
    expect(
      back.ok && back.ast.kind === 'comparison' && back.ast.value.kind === 'string' && back.ast.value.value,
    ).toBe(value);
  });

  it('prints trees of any depth without recursion', () => {
    let deep: Expression = createPresence(createField('a', s), 'pr', s, s);
    for (let i = 0; i < 100_000; i++) deep = createNot(deep, s);
    const text = format(deep);
    expect(text.length).toBe(100_000 * 4 + 4);
  });

  it('refuses trees the language cannot express, with a typed error', () => {
    const field = (name: string): Expression => createPresence(createField(name, s), 'pr', s, s);
    expect(() => format(field('and'))).toThrow(InvalidAstError);
    expect(() => format(field('a b'))).toThrow(InvalidAstError);
    expect(() => format(field('x) or (y'))).toThrow(InvalidAstError);
    const number = createComparison(createField('n', s), 'eq', s, createNumber('1e5', s), s);
    expect(() => format(number)).toThrow(InvalidAstError);
    const lineBreak = createComparison(createField('n', s), 'eq', s, createString('a\nb', s), s);
    expect(() => format(lineBreak)).toThrow(InvalidAstError);
  });
});

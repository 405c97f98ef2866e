import { describe, expect, it } from 'vitest';
import { parse } from '../../src/index.js';
import { sexpr } from '../support/sexpr.js';

function tree(text: string): string {
  const result = parse(text);
  if (!result.ok) throw new Error(JSON.stringify(result.diagnostics));
  return sexpr(result.ast);
}

describe('parser: every rule', () => {
  it.each([
    // Precedence, as docs/language.md states from the reference.
    ['not a eq 1 or b eq 2 and c eq 3', '(or (not (eq a #1)) (and (eq b #2) (eq c #3)))'],
    ['not (a eq 1 or b eq 2) and c eq 3', '(and (not (or (eq a #1) (eq b #2))) (eq c #3))'],
    ['a eq 1 and b eq 2 or c eq 3 and d eq 4', '(or (and (eq a #1) (eq b #2)) (and (eq c #3) (eq d #4)))'],
    // n-ary chains are flat; parentheses keep what was written.
    ['a pr and b pr and c pr and d pr', '(and (pr a) (pr b) (pr c) (pr d))'],
    ['a pr or b pr or c pr', '(or (pr a) (pr b) (pr c))'],
    ['a pr and (b pr and c pr)', '(and (pr a) (and (pr b) (pr c)))'],
    ['(a pr or b pr) or c pr', '(or (or (pr a) (pr b)) (pr c))'],
    ['((a pr))', '(pr a)'],
    ['not not a pr', '(not (not (pr a)))'],
    ['not(a pr)', '(not (pr a))'],
    // Predicates.
    ['a eq "x"', '(eq a "x")'],
    ['a in ("x", 1, true, 2020-01-01)', '(in a "x" #1 true @2020-01-01)'],
    ['a ca ("x")', '(ca a "x")'],
    ['pr a', '(pr a)'],
    ['a pr', '(pr a)'],
    ['a isnull', '(isnull a)'],
    ['a.b.c sw ""', '(sw a.b.c "")'],
    ['created ge 2022-02-07T20:13:29.356648026Z', '(ge created @2022-02-07T20:13:29.356648026Z)'],
  ])('%s', (text, expected) => {
    expect(tree(text)).toBe(expected);
  });

  it('gives every node the span of its text', () => {
    const text = '(a eq 1 or b eq 2) and not c pr';
    const result = parse(text);
    if (!result.ok) throw new Error('parse failed');
    const at = (s: { start: number; end: number }): string => text.slice(s.start, s.end);
    expect(result.ast.kind).toBe('and');
    if (result.ast.kind !== 'and') return;
    expect(at(result.ast.span)).toBe(text);
    const [group, negation] = result.ast.operands;
    expect(at(group!.span)).toBe('a eq 1 or b eq 2');
    expect(at(negation!.span)).toBe('not c pr');
    if (group!.kind !== 'or' || group!.operands[0]!.kind !== 'comparison') throw new Error('shape');
    const comparison = group!.operands[0]!;
    expect(at(comparison.span)).toBe('a eq 1');
    expect(at(comparison.field.span)).toBe('a');
    expect(at(comparison.operatorSpan)).toBe('eq');
    expect(at(comparison.value.span)).toBe('1');
  });

  it('keeps number and date-time text exactly, and decodes strings', () => {
    const result = parse(
      'a in (-0.50, 12345678901234567890, 2022-02-07T20:13:29.356648026+01:00, "q\\"\\\\")',
    );
    if (!result.ok || result.ast.kind !== 'list') throw new Error('parse failed');
    const [half, big, when, text] = result.ast.values;
    expect(half).toMatchObject({ kind: 'number', text: '-0.50', value: -0.5 });
    expect(big).toMatchObject({ kind: 'number', text: '12345678901234567890' });
    expect(when).toMatchObject({
      kind: 'date-time',
      text: '2022-02-07T20:13:29.356648026+01:00',
      dateOnly: false,
    });
    expect(text).toMatchObject({ kind: 'string', value: 'q"\\' });
  });

  it('reuses one parser instance without state leaking between calls', () => {
    expect(parse('a eq').ok).toBe(false);
    expect(tree('a eq 1')).toBe('(eq a #1)');
    expect(parse('(((').ok).toBe(false);
    expect(tree('b pr')).toBe('(pr b)');
  });
});

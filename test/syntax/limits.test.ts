import { describe, expect, it } from 'vitest';
import { DEFAULT_LIMITS, MAX_LIMITS, parse } from '../../src/index.js';

const codes = (text: string, limits?: Parameters<typeof parse>[1]): string[] =>
  parse(text, limits).diagnostics.map((d) => d.code);

const chain = (n: number, join: string): string =>
  Array.from({ length: n }, (_, i) => `f${i} eq ${i}`).join(join);

describe('limits: defaults', () => {
  it('has the documented defaults', () => {
    expect(DEFAULT_LIMITS).toEqual({
      maxLength: 4096,
      maxDepth: 32,
      maxComparisons: 100,
      maxListValues: 100,
      maxErrors: 10,
    });
  });

  it('input-too-long: 4,096 characters pass, 4,097 do not', () => {
    const fits = `a pr${' '.repeat(4092)}`;
    expect(fits.length).toBe(4096);
    expect(parse(fits).ok).toBe(true);
    const result = parse(`${fits} `);
    expect(result.diagnostics.map((d) => [d.code, d.span])).toEqual([
      ['input-too-long', { start: 4096, end: 4097 }],
    ]);
  });

  it('nesting-too-deep: 32 levels of parentheses or not pass, 33 do not', () => {
    expect(parse(`${'('.repeat(32)}a pr${')'.repeat(32)}`).ok).toBe(true);
    expect(codes(`${'('.repeat(33)}a pr${')'.repeat(33)}`)).toEqual(['nesting-too-deep']);
    expect(parse(`${'not '.repeat(32)}a pr`).ok).toBe(true);
    expect(codes(`${'not '.repeat(33)}a pr`)).toEqual(['nesting-too-deep']);
    expect(parse(`${'not ('.repeat(16)}a pr${')'.repeat(16)}`).ok).toBe(true);
    expect(codes(`${'not ('.repeat(16)}not a pr${')'.repeat(16)}`)).toEqual(['nesting-too-deep']);
  });

  it('nesting counts what is open, not what came before: siblings do not add up', () => {
    const sibling = `(${'('.repeat(30)}a pr${')'.repeat(30)})`;
    expect(parse(Array.from({ length: 20 }, () => sibling).join(' and ')).ok).toBe(true);
    expect(parse(Array.from({ length: 50 }, () => 'not a pr').join(' or ')).ok).toBe(true);
  });

  it('too-many-comparisons: 100 pass, 101 do not; each kind of predicate counts', () => {
    expect(parse(chain(100, ' or ')).ok).toBe(true);
    const result = parse(chain(101, ' or '));
    expect(result.diagnostics.map((d) => d.code)).toEqual(['too-many-comparisons']);
    expect(parse(`${chain(99, ' and ')} and pr x and y isnull`).diagnostics.map((d) => d.code)).toEqual([
      'too-many-comparisons',
    ]);
  });

  it('list-too-long: 100 values pass, 101 do not', () => {
    const list = (n: number): string => `a in (${Array.from({ length: n }, (_, i) => i).join(', ')})`;
    expect(parse(list(100)).ok).toBe(true);
    const text = list(101);
    const [diagnostic] = parse(text).diagnostics;
    expect(diagnostic!.code).toBe('list-too-long');
    expect(text.slice(diagnostic!.span.start, diagnostic!.span.end)).toBe('100');
  });

  it('each limit is configurable', () => {
    expect(parse('a pr and b pr', { limits: { maxComparisons: 1 } }).ok).toBe(false);
    expect(parse(`${'('.repeat(40)}a pr${')'.repeat(40)}`, { limits: { maxDepth: 40 } }).ok).toBe(true);
    expect(parse(chain(150, ' or '), { limits: { maxComparisons: 150, maxLength: 10_000 } }).ok).toBe(true);
    expect(parse('a in (1, 2, 3)', { limits: { maxListValues: 2 } }).ok).toBe(false);
    expect(codes('abcdef pr', { limits: { maxLength: 5 } })).toEqual(['input-too-long']);
  });

  it('an out-of-range or malformed setting is an invalid-option diagnostic, never an exception', () => {
    expect(
      codes(`${'('.repeat(300)}a pr${')'.repeat(300)}`, { limits: { maxDepth: 1e9, maxLength: 1e9 } }),
    ).toEqual(['invalid-option']);
    expect(codes('a pr', { limits: { maxDepth: -5 } })).toEqual(['invalid-option']);
    expect(codes('a pr', { limits: { maxLength: Number.NaN } })).toEqual(['invalid-option']);
    expect(codes('(a pr)', { limits: { maxDepth: 0 } })).toEqual(['invalid-option']);
    expect(codes('((a pr))', { limits: { maxDepth: 1 } })).toEqual(['nesting-too-deep']);
  });
});

describe('limits: hostile input with every limit at its maximum', () => {
  const max = { limits: MAX_LIMITS };

  it('100,000 nested parentheses: a diagnostic, not a stack overflow', () => {
    const text = `${'('.repeat(100_000)}a eq 1${')'.repeat(100_000)}`;
    expect(codes(text, max)).toEqual(['nesting-too-deep']);
  });

  it('200,000 nots: a diagnostic, not a stack overflow', () => {
    expect(codes(`${'not '.repeat(200_000)}a eq 1`, max)).toEqual(['nesting-too-deep']);
  });

  it('the deepest allowed nesting parses', () => {
    const depth = MAX_LIMITS.maxDepth;
    const result = parse(`${'not ('.repeat(depth / 2)}a eq 1${')'.repeat(depth / 2)}`, max);
    expect(result.ok).toBe(true);
  });

  it('a 60,000-term or chain is one flat node', () => {
    const result = parse(chain(60_000, ' or '), max);
    expect(result.ok && result.ast.kind === 'or' && result.ast.operands.length).toBe(60_000);
  });

  it('multi-megabyte strings, closed or not, and words', () => {
    const big = 'x'.repeat(4_000_000);
    const closed = parse(`a eq "${big}"`, max);
    expect(
      closed.ok &&
        closed.ast.kind === 'comparison' &&
        closed.ast.value.kind === 'string' &&
        closed.ast.value.value.length,
    ).toBe(4_000_000);
    const escapes = `a eq "${'\\"'.repeat(2_000_000)}`;
    const open = parse(escapes, max);
    expect(open.diagnostics.map((d) => [d.code, d.span.start, d.span.end])).toEqual([
      ['unterminated-string', 5, escapes.length],
    ]);
    expect(codes(`a eq ${big}`, max)).toEqual(['bareword-value']);
    expect(parse(`${big} pr`, max).ok).toBe(true);
  });

  it('binary garbage and floods of errors end in a capped list', () => {
    const garbage = Array.from({ length: 100_000 }, (_, i) => String.fromCharCode((i * 7919) % 65_536)).join(
      '',
    );
    const result = parse(garbage, max);
    expect(result.ok).toBe(false);
    expect(result.diagnostics.length).toBeLessThanOrEqual(MAX_LIMITS.maxErrors + 1);
    const flood = parse('a EQ 1 and '.repeat(50_000), max);
    expect(flood.diagnostics.length).toBe(MAX_LIMITS.maxErrors + 1);
    expect(flood.diagnostics.at(-1)!.code).toBe('too-many-errors');
  });

  it('a non-string input is a diagnostic too', () => {
    expect(codes(undefined as unknown as string)).toEqual(['not-a-string']);
    expect(codes({ toString: () => 'a pr' } as unknown as string)).toEqual(['not-a-string']);
  });
});

import { describe, expect, it } from 'vitest';
import { lex } from '../../src/syntax/full/lexer.js';

function tokens(text: string): string[] {
  return lex(text, 10).tokens.map((t) => `${t.tokenType.name}:${t.image}`);
}

describe('lexer: every token', () => {
  it.each([
    ['a eq 1', ['Field:a', 'Eq:eq', 'Number:1']],
    ['a ne 1', ['Field:a', 'Ne:ne', 'Number:1']],
    ['a gt 1', ['Field:a', 'Gt:gt', 'Number:1']],
    ['a ge 1', ['Field:a', 'Ge:ge', 'Number:1']],
    ['a lt 1', ['Field:a', 'Lt:lt', 'Number:1']],
    ['a le 1', ['Field:a', 'Le:le', 'Number:1']],
    ['a co "x"', ['Field:a', 'Co:co', 'String:"x"']],
    ['a sw "x"', ['Field:a', 'Sw:sw', 'String:"x"']],
    ['a in (1,2)', ['Field:a', 'In:in', 'LParen:(', 'Number:1', 'Comma:,', 'Number:2', 'RParen:)']],
    ['a ca ("x")', ['Field:a', 'Ca:ca', 'LParen:(', 'String:"x"', 'RParen:)']],
    ['a pr', ['Field:a', 'Pr:pr']],
    ['pr a', ['Pr:pr', 'Field:a']],
    ['a isnull', ['Field:a', 'Isnull:isnull']],
    [
      'not a pr and b pr or c pr',
      ['Not:not', 'Field:a', 'Pr:pr', 'And:and', 'Field:b', 'Pr:pr', 'Or:or', 'Field:c', 'Pr:pr'],
    ],
    [
      '(a pr)and(b pr)',
      ['LParen:(', 'Field:a', 'Pr:pr', 'RParen:)', 'And:and', 'LParen:(', 'Field:b', 'Pr:pr', 'RParen:)'],
    ],
    ['a eq true', ['Field:a', 'Eq:eq', 'True:true']],
    ['a eq false', ['Field:a', 'Eq:eq', 'False:false']],
    ['a eq -12.50', ['Field:a', 'Eq:eq', 'Number:-12.50']],
    ['a eq 2025-08-01', ['Field:a', 'Eq:eq', 'DateTime:2025-08-01']],
    [
      'a eq 2022-02-07T20:13:29.356648026+01:00',
      ['Field:a', 'Eq:eq', 'DateTime:2022-02-07T20:13:29.356648026+01:00'],
    ],
    ['a eq 2018-12-18t23:05:55z', ['Field:a', 'Eq:eq', 'DateTime:2018-12-18t23:05:55z']],
    ['owners.primaryIdentity.name eq "x"', ['Field:owners.primaryIdentity.name', 'Eq:eq', 'String:"x"']],
    ['_a1.B_2 pr', ['Field:_a1.B_2', 'Pr:pr']],
    ['\ta\r\neq\n1 ', ['Field:a', 'Eq:eq', 'Number:1']],
    // Reserved words are not fields, but may start a field name.
    ['andy eq 1', ['Field:andy', 'Eq:eq', 'Number:1']],
    ['notes pr', ['Field:notes', 'Pr:pr']],
  ])('%s', (text, expected) => {
    const result = lex(text, 10);
    expect(result.diagnostics).toEqual([]);
    expect(tokens(text)).toEqual(expected);
  });

  it('decodes string escapes and keeps offsets into the original text', () => {
    const text = 'a eq "x\\"y\\\\z"';
    const [, , string] = lex(text, 10).tokens;
    expect(string!.payload).toBe('x"y\\z');
    expect(string!.startOffset).toBe(5);
    expect(string!.endOffset).toBe(text.length - 1);
  });

  it('counts offsets in UTF-16 code units (a non-BMP character is two)', () => {
    const text = 'a eq "😀" and b pr';
    const tokensOut = lex(text, 10).tokens;
    expect(tokensOut[3]!.startOffset).toBe(text.indexOf('and'));
    expect(text.slice(tokensOut[2]!.startOffset, tokensOut[2]!.endOffset! + 1)).toBe('"😀"');
  });

  it('stops early on a flood of errors', () => {
    const result = lex('# '.repeat(10_000), 10);
    expect(result.complete).toBe(false);
    expect(result.diagnostics.length).toBe(11);
  });
});

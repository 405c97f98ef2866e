import { describe, expect, it } from 'vitest';
import { applyFixes, type Diagnostic, parse, SYNTAX_CODES } from '../../src/index.js';

interface Case {
  readonly input: string;
  readonly code: string;
  /** The text under the diagnostic's span. */
  readonly under: string;
  /** The input after the diagnostic's fix; absent when no fix may be offered. */
  readonly fixed?: string;
  /** Words the message must contain. */
  readonly says?: string;
}

const cases: Case[] = [
  { input: 'name eq "Joe', code: 'unterminated-string', under: '"Joe', fixed: 'name eq "Joe"' },
  {
    input: 'a eq "x" and b eq "never closes \\\\ ok',
    code: 'unterminated-string',
    under: '"never closes \\\\ ok',
    fixed: 'a eq "x" and b eq "never closes \\\\ ok"',
  },
  { input: 'a eq "line\nbreak"', code: 'line-break-in-string', under: '\n' },
  { input: 'path eq "C:\\Temp"', code: 'invalid-escape', under: '\\T', fixed: 'path eq "C:\\\\Temp"' },
  {
    input: "id eq '2c91808568c529c60168cca6f90c1313'",
    code: 'single-quoted-string',
    under: "'2c91808568c529c60168cca6f90c1313'",
    fixed: 'id eq "2c91808568c529c60168cca6f90c1313"',
  },
  {
    input: 'name eq \'Bob "Jr"\'',
    code: 'single-quoted-string',
    under: '\'Bob "Jr"\'',
    fixed: 'name eq "Bob \\"Jr\\""',
  },
  { input: 'name eq “Joe”', code: 'typographic-quotes', under: '“Joe”', fixed: 'name eq "Joe"' },
  { input: 'name EQ "x"', code: 'operator-case', under: 'EQ', fixed: 'name eq "x"' },
  { input: 'a eq 1 AND b eq 2', code: 'operator-case', under: 'AND', fixed: 'a eq 1 and b eq 2' },
  { input: 'NOT a eq 1', code: 'operator-case', under: 'NOT', fixed: 'not a eq 1' },
  { input: 'a In ("x")', code: 'operator-case', under: 'In', fixed: 'a in ("x")' },
  { input: 'a eq True', code: 'boolean-case', under: 'True', fixed: 'a eq true' },
  { input: 'name == "x"', code: 'foreign-operator', under: '==', fixed: 'name eq "x"' },
  { input: 'name=="x"', code: 'foreign-operator', under: '==', fixed: 'name eq "x"' },
  { input: 'a != 1', code: 'foreign-operator', under: '!=', fixed: 'a ne 1' },
  { input: 'a >= 1', code: 'foreign-operator', under: '>=', fixed: 'a ge 1' },
  { input: 'a < 1', code: 'foreign-operator', under: '<', fixed: 'a lt 1' },
  { input: 'a eq 1 && b eq 2', code: 'foreign-operator', under: '&&', fixed: 'a eq 1 and b eq 2' },
  { input: 'a eq 1 || b eq 2', code: 'foreign-operator', under: '||', fixed: 'a eq 1 or b eq 2' },
  { input: '!a pr', code: 'foreign-operator', under: '!', fixed: 'not a pr' },
  { input: 'name contains "x"', code: 'foreign-operator', under: 'contains', fixed: 'name co "x"' },
  { input: 'name startsWith "x"', code: 'foreign-operator', under: 'startsWith', fixed: 'name sw "x"' },
  { input: 'name like "x%"', code: 'foreign-operator', under: 'like', says: 'not supported' },
  { input: 'manager is null', code: 'foreign-operator', under: 'is null', fixed: 'manager isnull' },
  { input: 'manager is not null', code: 'foreign-operator', under: 'is not null', fixed: 'manager pr' },
  { input: 'name foo "x"', code: 'unknown-operator', under: 'foo', says: 'eq, ne' },
  { input: 'name sw Joe', code: 'bareword-value', under: 'Joe', fixed: 'name sw "Joe"' },
  {
    input: 'id eq 2c91808568c529c6',
    code: 'bareword-value',
    under: '2c91808568c529c6',
    fixed: 'id eq "2c91808568c529c6"',
  },
  { input: 'a in (x, "y")', code: 'bareword-value', under: 'x', fixed: 'a in ("x", "y")' },
  {
    input: 'a eq "x", b eq "y"',
    code: 'comma-between-comparisons',
    under: ',',
    fixed: 'a eq "x" and b eq "y"',
  },
  {
    input: 'a eq "x",b eq "y"',
    code: 'comma-between-comparisons',
    under: ',',
    fixed: 'a eq "x" and b eq "y"',
  },
  {
    input: 'filters=status eq "Failed"',
    code: 'filters-prefix',
    under: 'filters=',
    fixed: 'status eq "Failed"',
  },
  {
    input: '?filters= status eq "Failed"',
    code: 'filters-prefix',
    under: '?filters= ',
    fixed: 'status eq "Failed"',
  },
  {
    input: 'status%20eq%20%22Failed%22',
    code: 'url-encoded',
    under: 'status%20eq%20%22Failed%22',
    fixed: 'status eq "Failed"',
  },
  {
    input: 'status+eq+%22Failed%22',
    code: 'url-encoded',
    under: 'status+eq+%22Failed%22',
    fixed: 'status eq "Failed"',
  },
  {
    input: 'start_time+gt+2022-02-07T20:13:29+01:00',
    code: 'url-encoded',
    under: 'start_time+gt+2022-02-07T20:13:29+01:00',
    fixed: 'start_time gt 2022-02-07T20:13:29+01:00',
  },
  { input: 'rights+ca+(%SELECT%22)', code: 'url-encoded', under: '%SE' },
  { input: 'manager eq null', code: 'null-literal', under: 'null', fixed: 'manager isnull' },
  { input: 'manager ne null', code: 'null-literal', under: 'null', fixed: 'manager pr' },
  { input: 'manager gt null', code: 'null-literal', under: 'null' },
  { input: 'a in ()', code: 'empty-list', under: '()' },
  { input: 'a in ("x",)', code: 'trailing-comma', under: ',', fixed: 'a in ("x")' },
  { input: 'a in ("x" "y")', code: 'missing-comma', under: ' ', fixed: 'a in ("x", "y")' },
  { input: 'a in "x"', code: 'expected-list', under: '"x"', fixed: 'a in ("x")' },
  { input: 'a eq', code: 'missing-value', under: '', says: 'after `eq`' },
  { input: 'a eq and b eq 1', code: 'missing-value', under: 'and' },
  { input: 'a eq pr', code: 'expected-value', under: 'pr' },
  { input: 'a eq 1 and', code: 'missing-operand', under: '', says: 'after `and`' },
  { input: 'a eq 1 or or b eq 2', code: 'missing-operand', under: 'or' },
  { input: '()', code: 'missing-operand', under: ')' },
  { input: 'name "x"', code: 'missing-operator', under: '"x"', says: 'after field `name`' },
  { input: 'name', code: 'missing-operator', under: '', says: 'end of input' },
  { input: '"x y" eq 1', code: 'expected-field', under: '"x y"' },
  { input: '"name" eq "x"', code: 'quoted-field', under: '"name"', fixed: 'name eq "x"' },
  { input: 'pr', code: 'missing-field', under: '' },
  { input: '(a eq 1', code: 'unclosed-parenthesis', under: '(' },
  { input: '((a eq 1) or b eq 2', code: 'unclosed-parenthesis', under: '(' },
  { input: 'a in ("x"', code: 'unclosed-parenthesis', under: '(' },
  { input: 'a eq 1)', code: 'unmatched-closing-parenthesis', under: ')' },
  { input: 'a eq 1 b eq 2', code: 'missing-connective', under: ' ', says: '`and` or `or` before `b`' },
  { input: '(a pr)(b pr)', code: 'missing-connective', under: '', says: 'before `(`' },
  { input: 'a eq "x" "y"', code: 'unexpected-token', under: '"y"', says: '`and`, `or`' },
  { input: 'in eq "x"', code: 'reserved-word-as-field', under: 'in' },
  { input: 'and eq 1', code: 'reserved-word-as-field', under: 'and' },
  { input: 'created eq 2023-02-30', code: 'invalid-date-time', under: '2023-02-30', says: 'no such day' },
  { input: 'created eq 2023-02-29T00:00:00Z', code: 'invalid-date-time', under: '2023-02-29T00:00:00Z' },
  { input: 'created eq 2023-13-01', code: 'invalid-date-time', under: '2023-13-01', says: 'month' },
  {
    input: 'created eq 2023-01-01T24:00:00Z',
    code: 'invalid-date-time',
    under: '2023-01-01T24:00:00Z',
    says: 'hours',
  },
  {
    input: 'created eq 2023-01-01T10:00:00+01:75',
    code: 'invalid-date-time',
    under: '2023-01-01T10:00:00+01:75',
    says: 'offset',
  },
  {
    input: 'created eq 2023-01-01T10:00:00',
    code: 'malformed-date-time',
    under: '2023-01-01T10:00:00',
    says: 'zone',
  },
  { input: 'n eq 1e5', code: 'invalid-number', under: '1e5' },
  { input: 'n eq +1', code: 'invalid-number', under: '+1' },
  { input: 'first-name eq "x"', code: 'invalid-field-name', under: 'first-name' },
  { input: 'a..b eq "x"', code: 'invalid-field-name', under: 'a..b' },
  { input: 'a eq 1 # comment', code: 'unexpected-character', under: '#' },
  { input: 'a\u00a0eq 1', code: 'invalid-whitespace', under: '\u00a0', fixed: 'a eq 1' },
  { input: '', code: 'empty-filter', under: '' },
  { input: '  \n ', code: 'empty-filter', under: '  \n ' },
];

/** Chevrotain's internal vocabulary, which must never reach a user. */
const internalWords =
  /\b(EOF|LParen|RParen|Identifier|CompareOperator|ListOperator|Literal|MismatchedToken|NoViableAlt|tokenType)\b|''|<EOF>/;

function find(diagnostics: readonly Diagnostic[], code: string): Diagnostic {
  const found = diagnostics.find((d) => d.code === code);
  if (!found) throw new Error(`no ${code} among ${JSON.stringify(diagnostics, null, 1)}`);
  return found;
}

describe('diagnostics', () => {
  it.each(cases)('$code: $input', ({ input, code, under, fixed, says }) => {
    const result = parse(input);
    expect(result.ok).toBe(false);
    const diagnostic = find(result.diagnostics, code);
    expect(diagnostic.severity).toBe('error');
    expect(input.slice(diagnostic.span.start, diagnostic.span.end)).toBe(under);
    expect(diagnostic.message).not.toMatch(internalWords);
    if (says) expect(diagnostic.message).toContain(says);
    if (fixed === undefined) {
      expect(diagnostic.fixes).toBeUndefined();
    } else {
      const repaired = applyFixes(input, [diagnostic]);
      expect(repaired).toBe(fixed);
    }
  });

  it('every code the parser can report is registered, and has a case here or in the limits tests', () => {
    const covered = new Set([
      ...cases.map((c) => c.code),
      'not-a-string',
      'too-many-errors',
      'input-too-long',
      'nesting-too-deep',
      'too-many-comparisons',
      'list-too-long',
      'invalid-option', // test/syntax/options.test.ts
    ]);
    expect([...covered].filter((code) => !(code in SYNTAX_CODES))).toEqual([]);
    expect(Object.keys(SYNTAX_CODES).filter((code) => !covered.has(code))).toEqual([]);
  });

  it('every listed fix yields a filter that parses (alone or together with the others)', () => {
    for (const { input, fixed } of cases) {
      if (fixed === undefined) continue;
      const result = parse(input);
      const repaired = applyFixes(input, result.diagnostics);
      expect(parse(repaired).ok, `${input} -> ${repaired}`).toBe(true);
    }
  });

  it('reports several independent faults in one filter, in order', () => {
    const input = "name EQ 'x', age gt Joe and (b eq 1";
    const result = parse(input);
    expect(result.ok).toBe(false);
    expect(result.diagnostics.map((d) => d.code)).toEqual([
      'operator-case',
      'single-quoted-string',
      'comma-between-comparisons',
      'bareword-value',
      'unclosed-parenthesis',
    ]);
    expect(applyFixes(input, result.diagnostics)).toBe('name eq "x" and age gt "Joe" and (b eq 1');
  });

  it('reports every missing connective, and what follows them', () => {
    const result = parse('a eq 1 b eq 2 c eq');
    expect(result.diagnostics.map((d) => d.code)).toEqual([
      'missing-connective',
      'missing-connective',
      'missing-value',
    ]);
  });

  it('reports faults the parser finds after ones the lexer found', () => {
    const result = parse('a EQ 1 and and b eq');
    expect(result.diagnostics.map((d) => d.code)).toEqual([
      'operator-case',
      'missing-operand',
      'missing-value',
    ]);
  });

  it('caps the number of errors and says so', () => {
    const input = Array.from({ length: 30 }, (_, i) => `f${i} EQ ${i}`).join(' and ');
    const result = parse(input);
    expect(result.diagnostics).toHaveLength(11);
    expect(result.diagnostics.slice(0, 10).every((d) => d.code === 'operator-case')).toBe(true);
    expect(result.diagnostics[10]!.code).toBe('too-many-errors');
    expect(parse(input, { limits: { maxErrors: 3 } }).diagnostics.map((d) => d.code)).toEqual([
      'operator-case',
      'operator-case',
      'operator-case',
      'too-many-errors',
    ]);
  });

  it('quotes at most about 40 characters of user text, with controls and bidi characters escaped', () => {
    const long = `a eq ${'x'.repeat(500)}`;
    const message = find(parse(long).diagnostics, 'bareword-value').message;
    expect(message.length).toBeLessThan(120);
    expect(message).toContain('…');
    const sneaky = find(parse('a eq Jo\u202eeoJ\u0007').diagnostics, 'bareword-value').message;
    expect(sneaky).toContain('\\u{202e}');
    expect(sneaky).toContain('\\x07');
    expect(sneaky.includes('\u202e') || sneaky.includes('\u0007')).toBe(false);
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parse } from '../../src/index.js';
import plugin from '../../src/integrations/eslint/index.js';
import { ESLINTS } from './testers.js';

/**
 * Every report lands where the generator wrote the offending characters. The generator writes
 * each character of a filter in a random JavaScript spelling (itself, `\xHH`, `\uHHHH`, `\u{…}`,
 * line continuations between characters) and keeps its own record of where each one went; the
 * expected positions come from that record and the library's spans on the plain text, the
 * reported ones from ESLint run on the file.
 */
const TOKENS = [
  'name',
  'id',
  'eq',
  'EQ',
  'co',
  '"x"',
  "'y'",
  'and',
  'Or',
  '(',
  ')',
  ' ',
  '  ',
  '1',
  'true',
  'pr',
  '@',
  'in',
  ',',
  '2020-01-01T00:00:00Z',
  'é',
  '😀',
  '"a\\"b"',
  'null',
];

interface Written {
  readonly source: string;
  /** Source range of each UTF-16 unit of the filter text. */
  readonly ranges: readonly { start: number; end: number }[];
}

const hex = (n: number, width: number) => n.toString(16).padStart(width, '0');

function write(text: string, choices: readonly number[], quote: "'" | '`', offset: number): Written {
  let source = '';
  const ranges: { start: number; end: number }[] = [];
  let k = 0;
  for (const char of text) {
    const choice = choices[k++ % choices.length]!;
    if (choice === 5) source += '\\\n';
    const start = offset + source.length;
    const code = char.codePointAt(0)!;
    const special = char === '\\' || char === quote || (quote === '`' && char === '$');
    if (choice === 1 && code < 0x100) source += `\\x${hex(code, 2)}`;
    else if (choice === 2 && char.length === 1) source += `\\u${hex(code, 4)}`;
    else if (choice === 3) source += `\\u{${hex(code, 1)}}`;
    else source += special ? `\\${char}` : char;
    const end = offset + source.length;
    for (let unit = 0; unit < char.length; unit++) ranges.push({ start, end });
  }
  return { source, ranges };
}

function position(source: string, offset: number): { line: number; column: number } {
  const before = source.slice(0, offset);
  const line = before.split('\n').length;
  return { line, column: offset - (before.lastIndexOf('\n') + 1) + 1 };
}

describe('valid-filters report positions', () => {
  for (const [quote, { version, Linter }] of (["'", '`'] as const).flatMap((q) =>
    ESLINTS.map((e) => [q, e] as const),
  )) {
    it(`lands on the characters that spell the offending token (${quote === '`' ? 'templates' : 'strings'}, ${version})`, () => {
      const linter = new Linter();
      const config = [
        { plugins: { 'v3-filters': plugin }, rules: { 'v3-filters/valid-filters': 'error' as const } },
      ];
      const prefix = "import { parse } from 'v3-filters';\nparse(";
      fc.assert(
        fc.property(
          fc.array(fc.constantFrom(...TOKENS), { minLength: 1, maxLength: 12 }),
          fc.array(fc.integer({ min: 0, max: 5 }), { minLength: 1, maxLength: 16 }),
          (tokens, choices) => {
            const text = tokens.join(' ');
            const written = write(text, choices, quote, prefix.length + 1);
            const file = `${prefix}${quote}${written.source}${quote});\n`;
            const expected = parse(text).diagnostics.map((d) => {
              const start =
                d.span.start < text.length
                  ? written.ranges[d.span.start]!.start
                  : prefix.length + 1 + written.source.length;
              const end = d.span.end > d.span.start ? written.ranges[d.span.end - 1]!.end : start;
              const from = position(file, start);
              const to = position(file, end);
              return {
                message: d.message,
                line: from.line,
                column: from.column,
                endLine: to.line,
                endColumn: to.column,
              };
            });
            const reported = linter
              .verify(file, config)
              .map(({ message, line, column, endLine, endColumn }) => ({
                message,
                line,
                column,
                endLine,
                endColumn,
              }));
            const order = (a: { line: number; column: number; message: string }, b: typeof a) =>
              a.line - b.line || a.column - b.column || a.message.localeCompare(b.message);
            expect(reported.sort(order)).toEqual(expected.sort(order));
          },
        ),
        { numRuns: 300 },
      );
    });
  }
});

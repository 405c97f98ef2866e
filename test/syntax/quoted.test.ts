import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { scanQuoted } from '../../src/language/quoting.js';

/** The scan's rules, written as plainly as possible: one character at a time. */
function reference(text: string, start: number, close: number) {
  let value = '';
  const problems: { kind: string; start: number; end: number }[] = [];
  let i = start + 1;
  while (i < text.length) {
    const code = text.charCodeAt(i);
    if (code === close) return { end: i + 1, terminated: true, value, problems };
    if (code === 92 && (text.charCodeAt(i + 1) === close || text.charCodeAt(i + 1) === 92)) {
      value += text[i + 1];
      i += 2;
      continue;
    }
    if (code === 92 && i + 1 < text.length) problems.push({ kind: 'invalid-escape', start: i, end: i + 2 });
    if (code === 10 || code === 13) problems.push({ kind: 'line-break-in-string', start: i, end: i + 1 });
    value += text[i];
    i++;
  }
  return { end: text.length, terminated: false, value, problems };
}

describe('scanQuoted', () => {
  const content = fc
    .array(fc.constantFrom('\\', '"', "'", '\u201d', 'a', 'é', '\n', '\\"', '\\\\', '𝄞'), { maxLength: 1200 })
    .map((parts) => parts.join(''));

  it('decodes exactly as the one-character-at-a-time reading, short and long', () => {
    fc.assert(
      fc.property(content, fc.constantFrom(34, 39, 0x201d), (body, close) => {
        const text = `${String.fromCharCode(close === 0x201d ? 0x201c : close)}${body}`;
        const scan = scanQuoted(text, 0, close);
        const { hasLineBreak, ...rest } = scan;
        const expected = reference(text, 0, close);
        expect(rest).toEqual(expected);
        expect(hasLineBreak).toBe(expected.problems.some((p) => p.kind === 'line-break-in-string'));
      }),
      { numRuns: 1000 },
    );
  });

  it('keeps at most maxProblems problems but still sees every line break', () => {
    const scan = scanQuoted(`"${'\n\\x'.repeat(1000)}`, 0, 34, 3);
    expect(scan.problems).toHaveLength(3);
    expect(scan.hasLineBreak).toBe(true);
    expect(scan.value).toHaveLength(3000);
  });
});

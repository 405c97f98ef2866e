import { Linter } from 'eslint';
import fc from 'fast-check';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { parse, type TextEdit } from '../../src/index.js';
import plugin from '../../src/integrations/eslint/index.js';

/**
 * A fix applied to the source gives the literal whose value (read by TypeScript's scanner) is the
 * filter text with the library's fix applied: the replacement is escaped for the literal it goes
 * into (quotes, backslashes, `${`), whatever the literal's quote and the spelling around it.
 */
const TOKENS = [
  'name',
  'EQ',
  'Eq',
  'co',
  '"x"',
  "'y'",
  "'it''s'",
  'AND',
  'or',
  '(',
  ')',
  ' ',
  '1',
  'True',
  '`z`',
  '$',
  '{',
  '\\',
  'null',
  'in',
  '(1,)',
  '%22a%22',
  '“q”',
  '==',
  'id',
];

function scannerValue(literal: string): string | undefined {
  const scanner = ts.createScanner(ts.ScriptTarget.Latest, true, ts.LanguageVariant.Standard, literal);
  const kind = scanner.scan();
  if (kind !== ts.SyntaxKind.StringLiteral && kind !== ts.SyntaxKind.NoSubstitutionTemplateLiteral)
    return undefined;
  return scanner.getTokenEnd() === literal.length ? scanner.getTokenValue() : undefined;
}

function applyEdits(text: string, edits: readonly TextEdit[]): string {
  let out = text;
  for (const edit of [...edits].sort((a, b) => b.span.start - a.span.start)) {
    out = out.slice(0, edit.span.start) + edit.text + out.slice(edit.span.end);
  }
  return out;
}

/** `text` as a JavaScript literal with `quote`, each character escaped where it must be. */
function literalOf(text: string, quote: string): string {
  let body = '';
  for (const c of text) {
    if (c === '\\' || c === quote || (quote === '`' && c === '$')) body += `\\${c}`;
    else if (c === '\n') body += '\\n';
    else body += c;
  }
  return `${quote}${body}${quote}`;
}

describe('valid-filters fixes and suggestions', () => {
  it("give the literal whose value is the library's fix applied to the filter text", () => {
    const linter = new Linter();
    const config = [
      { plugins: { 'v3-filters': plugin }, rules: { 'v3-filters/valid-filters': 'error' as const } },
    ];
    const prefix = "import { parse } from 'v3-filters';\nparse(";
    let checked = 0;
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(...TOKENS), { minLength: 1, maxLength: 10 }),
        fc.constantFrom("'", '"', '`'),
        (tokens, quote) => {
          const text = tokens.join(' ');
          const literal = literalOf(text, quote);
          const file = `${prefix}${literal});\n`;
          const diagnostics = parse(text).diagnostics.filter((d) => (d.fixes ?? []).length > 0);
          fc.pre(diagnostics.length > 0);
          const messages = linter.verify(file, config).filter((m) => m.fix || m.suggestions);
          const sorted = [...diagnostics].sort((a, b) => a.span.start - b.span.start);
          for (const [at, diagnostic] of sorted.entries()) {
            // The n-th report of a message is the n-th diagnostic of that message (both by position).
            const nth = sorted.slice(0, at).filter((d) => d.message === diagnostic.message).length;
            const message = messages.filter((m) => m.message === diagnostic.message)[nth];
            expect(message, diagnostic.message).toBeDefined();
            const fixes = [
              ...(message!.fix ? [message!.fix] : []),
              ...(message!.suggestions ?? []).map((s) => s.fix),
            ];
            expect(fixes.length).toBe(diagnostic.fixes!.length);
            for (const [index, fix] of fixes.entries()) {
              const fixed = file.slice(0, fix.range[0]) + fix.text + file.slice(fix.range[1]);
              const newLiteral = fixed.slice(prefix.length, fixed.length - ');\n'.length);
              expect(scannerValue(newLiteral)).toBe(applyEdits(text, diagnostic.fixes![index]!.edits));
              checked++;
            }
          }
        },
      ),
      { numRuns: 300 },
    );
    expect(checked).toBeGreaterThan(100);
  });
});

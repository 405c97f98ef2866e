import { readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const ROOT_ENTRY = path.resolve(import.meta.dirname, '../../src/index.ts');

/** The concerns of the root entry, in the order its sections come. */
const SECTIONS = [
  'Parse and print',
  'Schemas and validation',
  'Compile',
  'Collections and servers',
  'Clients',
  'Errors and diagnostics',
  'The language table',
];

/** Each export statement of `text` with the section comment it stands under (or none). */
function exportsBySection(text: string): { section: string | undefined; from: string }[] {
  const source = ts.createSourceFile(ROOT_ENTRY, text, ts.ScriptTarget.Latest, true);
  let section: string | undefined;
  const found: { section: string | undefined; from: string }[] = [];
  for (const statement of source.statements) {
    for (const range of ts.getLeadingCommentRanges(text, statement.getFullStart()) ?? []) {
      const comment = text.slice(range.pos, range.end);
      const title = SECTIONS.find((s) => comment.startsWith(`// ${s}:`));
      if (title) section = title;
    }
    if (ts.isExportDeclaration(statement) && statement.moduleSpecifier !== undefined) {
      found.push({ section, from: (statement.moduleSpecifier as ts.StringLiteral).text });
    } else {
      found.push({ section: 'not a re-export', from: statement.getText().slice(0, 40) });
    }
  }
  return found;
}

describe('the root entry, src/index.ts', () => {
  it('is one list of re-exports grouped under a section comment per concern, in order', () => {
    const found = exportsBySection(readFileSync(ROOT_ENTRY, 'utf8'));
    expect(found.filter((e) => e.section === undefined || e.section === 'not a re-export')).toEqual([]);
    const order = [...new Set(found.map((e) => e.section))];
    expect(order).toEqual(SECTIONS);
  });

  it('the check finds an export outside the sections (it can fail)', () => {
    const text = "export { a } from './a.js';\n// Compile: x.\n\nexport { b } from './b.js';\nconst c = 1;\n";
    expect(exportsBySection(text)).toEqual([
      { section: undefined, from: './a.js' },
      { section: 'Compile', from: './b.js' },
      { section: 'not a re-export', from: 'const c = 1;' },
    ]);
  });
});

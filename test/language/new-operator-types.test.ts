import { readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { recipe } from '../support/recipes.js';

const root = path.resolve(import.meta.dirname, '../..');
const TABLE = path.join(root, 'src/language/operator-table.ts');

/** The rows added: a comparison, a list and a presence operator, which no compiler handles yet. */
const ROWS = [
  "{ ...plain, word: 'ew', kind: 'comparison', textOnly: true },",
  "{ ...plain, word: 'ni', kind: 'list', enumMembers: true },",
  "{ ...plain, word: 'nx', kind: 'presence' },",
];

/** Their meanings. */
const MEANINGS = ["ew: 'ends with (text)',", "ni: 'equals none of a list',", "nx: 'is empty or missing',"];

/** `text` with `lines` inserted after the line that starts with `after`. */
function insertAfter(text: string, after: string, lines: readonly string[]): string {
  const anchor = text.indexOf(after);
  expect(anchor).toBeGreaterThan(0);
  const lineEnd = text.indexOf('\n', anchor) + 1;
  return text.slice(0, lineEnd) + lines.map((line) => `  ${line}\n`).join('') + text.slice(lineEnd);
}

/**
 * Where the type checker names each new row: both compilers for a value operator (the
 * in-memory predicate and the SQL), and the leaf planner both share for a presence operator
 * (what it tests, present or missing, is one record there).
 */
const NAMED_IN: Readonly<Record<string, readonly string[]>> = {
  ew: ['src/compile/predicate', 'src/compile/sql'],
  ni: ['src/compile/predicate', 'src/compile/sql'],
  nx: ['src/compile'],
};

/** The type errors of the library's browser-safe source (tsconfig.core.json) with `table` as the operator table. */
function typeErrors(table: string): { file: string; message: string }[] {
  const parsed = ts.getParsedCommandLineOfConfigFile(
    path.join(root, 'tsconfig.core.json'),
    {},
    {
      ...ts.sys,
      onUnRecoverableConfigFileDiagnostic: (d) => {
        throw new Error(ts.flattenDiagnosticMessageText(d.messageText, '\n'));
      },
    },
  );
  if (parsed === undefined) throw new Error('tsconfig.core.json does not read');
  const host = ts.createCompilerHost(parsed.options);
  const getSourceFile = host.getSourceFile.bind(host);
  host.getSourceFile = (file, language, onError, create) =>
    path.resolve(file) === TABLE
      ? ts.createSourceFile(file, table, language)
      : getSourceFile(file, language, onError, create);
  const program = ts.createProgram(parsed.fileNames, parsed.options, host);
  return ts.getPreEmitDiagnostics(program).map((d) => ({
    file: path.relative(root, d.file?.fileName ?? '?'),
    message: ts.flattenDiagnosticMessageText(d.messageText, ' '),
  }));
}

describe('a row added to the operator table', () => {
  it('makes the type checker name the compilers’ handlers still missing, and nothing else', () => {
    const original = readFileSync(TABLE, 'utf8');
    const table = insertAfter(
      insertAfter(original, "  { ...plain, word: 'isnull'", ROWS),
      "  isnull: 'is null or missing',",
      MEANINGS,
    );
    // (The table as it is compiles cleanly: `npm run typecheck`.)
    const errors = typeErrors(table);
    // Only the compilers' handler records and dispatches fail; every other part of the library
    // (parsers, messages, editor, completion, builder, validation) reads the new rows as they are.
    expect(errors.filter((e) => !e.file.startsWith('src/compile/'))).toEqual([]);
    for (const [word, folders] of Object.entries(NAMED_IN)) {
      const naming = errors.filter((e) => e.message.includes(`"${word}"`) || e.message.includes(`'${word}'`));
      expect([...new Set(naming.map((e) => path.dirname(e.file)))].sort(), word).toEqual(folders);
    }
    expect(errors.every((e) => /["'](ew|ni|nx)["']/.test(e.message))).toBe(true);
    // The operator recipe of docs/architecture.md names exactly the handlers' files, in the item
    // that says the type checker names them.
    const named = recipe('A new operator').items.filter((item) =>
      item.text.includes('the type checker then names'),
    );
    expect(named).toHaveLength(1);
    const handlers = named[0]!.files;
    expect([...new Set(errors.map((e) => e.file))].sort()).toEqual([...handlers].sort());
  }, 180_000);
});

import { readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { OPERATOR_TABLE } from '../../src/language/operators.js';
import { readImportGraph } from './import-graph.js';

const SRC = path.resolve(import.meta.dirname, '../../src');
const TABLE = path.join(SRC, 'language/operator-table.ts');
const WORDS: ReadonlySet<string> = new Set(OPERATOR_TABLE.map((row) => row.word));
const MEANINGS: readonly string[] = OPERATOR_TABLE.map((row) => row.meaning);

/**
 * The longest run of operator words listed in `text`: words with nothing but punctuation, spaces
 * and `or`/`and` between them (`eq, ne or gt`, `` `co` | `sw` ``).
 */
function longestList(text: string): number {
  let longest = 0;
  let run = 0;
  for (const token of text.split(/([a-z]+)/)) {
    if (WORDS.has(token)) longest = Math.max(longest, ++run);
    else if (token !== 'or' && token !== 'and' && !/^[^a-zA-Z0-9]*$/.test(token)) run = 0;
  }
  return longest;
}

/**
 * The places in `file` that keep their own list of operators: an array of three or more operator
 * words, a string listing three or more of them, or an operator's meaning written out. A record
 * keyed by operators, or a `switch` over them, is a handler (the type checker names a missing
 * one), and a schema's `operators` whitelist is data.
 */
function restatedLists(file: string, text = readFileSync(file, 'utf8')): string[] {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const found: string[] = [];
  const where = (node: ts.Node) =>
    `${path.relative(SRC, file)}:${source.getLineAndCharacterOfPosition(node.getStart()).line + 1}`;
  const visit = (node: ts.Node): void => {
    const whitelist =
      node.parent !== undefined &&
      ts.isPropertyAssignment(node.parent) &&
      ts.isIdentifier(node.parent.name) &&
      node.parent.name.text === 'operators';
    if (ts.isArrayLiteralExpression(node) && !whitelist) {
      const words = node.elements.filter((e) => ts.isStringLiteralLike(e) && WORDS.has(e.text));
      if (words.length >= 3) found.push(`${where(node)} array of ${words.length} operators`);
    } else if (ts.isStringLiteralLike(node) || ts.isTemplateLiteralToken(node)) {
      if (longestList(node.text) >= 3) found.push(`${where(node)} ${JSON.stringify(node.text)}`);
      const meaning = MEANINGS.find((m) => m.length > 8 && node.text.includes(m));
      if (meaning !== undefined) found.push(`${where(node)} the meaning ${JSON.stringify(meaning)}`);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

describe('the operator table is the one place', () => {
  it('no source file keeps its own list of operator words or meanings', () => {
    const files = readImportGraph(SRC)
      .map((m) => m.file)
      .filter((file) => file !== TABLE);
    expect(files.length).toBeGreaterThan(100);
    expect(files.flatMap((file) => restatedLists(file))).toEqual([]);
  });

  it('finds such a list where there is one (the check above can fail)', () => {
    const probe = path.join(SRC, 'probe.ts');
    const text = [
      "const ops = ['eq', 'ne', 'gt'];",
      "const message = 'expected `eq`, `ne`, `gt`, `ge` or `le`';",
      "const schema = { operators: ['eq', 'ne', 'gt'] }; // data",
      "const fix = 'use `isnull` (for `eq`) or `pr` (for `ne`)'; // one rule, no list",
      `const hint = \`use $\{x}: equals one of a list: in ("a", "b")\`;`,
    ].join('\n');
    expect(restatedLists(probe, text)).toEqual([
      'probe.ts:1 array of 3 operators',
      'probe.ts:2 "expected `eq`, `ne`, `gt`, `ge` or `le`"',
      `probe.ts:5 the meaning ${JSON.stringify('equals one of a list: in ("a", "b")')}`,
    ]);
  });
});

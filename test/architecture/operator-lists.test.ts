import { readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { OPERATOR_TABLE } from '../../src/language/operators.js';
import { readImportGraph } from './import-graph.js';

const SRC = path.resolve(import.meta.dirname, '../../src');
const TABLE = path.join(SRC, 'language/operator-table.ts');
const COMPILE = path.join(SRC, 'compile');
const PRESENCE: ReadonlySet<string> = new Set(
  OPERATOR_TABLE.filter((r) => r.kind === 'presence').map((r) => r.word),
);
const WORDS: ReadonlySet<string> = new Set(OPERATOR_TABLE.map((row) => row.word));
const MEANINGS: readonly string[] = OPERATOR_TABLE.map((row) => row.meaning);

/**
 * The sets the table defines: the operators of each kind, and those of each flag (`textOnly`,
 * `orders`...), each as its sorted words joined by spaces. A message that names all of one set
 * (`` `in`/`ca` ``, `co and sw`) restates it and goes stale when a row joins the set.
 */
const SETS: ReadonlySet<string> = new Set(
  [
    ...['comparison', 'list', 'presence'].map((kind) => OPERATOR_TABLE.filter((row) => row.kind === kind)),
    ...(['textOnly', 'orders', 'collectionOnly', 'enumMembers'] as const).map((flag) =>
      OPERATOR_TABLE.filter((row) => row[flag]),
    ),
  ]
    .filter((rows) => rows.length >= 2)
    .map((rows) =>
      rows
        .map((row) => row.word as string)
        .sort()
        .join(' '),
    ),
);

/**
 * The longest run of operator words listed in `text`: words with nothing but punctuation, spaces
 * and `or`/`and` between them (`eq, ne or gt`, `` `co` | `sw` ``).
 */
function listsIn(text: string): string[][] {
  const runs: string[][] = [[]];
  for (const token of text.split(/([a-z]+)/)) {
    if (WORDS.has(token)) runs.at(-1)!.push(token);
    else if (token !== 'or' && token !== 'and' && !/^[^a-zA-Z0-9]*$/.test(token)) runs.push([]);
  }
  return runs.filter((run) => run.length >= 2);
}

/** Whether `text` lists operators: three or more in a row, or all of one of the table's sets. */
function listsOperators(text: string): boolean {
  return listsIn(text).some((run) => run.length >= 3 || SETS.has([...run].sort().join(' ')));
}

/** The operator words `node` is compared with by `===`/`!==` (`op === 'eq' || op === 'in'`). */
function comparedWords(node: ts.Node): string[] {
  if (ts.isParenthesizedExpression(node)) return comparedWords(node.expression);
  if (!ts.isBinaryExpression(node)) return [];
  const kind = node.operatorToken.kind;
  if (kind === ts.SyntaxKind.BarBarToken || kind === ts.SyntaxKind.AmpersandAmpersandToken) {
    return [...comparedWords(node.left), ...comparedWords(node.right)];
  }
  if (kind !== ts.SyntaxKind.EqualsEqualsEqualsToken && kind !== ts.SyntaxKind.ExclamationEqualsEqualsToken) {
    return [];
  }
  return [node.left, node.right]
    .filter((side) => ts.isStringLiteralLike(side) && WORDS.has(side.text))
    .map((side) => (side as ts.StringLiteralLike).text);
}

/**
 * The places in `file` that keep their own list of operators: an array of two or more operator
 * words, a string listing three or more of them or all of one of the table's sets, an operator's
 * meaning written out, or (outside the compilers) a condition that tests two or more operator
 * words by hand (`op === 'co' || op === 'sw'`: the table's `textOnly` says which). A record
 * keyed by operators, or a `switch` over them, is a handler (the type checker names a missing
 * one), as are the compilers' own per-operator conditions; a schema's `operators` whitelist is data.
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
      if (words.length >= 2) found.push(`${where(node)} array of ${words.length} operators`);
    } else if (ts.isStringLiteralLike(node) || ts.isTemplateLiteralToken(node)) {
      if (listsOperators(node.text)) found.push(`${where(node)} ${JSON.stringify(node.text)}`);
      const meaning = MEANINGS.find((m) => m.length > 8 && node.text.includes(m));
      if (meaning !== undefined) found.push(`${where(node)} the meaning ${JSON.stringify(meaning)}`);
    }
    const parentTests = node.parent !== undefined && comparedWords(node.parent).length >= 2;
    if (!file.startsWith(COMPILE) && !parentTests && comparedWords(node).length >= 2) {
      found.push(`${where(node)} tests ${comparedWords(node).join(', ')} by hand`);
    }
    // The compilers read what a presence operator tests from the planner's one record over the
    // table (`present`), so a new presence row cannot fall into another's branch unnoticed.
    const presence = comparedWords(node).filter((word) => PRESENCE.has(word));
    if (file.startsWith(COMPILE) && !parentTests && presence.length > 0) {
      found.push(`${where(node)} tests ${presence.join(', ')} in a compiler`);
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
      "const ops = ['eq', 'ne'];",
      "const message = 'expected `eq`, `ne`, `gt`, `ge` or `le`';",
      "const schema = { operators: ['eq', 'ne', 'gt'] }; // data",
      "const fix = 'use `isnull` (for `eq`) or `pr` (for `ne`)'; // one rule, no list",
      `const hint = \`use $\{x}: equals one of a list: in ("a", "b")\`;`,
      "const note = 'an `in`/`ca` list'; // every list operator",
      "const text = (op: string) => op === 'co' || (op === 'sw' && x);",
      "const one = (op: string) => op === 'pr';",
    ].join('\n');
    const compiler = path.join(COMPILE, 'probe.ts');
    expect(
      restatedLists(compiler, "const a = (op: string) => op === 'pr' ? 1 : op === 'gt' ? 2 : 3;"),
    ).toEqual(['compile/probe.ts:1 tests pr in a compiler']);
    expect(restatedLists(probe, text)).toEqual([
      'probe.ts:1 array of 2 operators',
      'probe.ts:2 "expected `eq`, `ne`, `gt`, `ge` or `le`"',
      `probe.ts:5 the meaning ${JSON.stringify('equals one of a list: in ("a", "b")')}`,
      'probe.ts:6 "an `in`/`ca` list"',
      'probe.ts:7 tests co, sw by hand',
    ]);
  });
});

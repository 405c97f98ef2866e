import { ensureSyntaxTree, matchBrackets } from '@codemirror/language';
import { EditorState } from '@codemirror/state';
import { highlightTree } from '@lezer/highlight';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type Expression, forEachExpression, format, parse, type ValueNode } from '../../../src/index.js';
import {
  filtersHighlightStyle,
  filtersLanguage,
  filterTokens,
  v3Filters,
} from '../../../src/integrations/codemirror/index.js';
import { expressionNode } from '../../support/ast-arbitraries.js';

const VALUE_NODE: Record<ValueNode['kind'], string> = {
  string: 'String',
  number: 'Number',
  boolean: 'Boolean',
  'date-time': 'DateTime',
};

/** What the parser's tree says each span is: field, operator and value spans by node name. */
function expectedFromAst(ast: Expression): string[] {
  const out: string[] = [];
  forEachExpression(ast, (node) => {
    if (node.kind === 'comparison' || node.kind === 'list' || node.kind === 'presence') {
      out.push(`Field ${node.field.span.start}-${node.field.span.end}`);
      out.push(`Operator ${node.operatorSpan.start}-${node.operatorSpan.end}`);
      const values = node.kind === 'comparison' ? [node.value] : node.kind === 'list' ? node.values : [];
      for (const value of values) out.push(`${VALUE_NODE[value.kind]} ${value.span.start}-${value.span.end}`);
    }
  });
  return out.sort();
}

function treeOf(text: string) {
  const state = EditorState.create({ doc: text, extensions: [v3Filters()] });
  const tree = ensureSyntaxTree(state, text.length, 5000);
  if (!tree) throw new Error('no tree');
  return tree;
}

describe('the editor language', () => {
  it('builds its syntax tree from the lexer: one node per token under Filter', () => {
    const text = 'status eq "Failed" and (start_time ge 2022-02-07T20:13:29Z or not tags ca ("a", "b"))';
    const tree = treeOf(text);
    expect(tree.type.name).toBe('Filter');
    expect(tree.length).toBe(text.length);
    const nodes: string[] = [];
    tree.iterate({
      enter: (node) => {
        if (node.name !== 'Filter') nodes.push(`${node.name}:${text.slice(node.from, node.to)}`);
      },
    });
    expect(nodes).toEqual([
      'Field:status',
      'Operator:eq',
      'String:"Failed"',
      'Connective:and',
      '(:(',
      'Field:start_time',
      'Operator:ge',
      'DateTime:2022-02-07T20:13:29Z',
      'Connective:or',
      'Not:not',
      'Field:tags',
      'Operator:ca',
      '(:(',
      'String:"a"',
      ',:,',
      'String:"b"',
      '):)',
      '):)',
    ]);
  });

  it('classifies repaired tokens as what they were meant to be', () => {
    // `EQ` is an operator in the wrong case, `Failed` a bare string, `&&` a foreign `and`.
    const names = filterTokens('status EQ Failed && enabled eq TRUE').map((t) => t.name);
    expect(names).toEqual(['Field', 'Operator', 'String', 'Connective', 'Field', 'Operator', 'Boolean']);
  });

  it('highlights through the theme: each token gets its tag’s class', () => {
    const text = 'status eq "Failed" and count gt 3';
    const tree = treeOf(text);
    const classes: string[] = [];
    highlightTree(tree, filtersHighlightStyle, (from, to, cls) =>
      classes.push(`${text.slice(from, to)}|${cls}`),
    );
    expect(classes).toHaveLength(7);
    const byText = new Map(classes.map((c) => c.split('|') as [string, string]));
    // Different token classes get different classes; the same class the same one.
    expect(byText.get('status')).toBe(byText.get('count'));
    expect(byText.get('eq')).toBe(byText.get('gt'));
    expect(
      new Set([
        byText.get('status'),
        byText.get('eq'),
        byText.get('"Failed"'),
        byText.get('and'),
        byText.get('3'),
      ]).size,
    ).toBe(5);
  });

  it('matches parentheses through closedBy/openedBy', () => {
    const text = '(a eq 1 or (b in (1, 2)))';
    const state = EditorState.create({ doc: text, extensions: [v3Filters()] });
    ensureSyntaxTree(state, text.length, 5000);
    const outer = matchBrackets(state, 0, 1);
    expect(outer?.matched).toBe(true);
    expect(outer?.end?.from).toBe(text.length - 1);
    const list = matchBrackets(state, text.indexOf('(1'), 1);
    expect(list?.end?.from).toBe(text.indexOf('))'));
    expect(filtersLanguage.isActiveAt(state, 3)).toBe(true);
  });

  it('agrees with the parser on every field, operator and value span of generated filters', () => {
    fc.assert(
      fc.property(expressionNode, (ast) => {
        const text = format(ast);
        const parsed = parse(text, { limits: { maxComparisons: 1000, maxDepth: 64 } });
        if (!parsed.ok) throw new Error(`format gave an unparsable filter: ${text}`);
        const tokens = filterTokens(text);
        const actual = tokens
          .filter((t) => t.name !== 'Connective' && t.name !== 'Not' && !'(),'.includes(t.name))
          .map((t) => `${t.name} ${t.from}-${t.to}`)
          .sort();
        expect(actual).toEqual(expectedFromAst(parsed.ast));
        // Outside tokens there is only whitespace.
        let covered = 0;
        for (const t of tokens) {
          expect(text.slice(covered, t.from).trim()).toBe('');
          covered = t.to;
        }
        expect(text.slice(covered).trim()).toBe('');
      }),
      { numRuns: 300 },
    );
  });

  it('tokenizes any text without throwing: ordered, non-empty, in bounds', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 200 }), (text) => {
        let last = 0;
        for (const token of filterTokens(text)) {
          expect(token.from).toBeGreaterThanOrEqual(last);
          expect(token.to).toBeGreaterThan(token.from);
          expect(token.to).toBeLessThanOrEqual(text.length);
          last = token.to;
        }
        // The editor's document splits lines at \r\n, \r and \n alike and keeps one break each.
        const doc = EditorState.create({ doc: text }).doc;
        expect(treeOf(text).length).toBe(doc.length);
      }),
      { numRuns: 300 },
    );
  });

  it('lexes a 1 MB hostile document in bounded time', () => {
    const text = '(((("\\'.repeat(200_000);
    const started = performance.now();
    filterTokens(text);
    expect(performance.now() - started).toBeLessThan(5000);
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type AstNode, type Expression, forEachExpression, format, parse } from '../../src/index.js';
import { expressionNode, stripSpans } from '../support/ast-arbitraries.js';
import { noisyText } from '../support/noisy-printer.js';

/** Fragments of real and broken filters, so random soups reach deep into the lexer and parser. */
const fragments = [
  'a',
  'name',
  'x.y',
  'eq',
  'EQ',
  'ne',
  'co',
  'sw',
  'in',
  'ca',
  'pr',
  'isnull',
  'and',
  'or',
  'not',
  'AND',
  '(',
  ')',
  ',',
  '"',
  '"x"',
  "'y'",
  '\\',
  '\\"',
  '1',
  '-2.5',
  '2023-02-30',
  '2022-02-07T20:13:29Z',
  'true',
  'False',
  'null',
  '==',
  '!=',
  '&&',
  '||',
  '!',
  'contains',
  'filters=',
  '%22',
  '+',
  ' ',
  '\n',
  '\u202e',
  '\u0000',
  '😀',
  '\u00a0',
  '“',
  'is',
  '#',
];
const soup = fc.array(fc.constantFrom(...fragments), { maxLength: 30 }).map((parts) => parts.join(''));
const spacedSoup = fc.array(fc.constantFrom(...fragments), { maxLength: 30 }).map((parts) => parts.join(' '));

function spansOf(ast: Expression): AstNode[] {
  const nodes: AstNode[] = [];
  forEachExpression(ast, (node) => {
    nodes.push(node);
    if (node.kind === 'comparison') nodes.push(node.field, node.value);
    if (node.kind === 'list') nodes.push(node.field, ...node.values);
    if (node.kind === 'presence') nodes.push(node.field);
  });
  return nodes;
}

describe('parse/format properties', () => {
  it('(a) parse(format(ast)) gives the same tree, spans aside', () => {
    fc.assert(
      fc.property(expressionNode, (ast) => {
        const text = format(ast);
        const result = parse(text, {
          limits: { maxLength: 1 << 20, maxComparisons: 10_000, maxListValues: 10_000 },
        });
        expect(result.diagnostics).toEqual([]);
        expect(result.ok && stripSpans(result.ast)).toEqual(stripSpans(ast));
      }),
      { numRuns: 600 },
    );
  });

  it('(a) text written with random spacing, redundant parentheses and prefix pr parses to the same tree', () => {
    fc.assert(
      fc.property(expressionNode, fc.nat(), (ast, seed) => {
        const text = noisyText(ast, seed);
        const result = parse(text, {
          limits: { maxLength: 1 << 20, maxComparisons: 10_000, maxListValues: 10_000 },
        });
        expect(result.ok ? stripSpans(result.ast) : result.diagnostics).toEqual(stripSpans(ast));
      }),
      { numRuns: 400 },
    );
  });

  it('(b) format is idempotent on any parsed input', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.tuple(expressionNode, fc.nat()).map(([ast, seed]) => noisyText(ast, seed)),
          spacedSoup,
        ),
        (text) => {
          const first = parse(text, { limits: { maxLength: 1 << 20, maxComparisons: 10_000 } });
          fc.pre(first.ok);
          const once = format(first.ast);
          const second = parse(once, { limits: { maxLength: 1 << 20, maxComparisons: 10_000 } });
          expect(second.ok).toBe(true);
          if (second.ok) expect(format(second.ast)).toBe(once);
        },
      ),
      { numRuns: 400 },
    );
  });

  it('(c) parse never throws on arbitrary strings, and every span lies inside the input', () => {
    const check = (text: string): void => {
      const result = parse(text);
      const within = (s: { start: number; end: number }): boolean =>
        Number.isInteger(s.start) &&
        Number.isInteger(s.end) &&
        0 <= s.start &&
        s.start <= s.end &&
        s.end <= text.length;
      for (const d of result.diagnostics) {
        expect(within(d.span), `${d.code} ${JSON.stringify(d.span)} in ${JSON.stringify(text)}`).toBe(true);
        for (const fix of d.fixes ?? []) for (const edit of fix.edits) expect(within(edit.span)).toBe(true);
      }
      if (result.ok) {
        for (const node of spansOf(result.ast)) expect(within(node.span)).toBe(true);
      } else {
        expect(result.diagnostics.some((d) => d.severity === 'error')).toBe(true);
      }
    };
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 200 }), check), { numRuns: 1000 });
    fc.assert(fc.property(soup, check), { numRuns: 2000 });
    fc.assert(fc.property(spacedSoup, check), { numRuns: 2000 });
  });

  it('(d) the text under any node parses, alone, to that node', () => {
    fc.assert(
      fc.property(expressionNode, fc.nat(), (ast, seed) => {
        const text = noisyText(ast, seed);
        const limits = { maxLength: 1 << 20, maxComparisons: 10_000, maxListValues: 10_000 };
        const result = parse(text, { limits });
        if (!result.ok) throw new Error(JSON.stringify(result.diagnostics));
        forEachExpression(result.ast, (node) => {
          const alone = parse(text.slice(node.span.start, node.span.end), { limits });
          expect(alone.ok && stripSpans(alone.ast)).toEqual(stripSpans(node));
        });
        for (const node of spansOf(result.ast)) {
          const under = text.slice(node.span.start, node.span.end);
          if (node.kind === 'field') expect(under).toBe(node.name);
          if (
            node.kind === 'string' ||
            node.kind === 'number' ||
            node.kind === 'boolean' ||
            node.kind === 'date-time'
          ) {
            const alone = parse(`f eq ${under}`);
            expect(alone.ok && alone.ast.kind === 'comparison' && stripSpans(alone.ast.value)).toEqual(
              stripSpans(node),
            );
          }
        }
      }),
      { numRuns: 300 },
    );
  });
});

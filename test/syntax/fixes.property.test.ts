import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyFixes, format, parse } from '../../src/index.js';
import { isKeyword } from '../../src/language/operators.js';
import { lex } from '../../src/syntax/full/lexer.js';
import { expressionNode, stripSpans } from '../support/ast-arbitraries.js';

type Mutation = (image: string, type: string) => string | undefined;

/** Mistakes people make, each with one certain repair; undefined where it does not apply. */
const mutations: Record<string, Mutation> = {
  uppercase: (image, type) =>
    /^(Eq|Ne|Gt|Ge|Lt|Le|Co|Sw|In|Ca|Pr|Isnull|And|Or|Not)$/.test(type) ? image.toUpperCase() : undefined,
  symbol: (_image, type) =>
    ({ Eq: '==', Ne: '!=', Gt: '>', Ge: '>=', Lt: '<', Le: '<=', And: '&&', Or: '||' })[type],
  word: (_image, type) => ({ Co: 'contains', Sw: 'startsWith', Eq: 'equals' })[type],
  comma: (_image, type) => (type === 'And' ? ',' : undefined),
  unquote: (image, type) => {
    const bare = image.slice(1, -1);
    const plain =
      /^[A-Za-z_][A-Za-z0-9_]*$/.test(bare) &&
      !isKeyword(bare.toLowerCase()) &&
      bare.toLowerCase() !== 'null';
    return type === 'String' && plain ? bare : undefined;
  },
  singleQuotes: (image, type) =>
    type === 'String' && !/['\\]/.test(image) && !/[\n\r]/.test(image)
      ? `'${image.slice(1, -1)}'`
      : undefined,
};

describe('fixes are certain: applying them restores what was meant', () => {
  it('for random mistakes in random filters', () => {
    fc.assert(
      fc.property(
        expressionNode,
        fc.array(fc.tuple(fc.nat(), fc.constantFrom(...Object.keys(mutations))), {
          minLength: 1,
          maxLength: 4,
        }),
        fc.boolean(),
        (ast, picks, prefix) => {
          const text = format(ast);
          const tokens = lex(text, 10).tokens;
          // Apply mutations right to left so offsets stay valid; one per token.
          const chosen = new Map<number, string>();
          for (const [index, name] of picks) {
            const token = tokens[index % tokens.length]!;
            const replaced = mutations[name]!(token.image, token.tokenType.name);
            if (replaced !== undefined) chosen.set(index % tokens.length, replaced);
          }
          fc.pre(chosen.size > 0 || prefix);
          let mutated = text;
          for (const [index, replacement] of [...chosen].sort((a, b) => b[0] - a[0])) {
            const token = tokens[index]!;
            mutated = mutated.slice(0, token.startOffset) + replacement + mutated.slice(token.endOffset! + 1);
          }
          if (prefix) mutated = `filters=${mutated}`;
          const limits = {
            limits: { maxErrors: 100, maxLength: 1 << 20, maxComparisons: 10_000, maxListValues: 10_000 },
          };
          const broken = parse(mutated, limits);
          expect(broken.ok).toBe(false);
          const repaired = applyFixes(mutated, broken.diagnostics);
          const result = parse(repaired, limits);
          expect(
            result.ok ? stripSpans(result.ast) : { mutated, repaired, diagnostics: result.diagnostics },
          ).toEqual(stripSpans(ast));
        },
      ),
      { numRuns: 500 },
    );
  });
});

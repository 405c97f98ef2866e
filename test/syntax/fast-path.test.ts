import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FILTERS } from '../../bench/parse-inputs.js';
import { format, type ParseOptions, parse } from '../../src/index.js';
import { KEYWORDS } from '../../src/language/operators.js';
import { fastParseText } from '../../src/syntax/fast/parser.js';
import { WORDS } from '../../src/syntax/fast/token-codes.js';
import { keywordAt } from '../../src/syntax/fast/words.js';
import { lex } from '../../src/syntax/full/lexer.js';
import { keywordTokens } from '../../src/syntax/full/tokens.js';
import { fastLex, parseWithoutFastPath, TOKEN_TYPES } from '../../src/syntax/internal.js';
import { DEFAULT_LIMITS, type ParseLimits, resolveLimits } from '../../src/syntax/limits.js';
import { foreignOperatorWords } from '../../src/syntax/spellings.js';
import { readEbnf } from '../grammar/ebnf.js';
import { type Derivation, isLeaf, randomSource, SentenceGenerator } from '../grammar/sentences.js';
import { expressionNode } from '../support/ast-arbitraries.js';
import { noisyText } from '../support/noisy-printer.js';

/**
 * parse() reads well-formed filters on a fast path (src/syntax/fast/) and everything
 * else with the full pipeline. These properties hold the two to the same answers: the fast path
 * may only decline, never differ.
 */

const fragments = [
  'a',
  'x.y',
  'GE',
  'AND',
  'Or',
  'eq',
  'EQ',
  'ne',
  'gt',
  'ge',
  'lt',
  'le',
  'co',
  'sw',
  'in',
  'ca',
  'pr',
  'isnull',
  'and',
  'or',
  'not',
  'true',
  'false',
  'null',
  '(',
  ')',
  ',',
  '"',
  '"x"',
  '"a\\"b"',
  '"\\\\"',
  '"\\n"',
  "'y'",
  '\\',
  '1',
  '-2.5',
  '+1',
  '1e3',
  '2023-02-30',
  '2024-02-29',
  '2022-02-07T20:13:29Z',
  '2022-02-07t20:13:29.123+01:00',
  '2022-02-07T25:13:29Z',
  '==',
  '&&',
  '!',
  'contains',
  'filters=',
  '%22',
  '+',
  ' ',
  '\t',
  '\n',
  '\r',
  '\u00a0',
  '\u202e',
  '😀',
  'é',
  '“',
  '#',
  '-',
  '.',
  '_',
  'is',
];
const soup = (separator: string) =>
  fc.array(fc.constantFrom(...fragments), { maxLength: 30 }).map((parts) => parts.join(separator));

const grammar = readEbnf(readFileSync(new URL('../../grammar/filters.ebnf', import.meta.url), 'utf8'));

/** A random sentence of the EBNF, tokens joined by one space. */
function sentence(seed: number): string {
  const generator = new SentenceGenerator(
    grammar,
    new Set(['field', 'string', 'number', 'date-time']),
    randomSource(seed),
    6,
    {
      // Fields that spell a keyword in another case, or an operator of another language (`ew`,
      // `contains`: read as a misspelt operator after `not` or a prefix `pr`), are the full
      // lexer's to judge (see test/grammar/ebnf.test.ts); the fast path declines them.
      field: (text) =>
        !/^(and|or|not|eq|ne|gt|ge|lt|le|co|sw|in|ca|pr|isnull|true|false)$/i.test(text) &&
        !foreignOperatorWords.has(text.toLowerCase()),
    },
  );
  const words = (node: Derivation): string[] =>
    node.children.flatMap((c) => (isLeaf(c) ? [c.text] : words(c)));
  return words(generator.derive('filter')).join(' ');
}

/** Deletes, inserts or replaces one character: near-misses of valid filters. */
const mutated = fc
  .tuple(
    fc.integer(),
    fc.nat(),
    fc.constantFrom('', ' ', '(', ')', ',', '"', '\\', 'a', '1', 'E', '-', ':', 'T'),
  )
  .map(([seed, at, insert]) => {
    const text = sentence(seed);
    const i = at % (text.length + 1);
    return text.slice(0, i) + insert + text.slice(i + 1);
  });

const inputs = fc.oneof(
  soup(''),
  soup(' '),
  fc.integer().map(sentence),
  mutated,
  expressionNode.map((ast) => format(ast)),
  fc.tuple(expressionNode, fc.nat()).map(([ast, seed]) => noisyText(ast, seed)),
  fc.string({ maxLength: 40 }),
);

/** Limits small enough that the inputs above reach them. */
const smallLimits: fc.Arbitrary<Partial<ParseLimits>> = fc.record(
  {
    maxDepth: fc.integer({ min: 1, max: 6 }),
    maxComparisons: fc.integer({ min: 1, max: 8 }),
    maxListValues: fc.integer({ min: 1, max: 4 }),
    maxErrors: fc.integer({ min: 1, max: 5 }),
  },
  { requiredKeys: [] },
);

describe('the fast path', () => {
  it('gives exactly the result of the full pipeline, on any input', () => {
    fc.assert(
      fc.property(inputs, (text) => {
        expect(parse(text), JSON.stringify(text)).toEqual(parseWithoutFastPath(text));
      }),
      { numRuns: 3000 },
    );
  });

  it('gives exactly the result of the full pipeline under small limits', () => {
    fc.assert(
      fc.property(inputs, smallLimits, (text, limits) => {
        const options: ParseOptions = { limits };
        expect(parse(text, options), JSON.stringify(text)).toEqual(parseWithoutFastPath(text, options));
      }),
      { numRuns: 2000 },
    );
  });

  it('reads only where the full lexer reports nothing, and then reads the same tokens', () => {
    fc.assert(
      fc.property(inputs, smallLimits, (text, given) => {
        const limits = resolveLimits(given);
        const tokens = fastLex(text, limits);
        // Only where the fast path reads the filter itself (elsewhere the test above holds it).
        fc.pre(tokens !== undefined);
        const full = lex(text, limits.maxErrors);
        expect(full.diagnostics, JSON.stringify(text)).toEqual([]);
        expect(tokens).toEqual(full.tokens);
      }),
      { numRuns: 3000 },
    );
  });

  it('takes every well-formed filter of the grammar (so the properties above are not vacuous)', () => {
    fc.assert(
      fc.property(fc.integer(), (seed) => {
        const text = sentence(seed);
        const limits = { ...DEFAULT_LIMITS, maxComparisons: 10_000, maxDepth: 256, maxListValues: 10_000 };
        expect(fastParseText(text, limits), text).toBeDefined();
      }),
      { numRuns: 500 },
    );
  });

  it.each(Object.entries(FILTERS))('takes the %s benchmark filter', (_, filter) => {
    const full = parseWithoutFastPath(filter.v3);
    expect(full.ok).toBe(true);
    expect(fastParseText(filter.v3, DEFAULT_LIMITS)).toEqual(full.ok ? full.ast : undefined);
  });

  it.each([
    ['a nesting limit reached by `not`s and parentheses', 'not (not (a pr))', { maxDepth: 3 }],
    ['a nesting limit reached over several groups', '(a pr) and (b pr) and (not (c pr))', { maxDepth: 2 }],
    ['a comparison limit', 'a pr and b pr and pr c', { maxComparisons: 2 }],
    ['a list limit', 'a in (1, 2, 3)', { maxListValues: 2 }],
  ])('leaves %s to the full pipeline', (_, text, limits) => {
    const resolved = resolveLimits(limits);
    expect(fastLex(text, resolved)).toBeUndefined();
    expect(parse(text, { limits }).ok).toBe(false);
    expect(fastLex(text, resolveLimits({ ...limits, ...bump(limits) }))).toBeDefined();
  });
});

describe('what the fast path leaves to the checks before it', () => {
  // parse() asks whether a filter is still URL-encoded only when the fast path declines it: the
  // fast path must decline every such filter, and accept `%` and `+` where they are not encoding.
  it.each([
    ['a date-time offset', 'a ge 2022-02-07T20:13:29+01:00', true],
    ['`%` and `+` in a string', 'a eq "50%+1 %20"', true],
    ['an escape between words', 'a%20eq%20"x"', false],
    ['a `+` for a space', 'a+eq+"x"', false],
    ['an escape in value position', 'a eq %221%22', false],
    ['a malformed escape', 'a eq "x" and b eq %zz', false],
  ])('%s', (_, text, fast) => {
    expect(fastLex(text, DEFAULT_LIMITS) !== undefined).toBe(fast);
    expect(parse(text)).toEqual(parseWithoutFastPath(text));
  });
});

describe('the keywords of both lexers', () => {
  it('are those of language/operators.ts, in its order', () => {
    expect(WORDS).toEqual(KEYWORDS);
    expect([...keywordTokens.keys()]).toEqual(KEYWORDS);
    expect(TOKEN_TYPES.slice(0, KEYWORDS.length)).toEqual(KEYWORDS.map((word) => keywordTokens.get(word)));
  });

  it('are the words the fast path recognises, each as its code, and no other', () => {
    for (const [code, word] of KEYWORDS.entries())
      expect(keywordAt(` ${word} `, 1, word.length + 1)).toBe(code);
    fc.assert(
      fc.property(fc.stringMatching(/^[a-zA-Z_]{0,7}$/), (word) => {
        const code = keywordAt(word, 0, word.length);
        expect(code).toBe((KEYWORDS as readonly string[]).indexOf(word));
      }),
      { numRuns: 2000 },
    );
  });
});

/** Each limit one higher: then the same filter is within them all. */
function bump(limits: Partial<ParseLimits>): Partial<ParseLimits> {
  return Object.fromEntries(Object.entries(limits).map(([key, value]) => [key, value + 1]));
}

import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { TOKEN_SYMBOLS, tokenSymbol } from '../../scripts/diagrams.js';
import { MAX_LIMITS, parse } from '../../src/index.js';
import { checkDateTime, splitDateTime } from '../../src/language/date-time/rfc3339.js';
import { sharedParser } from '../../src/syntax/full/parser.js';
import { allTokens, keywordTokens } from '../../src/syntax/full/tokens.js';
import { sexpr } from '../support/sexpr.js';
import { collect, type Expr, matches, readEbnf } from './ebnf.js';
import { type Derivation, isLeaf, type Leaf, randomSource, SentenceGenerator } from './sentences.js';

const grammar = readEbnf(readFileSync(new URL('../../grammar/filters.ebnf', import.meta.url), 'utf8'));
const LEXICAL = new Set(['field', 'string', 'number', 'date-time']);
const parserRules = Object.keys(sharedParser().getGAstProductions());

function rule(name: string): Expr {
  const expr = grammar.get(name);
  if (!expr) throw new Error(`grammar/filters.ebnf does not define ${name}`);
  return expr;
}

function literalsOf(expr: Expr): Set<string> {
  const literals = new Set<string>();
  collect(expr, new Set(), literals);
  return literals;
}

/** The tokens a symbol can start with when it is one token: its literals and lexical symbols. */
function tokenAlternatives(name: string): Set<string> {
  const expr = rule(name);
  if (LEXICAL.has(name) || expr.kind === 'literal') return new Set([name]);
  if (expr.kind !== 'alt') throw new Error(`${name} is not a choice of tokens`);
  return new Set(
    expr.options.flatMap((o) => {
      if (o.kind === 'literal') return [o.text];
      if (o.kind === 'ref') return LEXICAL.has(o.name) ? [o.name] : [...tokenAlternatives(o.name)];
      throw new Error(`${name} is not a choice of tokens`);
    }),
  );
}

function isDateTime(text: string): boolean {
  const parts = splitDateTime(text);
  return parts !== undefined && checkDateTime(parts) === undefined;
}

describe('grammar/filters.ebnf names everything the parser has', () => {
  it('defines every symbol it uses, and reaches every symbol from `filter` or `expression`', () => {
    const reached = new Set<string>();
    const visit = (name: string): void => {
      if (reached.has(name)) return;
      reached.add(name);
      const refs = new Set<string>();
      collect(rule(name), refs, new Set());
      for (const ref of refs) visit(ref);
    };
    visit('filter');
    visit('expression');
    visit('S'); // whitespace, used by the notes on tokens rather than by a rule
    expect([...grammar.keys()].filter((name) => !reached.has(name))).toEqual([]);
  });

  it('has a production for every rule of the parser', () => {
    expect(parserRules.length).toBeGreaterThan(0);
    for (const name of parserRules) expect(grammar.has(name), `rule ${name}`).toBe(true);
  });

  it('names the symbol of every token, as a literal or a production', () => {
    const literals = new Set<string>();
    for (const expr of grammar.values()) collect(expr, new Set(), literals);
    for (const token of allTokens) {
      const symbol = tokenSymbol(token.name);
      expect(grammar.has(symbol) || literals.has(symbol), `token ${token.name} as ${symbol}`).toBe(true);
    }
    expect(Object.keys(TOKEN_SYMBOLS).sort()).toEqual(allTokens.map((t) => t.name).sort());
  });

  it('reserves exactly the keywords of the lexer', () => {
    expect([...literalsOf(rule('keyword'))].sort()).toEqual([...keywordTokens.keys()].sort());
  });

  it.each([
    ['compare-op', 'CompareOperator'],
    ['list-op', 'ListOperator'],
    ['value', 'Literal'],
    ['connective', 'Connective'],
  ])('%s offers exactly the tokens of the %s category', (symbol, category) => {
    const members = allTokens.filter((t) => (t.CATEGORIES ?? []).some((c) => c.name === category));
    expect(members.length).toBeGreaterThan(0);
    expect([...tokenAlternatives(symbol)].sort()).toEqual(members.map((t) => tokenSymbol(t.name)).sort());
  });
});

/** The tree a layered derivation means, as test/support/sexpr.ts writes trees. */
function meaning(node: Derivation): string {
  const [first, second] = node.children;
  const nodes = node.children.filter((c): c is Derivation => !isLeaf(c));
  const leaf = (c: Derivation | Leaf | undefined): string => (c && isLeaf(c) ? c.text : '');
  switch (node.symbol) {
    case 'filter':
      return meaning(nodes[0]!);
    case 'or-expr':
    case 'and-expr': {
      const kind = node.symbol === 'or-expr' ? 'or' : 'and';
      return nodes.length === 1 ? meaning(nodes[0]!) : `(${kind} ${nodes.map(meaning).join(' ')})`;
    }
    case 'not-expr':
      return leaf(first) === 'not' ? `(not ${meaning(nodes[0]!)})` : meaning(nodes[0]!);
    case 'primary':
      return meaning(nodes[0]!);
    case 'predicate': {
      if (leaf(first) === 'pr') return `(pr ${leaf(second)})`;
      const field = leaf(first);
      if (second && isLeaf(second)) return `(${second.text} ${field})`;
      const op = leaf((second as Derivation).children[0]);
      const values = nodes.filter((n) => n.symbol === 'value').map(valueMeaning);
      return `(${op} ${field} ${values.join(' ')})`;
    }
    default:
      throw new Error(`no meaning for ${node.symbol}`);
  }
}

function valueMeaning(node: Derivation): string {
  const child = node.children[0]!;
  if (!isLeaf(child)) return leafText(child);
  if (child.symbol === 'string') return JSON.stringify(child.text.slice(1, -1).replace(/\\(["\\])/g, '$1'));
  if (child.symbol === 'number') return `#${child.text}`;
  return `@${child.text}`;
}

function leafText(node: Derivation): string {
  return node.children.map((c) => (isLeaf(c) ? c.text : leafText(c))).join('');
}

function leaves(node: Derivation): Leaf[] {
  return node.children.flatMap((c) => (isLeaf(c) ? [c] : leaves(c)));
}

/** Joins tokens with whitespace: required between two words, optional next to punctuation or a string. */
function sentenceText(tokens: readonly Leaf[], generator: SentenceGenerator, random: () => number): string {
  const space = (required: boolean): string => (required || random() < 0.5 ? generator.text('S') : '');
  const loose = (t: Leaf): boolean => ['(', ')', ','].includes(t.text) || t.symbol === 'string';
  let text = space(false);
  tokens.forEach((token, i) => {
    if (i > 0) text += space(!loose(tokens[i - 1]!) && !loose(token));
    text += token.text;
  });
  return text + space(false);
}

/**
 * A field may be spelled like an operator in another case or language (`GE`, `Or`, `Contains`);
 * these once were misread after `not` and prefix `pr`, so they are checked by name as well as
 * generated.
 */
const OPERATOR_LIKE_FIELDS = [
  'not GE isnull',
  'not Contains pr',
  'pr GE',
  'not pr GE',
  'pr Or',
  'a pr and pr Ew',
];

/** Fields the random character classes would rarely produce: operator and keyword look-alikes. */
const LOOK_ALIKE_FIELDS = [
  'GE',
  'Or',
  'AND',
  'Not',
  'PR',
  'Contains',
  'Ew',
  'startsWith',
  'IsNull',
  'True',
  'NULL',
];

/** Draws a look-alike for a quarter of the fields, so the lexer's lookahead is exercised. */
class LookAlikeGenerator extends SentenceGenerator {
  constructor(private readonly draw: () => number) {
    super(grammar, LEXICAL, draw, 7, { 'date-time': isDateTime });
  }

  override text(symbol: string, depth = 0): string {
    if (symbol === 'field' && this.draw() < 0.25) {
      return LOOK_ALIKE_FIELDS[Math.floor(this.draw() * LOOK_ALIKE_FIELDS.length)]!;
    }
    return super.text(symbol, depth);
  }
}

function generatorFor(seed: number): { generator: SentenceGenerator; random: () => number } {
  const random = randomSource(seed);
  return { generator: new LookAlikeGenerator(random), random };
}

describe('fields spelled like operators', () => {
  it('the look-alike fields are fields of the grammar', () => {
    for (const field of LOOK_ALIKE_FIELDS) expect(matches(grammar, 'field', field), field).toBe(true);
  });

  for (const text of OPERATOR_LIKE_FIELDS) {
    it(`${text} is a filter`, () => {
      expect(parse(text).diagnostics).toEqual([]);
    });
  }
});

describe('the parser accepts the language of grammar/filters.ebnf', () => {
  it('parses every sentence of `filter` to the tree its layered derivation means', () => {
    fc.assert(
      fc.property(fc.integer(), (seed) => {
        const { generator, random } = generatorFor(seed);
        const derivation = generator.derive('filter');
        const text = sentenceText(leaves(derivation), generator, random);
        const result = parse(text, { limits: MAX_LIMITS });
        expect(result.diagnostics, text).toEqual([]);
        expect(result.ok && sexpr(result.ast), text).toBe(meaning(derivation));
      }),
      { numRuns: 400 },
    );
  });

  it('parses every sentence of the parser form `expression`', () => {
    fc.assert(
      fc.property(fc.integer(), (seed) => {
        const { generator, random } = generatorFor(seed);
        const text = sentenceText(leaves(generator.derive('expression')), generator, random);
        expect(parse(text, { limits: MAX_LIMITS }).diagnostics, text).toEqual([]);
      }),
      { numRuns: 200 },
    );
  });
});

/** Parses `x eq <text>` and tells whether `text` came back as one value of `kind`, all of it. */
function lexesAsValue(text: string, kind: string): boolean {
  const result = parse(`x eq ${text}`);
  if (!result.ok || result.ast.kind !== 'comparison') return false;
  const { value } = result.ast;
  return value.kind === kind && value.span.start === 5 && value.span.end === 5 + text.length;
}

const chars = (alphabet: string[], maxLength = 14) =>
  fc.string({ unit: fc.constantFrom(...alphabet), maxLength });

describe('the lexer reads a token exactly when grammar/filters.ebnf says it is one', () => {
  it('number', () => {
    fc.assert(
      fc.property(chars(['0', '7', '-', '.', '+', 'e', 'x']), (text) => {
        expect(lexesAsValue(text, 'number'), text).toBe(matches(grammar, 'number', text));
      }),
      { numRuns: 1000 },
    );
  });

  it('string, and its decoded value', () => {
    const inside = chars(['"', '\\', 'a', ' ', '\n', '\r', "'", 'é', '\t', '\u0001']);
    fc.assert(
      fc.property(
        fc.oneof(
          inside.map((s) => `"${s}"`),
          inside,
        ),
        (text) => {
          const result = parse(`x eq ${text}`);
          expect(lexesAsValue(text, 'string'), text).toBe(matches(grammar, 'string', text));
          if (matches(grammar, 'string', text) && result.ok && result.ast.kind === 'comparison') {
            expect(result.ast.value).toMatchObject({ value: text.slice(1, -1).replace(/\\(["\\])/g, '$1') });
          }
        },
      ),
      { numRuns: 1000 },
    );
  });

  it('date-time (syntax; the calendar is a separate check)', () => {
    const { generator } = generatorFor(1);
    const valid = fc.integer().map((seed) => generatorFor(seed).generator.text('date-time'));
    const mutated = fc
      .tuple(valid, fc.nat(40), fc.constantFrom('', '0', ':', 'T', 't', 'Z', 'z', '+', '.', '-', 'x'))
      .map(
        ([text, at, insert]) =>
          text.slice(0, at % (text.length + 1)) + insert + text.slice((at % (text.length + 1)) + 1),
      );
    expect(generator.text('date-time')).toMatch(/^\d{4}-/);
    fc.assert(
      fc.property(fc.oneof(valid, mutated), (text) => {
        const syntax = matches(grammar, 'date-time', text);
        const result = parse(`x eq ${text}`);
        const impossible = result.diagnostics.some((d) => d.code === 'invalid-date-time');
        expect(lexesAsValue(text, 'date-time') || impossible, text).toBe(syntax);
      }),
      { numRuns: 1000 },
    );
  });

  it('field', () => {
    const words = fc.oneof(
      fc.constantFrom(...keywordTokens.keys(), 'a.in', 'not.x', 'AND', 'x_1', '_'),
      chars(['a', 'Z', '_', '1', '.', '-', 'é', 'o', 'r']),
    );
    fc.assert(
      fc.property(words, (text) => {
        const result = parse(`${text} pr`);
        const field = result.ok && result.ast.kind === 'presence' ? result.ast.field : undefined;
        const lexed = field !== undefined && field.name === text && field.span.end === text.length;
        expect(lexed, text).toBe(matches(grammar, 'field', text));
      }),
      { numRuns: 1000 },
    );
  });
});

import { type Expr, type Grammar, matchEnds } from './ebnf.js';

/**
 * Random sentences of an EBNF grammar, as derivation trees: a syntactic symbol becomes a node with
 * its children, a token (a literal or a lexical symbol) a leaf with its text. Recursion is bounded:
 * past `maxDepth`, each choice takes the alternative that ends soonest.
 */

/** A node of a derivation: a syntactic symbol and what it derived, in order. */
export interface Derivation {
  readonly symbol: string;
  readonly children: readonly (Derivation | Leaf)[];
}

/** A token of the sentence: its text, and the lexical symbol it came from (none for a literal). */
export interface Leaf {
  readonly text: string;
  readonly symbol?: string;
}

export function isLeaf(node: Derivation | Leaf): node is Leaf {
  return 'text' in node;
}

/** Characters a negated class draws from: ASCII, controls, and non-ASCII of every width. */
const POOL = [
  ...Array.from({ length: 95 }, (_, i) => String.fromCharCode(32 + i)),
  '\t',
  '\u0001',
  '\u00a0',
  'é',
  'ß',
  '\u202e',
  '中',
  '😀',
  '\u{10ffff}',
];

/** A seeded generator (mulberry32), so a failing seed can be replayed. */
export function randomSource(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export class SentenceGenerator {
  private readonly heights = new Map<string, number>();

  constructor(
    private readonly grammar: Grammar,
    /** Symbols whose sentences are single tokens (generated as text, not as a tree). */
    private readonly lexical: ReadonlySet<string>,
    private readonly random: () => number,
    private readonly maxDepth = 6,
    /** Conditions outside the grammar (a date must exist): a sentence is drawn until it holds. */
    private readonly constraints: Readonly<Record<string, (text: string) => boolean>> = {},
  ) {
    // The least derivation height of each symbol, by fixpoint: what "ends soonest" means.
    for (let changed = true; changed; ) {
      changed = false;
      for (const [name, expr] of grammar) {
        const h = this.height(expr);
        if (h < (this.heights.get(name) ?? Number.POSITIVE_INFINITY)) {
          this.heights.set(name, h);
          changed = true;
        }
      }
    }
  }

  /** A derivation of `symbol`. */
  derive(symbol: string, depth = 0): Derivation {
    const children: (Derivation | Leaf)[] = [];
    this.expand(this.rule(symbol), depth, children);
    return { symbol, children };
  }

  /** A sentence of a lexical `symbol` (one token). */
  text(symbol: string, depth = 0): string {
    const holds = Object.hasOwn(this.constraints, symbol) ? this.constraints[symbol]! : () => true;
    for (let attempt = 0; attempt < 100_000; attempt++) {
      const text = this.textOf(this.rule(symbol), depth);
      if (holds(text)) return text;
    }
    throw new Error(`EBNF: no sentence of ${symbol} meets its constraint`);
  }

  private rule(symbol: string): Expr {
    const expr = this.grammar.get(symbol);
    if (!expr) throw new Error(`EBNF: ${symbol} is not defined`);
    return expr;
  }

  private height(expr: Expr): number {
    switch (expr.kind) {
      case 'literal':
      case 'class':
        return 0;
      case 'ref':
        return 1 + (this.heights.get(expr.name) ?? Number.POSITIVE_INFINITY);
      case 'alt':
        return Math.min(...expr.options.map((o) => this.height(o)));
      case 'seq':
        return Math.max(0, ...expr.items.map((i) => this.height(i)));
      case 'repeat':
        return expr.min === 0 ? 0 : this.height(expr.item);
      case 'minus':
        return this.height(expr.base);
    }
  }

  private pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.random() * items.length)]!;
  }

  private choose(options: readonly Expr[], depth: number): Expr {
    if (depth < this.maxDepth) return this.pick(options);
    const least = Math.min(...options.map((o) => this.height(o)));
    return this.pick(options.filter((o) => this.height(o) === least));
  }

  private count(expr: Extract<Expr, { kind: 'repeat' }>, depth: number): number {
    if (depth >= this.maxDepth) return expr.min;
    let n = expr.min;
    while (n < expr.max && n < expr.min + 4 && this.random() < 0.5) n++;
    return n;
  }

  private expand(expr: Expr, depth: number, out: (Derivation | Leaf)[]): void {
    switch (expr.kind) {
      case 'literal':
        out.push({ text: expr.text });
        return;
      case 'ref':
        out.push(
          this.lexical.has(expr.name)
            ? { text: this.text(expr.name), symbol: expr.name } // a token: its own depth budget
            : this.derive(expr.name, depth + 1),
        );
        return;
      case 'alt':
        this.expand(this.choose(expr.options, depth), depth, out);
        return;
      case 'seq':
        for (const item of expr.items) this.expand(item, depth, out);
        return;
      case 'repeat':
        for (let i = this.count(expr, depth); i > 0; i--) this.expand(expr.item, depth, out);
        return;
      case 'class':
      case 'minus':
        throw new Error('EBNF: character classes and exclusions belong in lexical symbols');
    }
  }

  private textOf(expr: Expr, depth: number): string {
    switch (expr.kind) {
      case 'literal':
        return expr.text;
      case 'ref':
        return this.text(expr.name, depth + 1);
      case 'alt':
        return this.textOf(this.choose(expr.options, depth), depth);
      case 'seq':
        return expr.items.map((i) => this.textOf(i, depth)).join('');
      case 'repeat':
        return Array.from({ length: this.count(expr, depth) }, () => this.textOf(expr.item, depth)).join('');
      case 'class':
        return this.classChar(expr);
      case 'minus':
        for (let attempt = 0; attempt < 100; attempt++) {
          const candidate = this.textOf(expr.base, depth);
          if (!matchEnds(this.grammar, expr.excluded, candidate, 0).has(candidate.length)) return candidate;
        }
        throw new Error('EBNF: exclusion leaves nothing to generate');
    }
  }

  private classChar(expr: Extract<Expr, { kind: 'class' }>): string {
    const inClass = (code: number): boolean => expr.ranges.some(([low, high]) => code >= low && code <= high);
    if (expr.negated) return this.pick(POOL.filter((c) => !inClass(c.codePointAt(0)!)));
    const [low, high] = this.pick(expr.ranges);
    return String.fromCodePoint(low + Math.floor(this.random() * (high - low + 1)));
  }
}

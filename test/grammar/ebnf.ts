/**
 * A small reader for the W3C EBNF of grammar/filters.ebnf, and a random sentence generator over
 * it, so that tests can check the grammar against the parser instead of trusting that they agree.
 */

/** An EBNF expression. */
export type Expr =
  | { readonly kind: 'alt'; readonly options: readonly Expr[] }
  | { readonly kind: 'seq'; readonly items: readonly Expr[] }
  | { readonly kind: 'repeat'; readonly item: Expr; readonly min: 0 | 1; readonly max: 1 | number }
  | { readonly kind: 'minus'; readonly base: Expr; readonly excluded: Expr }
  | { readonly kind: 'literal'; readonly text: string }
  | {
      readonly kind: 'class';
      readonly negated: boolean;
      readonly ranges: readonly (readonly [number, number])[];
    }
  | { readonly kind: 'ref'; readonly name: string };

/** The productions of a grammar, by name, in the order written. */
export type Grammar = ReadonlyMap<string, Expr>;

const NAME = /[A-Za-z][A-Za-z0-9-]*/y;

/** Reads a W3C EBNF text (`name ::= expression`, comments in slash-star). Throws on a syntax error. */
export function readEbnf(source: string): Grammar {
  const text = source.replace(/\/\*[\s\S]*?\*\//g, (comment) => comment.replace(/[^\n]/g, ' '));
  let pos = 0;
  const fail = (what: string): never => {
    throw new Error(`EBNF: ${what} at offset ${pos}: ${JSON.stringify(text.slice(pos, pos + 30))}`);
  };
  const skip = (): void => {
    while (pos < text.length && /\s/.test(text[pos]!)) pos++;
  };
  const name = (): string | undefined => {
    NAME.lastIndex = pos;
    const match = NAME.exec(text);
    return match?.[0];
  };
  const startsProduction = (): boolean => {
    const found = name();
    if (found === undefined) return false;
    return /^\s*::=/.test(text.slice(pos + found.length, pos + found.length + 40));
  };
  const hexChar = (): number => {
    const match = /#x([0-9A-Fa-f]+)/y;
    match.lastIndex = pos;
    const found = match.exec(text) ?? fail('expected #xN');
    pos += found[0].length;
    return Number.parseInt(found[1]!, 16);
  };
  const classChar = (): number => {
    if (text.startsWith('#x', pos)) return hexChar();
    const code = text.codePointAt(pos)!;
    pos += code > 0xffff ? 2 : 1;
    return code;
  };
  const charClass = (): Expr => {
    pos++; // [
    const negated = text[pos] === '^';
    if (negated) pos++;
    const ranges: [number, number][] = [];
    while (text[pos] !== ']') {
      if (pos >= text.length) fail('unclosed [');
      const low = classChar();
      if (text[pos] === '-' && text[pos + 1] !== ']') {
        pos++;
        ranges.push([low, classChar()]);
      } else {
        ranges.push([low, low]);
      }
    }
    pos++;
    return { kind: 'class', negated, ranges };
  };
  const primary = (): Expr => {
    skip();
    const c = text[pos];
    if (c === '"' || c === "'") {
      const end = text.indexOf(c, pos + 1);
      if (end < 0) fail('unclosed literal');
      const literal = text.slice(pos + 1, end);
      pos = end + 1;
      return { kind: 'literal', text: literal };
    }
    if (c === '[') return charClass();
    if (c === '#') {
      const code = hexChar();
      return { kind: 'literal', text: String.fromCodePoint(code) };
    }
    if (c === '(') {
      pos++;
      const inner = alternation();
      skip();
      if (text[pos] !== ')') fail('expected )');
      pos++;
      return inner;
    }
    const found = name() ?? fail('expected an expression');
    pos += found.length;
    return { kind: 'ref', name: found };
  };
  const postfix = (): Expr => {
    let expr = primary();
    for (;;) {
      const c = text[pos];
      if (c === '?') expr = { kind: 'repeat', item: expr, min: 0, max: 1 };
      else if (c === '*') expr = { kind: 'repeat', item: expr, min: 0, max: Number.POSITIVE_INFINITY };
      else if (c === '+') expr = { kind: 'repeat', item: expr, min: 1, max: Number.POSITIVE_INFINITY };
      else return expr;
      pos++;
    }
  };
  const difference = (): Expr => {
    const base = postfix();
    skip();
    if (text[pos] !== '-') return base;
    pos++;
    return { kind: 'minus', base, excluded: postfix() };
  };
  const sequence = (): Expr => {
    const items: Expr[] = [];
    for (;;) {
      skip();
      const c = text[pos];
      if (pos >= text.length || c === '|' || c === ')' || startsProduction()) break;
      items.push(difference());
    }
    if (items.length === 0) fail('empty sequence');
    return items.length === 1 ? items[0]! : { kind: 'seq', items };
  };
  const alternation = (): Expr => {
    const options = [sequence()];
    skip();
    while (text[pos] === '|') {
      pos++;
      options.push(sequence());
      skip();
    }
    return options.length === 1 ? options[0]! : { kind: 'alt', options };
  };

  const grammar = new Map<string, Expr>();
  skip();
  while (pos < text.length) {
    const found = name() ?? fail('expected a production');
    pos += found.length;
    skip();
    if (!text.startsWith('::=', pos)) fail('expected ::=');
    pos += 3;
    if (grammar.has(found)) fail(`${found} defined twice`);
    grammar.set(found, alternation());
    skip();
  }
  return grammar;
}

/** Every symbol an expression refers to, and every literal in it. */
export function collect(expr: Expr, refs: Set<string>, literals: Set<string>): void {
  switch (expr.kind) {
    case 'alt':
      for (const option of expr.options) collect(option, refs, literals);
      return;
    case 'seq':
      for (const item of expr.items) collect(item, refs, literals);
      return;
    case 'repeat':
      collect(expr.item, refs, literals);
      return;
    case 'minus':
      collect(expr.base, refs, literals);
      collect(expr.excluded, refs, literals);
      return;
    case 'literal':
      literals.add(expr.text);
      return;
    case 'class':
      return;
    case 'ref':
      refs.add(expr.name);
  }
}

/** The end offsets at which `expr` can match `text` from `start` (a backtracking matcher). */
export function matchEnds(grammar: Grammar, expr: Expr, text: string, start: number): Set<number> {
  switch (expr.kind) {
    case 'literal':
      return text.startsWith(expr.text, start) ? new Set([start + expr.text.length]) : new Set();
    case 'class': {
      const code = text.codePointAt(start);
      if (code === undefined || classHas(expr, code) === expr.negated) return new Set();
      return new Set([start + (code > 0xffff ? 2 : 1)]);
    }
    case 'ref':
      return matchEnds(grammar, grammar.get(expr.name)!, text, start);
    case 'alt':
      return new Set(expr.options.flatMap((o) => [...matchEnds(grammar, o, text, start)]));
    case 'seq': {
      let ends = new Set([start]);
      for (const item of expr.items) {
        const next = new Set<number>();
        for (const at of ends) for (const end of matchEnds(grammar, item, text, at)) next.add(end);
        ends = next;
      }
      return ends;
    }
    case 'minus':
      return new Set(
        [...matchEnds(grammar, expr.base, text, start)].filter(
          (end) => !matchEnds(grammar, expr.excluded, text.slice(0, end), start).has(end),
        ),
      );
    case 'repeat': {
      const all = new Set<number>(expr.min === 0 ? [start] : []);
      let frontier = new Set([start]);
      for (let count = 1; count <= expr.max && frontier.size > 0; count++) {
        const next = new Set<number>();
        for (const at of frontier)
          for (const end of matchEnds(grammar, expr.item, text, at))
            if (end > at && !all.has(end)) next.add(end);
        for (const end of next) all.add(end);
        frontier = next;
      }
      return all;
    }
  }
}

/** Whether a complete `text` is a sentence of `symbol`. */
export function matches(grammar: Grammar, symbol: string, text: string): boolean {
  return matchEnds(grammar, { kind: 'ref', name: symbol }, text, 0).has(text.length);
}

function classHas(expr: Extract<Expr, { kind: 'class' }>, code: number): boolean {
  return expr.ranges.some(([low, high]) => code >= low && code <= high);
}

/**
 * The hand closure compiler: the least a text-to-predicate library can do. One pass tokenises
 * and parses the V3 subset the corpus uses (`and`, `or`, `not`, parentheses, `eq ne gt ge lt le co
 * sw`, strings, numbers, booleans, date-times) straight into closures with our semantics
 * (semantics.ts), with no AST, no spans and no diagnostics (it throws on bad input). It is the
 * floor of the text-to-predicate task and a comparator of the evaluation task.
 */
import type { Schema } from '../../src/index.js';
import { compareToInstant, fastFoldDecides, fold, foldForConstant, get, instantOf } from './semantics.js';

type Test = (record: unknown) => boolean;
type Literal = string | number | boolean | { readonly dateTime: string };

const WORD = /[A-Za-z0-9_.:+-]/;
const DATE_TIME = /^\d{4}-\d\d-\d\d([Tt ]\d\d:\d\d:\d\d(\.\d+)?([Zz]|[+-]\d\d:\d\d))?$/;

class Reader {
  private i = 0;
  constructor(private readonly text: string) {}

  /** The next token: a word, a string literal (with its quote) or one of `(` `)`; '' at the end. */
  next(): string {
    const t = this.text;
    while (t.charCodeAt(this.i) === 32) this.i++;
    const start = this.i;
    if (start >= t.length) return '';
    const c = t[start]!;
    if (c === '(' || c === ')') {
      this.i++;
      return c;
    }
    if (c === '"') {
      let j = start + 1;
      while (j < t.length && t[j] !== '"') j += t[j] === '\\' ? 2 : 1;
      this.i = j + 1;
      return t.slice(start, j + 1);
    }
    let j = start;
    while (j < t.length && WORD.test(t[j]!)) j++;
    if (j === start) throw new Error(`unexpected ${c}`);
    this.i = j;
    return t.slice(start, j);
  }

  peek(): string {
    const at = this.i;
    const token = this.next();
    this.i = at;
    return token;
  }
}

function literal(token: string): Literal {
  if (token.startsWith('"')) return token.slice(1, -1).replace(/\\(["\\])/g, '$1');
  if (token === 'true' || token === 'false') return token === 'true';
  if (DATE_TIME.test(token)) return { dateTime: token };
  const n = Number(token);
  if (Number.isNaN(n)) throw new Error(`bad value ${token}`);
  return n;
}

const ORDER: Readonly<Record<string, (c: number) => boolean>> = {
  eq: (c) => c === 0,
  ne: (c) => c !== 0,
  gt: (c) => c > 0,
  ge: (c) => c >= 0,
  lt: (c) => c < 0,
  le: (c) => c <= 0,
};

function reader(field: string): (record: unknown) => unknown {
  const keys = field.split('.');
  if (keys.length === 1) return (r) => get(r, field);
  return (r) => {
    let v: unknown = r;
    for (const key of keys) v = get(v, key);
    return v;
  };
}

function comparison(schema: Schema, field: string, op: string, value: Literal): Test {
  const declared = schema.fields[field];
  if (declared === undefined) throw new Error(`unknown field ${field}`);
  const read = reader(field);
  if (typeof value === 'object') {
    const target = instantOf(value.dateTime)!;
    const holds = ORDER[op]!;
    return (r) => {
      const c = compareToInstant(read(r), target);
      return !Number.isNaN(c) && holds(c); // NaN: not a date-time
    };
  }
  if (typeof value === 'number' || typeof value === 'boolean') {
    const type = typeof value;
    const holds = ORDER[op]!;
    return (r) => {
      const v = read(r);
      return (
        typeof v === type &&
        !Number.isNaN(v) &&
        holds(v === value ? 0 : (v as number) < (value as number) ? -1 : 1)
      );
    };
  }
  const insensitive = declared.caseSensitive !== true && schema.caseSensitive !== true;
  const folded = insensitive ? fold(value) : value;
  const norm = !insensitive ? (s: string) => s : fastFoldDecides(folded) ? foldForConstant : fold;
  if (op === 'co')
    return (r) => {
      const v = read(r);
      return typeof v === 'string' && norm(v).includes(folded);
    };
  if (op === 'sw')
    return (r) => {
      const v = read(r);
      return typeof v === 'string' && norm(v).startsWith(folded);
    };
  if (op === 'eq')
    return (r) => {
      const v = read(r);
      return typeof v === 'string' && v.length === folded.length && norm(v) === folded;
    };
  if (op === 'ne')
    return (r) => {
      const v = read(r);
      return typeof v === 'string' && (v.length !== folded.length || norm(v) !== folded);
    };
  const holds = ORDER[op]!; // ASCII corpus: UTF-16 order is code-point order
  return (r) => {
    const v = read(r);
    if (typeof v !== 'string') return false;
    const s = norm(v);
    return holds(s === folded ? 0 : s < folded ? -1 : 1);
  };
}

function all(tests: Test[]): Test {
  if (tests.length === 1) return tests[0]!;
  if (tests.length === 2) {
    const [a, b] = tests as [Test, Test];
    return (r) => a(r) && b(r);
  }
  return (r) => tests.every((t) => t(r));
}

function any(tests: Test[]): Test {
  if (tests.length === 1) return tests[0]!;
  if (tests.length === 2) {
    const [a, b] = tests as [Test, Test];
    return (r) => a(r) || b(r);
  }
  return (r) => tests.some((t) => t(r));
}

function parseOr(input: Reader, schema: Schema): Test {
  const tests = [parseAnd(input, schema)];
  while (input.peek() === 'or') {
    input.next();
    tests.push(parseAnd(input, schema));
  }
  return any(tests);
}

function parseAnd(input: Reader, schema: Schema): Test {
  const tests = [parseUnary(input, schema)];
  while (input.peek() === 'and') {
    input.next();
    tests.push(parseUnary(input, schema));
  }
  return all(tests);
}

function parseUnary(input: Reader, schema: Schema): Test {
  const token = input.next();
  if (token === 'not') {
    const inner = parseUnary(input, schema);
    return (r) => !inner(r);
  }
  if (token === '(') {
    const inner = parseOr(input, schema);
    if (input.next() !== ')') throw new Error('missing )');
    return inner;
  }
  const op = input.next();
  return comparison(schema, token, op, literal(input.next()));
}

/** Compiles a filter to a record test. */
export function compileByHand(text: string, schema: Schema): Test {
  const input = new Reader(text);
  const test = parseOr(input, schema);
  if (input.next() !== '') throw new Error('trailing input');
  return test;
}

import type { CaseFolding } from '../case-folding.js';
import type { LeafPlan } from '../plan.js';
import { interned } from './interned.js';
import { composedValueTest } from './leaves.js';
import { type NumberBound, numberBound, numberRange } from './number-leaves.js';
import type { Program } from './program.js';
import { MAX_WRITTEN_OUT, readsFirst } from './read-first.js';
import { pathReader } from './read-path.js';
import type { RecordTest } from './record-test.js';

/*
 * The opt-in generated-code mode: the program written out as the source of one function, built
 * with `new Function`. Its gain over the closures is that every call and property read in it has
 * its own inline cache, so V8 inlines the leaves as it would a hand-written arrow function.
 *
 * Nothing from the filter or the schema is spliced into the source: property names, constants
 * and the value tests are handed to the function as arguments, read into `const`s of its scope;
 * the source holds only generated names (`a0`, `a1`…), operators and punctuation.
 *
 * The semantics are the closures': a value counts only when it is the record's own (read first
 * and checked when it would decide, as the closures do: read-first.ts), and each value test is
 * the one the closures use. What differs is where a throw is caught: once, around the whole test;
 * then the record is tested again by the closures, which catch per leaf (so a throwing getter is
 * read twice).
 */

/** Programs deeper than this, or with more leaves, keep the closures (the source would be huge). */
const MAX_DEPTH = 64;
const MAX_LEAVES = 2_000;

class Writer {
  readonly values: unknown[] = [];
  leaves = 0;

  constructor(readonly folding: CaseFolding) {}

  /** A name in the generated scope for `value`. */
  name(value: unknown): string {
    this.values.push(interned(value));
    return `a${this.values.length - 1}`;
  }

  /**
   * Expressions for the value at `path` of the record `r` (an object) and for whether that value
   * is the record's own. Where the path allows (read-first.ts), each step the object has (`in`)
   * is read as a property access reads it, after noting in `t1`..`t3` whether the object is
   * trusted: its prototype null or `Object.prototype`, and the key not on `Object.prototype`, so
   * the read can only find its own property (see leaf-copies.ts). `own` asks only about the
   * untrusted steps, and is evaluated only after the test passed; the steps are kept in `o` and
   * `q`, which nothing else writes between the read and the check. Otherwise each step is checked
   * before it is read and `own` is `true`.
   */
  read(path: readonly string[]): { readonly value: string; readonly own: string } {
    const k = path.map((key) => this.name(key));
    if (readsFirst(path)) {
      const step = (o: string, key: string, trusted: string): string =>
        `(${key} in ${o} ? (p = getPrototypeOf(${o}), ${trusted} = (p === null || p === objectPrototype) && !(${key} in objectPrototype), ${o}[${key}]) : undefined)`;
      const first = step('r', k[0]!, 't1');
      // An untrusted step counts only if, once proven its own, it reads again as what was tested:
      // a prototype getter may have left the object another own value (see leaf-copies.ts).
      const proof = (o: string, key: string, trusted: string, read: string): string =>
        `(${trusted} || (own.call(${o}, ${key}) && ${o}[${key}] === ${read}))`;
      if (path.length === 1) return { value: first, own: proof('r', k[0]!, 't1', 'v') };
      if (path.length === 2) {
        return {
          value: `(typeof (o = ${first}) === "object" && o !== null ? ${step('o', k[1]!, 't2')} : undefined)`,
          own: `${proof('r', k[0]!, 't1', 'o')} && ${proof('o', k[1]!, 't2', 'v')}`,
        };
      }
      return {
        value: `(typeof (o = ${first}) === "object" && o !== null && typeof (q = ${step('o', k[1]!, 't2')}) === "object" && q !== null ? ${step('q', k[2]!, 't3')} : undefined)`,
        own: `${proof('r', k[0]!, 't1', 'o')} && ${proof('o', k[1]!, 't2', 'q')} && ${proof('q', k[2]!, 't3', 'v')}`,
      };
    }
    if (path.length === 1) return { value: `(own.call(r, ${k[0]}) ? r[${k[0]}] : undefined)`, own: 'true' };
    return { value: `${this.name(pathReader(path))}(r)`, own: 'true' };
  }

  /** A leaf: `test` written over `v`, the value at `path`, then the own check. */
  holds(path: readonly string[], test: string): string {
    const { value, own } = this.read(path);
    return `((v = ${value}, ${test}) && ${own})`;
  }

  range(bounds: readonly NumberBound[]): string {
    const { key, lo, loInclusive, hi, hiInclusive } = numberRange(bounds);
    const low = `v ${loInclusive ? '>=' : '>'} ${this.name(lo)}`;
    const high = `v ${hiInclusive ? '<=' : '<'} ${this.name(hi)}`;
    return this.holds([key], `typeof v === "number" && ${low} && ${high}`);
  }

  plannedLeaf(plan: LeafPlan): string {
    const path = plan.field.path;
    if (plan.kind === 'presence') {
      // NaN is a missing value, as in the closures.
      const present = this.holds(path, 'v != null && v === v');
      return plan.present ? present : `!${present}`;
    }
    const { field, operator, typed } = plan;
    if (!field.collection) {
      const bound = numberBound(plan);
      if (bound !== undefined) return this.range([bound]);
      const single = operator === 'eq' || (operator === 'in' && typed.values.length === 1);
      const exact =
        typed.type === 'number' ||
        typed.type === 'boolean' ||
        (typed.type === 'string' && field.caseSensitive);
      if (single && exact) return this.holds(path, `v === ${this.name(typed.values[0])}`);
      const inline = exact ? this.inlineTest(operator, typed.type, typed.values) : undefined;
      if (inline !== undefined) return this.holds(path, inline);
    }
    return this.holds(path, `${this.name(composedValueTest(plan, this.folding))}(v)`);
  }

  /**
   * The test of `v`, written out as a user would, for `ne`, `in` (up to four constants) and the
   * case-sensitive `co` and `sw` on a number, boolean or case-sensitive string: undefined for
   * the rest, which call the closures' value test.
   */
  inlineTest(operator: string, type: string, values: readonly unknown[]): string | undefined {
    const c = values[0];
    const guard = `typeof v === "${type === 'number' ? 'number' : type === 'boolean' ? 'boolean' : 'string'}"`;
    switch (operator) {
      case 'ne':
        if (typeof c === 'number' && Number.isNaN(c)) return undefined;
        // NaN is a missing value: it is not `ne` anything.
        return `${guard} && ${type === 'number' ? 'v === v && ' : ''}v !== ${this.name(c)}`;
      case 'in':
        return values.length <= MAX_WRITTEN_OUT
          ? `(${values.map((x) => `v === ${this.name(x)}`).join(' || ')})`
          : undefined;
      case 'co':
        return type === 'string' ? `${guard} && v.includes(${this.name(c)})` : undefined;
      case 'sw':
        return type === 'string' ? `${guard} && v.startsWith(${this.name(c)})` : undefined;
      default:
        return undefined;
    }
  }

  leaf(program: Program & { kind: 'leaf' }): string {
    this.leaves++;
    let source: string;
    if (program.plan !== undefined) source = this.plannedLeaf(program.plan);
    else if (program.bounds !== undefined) source = this.range(program.bounds);
    else return `${this.name(program.closure)}(r)`; // a constant: its closure knows its negation
    return program.negated ? `!${source}` : source;
  }

  expression(program: Program): string {
    switch (program.kind) {
      case 'leaf':
        return this.leaf(program);
      case 'not':
        return `!(${this.expression(program.child)})`;
      default: {
        const join = program.kind === 'and' ? ' && ' : ' || ';
        return `(${program.children.map((child) => this.expression(child)).join(join)})`;
      }
    }
  }
}

function countLeaves(program: Program): number {
  if (program.kind === 'leaf') return 1;
  if (program.kind === 'not') return countLeaves(program.child);
  let n = 0;
  for (const child of program.children) n += countLeaves(child);
  return n;
}

// V8 caches `new Function` by its source text, and the functions it builds from one cached source
// share their inline caches: every filter of the same form (`x eq c`, whatever x and c are) would
// read records through one cache, which goes megamorphic over the properties and record shapes of
// all of them. A number of its own, in a comment, gives each predicate's source, and caches, its own.
let built = 0;

/**
 * The program as one generated function, or `closures` when it is too deep or too large to
 * write out. `closures` is the same filter compiled as closures: the fallback after a throw.
 */
export function generatePredicate(program: Program, folding: CaseFolding, closures: RecordTest): RecordTest {
  if (program.depth > MAX_DEPTH || countLeaves(program) > MAX_LEAVES) return closures;
  const writer = new Writer(folding);
  const body = writer.expression(program);
  const names = writer.values.map((_, i) => `a${i}`);
  const source = [
    '"use strict";',
    names.length > 0 ? `const [${names.join(', ')}] = values;` : '',
    'return function generatedPredicate(r) {',
    '  if (typeof r !== "object" || r === null) return closures(r);',
    '  let v, o, q, p, t1, t2, t3;',
    `  try { return ${body}; } catch { return closures(r); }`,
    '};',
    `// ${built++}`,
  ].join('\n');
  const build = new Function('own', 'getPrototypeOf', 'objectPrototype', 'closures', 'values', source) as (
    own: (this: unknown, key: PropertyKey) => boolean,
    getPrototypeOf: (o: object) => object | null,
    objectPrototype: object,
    closures: RecordTest,
    values: readonly unknown[],
  ) => RecordTest;
  return build(
    Object.prototype.hasOwnProperty,
    Object.getPrototypeOf,
    Object.prototype,
    closures,
    writer.values,
  );
}

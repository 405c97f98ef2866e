import type { LeafPlan } from '../plan.js';
import { type NumberBound, numberRangeTest } from './number-leaves.js';
import type { RecordTest } from './record-test.js';

/**
 * The compiled form of a (sub)filter: a tree mirroring the filter, kept so a filter nested deeper
 * than {@link MAX_CLOSURE_DEPTH} can be run by a loop (and so the generated-code mode can write
 * it out), and a closure for the usual shallow case. A leaf keeps its plan, so that `not` can
 * build its negation written out, and the number bounds it is the `and` of, so that ranges
 * compile into one closure.
 */
export type Program =
  | {
      readonly kind: 'leaf';
      readonly depth: 1;
      readonly closure: RecordTest;
      /** The leaf's plan (undefined for a constant or a fused range), and whether it is negated. */
      readonly plan: LeafPlan | undefined;
      readonly negated: boolean;
      readonly bounds: readonly NumberBound[] | undefined;
    }
  | {
      readonly kind: 'and' | 'or';
      readonly children: readonly Program[];
      readonly depth: number;
      readonly closure: RecordTest | undefined;
    }
  | {
      readonly kind: 'not';
      readonly child: Program;
      readonly depth: number;
      readonly closure: RecordTest | undefined;
    };

/**
 * The deepest program run as nested closures (each level is one call frame). Deeper ones, which
 * only an unvalidated AST can produce (the parser limits nesting), run in {@link runProgram}.
 */
const MAX_CLOSURE_DEPTH = 512;

function always(): boolean {
  return true;
}

function never(): boolean {
  return false;
}

/** A leaf program from a record test, with the plan and bounds it came from, if any. */
export function leafProgram(
  closure: RecordTest,
  plan?: LeafPlan,
  negated = false,
  bounds?: readonly NumberBound[],
): Program {
  return { kind: 'leaf', depth: 1, closure, plan, negated, bounds };
}

function rangeProgram(bounds: readonly NumberBound[]): Program {
  return leafProgram(numberRangeTest(bounds, false), undefined, false, bounds);
}

// Up to four operands are written out: no loop, no array read per record. The operands are read
// by index (destructuring an array runs the iterator protocol, per compile) and each shape gets
// its own function, so a closure's context holds just its operands.

function and2(a: RecordTest, b: RecordTest): RecordTest {
  return (r) => a(r) && b(r);
}

function and3(a: RecordTest, b: RecordTest, c: RecordTest): RecordTest {
  return (r) => a(r) && b(r) && c(r);
}

function and4(a: RecordTest, b: RecordTest, c: RecordTest, d: RecordTest): RecordTest {
  return (r) => a(r) && b(r) && c(r) && d(r);
}

function andClosure(tests: readonly RecordTest[]): RecordTest {
  switch (tests.length) {
    case 2:
      return and2(tests[0]!, tests[1]!);
    case 3:
      return and3(tests[0]!, tests[1]!, tests[2]!);
    case 4:
      return and4(tests[0]!, tests[1]!, tests[2]!, tests[3]!);
    default:
      return (r) => {
        for (let i = 0; i < tests.length; i++) if (!tests[i]!(r)) return false;
        return true;
      };
  }
}

function or2(a: RecordTest, b: RecordTest): RecordTest {
  return (r) => a(r) || b(r);
}

function or3(a: RecordTest, b: RecordTest, c: RecordTest): RecordTest {
  return (r) => a(r) || b(r) || c(r);
}

function or4(a: RecordTest, b: RecordTest, c: RecordTest, d: RecordTest): RecordTest {
  return (r) => a(r) || b(r) || c(r) || d(r);
}

function orClosure(tests: readonly RecordTest[]): RecordTest {
  switch (tests.length) {
    case 2:
      return or2(tests[0]!, tests[1]!);
    case 3:
      return or3(tests[0]!, tests[1]!, tests[2]!);
    case 4:
      return or4(tests[0]!, tests[1]!, tests[2]!, tests[3]!);
    default:
      return (r) => {
        for (let i = 0; i < tests.length; i++) if (tests[i]!(r)) return true;
        return false;
      };
  }
}

/**
 * The operands of an `and` with the number bounds on each property fused into one range leaf,
 * placed where the first of them was (the operands never throw, so the order does not matter).
 * Most `and`s have at most one bound per property and are returned as they are.
 */
function fuseBounds(children: Program[]): Program[] {
  // The first bound's key needs no list: most `and`s have one bound or none.
  let first: string | undefined;
  let keys: string[] | undefined;
  let repeated = false;
  for (const child of children) {
    if (child.kind !== 'leaf' || child.bounds === undefined) continue;
    const key = child.bounds[0]!.key;
    if (first === undefined) first = key;
    else if (key === first || keys?.includes(key) === true) repeated = true;
    else if (keys === undefined) keys = [key];
    else keys.push(key);
  }
  if (!repeated) return children;
  const byKey = new Map<string, NumberBound[]>();
  for (const child of children) {
    if (child.kind !== 'leaf' || child.bounds === undefined) continue;
    const key = child.bounds[0]!.key;
    const bounds = byKey.get(key);
    if (bounds === undefined) byKey.set(key, [...child.bounds]);
    else bounds.push(...child.bounds);
  }
  const fused: Program[] = [];
  for (const child of children) {
    if (child.kind !== 'leaf' || child.bounds === undefined) {
      fused.push(child);
      continue;
    }
    const key = child.bounds[0]!.key;
    const bounds = byKey.get(key);
    if (bounds === undefined) continue; // fused already
    byKey.delete(key);
    fused.push(bounds.length === child.bounds.length ? child : rangeProgram(bounds));
  }
  return fused;
}

/** An `and`/`or` program; nested ones of the same kind are merged (same meaning, less depth). */
export function junctionProgram(kind: 'and' | 'or', operands: readonly Program[]): Program {
  let children = operands as Program[];
  let nested = false;
  for (let i = 0; i < operands.length; i++) if (operands[i]!.kind === kind) nested = true;
  if (nested) {
    children = [];
    for (const child of operands) {
      if (child.kind === kind) children.push(...child.children);
      else children.push(child);
    }
  }
  if (kind === 'and' && children.length > 1) children = fuseBounds(children);
  if (children.length === 1) return children[0]!;
  if (children.length === 0) return leafProgram(kind === 'and' ? always : never);
  let depth = 0;
  const tests: RecordTest[] = [];
  for (const child of children) {
    if (child.depth > depth) depth = child.depth;
    if (child.closure !== undefined) tests.push(child.closure);
  }
  depth++;
  const closure =
    depth <= MAX_CLOSURE_DEPTH && tests.length === children.length
      ? kind === 'and'
        ? andClosure(tests)
        : orClosure(tests)
      : undefined;
  return { kind, children, depth, closure };
}

/**
 * A `not` program; `not not x` is `x`. (The caller negates a leaf with a plan itself, by building
 * the leaf negated: see compile-predicate.ts.)
 */
export function notProgram(child: Program): Program {
  if (child.kind === 'not') return child.child;
  const inner = child.closure;
  const depth = child.depth + 1;
  const closure: RecordTest | undefined =
    inner !== undefined && depth <= MAX_CLOSURE_DEPTH ? (r) => !inner(r) : undefined;
  return { kind: 'not', child, depth, closure };
}

/** Runs a program of any depth with an explicit stack, short-circuiting like the closures. */
export function runProgram(root: Program, record: unknown): boolean {
  const path: Program[] = [];
  const next: number[] = [];
  let program = root;
  for (;;) {
    while (program.closure === undefined) {
      path.push(program);
      next.push(1);
      program =
        program.kind === 'not' ? program.child : (program as { children: readonly Program[] }).children[0]!;
    }
    let value = program.closure(record);
    for (;;) {
      const top = path.length - 1;
      if (top < 0) return value;
      const parent = path[top]!;
      if (parent.kind === 'not') {
        value = !value;
      } else if (parent.kind !== 'leaf') {
        const index = next[top]!;
        const decided = parent.kind === 'and' ? !value : value;
        if (!decided && index < parent.children.length) {
          next[top] = index + 1;
          program = parent.children[index]!;
          break;
        }
      }
      path.pop();
      next.pop();
    }
  }
}

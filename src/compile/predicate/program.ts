/** A compiled test of a record (any value: a non-object has no fields). */
export type RecordTest = (record: unknown) => boolean;

/**
 * The compiled form of a (sub)filter: a tree mirroring the filter, kept so a filter nested deeper
 * than {@link MAX_CLOSURE_DEPTH} can be run by a loop, and a closure for the usual shallow case.
 */
export type Program =
  | { readonly kind: 'leaf'; readonly test: RecordTest; readonly depth: 1; readonly closure: RecordTest }
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
export const MAX_CLOSURE_DEPTH = 512;

/** A leaf program. */
export function leafProgram(test: RecordTest): Program {
  return { kind: 'leaf', test, depth: 1, closure: test };
}

function andClosure(tests: readonly RecordTest[]): RecordTest {
  if (tests.length === 2) {
    const [a, b] = tests as [RecordTest, RecordTest];
    return (r) => a(r) && b(r);
  }
  return (r) => {
    for (const test of tests) if (!test(r)) return false;
    return true;
  };
}

function orClosure(tests: readonly RecordTest[]): RecordTest {
  if (tests.length === 2) {
    const [a, b] = tests as [RecordTest, RecordTest];
    return (r) => a(r) || b(r);
  }
  return (r) => {
    for (const test of tests) if (test(r)) return true;
    return false;
  };
}

/** An `and`/`or` program; nested ones of the same kind are merged (same meaning, less depth). */
export function junctionProgram(kind: 'and' | 'or', operands: readonly Program[]): Program {
  const children: Program[] = [];
  for (const child of operands) {
    if (child.kind === kind) children.push(...child.children);
    else children.push(child);
  }
  if (children.length === 1) return children[0]!;
  if (children.length === 0) {
    const value = kind === 'and';
    return leafProgram(() => value);
  }
  let depth = 0;
  for (const child of children) depth = Math.max(depth, child.depth);
  depth++;
  const tests: RecordTest[] = [];
  for (const child of children) if (child.closure !== undefined) tests.push(child.closure);
  const closure =
    depth <= MAX_CLOSURE_DEPTH && tests.length === children.length
      ? kind === 'and'
        ? andClosure(tests)
        : orClosure(tests)
      : undefined;
  return { kind, children, depth, closure };
}

/** A `not` program; `not not x` is `x`. */
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

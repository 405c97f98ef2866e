import type { Expression, PredicateNode } from '../../ast/expression.js';
import type { Diagnostic } from '../../diagnostic/diagnostic.js';
import type { Schema } from '../../schema/types.js';
import type { CaseFolding } from '../case-folding.js';
import { COMPILE_CODES, compileDiagnostic, FilterCompileError } from '../compile-error.js';
import { type LeafPlan, planLeaf } from '../plan.js';
import { type CompositeNode, reduceExpression } from '../reduce.js';
import { normalizeOperands } from './normalize.js';
import {
  junctionProgram,
  leafProgram,
  notProgram,
  type Program,
  type RecordTest,
  runProgram,
} from './program.js';
import { hasOwn, pathReader } from './read-path.js';
import { containsAllTest, someMemberTest, type ValueTest, valueTest } from './value-tests.js';

/** Options of {@link compilePredicate}. */
export interface PredicateOptions {
  /** The schema the filter was validated against: types, case sensitivity and record paths. */
  readonly schema: Schema;
  /**
   * What case-insensitive comparisons fold (default `'unicode'`). Pick the setting that agrees
   * with the database the same filter runs on as SQL (see the README's Semantics section).
   */
  readonly caseFolding?: CaseFolding;
}

/** A compiled filter: whether a record matches. Never throws, whatever `record` is. */
export type RecordPredicate = (record: unknown) => boolean;

function leafTest(plan: LeafPlan, folding: CaseFolding): RecordTest {
  const read = pathReader(plan.field.path);
  if (plan.kind === 'presence') {
    return plan.operator === 'pr'
      ? (r) => {
          const v = read(r);
          return v !== undefined && v !== null;
        }
      : (r) => {
          const v = read(r);
          return v === undefined || v === null;
        };
  }
  const operands = normalizeOperands(plan.field, plan.typed, folding);
  let test: ValueTest;
  if (plan.operator === 'ca') test = containsAllTest(operands);
  else {
    test = valueTest(plan.operator, operands);
    if (plan.field.collection) test = someMemberTest(test);
  }
  const path = plan.field.path;
  if (path.length === 1) {
    // The common case, inlined: one own-property read, then the value test.
    const key = path[0]!;
    return (r) => hasOwn(r, key) && test(r[key]);
  }
  return (r) => test(read(r));
}

/**
 * Compiles a filter into a function that tests records in memory, following the README's
 * Semantics: case-insensitive strings unless the schema says otherwise, comparisons on null or
 * missing values false, `not` plain negation, code-point string order, exact date-times.
 *
 * The function is built once from closures (no `eval`, so it runs under a strict
 * Content-Security-Policy). It reads each field at its schema `path` by own properties only,
 * accepts date-times as RFC 3339 strings or `Date`s, and never throws: a value of the wrong type
 * does not match, and a record whose property access throws (a hostile getter or proxy) matches
 * nothing.
 *
 * @throws {@link FilterCompileError} only when the AST does not fit the schema (an unknown field,
 * a value of the wrong type, an operator the field's type lacks): validate first and it cannot.
 */
export function compilePredicate(ast: Expression, options: PredicateOptions): RecordPredicate {
  const folding = options.caseFolding ?? 'unicode';
  const diagnostics: Diagnostic[] = [];
  const failed = leafProgram(() => false);
  const program = reduceExpression<Program, undefined>(ast, undefined, {
    leaf(node: PredicateNode) {
      const planned = planLeaf(node, options.schema);
      if (!planned.ok) {
        diagnostics.push(planned.diagnostic);
        return failed;
      }
      return leafProgram(leafTest(planned.plan, folding));
    },
    combine(node: CompositeNode, children: readonly Program[]) {
      return node.kind === 'not' ? notProgram(children[0]!) : junctionProgram(node.kind, children);
    },
    childContext: () => undefined,
    malformed(node) {
      const span = (node as { span?: Diagnostic['span'] } | null)?.span ?? { start: 0, end: 0 };
      diagnostics.push(compileDiagnostic(COMPILE_CODES.malformedAst, 'Not a well-formed filter node.', span));
      return failed;
    },
  });
  if (diagnostics.length > 0) throw new FilterCompileError(diagnostics);
  const closure = program.closure;
  const run: RecordTest = closure ?? ((r) => runProgram(program, r));
  return (record) => {
    try {
      return run(record);
    } catch {
      return false;
    }
  };
}

import { type Expression, isPredicate, type PredicateNode } from '../../ast/expression.js';
import type { Diagnostic } from '../../diagnostic/diagnostic.js';
import type { Schema } from '../../schema/types.js';
import type { CaseFolding } from '../case-folding.js';
import { COMPILE_CODES, compileDiagnostic, FilterCompileError } from '../compile-error.js';
import { checkPredicateOptions } from '../options.js';
import { planLeaf } from '../plan.js';
import { type CompositeNode, reduceExpression } from '../reduce.js';
import { generatePredicate } from './generated.js';
import { leafTest } from './leaves.js';
import { numberBound, numberRangeTest } from './number-leaves.js';
import { junctionProgram, leafProgram, notProgram, type Program, runProgram } from './program.js';
import type { RecordTest } from './record-test.js';

/** Options of {@link compilePredicate}. */
export interface PredicateOptions {
  /** The schema the filter was validated against: types, case sensitivity and record paths. */
  readonly schema: Schema;
  /**
   * What case-insensitive comparisons fold (default `'unicode'`). Pick the setting that agrees
   * with the database the same filter runs on as SQL (see the README's Semantics section).
   */
  readonly caseFolding?: CaseFolding;
  /**
   * Opt-in (default `false`): build the predicate as one generated function with `new Function`
   * instead of closures. Same semantics and results, evaluation closer to a hand-written arrow
   * function, but compiling costs tens of microseconds more, and it is **not CSP-safe**: under a
   * Content-Security-Policy without `'unsafe-eval'` it throws an `EvalError` when compiling. No
   * text from the filter or the schema becomes source code: property names, constants and tests
   * are passed to the generated function as values. Filters nested deeper than 64 levels or with
   * more than 2,000 comparisons keep the closures.
   */
  readonly generateCode?: boolean;
}

/** A compiled filter: whether a record matches. Never throws, whatever `record` is. */
export type RecordPredicate = RecordTest;

function never(): boolean {
  return false;
}

/** `not` of a program: a leaf is rebuilt negated (no call of its own), anything else wrapped. */
function negation(child: Program, folding: CaseFolding): Program {
  if (child.kind === 'leaf') {
    const negated = !child.negated;
    if (child.plan !== undefined) {
      return leafProgram(leafTest(child.plan, folding, negated), child.plan, negated);
    }
    if (child.bounds !== undefined) {
      return leafProgram(numberRangeTest(child.bounds, negated), undefined, negated);
    }
  }
  return notProgram(child);
}

/**
 * Compiles a filter into a function that tests records in memory, following the README's
 * Semantics: case-insensitive strings unless the schema says otherwise, comparisons on null or
 * missing values false, `not` plain negation, code-point string order, exact date-times.
 *
 * The function is built once from closures (no `eval`, so it runs under a strict
 * Content-Security-Policy) unless `generateCode` asks for generated code (see that option). It
 * reads each field at its schema `path` by own properties only, accepts date-times as RFC 3339
 * strings or `Date`s, and never throws: a value of the wrong type does not match, and a value
 * whose access throws (a hostile getter or proxy) counts as missing.
 *
 * @throws {@link FilterCompileError} only when the AST does not fit the schema (an unknown field,
 * a value of the wrong type, an operator the field's type lacks): validate first and it cannot.
 */
export function compilePredicate(ast: Expression, options: PredicateOptions): RecordPredicate {
  const checked = checkPredicateOptions(options);
  if (!checked.ok) throw new FilterCompileError(checked.diagnostics);
  const { folding, schema, generateCode } = checked;
  const diagnostics: Diagnostic[] = [];
  const failed = leafProgram(never);
  // The context says whether a node is the operand of a `not`: a leaf there is compiled negated
  // straight away, and the `not` returns it as it is. Methods, not arrow properties: nothing here
  // is allocated or named per compile but the reducer itself.
  const program = reduceExpression<Program, boolean>(ast, false, {
    leaf(node: PredicateNode, negated: boolean) {
      const planned = planLeaf(node, schema);
      if (!planned.ok) {
        diagnostics.push(planned.diagnostic);
        return failed;
      }
      const plan = planned.plan;
      const test = leafTest(plan, folding, negated);
      const bound = negated ? undefined : numberBound(plan);
      return leafProgram(test, plan, negated, bound === undefined ? undefined : [bound]);
    },
    combine(node: CompositeNode, children: readonly Program[]) {
      if (node.kind !== 'not') return junctionProgram(node.kind, children);
      const child = children[0]!;
      // A leaf operand was compiled negated already (see childContext); a malformed one failed.
      const operand: unknown = node.operand;
      const leaf = typeof operand === 'object' && operand !== null && isPredicate(operand as PredicateNode);
      return leaf || child === failed ? child : negation(child, folding);
    },
    childContext(node: CompositeNode) {
      return node.kind === 'not';
    },
    malformed(node) {
      const span = (node as { span?: Diagnostic['span'] } | null)?.span ?? { start: 0, end: 0 };
      diagnostics.push(compileDiagnostic(COMPILE_CODES.malformedAst, 'Not a well-formed filter node.', span));
      return failed;
    },
  });
  if (diagnostics.length > 0) throw new FilterCompileError(diagnostics);
  // Leaves catch what records throw, and and/or/not cannot throw: no wrapper needed.
  const closure = program.closure;
  const closures: RecordTest = closure ?? ((record) => runProgram(program, record));
  return generateCode ? generatePredicate(program, folding, closures) : closures;
}

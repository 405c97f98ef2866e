import { isPredicate, type PredicateNode } from '../../ast/expression.js';
import {
  type CompositeNode,
  type ExpressionReducer,
  isKnownExpression,
  reduceExpression,
} from '../../ast/walk.js';
import type { Diagnostic } from '../../diagnostic/diagnostic.js';
import type { Schema } from '../../schema/types.js';
import type { CaseFolding } from '../case-folding.js';
import { compileDiagnostic } from '../compile-error.js';
import { planLeafInto } from '../plan.js';
import { leafTest } from './leaves.js';
import { numberBound, numberBoundTest, numberRangeTest } from './number-leaves.js';
import { junctionProgram, leafProgram, notProgram, type Program } from './program.js';

/** Depth to which the filter is walked by recursion; deeper subtrees go to reduceExpression. */
const MAX_RECURSION = 200;

function never(): boolean {
  return false;
}

const NO_SPAN = { start: 0, end: 0 };

// What a leaf that does not fit compiles to: one shared program (compared by identity), not one
// made per compile.
const FAILED = leafProgram(never);

/**
 * Builds the {@link Program} of a filter, collecting the diagnostics of leaves that do not fit
 * the schema. The context of a node says whether it is the operand of a `not`: a leaf there is
 * compiled negated straight away (no call of its own for the `not`).
 *
 * A filter is walked by plain recursion, which costs least for the usual shallow filter; below
 * {@link MAX_RECURSION} levels (only an unvalidated AST goes that deep) the rest is handed to
 * reduceExpression, whose explicit stack cannot overflow, with this builder as the reducer.
 */
export class ProgramBuilder implements ExpressionReducer<Program, boolean> {
  readonly diagnostics: Diagnostic[] = [];
  private readonly failed = FAILED;

  constructor(
    private readonly schema: Schema,
    private readonly folding: CaseFolding,
  ) {}

  /** The program of `node` (any value: a malformed node is a diagnostic). */
  build(node: unknown, negated: boolean, depth: number): Program {
    if (!isKnownExpression(node)) return this.malformed(node);
    if (depth > MAX_RECURSION) return reduceExpression(node, negated, this);
    switch (node.kind) {
      case 'and':
      case 'or': {
        const operands = node.operands;
        const children: Program[] = new Array(operands.length);
        for (let i = 0; i < operands.length; i++) children[i] = this.build(operands[i], false, depth + 1);
        return this.combine(node, children);
      }
      case 'not':
        return this.combine(node, [this.build(node.operand, true, depth + 1)]);
      default:
        return this.leaf(node, negated);
    }
  }

  leaf(node: PredicateNode, negated: boolean): Program {
    const plan = planLeafInto(node, this.schema, this.diagnostics);
    if (plan === undefined) return this.failed;
    // A number ordering is built from its bound straight away (what leafTest would do), so the
    // bound is worked out once.
    const bound = numberBound(plan);
    if (bound === undefined) return leafProgram(leafTest(plan, this.folding, negated), plan, negated);
    const test = numberBoundTest(bound, negated);
    return leafProgram(test, plan, negated, negated ? undefined : [bound]);
  }

  combine(node: CompositeNode, children: readonly Program[]): Program {
    if (node.kind !== 'not') return junctionProgram(node.kind, children);
    const child = children[0]!;
    // A leaf operand was compiled negated already (see childContext); a malformed one failed.
    const operand: unknown = node.operand;
    const leaf = typeof operand === 'object' && operand !== null && isPredicate(operand as PredicateNode);
    return leaf || child === this.failed ? child : this.negation(child);
  }

  childContext(node: CompositeNode): boolean {
    return node.kind === 'not';
  }

  malformed(node: unknown): Program {
    const span = (node as { span?: Diagnostic['span'] } | null)?.span ?? NO_SPAN;
    this.diagnostics.push(compileDiagnostic('compile-malformed-ast', 'Not a well-formed filter node.', span));
    return this.failed;
  }

  /** `not` of a program: a leaf is rebuilt negated (no call of its own), anything else wrapped. */
  private negation(child: Program): Program {
    if (child.kind === 'leaf') {
      const negated = !child.negated;
      if (child.plan !== undefined) {
        return leafProgram(leafTest(child.plan, this.folding, negated), child.plan, negated);
      }
      if (child.bounds !== undefined) {
        return leafProgram(numberRangeTest(child.bounds, negated), undefined, negated);
      }
    }
    return notProgram(child);
  }
}

import type { PredicateNode } from '../ast/expression.js';
import { createField } from '../ast/nodes/field.js';
import { createList } from '../ast/nodes/list.js';
import { createOr } from '../ast/nodes/logical.js';
import { createPresence } from '../ast/nodes/presence.js';
import { createString } from '../ast/nodes/values.js';
import type { Span } from '../ast/span.js';
import type { CompositeNode } from '../ast/walk.js';
import type { Diagnostic } from '../diagnostic/diagnostic.js';
import { foldAscii, foldUnicode } from './case-folding.js';
import type { LeafPlan, PresencePlan, ValuePlan } from './plan.js';
import { LATER, type Rewritten } from './rewritten.js';

/** The caller's check of a leaf it is about to compile (rewrite.ts's `RewriteChecks.leaf`). */
type LeafCheck = (plan: LeafPlan, node: PredicateNode) => Diagnostic | undefined;

/**
 * The pieces the rewrite uses to plan a negated test of a closed enum field (`closed: true`:
 * every stored value, when present, is one of the enum's) as a test of the values it leaves:
 *
 * - `not status eq "Failed"` holds where the status is another value or missing, so it is
 *   `status in (the other values) or status isnull`;
 * - `status ne "Failed"` holds where the status is present and another value (a comparison with
 *   a missing value is false), so it is `status in (the other values)`, nothing when none is left.
 *
 * An index on the column serves an `in`; it cannot serve a `<>` or a `NOT (=)`.
 */

/** A leaf built by the rewrite, with its plan. */
interface BuiltLeaf<P> {
  readonly node: PredicateNode;
  readonly plan: P;
}

/** Which enum values a folding says equal one of `excluded`'s. */
function equalUnder(fold: (text: string) => string, values: readonly string[], excluded: readonly string[]) {
  const folded = new Set(excluded.map(fold));
  return values.map((value) => folded.has(fold(value)));
}

/**
 * The enum values a closed field's `eq`/`in` plan leaves out, in the enum's order: those not
 * equal, as the field compares, to any of the plan's values. Undefined when the plan is not a
 * string test of a single closed enum field, or when the field ignores case and the two case
 * foldings disagree on which values are equal (an enum holding, say, `Ä` and `ä`): then the engine's
 * folding would decide, and the rewrite stays out of it.
 */
export function otherEnumValues(plan: ValuePlan): readonly string[] | undefined {
  const { field, typed } = plan;
  const declared = field.schema;
  if (declared.closed !== true || field.collection || typed.type !== 'string') return undefined;
  if (declared.type !== 'string' || !Array.isArray(declared.enum)) return undefined;
  const values: readonly string[] = declared.enum;
  if (values.some((value) => typeof value !== 'string')) return undefined;
  const excluded = typed.values;
  let equal: readonly boolean[];
  if (field.caseSensitive) {
    const set = new Set(excluded);
    equal = values.map((value) => set.has(value));
  } else {
    equal = equalUnder(foldAscii, values, excluded);
    const unicode = equalUnder(foldUnicode, values, excluded);
    if (equal.some((same, i) => same !== unicode[i])) return undefined;
  }
  // A value listed twice (the schema check only warns) is tested once.
  return [...new Set(values.filter((_, i) => !equal[i]))];
}

/** `field in (values)` on a plan's field, placed at `span`. */
function valuesLeaf(plan: ValuePlan, values: readonly string[], span: Span): BuiltLeaf<ValuePlan> {
  const nodes = values.map((value) => createString(value, span));
  const node = createList(createField(plan.field.name, span), 'in', span, nodes, span);
  return {
    node,
    plan: { kind: 'values', field: plan.field, operator: 'in', typed: { type: 'string', values }, nodes },
  };
}

/** `field isnull` on a plan's field (missing or null), placed at `span`; folded as the `in` beside it is. */
function missingLeaf(plan: ValuePlan, span: Span): BuiltLeaf<PresencePlan> {
  const node = createPresence(createField(plan.field.name, span), 'isnull', span, span);
  const folded = !plan.field.caseSensitive;
  return { node, plan: { kind: 'presence', field: plan.field, operator: 'isnull', present: false, folded } };
}

/** A leaf the rewrite built, planned, or undefined when the caller's checks refuse it. */
function built(
  leaf: BuiltLeaf<LeafPlan>,
  plans: Map<PredicateNode, LeafPlan>,
  check: LeafCheck,
): Rewritten | undefined {
  if (check(leaf.plan, leaf.node) !== undefined) return undefined;
  plans.set(leaf.node, leaf.plan);
  return { node: leaf.node, id: LATER, plan: leaf.plan };
}

/** `f ne v` on a closed enum field: `f in (the other values)`, or an empty `or` (nothing) when none is left. */
export function closedNe(
  node: PredicateNode,
  plan: LeafPlan,
  plans: Map<PredicateNode, LeafPlan>,
  check: LeafCheck,
  intern: (key: string) => number,
): Rewritten | undefined {
  if (plan.kind !== 'values' || plan.operator !== 'ne') return undefined;
  const others = otherEnumValues(plan);
  if (others === undefined) return undefined;
  if (others.length === 0) return { node: createOr([], node.span), id: intern('or'), operands: [] };
  return built(valuesLeaf(plan, others, node.span), plans, check);
}

/**
 * `not f eq v` or `not f in (...)` on a closed enum field: `f in (the other values) or f isnull`
 * (just `f isnull` when none is left), since the negation holds where the value is missing too.
 */
export function closedNot(
  node: CompositeNode,
  child: Rewritten,
  plans: Map<PredicateNode, LeafPlan>,
  check: LeafCheck,
  intern: (key: string) => number,
  idOf: (r: Rewritten) => number,
): Rewritten | undefined {
  const plan = child.operands === undefined ? child.plan : undefined;
  if (plan?.kind !== 'values' || (plan.operator !== 'eq' && plan.operator !== 'in')) return undefined;
  const others = otherEnumValues(plan);
  if (others === undefined) return undefined;
  const missing = built(missingLeaf(plan, node.span), plans, check);
  if (missing === undefined) return undefined;
  if (others.length === 0) return { ...missing, negates: child };
  const values = built(valuesLeaf(plan, others, node.span), plans, check);
  if (values === undefined) return undefined;
  const operands = [values, missing];
  return {
    node: createOr([values.node, missing.node], node.span),
    id: intern(`or(${operands.map(idOf).join(',')})`),
    operands,
    negates: child,
  };
}

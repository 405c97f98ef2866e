import type { Expression, PredicateNode } from '../ast/expression.js';
import { createField } from '../ast/nodes/field.js';
import { createList } from '../ast/nodes/list.js';
import { createAnd, createNot, createOr } from '../ast/nodes/logical.js';
import type { ValueNode } from '../ast/nodes/values.js';
import type { Span } from '../ast/span.js';
import { type CompositeNode, reduceExpression } from '../ast/walk.js';
import type { Diagnostic } from '../diagnostic/diagnostic.js';
import type { Schema } from '../schema/types.js';
import { closedNe, closedNot } from './closed-enum.js';
import { type LeafPlan, planLeafInto, type TypedValues, type ValuePlan } from './plan.js';
import { LATER, type Rewritten } from './rewritten.js';

/**
 * Rewrites a filter into one that selects exactly the same records (under the predicate's
 * semantics, nulls and missing values included) and that an SQL planner serves better:
 *
 * - nested `and`s (and nested `or`s) become one, and a repeated operand is dropped: `a and a` is
 *   `a`, so 100 copies of `not status eq "Failed"` are one condition;
 * - `not not x` is `x`;
 * - in an `or`, the `eq` and `in` tests of one field become one `in`: `status eq "Failed" or
 *   status eq "Canceled"` is `status in ("Failed", "Canceled")`, one index lookup instead of an
 *   OR of two (on a collection field too: some member equals one of the values).
 *
 * - on a field whose schema says the stored values are closed (`closed: true`: each is one of the
 *   enum's, or missing), a negated test is an `in` of the other values (closed-enum.ts): `not
 *   status eq "Failed"` is `status in ("Completed", ...) or status isnull`, `status ne "Failed"`
 *   is `status in ("Completed", ...)`.
 *
 * Nothing is rewritten that holds only for some data: without `closed`, `not` over an enum field
 * is not turned into an `in` of the other values, because a schema's `enum` bounds the literals a
 * filter may hold, not what the column holds (a stored `"Zombie"` satisfies `not status eq "Failed"`).
 *
 * Each leaf is planned once here (its plan is in `plans`, for the rewritten leaves too), with the
 * caller's own checks; any problem, or a malformed node, and the result is those diagnostics in
 * the order of the leaves, and nothing rewritten. Never recurses on the tree's depth.
 */
export function rewriteFilter(ast: Expression, schema: Schema, checks: RewriteChecks): RewriteResult {
  const diagnostics: Diagnostic[] = [];
  const plans = new Map<PredicateNode, LeafPlan>();
  const ids = new Map<string, number>();
  const intern = (key: string): number => {
    let id = ids.get(key);
    if (id === undefined) {
      id = ids.size;
      ids.set(key, id);
    }
    return id;
  };
  const idOf = (r: Rewritten): number => {
    if (r.id === LATER)
      r.id = r.plan !== undefined ? intern(leafKey(r.plan)) : intern(`!${idOf(r.operands![0]!)}`);
    return r.id;
  };
  const root = reduceExpression<Rewritten, undefined>(ast, undefined, {
    leaf(node) {
      const plan = planLeafInto(node, schema, diagnostics);
      const problem = plan === undefined ? undefined : checks.leaf(plan, node);
      if (plan === undefined || problem !== undefined) {
        if (problem !== undefined) diagnostics.push(problem);
        return { node, id: -1 };
      }
      plans.set(node, plan);
      return closedNe(node, plan, plans, checks.leaf, intern) ?? { node, id: LATER, plan };
    },
    combine(node, children) {
      if (diagnostics.length > 0) return { node, id: -1 };
      if (node.kind === 'not') {
        const closed = closedNot(node, children[0]!, plans, checks.leaf, intern, idOf);
        if (closed !== undefined) return closed;
      }
      return combine(node, children, plans, intern, idOf);
    },
    childContext: () => undefined,
    malformed(node) {
      diagnostics.push(checks.malformed(node));
      return { node: node as Expression, id: -1 };
    },
  });
  if (diagnostics.length > 0) return { ok: false, diagnostics };
  return { ok: true, filter: root.node, plans };
}

/** What {@link rewriteFilter} checks besides the schema. */
export interface RewriteChecks {
  /** A problem with a leaf that fits the schema (a column or value the target cannot take), or undefined. */
  leaf(plan: LeafPlan, node: PredicateNode): Diagnostic | undefined;
  /** The diagnostic for something that is not a well-formed expression node. */
  malformed(node: unknown): Diagnostic;
}

/** What {@link rewriteFilter} answers: the rewritten filter with its leaves' plans, or the problems. */
export type RewriteResult =
  | {
      readonly ok: true;
      readonly filter: Expression;
      /** The plan of every leaf of `filter`. */
      readonly plans: ReadonlyMap<PredicateNode, LeafPlan>;
    }
  | { readonly ok: false; readonly diagnostics: readonly Diagnostic[] };

/** A value's key: its kind and its exact text, length-prefixed so no two values share one. */
function valueKey(node: ValueNode): string {
  switch (node.kind) {
    case 'string':
      return `s${node.value.length}:${node.value}`;
    case 'number':
      return `n${node.text.length}:${node.text}`;
    case 'boolean':
      return node.value ? 't' : 'f';
    case 'date-time':
      return `d${node.text.length}:${node.text}`;
  }
}

/** A leaf's key: equal for leaves that test the same field with the same operator and literals. */
function leafKey(plan: LeafPlan): string {
  let key = `${plan.field.name.length}:${plan.field.name}${plan.operator}`;
  if (plan.kind === 'values') for (const node of plan.nodes) key += valueKey(node);
  return key;
}

function combine(
  node: CompositeNode,
  children: readonly Rewritten[],
  plans: Map<PredicateNode, LeafPlan>,
  intern: (key: string) => number,
  idOf: (r: Rewritten) => number,
): Rewritten {
  if (node.kind === 'not') {
    const child = children[0]!;
    // `not not x` is `x`.
    if (child.node.kind === 'not' && child.operands !== undefined) return child.operands[0]!;
    if (child.negates !== undefined) return child.negates;
    const same = child.node === node.operand;
    return {
      node: same ? node : createNot(child.node, node.span),
      id: LATER,
      operands: [child],
    };
  }
  if (children.length === 0) return { node, id: intern(node.kind) };
  // Flatten nested operands of the same kind, and keep the first of equal operands.
  const seen = new Set<number>();
  let operands: Rewritten[] = [];
  for (const child of children) {
    const parts = child.node.kind === node.kind && child.operands !== undefined ? child.operands : [child];
    for (const part of parts) {
      const id = idOf(part);
      if (seen.has(id)) continue;
      seen.add(id);
      operands.push(part);
    }
  }
  if (node.kind === 'or') operands = mergeEqualities(operands, plans);
  if (operands.length === 1) return operands[0]!;
  const unchanged =
    operands.length === node.operands.length && operands.every((o, i) => o.node === node.operands[i]);
  const make = node.kind === 'and' ? createAnd : createOr;
  return {
    node: unchanged
      ? node
      : make(
          operands.map((o) => o.node),
          node.span,
        ),
    id: intern(`${node.kind}(${operands.map(idOf).join(',')})`),
    operands,
  };
}

/** An `eq` or `in` of one field, which an `in` can absorb. */
function equality(operand: Rewritten): ValuePlan | undefined {
  const plan = operand.plan;
  if (plan?.kind !== 'values' || (plan.operator !== 'eq' && plan.operator !== 'in')) return undefined;
  return plan;
}

/** The `or` operands with each field's `eq`/`in` tests (of one value type) as one `in`, where the first stood. */
function mergeEqualities(operands: Rewritten[], plans: Map<PredicateNode, LeafPlan>): Rewritten[] {
  let equalities = 0;
  for (const operand of operands) if (equality(operand) !== undefined) equalities++;
  if (equalities < 2) return operands;
  const groups = new Map<string, ValuePlan[]>();
  for (const operand of operands) {
    const plan = equality(operand);
    if (plan === undefined) continue;
    // The type has no `:`, so the key names one field and one type.
    const key = `${plan.typed.type}:${plan.field.name}`;
    const group = groups.get(key);
    if (group === undefined) groups.set(key, [plan]);
    else group.push(plan);
  }
  const merged = new Map<ValuePlan, Rewritten | null>();
  for (const group of groups.values()) {
    if (group.length < 2) continue;
    const into = mergePlans(group, plans);
    merged.set(group[0]!, into);
    for (const plan of group.slice(1)) merged.set(plan, null);
  }
  if (merged.size === 0) return operands;
  const out: Rewritten[] = [];
  for (const operand of operands) {
    const plan = equality(operand);
    const replacement = plan === undefined ? undefined : merged.get(plan);
    if (replacement === undefined) out.push(operand);
    else if (replacement !== null) out.push(replacement);
  }
  return out;
}

function mergePlans(group: readonly ValuePlan[], plans: Map<PredicateNode, LeafPlan>): Rewritten {
  const first = group[0]!;
  const nodes: ValueNode[] = [];
  const values: unknown[] = [];
  const seen = new Set<string>();
  let start = Number.POSITIVE_INFINITY;
  let end = 0;
  for (const plan of group) {
    plan.nodes.forEach((value, i) => {
      const key = valueKey(value);
      if (seen.has(key)) return;
      seen.add(key);
      nodes.push(value);
      values.push(plan.typed.values[i]);
    });
    for (const value of plan.nodes) {
      start = Math.min(start, value.span.start);
      end = Math.max(end, value.span.end);
    }
  }
  const span: Span = { start: Math.min(start, end), end };
  const node = createList(createField(first.field.name, span), 'in', span, nodes, span);
  // The same type throughout (grouped by it), so the values keep their tag.
  const typed = { type: first.typed.type, values } as unknown as TypedValues;
  const plan: ValuePlan = { kind: 'values', field: first.field, operator: 'in', typed, nodes };
  plans.set(node, plan);
  return { node, id: LATER, plan };
}

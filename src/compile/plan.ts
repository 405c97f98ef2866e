import type { PredicateNode } from '../ast/expression.js';
import type { ValueNode } from '../ast/nodes/values.js';
import type { Span } from '../ast/span.js';
import type { Diagnostic } from '../diagnostic/diagnostic.js';
import { quote } from '../diagnostic/text.js';
import {
  type CompareOperator,
  isOperatorOfKind,
  type ListOperator,
  type PresenceOperator,
  type PrimitiveOperator,
} from '../language/operators.js';
import type { ownSchema } from '../schema/own.js';
import type { Schema } from '../schema/types.js';
import { compileDiagnostic } from './compile-error.js';
import { operatorTypeProblem, type ResolvedField, type TypedValues, typeValues } from './leaf-values.js';

export type { ResolvedField, TypedValues, ValueType } from './leaf-values.js';

/** A comparison or list leaf, checked against the schema. */
export interface ValuePlan {
  readonly kind: 'values';
  readonly field: ResolvedField;
  readonly operator: CompareOperator | ListOperator;
  readonly typed: TypedValues;
  /** The literal nodes, parallel to `typed.values` (for diagnostic spans). */
  readonly nodes: readonly ValueNode[];
}

/** A presence leaf (`pr`, `isnull`). */
export interface PresencePlan {
  readonly kind: 'presence';
  readonly field: ResolvedField;
  readonly operator: PresenceOperator;
  /** Whether the leaf holds where the value is present (`pr`) rather than missing (`isnull`). */
  readonly present: boolean;
  /**
   * Set by the rewrite beside an `in` of a case-insensitive field: SQL tests the folded value
   * (`lower(x) IS NULL`, which holds exactly where `x IS NULL` does), so the index on the folded
   * column that serves the `in` serves this test too, and the engine can seek both.
   */
  readonly folded?: boolean;
}

/**
 * What each presence operator tests, for both compilers: a record over the table's presence rows,
 * so a new one fails to compile here until it says.
 */
const TESTS_PRESENCE: { readonly [Op in PresenceOperator]: boolean } = { pr: true, isnull: false };

/** What both compilers need to know about one leaf of the filter. */
export type LeafPlan = ValuePlan | PresencePlan;

// Fields resolved per schema: the compilers plan against ownSchema snapshots, which are memoised
// and never change, so each field is resolved once rather than once per leaf of every compile.
// Only fields the schema has are kept, so the memo never outgrows the schema.
interface ResolvedFields {
  readonly byName: Map<string, ResolvedField>;
  // The first few resolved, also in a list: a field name from the parser is a fresh string, and
  // comparing it with a few names (most differ in length) costs less than hashing it for the map.
  readonly names: string[];
  readonly fields: ResolvedField[];
}

const RECENT = 12;
const resolvedFields = new WeakMap<Schema, ResolvedFields>();
let lastSchema: Schema | undefined;
let lastResolved: ResolvedFields | undefined;

/**
 * Looks a field up by own property (a name like `__proto__` never reaches the prototype). The
 * compilers pass an {@link ownSchema} snapshot, so the field's own settings are read too.
 */
export function resolveField(schema: Schema, name: string): ResolvedField | undefined {
  // The schema of the last call is remembered (compiles come in runs against one schema), which
  // saves the WeakMap lookup per leaf; it holds the snapshot, a copy, not the caller's object.
  let known = schema === lastSchema ? lastResolved : resolvedFields.get(schema);
  if (known !== undefined) {
    lastSchema = schema;
    lastResolved = known;
    const names = known.names;
    for (let i = 0; i < names.length; i++) if (names[i] === name) return known.fields[i];
    const hit = known.byName.get(name);
    if (hit !== undefined) return hit;
  }
  if (!Object.hasOwn(schema.fields, name)) return undefined;
  const field = schema.fields[name];
  if (field === undefined || field === null || typeof field !== 'object') return undefined;
  const path = typeof field.path === 'string' ? field.path : name;
  const resolved: ResolvedField = {
    name,
    schema: field,
    collection: field.collection === true,
    caseSensitive: field.caseSensitive ?? schema.caseSensitive ?? false,
    path: path.split('.'),
    column: typeof field.column === 'string' ? field.column : name,
  };
  if (known === undefined) {
    known = { byName: new Map(), names: [], fields: [] };
    resolvedFields.set(schema, known);
    lastSchema = schema;
    lastResolved = known;
  }
  known.byName.set(name, resolved);
  if (known.names.length < RECENT) {
    known.names.push(name);
    known.fields.push(resolved);
  }
  return resolved;
}

/** The result of planning one leaf. */
export type PlanResult =
  | { readonly ok: true; readonly plan: LeafPlan }
  | { readonly ok: false; readonly diagnostic: Diagnostic };

const NO_SPAN: Span = { start: 0, end: 0 };

function malformed(report: Diagnostic[], node: { readonly span?: Span } | null, what: string): undefined {
  report.push(
    compileDiagnostic('compile-malformed-ast', `Not a well-formed filter: ${what}.`, node?.span ?? NO_SPAN),
  );
  return undefined;
}

/** Checks one leaf against the schema and converts its literals; never throws. */
export function planLeaf(node: PredicateNode, schema: Schema): PlanResult {
  const report: Diagnostic[] = [];
  const plan = planLeafInto(node, schema, report);
  return plan === undefined ? { ok: false, diagnostic: report[0]! } : { ok: true, plan };
}

/**
 * {@link planLeaf} without a result object: the plan, or undefined with the diagnostic pushed
 * onto `report` (the predicate compiler's list).
 */
export function planLeafInto(
  node: PredicateNode,
  schema: Schema,
  report: Diagnostic[],
): LeafPlan | undefined {
  const name = node.field?.name;
  if (typeof name !== 'string') return malformed(report, node, 'a predicate without a field name');
  const field = resolveField(schema, name);
  if (field === undefined) {
    report.push(
      compileDiagnostic(
        'compile-unknown-field',
        `The field ${quote(name)} is not in the schema.`,
        node.field.span ?? node.span ?? NO_SPAN,
      ),
    );
    return undefined;
  }
  const operator = node.operator as string;
  // The table says which node kind each operator builds; anything else is no operator here.
  if (!isOperatorOfKind(operator, node.kind)) {
    return malformed(report, node, `unknown operator ${quote(operator)}`);
  }
  if (node.kind === 'presence') {
    const presence = operator as PresenceOperator;
    return { kind: 'presence', field, operator: presence, present: TESTS_PRESENCE[presence] };
  }
  let nodes: readonly ValueNode[];
  if (node.kind === 'comparison') {
    nodes = [node.value];
  } else {
    if (!Array.isArray(node.values)) return malformed(report, node, 'a list without values');
    nodes = node.values;
    if (nodes.length === 0) {
      report.push(
        compileDiagnostic(
          'compile-empty-list',
          `\`${operator}\` needs at least one value.`,
          node.span ?? NO_SPAN,
        ),
      );
      return undefined;
    }
  }
  const typed = typeValues(field, operator as PrimitiveOperator, nodes, node.span ?? NO_SPAN, report);
  if (typed === undefined) return undefined;
  const problem = operatorTypeProblem(field, operator, typed.type);
  if (problem !== undefined) {
    report.push(
      compileDiagnostic(
        'compile-operator',
        `\`${operator}\` ${problem}; ${quote(name)} cannot use it.`,
        node.operatorSpan ?? node.span ?? NO_SPAN,
      ),
    );
    return undefined;
  }
  return { kind: 'values', field, operator: operator as CompareOperator | ListOperator, typed, nodes };
}

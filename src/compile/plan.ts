import { dispatch, type Expression, type ExpressionHandlers, type PredicateNode } from '../ast/expression.js';
import type { ValueNode } from '../ast/nodes/values.js';
import type { Span } from '../ast/span.js';
import type { Diagnostic } from '../diagnostic/diagnostic.js';
import { quote } from '../diagnostic/text.js';
import { type Instant, instantFromText } from '../language/date-time/instant.js';
import {
  type CompareOperator,
  isOperatorOfKind,
  type ListOperator,
  type LiteralKind,
  operatorProblem,
  type PresenceOperator,
  type PrimitiveOperator,
} from '../language/operators.js';
import { numberRangeProblem, untypedComparison } from '../schema/accept.js';
import type { ownSchema } from '../schema/own.js';
import type { FieldSchema, Schema } from '../schema/types.js';
import { COMPILE_CODES, compileDiagnostic } from './compile-error.js';

/** The value types a compiled comparison works on: the literal kinds (`integer` compares as `number`). */
export type ValueType = LiteralKind;

/** A schema field as the compilers use it: defaults applied. */
export interface ResolvedField {
  readonly name: string;
  readonly schema: FieldSchema;
  readonly collection: boolean;
  readonly caseSensitive: boolean;
  /** Property names from the record to the value. */
  readonly path: readonly string[];
  readonly column: string;
}

/** The literal values of a leaf, converted for comparison and tagged with their common type. */
export type TypedValues =
  | { readonly type: 'string'; readonly values: readonly string[] }
  | { readonly type: 'number'; readonly values: readonly number[] }
  | { readonly type: 'boolean'; readonly values: readonly boolean[] }
  | { readonly type: 'date-time'; readonly values: readonly Instant[] };

/** A comparison or list leaf, checked against the schema. */
export interface ValuePlan {
  readonly kind: 'values';
  readonly field: ResolvedField;
  readonly operator: CompareOperator | ListOperator;
  readonly typed: TypedValues;
  /** The literal nodes, parallel to `typed.values` (for diagnostic spans). */
  readonly nodes: readonly ValueNode[];
}

/** A `pr`/`isnull` leaf. */
export interface PresencePlan {
  readonly kind: 'presence';
  readonly field: ResolvedField;
  readonly operator: PresenceOperator;
}

/** What both compilers need to know about one leaf of the filter. */
export type LeafPlan = ValuePlan | PresencePlan;

function fieldType(schema: FieldSchema): ValueType | 'unknown' {
  return schema.type === 'integer' ? 'number' : schema.type;
}

// Fields resolved per schema: the compilers plan against ownSchema snapshots, which are memoised
// and never change, so each field is resolved once rather than once per leaf of every compile.
// Only fields the schema has are kept, so the map never outgrows the schema.
const resolvedFields = new WeakMap<Schema, Map<string, ResolvedField>>();

/**
 * Looks a field up by own property (a name like `__proto__` never reaches the prototype). The
 * compilers pass an {@link ownSchema} snapshot, so the field's own settings are read too.
 */
export function resolveField(schema: Schema, name: string): ResolvedField | undefined {
  let known = resolvedFields.get(schema);
  const hit = known?.get(name);
  if (hit !== undefined) return hit;
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
    known = new Map();
    resolvedFields.set(schema, known);
  }
  known.set(name, resolved);
  return resolved;
}

const LITERAL_KINDS: ReadonlySet<unknown> = new Set(['string', 'number', 'boolean', 'date-time']);

function isLiteralKind(kind: unknown): kind is LiteralKind {
  return LITERAL_KINDS.has(kind);
}

type Typed = { ok: true; typed: TypedValues } | { ok: false; diagnostic: Diagnostic };

// A module function rather than a closure made per leaf: planning runs per compile, and a named
// closure is not free (under tsx, which the benchmarks use, each one costs a defineProperty).
function mismatchOf(field: ResolvedField, span: Span, node: ValueNode | undefined, expected: string): Typed {
  return {
    ok: false,
    diagnostic: compileDiagnostic(
      COMPILE_CODES.valueType,
      `The field ${quote(field.name)} takes ${expected} values.`,
      node?.span ?? span,
    ),
  };
}

function typeValues(
  field: ResolvedField,
  operator: PrimitiveOperator,
  nodes: readonly ValueNode[],
  span: Span,
): Typed {
  const declared = fieldType(field.schema);
  let type: string | undefined = declared;
  if (declared === 'unknown') {
    // An `unknown` field (type not found on import) compares as the kind of its literals: the
    // rule `validate` applies too.
    const kinds = nodes.map((n) => (n !== null && typeof n === 'object' ? n.kind : undefined));
    if (kinds.some((k) => !isLiteralKind(k))) return mismatchOf(field, span, undefined, 'well-formed');
    const untyped = untypedComparison(operator, kinds as LiteralKind[]);
    if ('problem' in untyped) {
      const { index, reason, message } = untyped.problem;
      const code = reason === 'operator' ? COMPILE_CODES.operator : COMPILE_CODES.valueType;
      return {
        ok: false,
        diagnostic: compileDiagnostic(
          code,
          `On ${quote(field.name)}: ${message}.`,
          nodes[index]?.span ?? span,
        ),
      };
    }
    type = untyped.kind;
  }
  const expected = type === 'date-time' ? 'date-time' : (type ?? 'typed');
  const strings: string[] = [];
  const numbers: number[] = [];
  const booleans: boolean[] = [];
  const instants: Instant[] = [];
  for (const node of nodes) {
    if (node === null || typeof node !== 'object' || node.kind !== type)
      return mismatchOf(field, span, node, expected);
    if (node.kind === 'string' && typeof node.value === 'string') strings.push(node.value);
    else if (node.kind === 'number' && typeof node.value === 'number' && !Number.isNaN(node.value)) {
      if (field.schema.type === 'integer' && !Number.isInteger(node.value))
        return mismatchOf(field, span, node, 'integer');
      const range = numberRangeProblem(field.schema.type, node.value);
      if (range !== undefined) {
        return {
          ok: false,
          diagnostic: compileDiagnostic(
            COMPILE_CODES.valueType,
            `The value ${quote(String(node.text ?? node.value))} ${range}.`,
            node.span ?? span,
          ),
        };
      }
      numbers.push(node.value);
    } else if (node.kind === 'boolean' && typeof node.value === 'boolean') booleans.push(node.value);
    else if (node.kind === 'date-time') {
      const instant = typeof node.text === 'string' ? instantFromText(node.text) : undefined;
      if (instant === undefined) return mismatchOf(field, span, node, 'valid date-time');
      instants.push(instant);
    } else return mismatchOf(field, span, node, expected);
  }
  switch (type) {
    case 'string':
      return { ok: true, typed: { type, values: strings } };
    case 'number':
      return { ok: true, typed: { type, values: numbers } };
    case 'boolean':
      return { ok: true, typed: { type, values: booleans } };
    default:
      return { ok: true, typed: { type: 'date-time', values: instants } };
  }
}

function operatorTypeProblem(field: ResolvedField, operator: string, type: ValueType): string | undefined {
  // The same rule `validate` and the schema check apply (the table in language/operators.ts).
  switch (operatorProblem(operator, type, field.collection)) {
    case 'collection-only':
      return 'applies to collection fields only';
    case 'text-only':
      return 'applies to string fields only';
    case 'no-order':
      return 'does not apply to boolean fields';
    default:
      return undefined;
  }
}

/** The result of planning one leaf. */
export type PlanResult =
  | { readonly ok: true; readonly plan: LeafPlan }
  | { readonly ok: false; readonly diagnostic: Diagnostic };

const NO_SPAN: Span = { start: 0, end: 0 };

function malformed(node: { readonly span?: Span } | null, what: string): PlanResult {
  return {
    ok: false,
    diagnostic: compileDiagnostic(
      COMPILE_CODES.malformedAst,
      `Not a well-formed filter: ${what}.`,
      node?.span ?? NO_SPAN,
    ),
  };
}

/** Checks one leaf against the schema and converts its literals; never throws. */
export function planLeaf(node: PredicateNode, schema: Schema): PlanResult {
  const name = node.field?.name;
  if (typeof name !== 'string') return malformed(node, 'a predicate without a field name');
  const field = resolveField(schema, name);
  if (field === undefined) {
    return {
      ok: false,
      diagnostic: compileDiagnostic(
        COMPILE_CODES.unknownField,
        `The field ${quote(name)} is not in the schema.`,
        node.field.span ?? node.span ?? NO_SPAN,
      ),
    };
  }
  const operator = node.operator as string;
  // The table says which node kind each operator builds; anything else is no operator here.
  if (!isOperatorOfKind(operator, node.kind)) return malformed(node, `unknown operator ${quote(operator)}`);
  if (node.kind === 'presence') {
    return { ok: true, plan: { kind: 'presence', field, operator: operator as PresenceOperator } };
  }
  let nodes: readonly ValueNode[];
  if (node.kind === 'comparison') {
    nodes = [node.value];
  } else {
    if (!Array.isArray(node.values)) return malformed(node, 'a list without values');
    nodes = node.values;
    if (nodes.length === 0) {
      return {
        ok: false,
        diagnostic: compileDiagnostic(
          COMPILE_CODES.emptyList,
          `\`${operator}\` needs at least one value.`,
          node.span ?? NO_SPAN,
        ),
      };
    }
  }
  const typed = typeValues(field, operator as PrimitiveOperator, nodes, node.span ?? NO_SPAN);
  if (!typed.ok) return typed;
  const problem = operatorTypeProblem(field, operator, typed.typed.type);
  if (problem !== undefined) {
    return {
      ok: false,
      diagnostic: compileDiagnostic(
        COMPILE_CODES.operator,
        `\`${operator}\` ${problem}; ${quote(name)} cannot use it.`,
        node.operatorSpan ?? node.span ?? NO_SPAN,
      ),
    };
  }
  return {
    ok: true,
    plan: {
      kind: 'values',
      field,
      operator: operator as CompareOperator | ListOperator,
      typed: typed.typed,
      nodes,
    },
  };
}

// One entry per expression kind: a new kind without an entry fails to compile here.
const SHAPES: ExpressionHandlers<'junction' | 'not' | 'leaf'> = {
  and: () => 'junction',
  or: () => 'junction',
  not: () => 'not',
  comparison: () => 'leaf',
  list: () => 'leaf',
  presence: () => 'leaf',
};

/** Whether `node` looks like an expression node this version knows (a guard against malformed input). */
export function isKnownExpression(node: unknown): node is Expression {
  if (node === null || typeof node !== 'object') return false;
  const kind = (node as { kind?: unknown }).kind;
  if (typeof kind !== 'string' || !Object.hasOwn(SHAPES, kind)) return false;
  switch (dispatch(node as Expression, SHAPES)) {
    case 'junction':
      return Array.isArray((node as { operands?: unknown }).operands);
    case 'not':
      return typeof (node as { operand?: unknown }).operand === 'object';
    case 'leaf':
      return true;
  }
}

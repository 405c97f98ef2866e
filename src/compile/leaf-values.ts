/**
 * The planner's view of a leaf's values: the schema field with its defaults applied, and the
 * literals converted for comparison (numbers, booleans, exact instants) or the diagnostic that
 * says why they do not fit. Split from plan.ts, which decides the leaf's shape.
 * @module
 */
import type { ValueNode } from '../ast/nodes/values.js';
import type { Span } from '../ast/span.js';
import type { Diagnostic } from '../diagnostic/diagnostic.js';
import { quote } from '../diagnostic/text.js';
import { type Instant, instantFromText } from '../language/date-time/instant.js';
import { type LiteralKind, operatorProblem, type PrimitiveOperator } from '../language/operators.js';
import { numberRangeProblem, untypedComparison } from '../schema/accept.js';
import type { FieldSchema } from '../schema/types.js';
import { compileDiagnostic } from './compile-error.js';

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

/** A field's declared type as the compilers compare it (`integer` as `number`). */
export function fieldType(schema: FieldSchema): ValueType | 'unknown' {
  return schema.type === 'integer' ? 'number' : schema.type;
}

const LITERAL_KINDS: ReadonlySet<unknown> = new Set(['string', 'number', 'boolean', 'date-time']);

function isLiteralKind(kind: unknown): kind is LiteralKind {
  return LITERAL_KINDS.has(kind);
}

// A module function rather than a closure made per leaf: planning runs per compile, and a named
// closure is not free (under tsx, which the benchmarks use, each one costs a defineProperty).
function mismatchOf(
  report: Diagnostic[],
  field: ResolvedField,
  span: Span,
  node: ValueNode | undefined,
  expected: string,
): undefined {
  report.push(
    compileDiagnostic(
      'compile-value-type',
      `The field ${quote(field.name)} takes ${expected} values.`,
      node?.span ?? span,
    ),
  );
  return undefined;
}

/**
 * The literals of a leaf converted for comparison, or undefined when they do not fit the field,
 * with the diagnostic that says why pushed onto `report` (no result object per leaf).
 */
export function typeValues(
  field: ResolvedField,
  operator: PrimitiveOperator,
  nodes: readonly ValueNode[],
  span: Span,
  report: Diagnostic[],
): TypedValues | undefined {
  const declared = fieldType(field.schema);
  let type: string | undefined = declared;
  if (declared === 'unknown') {
    // An `unknown` field (type not found on import) compares as the kind of its literals: the
    // rule `validate` applies too.
    const kinds = nodes.map((n) => (n !== null && typeof n === 'object' ? n.kind : undefined));
    if (kinds.some((k) => !isLiteralKind(k)))
      return mismatchOf(report, field, span, undefined, 'well-formed');
    const untyped = untypedComparison(operator, kinds as LiteralKind[]);
    if ('problem' in untyped) {
      const { index, reason, message } = untyped.problem;
      const code = reason === 'operator' ? 'compile-operator' : 'compile-value-type';
      report.push(
        compileDiagnostic(code, `On ${quote(field.name)}: ${message}.`, nodes[index]?.span ?? span),
      );
      return undefined;
    }
    type = untyped.kind;
  }
  const expected = type === 'date-time' ? 'date-time' : (type ?? 'typed');
  // One loop per type, filling only the array that type needs.
  switch (type) {
    case 'string': {
      const values: string[] = [];
      for (const node of nodes) {
        if (
          node === null ||
          typeof node !== 'object' ||
          node.kind !== 'string' ||
          typeof node.value !== 'string'
        )
          return mismatchOf(report, field, span, node, expected);
        values.push(node.value);
      }
      return { type, values };
    }
    case 'number':
      return typeNumbers(field, nodes, span, report);
    case 'boolean': {
      const values: boolean[] = [];
      for (const node of nodes) {
        if (
          node === null ||
          typeof node !== 'object' ||
          node.kind !== 'boolean' ||
          typeof node.value !== 'boolean'
        )
          return mismatchOf(report, field, span, node, expected);
        values.push(node.value);
      }
      return { type, values };
    }
    default: {
      const values: Instant[] = [];
      for (const node of nodes) {
        if (node === null || typeof node !== 'object' || node.kind !== type)
          return mismatchOf(report, field, span, node, expected);
        if (node.kind !== 'date-time') return mismatchOf(report, field, span, node, expected);
        const instant = typeof node.text === 'string' ? instantFromText(node.text) : undefined;
        if (instant === undefined) return mismatchOf(report, field, span, node, 'valid date-time');
        values.push(instant);
      }
      return { type: 'date-time', values };
    }
  }
}

function typeNumbers(
  field: ResolvedField,
  nodes: readonly ValueNode[],
  span: Span,
  report: Diagnostic[],
): TypedValues | undefined {
  const values: number[] = [];
  for (const node of nodes) {
    if (
      node === null ||
      typeof node !== 'object' ||
      node.kind !== 'number' ||
      typeof node.value !== 'number' ||
      Number.isNaN(node.value)
    )
      return mismatchOf(report, field, span, node, 'number');
    if (field.schema.type === 'integer' && !Number.isInteger(node.value))
      return mismatchOf(report, field, span, node, 'integer');
    const range = numberRangeProblem(field.schema.type, node.value);
    if (range !== undefined) {
      report.push(
        compileDiagnostic(
          'compile-value-type',
          `The value ${quote(String(node.text ?? node.value))} ${range}.`,
          node.span ?? span,
        ),
      );
      return undefined;
    }
    values.push(node.value);
  }
  return { type: 'number', values };
}

export function operatorTypeProblem(
  field: ResolvedField,
  operator: string,
  type: ValueType,
): string | undefined {
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

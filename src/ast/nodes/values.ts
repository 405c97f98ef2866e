import type { Span } from '../span.js';

/** A double-quoted string literal; `value` is the decoded text (escapes resolved). */
export interface StringValueNode {
  readonly kind: 'string';
  readonly value: string;
  readonly span: Span;
}

/**
 * A number literal, `-?[0-9]+(\.[0-9]+)?`. `text` keeps the exact digits written (so `1.50` and
 * integers beyond 2^53 lose nothing); `value` is the nearest JavaScript number.
 */
export interface NumberValueNode {
  readonly kind: 'number';
  readonly text: string;
  readonly value: number;
  readonly span: Span;
}

/** `true` or `false`. */
export interface BooleanValueNode {
  readonly kind: 'boolean';
  readonly value: boolean;
  readonly span: Span;
}

/**
 * An unquoted RFC 3339 date-time (`2022-02-07T20:13:29.356648026+01:00`) or full-date
 * (`2025-08-01`). `text` is exactly as written: fractional seconds keep every digit and the offset
 * is kept as given. `toSqlDateTime(text)` gives its exact instant in UTC.
 */
export interface DateTimeValueNode {
  readonly kind: 'date-time';
  readonly text: string;
  /** True for a full-date without a time (`2025-08-01`), which means midnight UTC. */
  readonly dateOnly: boolean;
  readonly span: Span;
}

/** Any literal value. */
export type ValueNode = StringValueNode | NumberValueNode | BooleanValueNode | DateTimeValueNode;

/** The `kind` of a literal value. */
export type ValueKind = ValueNode['kind'];

/** Creates a {@link StringValueNode}. */
export function createString(value: string, span: Span): StringValueNode {
  return { kind: 'string', value, span };
}

/** Creates a {@link NumberValueNode} from its exact text. */
export function createNumber(text: string, span: Span): NumberValueNode {
  return { kind: 'number', text, value: Number(text), span };
}

/** Creates a {@link BooleanValueNode}. */
export function createBoolean(value: boolean, span: Span): BooleanValueNode {
  return { kind: 'boolean', value, span };
}

/** Creates a {@link DateTimeValueNode} from its exact text. */
export function createDateTime(text: string, span: Span): DateTimeValueNode {
  return { kind: 'date-time', text, dateOnly: !text.includes('T') && !text.includes('t'), span };
}

const valueKinds: ReadonlySet<string> = new Set(['string', 'number', 'boolean', 'date-time']);

/** Whether `node` is a literal value. */
export function isValue(node: { readonly kind: string }): node is ValueNode {
  return valueKinds.has(node.kind);
}

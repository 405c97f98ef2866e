/**
 * An oracle for the in-memory predicate, written from the manual alone (docs/semantics.md and the
 * language reference), never from the compiler: what a filter means on any JavaScript value.
 *
 * It keeps its own small filter tree (printed to text for the library to parse), its own reading
 * of a record (own properties only, any throw is a missing value) and its own value semantics
 * (simple case folding per code point, code-point order, date-time instants to every digit, NaN
 * as missing), so a change in the library cannot change the oracle with it.
 */
import { dateTimeInstant, type Instant } from './instant.js';

export type ScalarType = 'string' | 'number' | 'integer' | 'boolean' | 'date-time';
export type Folding = 'unicode' | 'ascii';

export interface FieldSpec {
  /** The name filters use: one or more segments joined by dots. */
  readonly name: string;
  /** Where the value sits in a record, segment by segment. */
  readonly path: readonly string[];
  readonly type: ScalarType;
  readonly collection: boolean;
  readonly caseSensitive: boolean | undefined;
  /** The SQL column, when the schema is compiled to SQL too. */
  readonly column?: string;
}

export interface SchemaSpec {
  readonly fields: readonly FieldSpec[];
  readonly caseSensitive: boolean | undefined;
}

export type Literal =
  | { readonly type: 'string'; readonly value: string }
  | { readonly type: 'number'; readonly text: string }
  | { readonly type: 'boolean'; readonly value: boolean }
  | { readonly type: 'date-time'; readonly text: string };

export type CompareOp = 'eq' | 'ne' | 'gt' | 'ge' | 'lt' | 'le' | 'co' | 'sw' | 'in' | 'ca';

export type Filter =
  | {
      readonly kind: 'compare';
      readonly field: FieldSpec;
      readonly op: CompareOp;
      readonly values: readonly Literal[];
    }
  | {
      readonly kind: 'presence';
      readonly field: FieldSpec;
      readonly op: 'pr' | 'isnull';
      readonly prefix: boolean;
    }
  | { readonly kind: 'not'; readonly operand: Filter }
  | { readonly kind: 'and' | 'or'; readonly operands: readonly Filter[] };

const LIST_OPS: ReadonlySet<CompareOp> = new Set(['in', 'ca']);

/** The operators the manual gives each field type (`ca` on collections only). */
export function operatorsFor(type: ScalarType, collection: boolean): string[] {
  const base = ['eq', 'ne', 'in', 'pr', 'isnull'];
  const ordered = type === 'boolean' ? [] : ['gt', 'ge', 'lt', 'le'];
  const text = type === 'string' ? ['co', 'sw'] : [];
  return [...base, ...ordered, ...text, ...(collection ? ['ca'] : [])];
}

/** The schema as the library takes it; `Object.fromEntries` keeps `__proto__` an own key. */
export function toSchema(spec: SchemaSpec): unknown {
  const fields = Object.fromEntries(
    spec.fields.map((field) => {
      const declaration: Record<string, unknown> = {
        type: field.type,
        operators: operatorsFor(field.type, field.collection),
        path: field.path.join('.'),
      };
      if (field.collection) declaration.collection = true;
      if (field.caseSensitive !== undefined) declaration.caseSensitive = field.caseSensitive;
      if (field.column !== undefined) declaration.column = field.column;
      return [field.name, declaration];
    }),
  );
  return spec.caseSensitive === undefined ? { fields } : { fields, caseSensitive: spec.caseSensitive };
}

function printLiteral(literal: Literal): string {
  switch (literal.type) {
    case 'string':
      return `"${literal.value.replace(/[\\"]/g, (c) => `\\${c}`)}"`;
    case 'boolean':
      return String(literal.value);
    default:
      return literal.text;
  }
}

/** The filter as text, fully parenthesised so the printed tree is the generated one. */
export function printFilter(filter: Filter): string {
  switch (filter.kind) {
    case 'compare':
      return LIST_OPS.has(filter.op)
        ? `${filter.field.name} ${filter.op} (${filter.values.map(printLiteral).join(', ')})`
        : `${filter.field.name} ${filter.op} ${printLiteral(filter.values[0] as Literal)}`;
    case 'presence':
      return filter.prefix ? `pr ${filter.field.name}` : `${filter.field.name} ${filter.op}`;
    case 'not':
      return `not (${printFilter(filter.operand)})`;
    default:
      return filter.operands.map((operand) => `(${printFilter(operand)})`).join(` ${filter.kind} `);
  }
}

const hasOwn = Object.prototype.hasOwnProperty;
const MISSING = Symbol('missing');
/** A value of another type than the field's: present, but no comparison holds on it. */
const FOREIGN = Symbol('foreign');
type Typed = string | number | boolean | Instant | typeof MISSING | typeof FOREIGN;

/** Reads a path through own properties only; anything that throws on the way is a missing value. */
export function readOwnPath(record: unknown, path: readonly string[]): unknown {
  let current: unknown = record;
  for (const segment of path) {
    // Objects only: a function has no fields (docs/semantics.md).
    if (current === null || typeof current !== 'object') return undefined;
    try {
      if (!hasOwn.call(current, segment)) return undefined;
      current = (current as Record<string, unknown>)[segment];
    } catch {
      return undefined;
    }
  }
  return current;
}

function typedScalar(type: ScalarType, raw: unknown): Typed {
  if (raw === null || raw === undefined || (typeof raw === 'number' && Number.isNaN(raw))) return MISSING;
  switch (type) {
    case 'string':
      return typeof raw === 'string' ? raw : FOREIGN;
    case 'number':
    case 'integer':
      return typeof raw === 'number' ? raw : FOREIGN;
    case 'boolean':
      return typeof raw === 'boolean' ? raw : FOREIGN;
    default:
      return dateTimeValue(raw);
  }
}

function dateTimeValue(raw: unknown): Typed {
  if (typeof raw === 'string') return dateTimeInstant(raw) ?? FOREIGN;
  let isDate: boolean;
  try {
    // A proxy's getPrototypeOf trap may throw: a value that cannot be read as a Date is not one.
    isDate = raw instanceof Date;
  } catch {
    return FOREIGN;
  }
  if (isDate) {
    let ms: number;
    try {
      ms = (raw as Date).getTime();
    } catch {
      return FOREIGN;
    }
    return Number.isNaN(ms) ? FOREIGN : { scaled: BigInt(ms) * 10n ** 34n };
  }
  return FOREIGN;
}

/** A field's value: `MISSING`, `FOREIGN`, or (collections) the typed members. */
function fieldValue(field: FieldSpec, record: unknown): Typed | Typed[] {
  const raw = readOwnPath(record, field.path);
  if (!field.collection) return typedScalar(field.type, raw);
  if (raw === null || raw === undefined || (typeof raw === 'number' && Number.isNaN(raw))) return MISSING;
  try {
    if (!Array.isArray(raw)) return FOREIGN;
    const members: Typed[] = [];
    const length = raw.length;
    for (let index = 0; index < length; index += 1) {
      members.push(typedScalar(field.type, readOwnPath(raw, [String(index)])));
    }
    return members;
  } catch {
    return MISSING;
  }
}

/** The Unicode simple lowercase mapping, one code point at a time (İ is `i`, Σ is `σ`). */
export function foldUnicode(text: string): string {
  let folded = '';
  for (const char of text) {
    const lower = char.toLowerCase();
    folded += [...lower].length === 1 ? lower : char === '\u0130' ? 'i' : char;
  }
  return folded;
}

export function foldAscii(text: string): string {
  return text.replace(/[A-Z]/g, (c) => c.toLowerCase());
}

/** Code-point order (a lone surrogate is its own code point, below U+E000 and every astral one). */
export function compareCodePoints(a: string, b: string): number {
  const left = [...a];
  const right = [...b];
  for (let index = 0; index < Math.min(left.length, right.length); index += 1) {
    const difference = (left[index]?.codePointAt(0) ?? 0) - (right[index]?.codePointAt(0) ?? 0);
    if (difference !== 0) return difference;
  }
  return left.length - right.length;
}

function literalValue(literal: Literal, fold: (text: string) => string): Typed {
  switch (literal.type) {
    case 'string':
      return fold(literal.value);
    case 'number':
      return Number(literal.text);
    case 'boolean':
      return literal.value;
    default:
      return dateTimeInstant(literal.text) ?? MISSING;
  }
}

function order(a: Typed, b: Typed): number {
  if (typeof a === 'string' && typeof b === 'string') return compareCodePoints(a, b);
  if (typeof a === 'number' && typeof b === 'number') return a < b ? -1 : a > b ? 1 : 0;
  if (typeof a === 'object' && typeof b === 'object')
    return a.scaled < b.scaled ? -1 : a.scaled > b.scaled ? 1 : 0;
  return a === b ? 0 : Number.NaN;
}

function holds(op: CompareOp, value: Typed, literal: Typed): boolean {
  const difference = order(value, literal);
  switch (op) {
    case 'eq':
    case 'in':
    case 'ca':
      return difference === 0;
    case 'ne':
      return difference !== 0;
    case 'gt':
      return difference > 0;
    case 'ge':
      return difference >= 0;
    case 'lt':
      return difference < 0;
    case 'le':
      return difference <= 0;
    case 'co':
      return (value as string).includes(literal as string);
    default:
      return (value as string).startsWith(literal as string);
  }
}

const usable = (value: Typed): value is string | number | boolean | Instant =>
  value !== MISSING && value !== FOREIGN;

function compare(
  filter: Filter & { kind: 'compare' },
  schema: SchemaSpec,
  record: unknown,
  folding: Folding,
): boolean {
  const { field, op } = filter;
  const caseSensitive = field.caseSensitive ?? schema.caseSensitive ?? false;
  const fold =
    field.type !== 'string' || caseSensitive
      ? (text: string) => text
      : folding === 'ascii'
        ? foldAscii
        : foldUnicode;
  const literals: Typed[] = filter.values.map((literal) => literalValue(literal, fold));
  const value = fieldValue(field, record);
  const folded = (member: Typed): Typed => (typeof member === 'string' ? fold(member) : member);
  const members: Typed[] = Array.isArray(value)
    ? value.filter(usable).map(folded)
    : usable(value)
      ? [folded(value)]
      : [];
  if (op === 'ca')
    return members.length > 0 && literals.every((literal) => members.some((m) => holds('eq', m, literal)));
  return members.some((member) => literals.some((literal) => holds(op, member, literal)));
}

/** What the manual says the filter answers on this record. */
export function evaluate(filter: Filter, schema: SchemaSpec, record: unknown, folding: Folding): boolean {
  switch (filter.kind) {
    case 'compare':
      return compare(filter, schema, record, folding);
    case 'presence': {
      const present = fieldValue(filter.field, record) !== MISSING;
      return filter.op === 'pr' ? present : !present;
    }
    case 'not':
      return !evaluate(filter.operand, schema, record, folding);
    case 'and':
      return filter.operands.every((operand) => evaluate(operand, schema, record, folding));
    default:
      return filter.operands.some((operand) => evaluate(operand, schema, record, folding));
  }
}

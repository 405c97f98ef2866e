/**
 * The filters the parse benchmark reads: small, medium and large, each written once as a tree of
 * clauses and rendered in both V3 syntax and SCIM syntax, so that both parsers read the same
 * logical filter. SCIM (RFC 7644, section 3.4.2.2) differs from V3 in three ways that matter here:
 * date-times are quoted strings, there is no `in` list (it becomes an `or` of `eq`s), and `not`
 * takes a parenthesised filter (so `not` is written `not (...)` in both).
 * {@link checkEquivalent} proves, before anything is timed, that the two parses mean the same.
 */
import { parse as parseScim, type Filter as ScimFilter } from 'scim2-parse-filter';
import { type Expression, parse, type ValueNode } from '../src/index.js';

/** One filter in both syntaxes. */
export interface FilterPair {
  readonly v3: string;
  readonly scim: string;
}

const pair = (v3: string, scim = v3): FilterPair => ({ v3, scim });
const text = (value: string): string => JSON.stringify(value); // plain text: no escapes either side would differ on
const compare = (field: string, op: string, value: string | FilterPair): FilterPair => {
  const v = typeof value === 'string' ? pair(value) : value;
  return pair(`${field} ${op} ${v.v3}`, `${field} ${op} ${v.scim}`);
};
const dateTime = (iso: string): FilterPair => pair(iso, text(iso));
const present = (field: string): FilterPair => pair(`${field} pr`);
const inList = (field: string, values: readonly string[]): FilterPair =>
  pair(`${field} in (${values.join(', ')})`, `(${values.map((v) => `${field} eq ${v}`).join(' or ')})`);
const join = (connective: string, parts: readonly FilterPair[]): FilterPair =>
  pair(parts.map((p) => p.v3).join(` ${connective} `), parts.map((p) => p.scim).join(` ${connective} `));
const and = (...parts: FilterPair[]): FilterPair => join('and', parts);
const or = (...parts: FilterPair[]): FilterPair => join('or', parts);
const group = (p: FilterPair): FilterPair => pair(`(${p.v3})`, `(${p.scim})`);
const not = (p: FilterPair): FilterPair => pair(`not (${p.v3})`, `not (${p.scim})`);

/** ~25 characters: the seed endpoint's kind of filter. */
const small = and(compare('status', 'eq', text('Failed')), present('id'));

/** ~150 characters: a date-time, a group, a negated list. */
const medium = and(
  compare('status', 'eq', text('Failed')),
  compare('start_time', 'ge', dateTime('2022-02-07T20:13:29Z')),
  group(or(compare('name', 'sw', text('Access')), compare('owner.name', 'co', text('admin')))),
  not(inList('type', [text('ROLE'), text('ENTITLEMENT')])),
);

/** One varied block of the large filter (seven predicates). */
function block(i: number): FilterPair {
  const month = String(1 + (i % 9)).padStart(2, '0');
  return group(
    or(
      and(
        compare('attributes.department', 'eq', text(`Engineering ${i}`)),
        compare('created', 'ge', dateTime(`2023-${month}-1${i % 10}T08:30:00.123Z`)),
      ),
      and(compare('name', 'co', text(`svc-${i}`)), not(compare('disabled', 'eq', 'true'))),
      inList('source.id', [text(`2c9180835d2e51${i}`), text(`2c918085703131${i}`)]),
      and(present('manager.id'), compare('risk.score', 'le', `${i * 7}.5`)),
    ),
  );
}

/** ~3 KB: fourteen blocks joined by `and` (98 predicates, within the default limit of 100). */
const large = and(...Array.from({ length: 14 }, (_, i) => block(i)));

/** The benchmark's inputs, by size. */
export const FILTERS: Readonly<Record<'small' | 'medium' | 'large', FilterPair>> = { small, medium, large };

/** A tree both parsers' results are reduced to: n-ary and/or flattened, lists as `or` of `eq`. */
type Shape = string | { readonly op: string; readonly kids: readonly Shape[] };

function node(op: string, kids: readonly Shape[]): Shape {
  return {
    op,
    kids: kids.flatMap((k) => (typeof k === 'object' && k.op === op && op !== 'not' ? k.kids : [k])),
  };
}

function v3Value(value: ValueNode): string {
  if (value.kind === 'number') return String(value.value);
  if (value.kind === 'date-time') return JSON.stringify(value.text);
  return JSON.stringify(value.value);
}

function v3Shape(e: Expression): Shape {
  switch (e.kind) {
    case 'and':
    case 'or':
      return node(e.kind, e.operands.map(v3Shape));
    case 'not':
      return node('not', [v3Shape(e.operand)]);
    case 'comparison':
      return `${e.operator} ${e.field.name} ${v3Value(e.value)}`;
    case 'list':
      return node(
        'or',
        e.values.map((v) => `eq ${e.field.name} ${v3Value(v)}`),
      );
    case 'presence':
      return `${e.operator} ${e.field.name}`;
  }
}

function scimShape(f: ScimFilter): Shape {
  switch (f.op) {
    case 'and':
    case 'or':
      return node(f.op, (f as { filters: ScimFilter[] }).filters.map(scimShape));
    case 'not':
      return node('not', [scimShape((f as { filter: ScimFilter }).filter)]);
    case 'pr':
      return `pr ${(f as { attrPath: string }).attrPath}`;
    default: {
      const c = f as { op: string; attrPath: string; compValue: unknown };
      return `${c.op} ${c.attrPath} ${typeof c.compValue === 'number' ? String(c.compValue) : JSON.stringify(c.compValue)}`;
    }
  }
}

/** Throws unless both syntaxes of `filter` parse (V3 within the default limits) to the same meaning. */
export function checkEquivalent(name: string, filter: FilterPair): void {
  const ours = parse(filter.v3);
  if (!ours.ok) throw new Error(`${name}: the V3 filter does not parse: ${ours.diagnostics[0]?.message}`);
  const a = JSON.stringify(v3Shape(ours.ast));
  const b = JSON.stringify(scimShape(parseScim(filter.scim)));
  if (a !== b) throw new Error(`${name}: the V3 and SCIM filters differ:\n${a}\n${b}`);
}

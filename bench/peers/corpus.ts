/**
 * One corpus of logical filters for the side-by-side benchmark, written once as a small tree
 * (field, operator, value; and, or, not) and rendered into each syntax by render.ts. The fields
 * and values fit the records of data.ts: every peer and ours select the same records on them
 * (agreement.ts checks it before anything is timed).
 */

/** A comparison operator every syntax can express (RSQL and OData through their own spellings). */
export type Op = 'eq' | 'ne' | 'gt' | 'ge' | 'lt' | 'le' | 'co' | 'sw';

/** A literal: a date-time is kept apart from a string because half the syntaxes write it bare. */
export type Value = string | number | boolean | { readonly dateTime: string };

/** A logical filter. */
export type Node =
  | { readonly kind: 'cmp'; readonly field: string; readonly op: Op; readonly value: Value }
  | { readonly kind: 'and' | 'or'; readonly operands: readonly Node[] }
  | { readonly kind: 'not'; readonly operand: Node };

export const cmp = (field: string, op: Op, value: Value): Node => ({ kind: 'cmp', field, op, value });
export const and = (...operands: Node[]): Node => ({ kind: 'and', operands });
export const or = (...operands: Node[]): Node => ({ kind: 'or', operands });
export const not = (operand: Node): Node => ({ kind: 'not', operand });
/** Date-times carry nine fractional digits, as the records do, so string-ordering peers agree. */
export const at = (iso: string): Value => ({ dateTime: iso });

/** A named filter of the corpus. */
export interface Entry {
  readonly name: string;
  readonly node: Node;
}

/** Single-comparison shapes of the evaluation task. */
export const SINGLE: readonly Entry[] = [
  { name: 'string eq (case-insensitive)', node: cmp('status', 'eq', 'Failed') },
  { name: 'string eq (case-sensitive)', node: cmp('id', 'eq', 'run-7') },
  { name: 'number gt', node: cmp('count', 'gt', 250) },
  { name: 'date-time ge', node: cmp('start_time', 'ge', at('2022-02-07T20:13:29.000000000Z')) },
  { name: 'string co', node: cmp('name', 'co', 'an') },
  { name: 'nested sw', node: cmp('a.b', 'sw', 'al') },
  { name: 'boolean eq', node: cmp('flag', 'eq', true) },
];

/**
 * The reference filter: the reference endpoint's kind of filter (a status and a start time) with a
 * number, a boolean and two text searches; five conjuncts, 141 bytes of text. The text-to-predicate
 * task and the evaluation curve read it.
 */
export const REFERENCE_FILTER: Node = and(
  cmp('status', 'eq', 'Failed'),
  cmp('start_time', 'ge', at('2022-02-07T20:13:29.000000000Z')),
  cmp('count', 'gt', 250),
  not(cmp('flag', 'eq', true)),
  or(cmp('name', 'co', 'an'), cmp('a.b', 'sw', 'al')),
);

/** Mixed filters of the evaluation task. */
export const MIXED: readonly Entry[] = [
  { name: 'mixed: reference filter (5)', node: REFERENCE_FILTER },
  {
    name: 'mixed: or of eq, not sw (4)',
    node: and(
      or(cmp('status', 'eq', 'Failed'), cmp('status', 'eq', 'Canceled')),
      cmp('count', 'le', 900),
      not(cmp('name', 'sw', 'b')),
    ),
  },
  {
    name: 'mixed: ne, ranges, co (5)',
    node: and(
      cmp('status', 'ne', 'Completed'),
      or(cmp('count', 'lt', 100), cmp('count', 'ge', 900)),
      cmp('start_time', 'lt', at('2022-02-08T00:00:00.000000000Z')),
      cmp('a.b', 'co', 'ic'),
    ),
  },
];

const STATUSES = ['Completed', 'Failed', 'Canceled', 'Executing'];

/** The i-th comparison of a generated filter: varied fields, operators and values. */
function clause(i: number): Node {
  switch (i % 6) {
    case 0:
      return cmp('status', 'eq', STATUSES[i % 4]!);
    case 1:
      return cmp('count', i % 4 === 1 ? 'gt' : 'le', (i * 37) % 1000);
    case 2:
      return cmp('start_time', 'ge', at(`2022-02-0${1 + (i % 9)}T20:13:29.${String(i).padStart(9, '0')}Z`));
    case 3:
      return not(cmp('name', 'co', `n${i % 10}`));
    case 4:
      return cmp('a.b', 'sw', `al${i % 7}`);
    default:
      return cmp('flag', 'eq', i % 2 === 0);
  }
}

/**
 * A filter of `n` comparisons: groups of four (`a and (b or c) and not d` shapes) joined by `or`,
 * so that the tree is wide and shallow at any size (depth stays within the default limit).
 */
export function sized(n: number): Node {
  if (n === 1) return clause(0);
  const groups: Node[] = [];
  for (let i = 0; i < n; i += 4) {
    const parts = Array.from({ length: Math.min(4, n - i) }, (_, k) => clause(i + k));
    groups.push(
      parts.length >= 3 ? and(parts[0]!, or(parts[1]!, parts[2]!), ...parts.slice(3)) : and(...parts),
    );
  }
  return groups.length === 1 ? groups[0]! : or(...groups);
}

/** The parse task's sizes: comparisons per filter (small ~40 B, medium ~300 B, large ~3 KB). */
export const PARSE_SIZES = { small: 2, medium: 8, large: 80 } as const;

/** Counts the comparisons of a filter. */
export function comparisons(node: Node): number {
  if (node.kind === 'cmp') return 1;
  if (node.kind === 'not') return comparisons(node.operand);
  return node.operands.reduce((sum, operand) => sum + comparisons(operand), 0);
}

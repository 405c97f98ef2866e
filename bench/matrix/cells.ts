/**
 * The cells of the evaluation matrix: field type x operator x case sensitivity x path depth, each
 * with its filter, the arrow function a user would write for it by hand (plain property reads,
 * optional chaining on the sparse records where a plain read would throw) and the semantic floor
 * (the same test written by hand with our semantics: own-property reads, type checks, the Unicode
 * simple fold, exact date-time instants). Both are written out as source per cell and per depth,
 * so that each has inline caches of its own, as a hand-written function in an application has.
 */
import type { PrimitiveOperator, Schema } from '../../src/index.js';

/** One leaf kind of the matrix, at any depth. */
export interface LeafKind {
  /** `string`, `number`, `boolean`, `date-time` or `collection`. */
  readonly type: string;
  readonly operator: string;
  readonly caseSensitive: boolean;
  /** The schema field at depth 1 (`meta.` and `meta.audit.` are put before it for 2 and 3). */
  readonly field: string;
  /** The filter's right-hand side: `eq "failed"`. */
  readonly rest: string;
  /** The user's test of the value `v` (`q` is `?.` on the sparse records, `.` elsewhere). */
  readonly arrow: (q: string) => string;
  /** Our semantics' test of the own value `v` (`fold` and `instant` are in scope). */
  readonly floor: string;
}

const ci = (constant: string): string => `typeof v === 'string' && fold(v) ${constant}`;

/** Every leaf kind, in the order the matrix prints them. */
export const LEAF_KINDS: readonly LeafKind[] = [
  {
    type: 'string',
    operator: 'eq',
    caseSensitive: false,
    field: 'status',
    rest: 'eq "failed"',
    arrow: (q) => `v${q}toLowerCase() === 'failed'`,
    floor: ci(`=== 'failed'`),
  },
  {
    type: 'string',
    operator: 'ne',
    caseSensitive: false,
    field: 'status',
    rest: 'ne "completed"',
    arrow: (q) => `v${q}toLowerCase() !== 'completed'`,
    floor: ci(`!== 'completed'`),
  },
  {
    type: 'string',
    operator: 'co',
    caseSensitive: false,
    field: 'name',
    rest: 'co "an"',
    arrow: (q) => `v${q}toLowerCase().includes('an')`,
    floor: `typeof v === 'string' && fold(v).includes('an')`,
  },
  {
    type: 'string',
    operator: 'sw',
    caseSensitive: false,
    field: 'name',
    rest: 'sw "al"',
    arrow: (q) => `v${q}toLowerCase().startsWith('al')`,
    floor: `typeof v === 'string' && fold(v).startsWith('al')`,
  },
  {
    type: 'string',
    operator: 'in',
    caseSensitive: false,
    field: 'status',
    rest: 'in ("failed", "canceled", "queued")',
    arrow: (q) => `(s = v${q}toLowerCase()) === 'failed' || s === 'canceled' || s === 'queued'`,
    floor: `typeof v === 'string' && ((s = fold(v)) === 'failed' || s === 'canceled' || s === 'queued')`,
  },
  {
    type: 'string',
    operator: 'gt',
    caseSensitive: false,
    field: 'status',
    rest: 'gt "d"',
    arrow: (q) => `v${q}toLowerCase() > 'd'`,
    floor: ci(`> 'd'`),
  },
  {
    type: 'string',
    operator: 'eq',
    caseSensitive: true,
    field: 'status_cs',
    rest: 'eq "Failed"',
    arrow: () => `v === 'Failed'`,
    floor: `v === 'Failed'`,
  },
  {
    type: 'string',
    operator: 'ne',
    caseSensitive: true,
    field: 'status_cs',
    rest: 'ne "Completed"',
    arrow: () => `v !== 'Completed'`,
    floor: `typeof v === 'string' && v !== 'Completed'`,
  },
  {
    type: 'string',
    operator: 'co',
    caseSensitive: true,
    field: 'name_cs',
    rest: 'co "an"',
    arrow: (q) => `v${q}includes('an')`,
    floor: `typeof v === 'string' && v.includes('an')`,
  },
  {
    type: 'string',
    operator: 'sw',
    caseSensitive: true,
    field: 'name_cs',
    rest: 'sw "al"',
    arrow: (q) => `v${q}startsWith('al')`,
    floor: `typeof v === 'string' && v.startsWith('al')`,
  },
  {
    type: 'string',
    operator: 'in',
    caseSensitive: true,
    field: 'status_cs',
    rest: 'in ("Failed", "Canceled", "Queued")',
    arrow: () => `v === 'Failed' || v === 'Canceled' || v === 'Queued'`,
    floor: `v === 'Failed' || v === 'Canceled' || v === 'Queued'`,
  },
  {
    type: 'string',
    operator: 'gt',
    caseSensitive: true,
    field: 'status_cs',
    rest: 'gt "D"',
    arrow: () => `v > 'D'`,
    floor: `typeof v === 'string' && v > 'D'`,
  },
  {
    type: 'number',
    operator: 'eq',
    caseSensitive: true,
    field: 'count',
    rest: 'eq 55',
    arrow: () => 'v === 55',
    floor: 'v === 55',
  },
  {
    type: 'number',
    operator: 'ne',
    caseSensitive: true,
    field: 'count',
    rest: 'ne 55',
    arrow: () => 'v !== 55',
    floor: `typeof v === 'number' && v === v && v !== 55`,
  },
  {
    type: 'number',
    operator: 'gt',
    caseSensitive: true,
    field: 'count',
    rest: 'gt 100',
    arrow: () => 'v > 100',
    floor: `typeof v === 'number' && v > 100`,
  },
  {
    type: 'number',
    operator: 'le',
    caseSensitive: true,
    field: 'count',
    rest: 'le 20',
    arrow: () => 'v <= 20',
    floor: `typeof v === 'number' && v <= 20`,
  },
  {
    type: 'number',
    operator: 'in',
    caseSensitive: true,
    field: 'count',
    rest: 'in (10, 20, 55)',
    arrow: () => 'v === 10 || v === 20 || v === 55',
    floor: 'v === 10 || v === 20 || v === 55',
  },
  {
    type: 'boolean',
    operator: 'eq',
    caseSensitive: true,
    field: 'active',
    rest: 'eq true',
    arrow: () => 'v === true',
    floor: 'v === true',
  },
  {
    type: 'boolean',
    operator: 'ne',
    caseSensitive: true,
    field: 'active',
    rest: 'ne true',
    arrow: () => 'v !== true',
    floor: `v === false`,
  },
  {
    type: 'date-time',
    operator: 'lt',
    caseSensitive: true,
    field: 'created',
    rest: 'lt 2022-06-01T00:00:00Z',
    arrow: () => `v < '2022-06-01T00:00:00Z'`,
    floor: 'instant(v, T) < 0',
  },
  {
    type: 'date-time',
    operator: 'ge',
    caseSensitive: true,
    field: 'created',
    rest: 'ge 2021-03-15T12:00:00.5Z',
    arrow: () => `v >= '2021-03-15T12:00:00.5Z'`,
    floor: 'instant(v, T2) >= 0',
  },
  {
    type: 'date-time',
    operator: 'eq',
    caseSensitive: true,
    field: 'created',
    rest: 'eq 2022-06-01T00:00:00Z',
    arrow: () => `v === '2022-06-01T00:00:00Z'`,
    floor: 'instant(v, T) === 0',
  },
  {
    type: 'collection',
    operator: 'eq',
    caseSensitive: false,
    field: 'tags',
    rest: 'eq "admin"',
    arrow: (q) => `v${q}some((t) => t.toLowerCase() === 'admin')`,
    floor: `Array.isArray(v) && v.some((t) => typeof t === 'string' && fold(t) === 'admin')`,
  },
  {
    type: 'collection',
    operator: 'ca',
    caseSensitive: false,
    field: 'tags',
    rest: 'ca ("admin", "ops")',
    arrow: (q) => `v != null && ['admin', 'ops'].every((x) => v${q}some((t) => t.toLowerCase() === x))`,
    floor: `Array.isArray(v) && ['admin', 'ops'].every((x) => v.some((t) => typeof t === 'string' && fold(t) === x))`,
  },
  {
    type: 'collection',
    operator: 'eq',
    caseSensitive: true,
    field: 'tags_cs',
    rest: 'eq "admin"',
    arrow: (q) => `v${q}includes('admin')`,
    floor: `Array.isArray(v) && v.includes('admin')`,
  },
  {
    type: 'collection',
    operator: 'ca',
    caseSensitive: true,
    field: 'tags_cs',
    rest: 'ca ("admin", "ops")',
    arrow: (q) => `v${q}includes('admin') && v.includes('ops')`,
    floor: `Array.isArray(v) && v.includes('admin') && v.includes('ops')`,
  },
  {
    type: 'presence',
    operator: 'pr',
    caseSensitive: true,
    field: 'name',
    rest: 'pr',
    arrow: () => 'v != null',
    floor: 'v != null',
  },
];

/** The key a field reads at depth 1 (the `_cs` fields read the same property as their twin). */
export const keyOf = (field: string): string => field.replace(/_cs$/, '');

/** The dotted prefix of depth 1, 2 or 3. */
export const PREFIXES = ['', 'meta.', 'meta.audit.'] as const;

/** The matrix's schema: every field at the three depths. */
export function matrixSchema(): Schema {
  const fields: Record<string, Schema['fields'][string]> = {};
  const strings: PrimitiveOperator[] = ['eq', 'ne', 'gt', 'ge', 'lt', 'le', 'co', 'sw', 'in', 'pr'];
  for (const prefix of PREFIXES) {
    for (const cs of [false, true]) {
      const suffix = cs ? '_cs' : '';
      fields[`${prefix}status${suffix}`] = {
        type: 'string',
        operators: strings,
        caseSensitive: cs,
        path: `${prefix}status`,
      };
      fields[`${prefix}name${suffix}`] = {
        type: 'string',
        operators: strings,
        caseSensitive: cs,
        path: `${prefix}name`,
      };
      fields[`${prefix}tags${suffix}`] = {
        type: 'string',
        collection: true,
        operators: ['eq', 'ca', 'co', 'pr'],
        caseSensitive: cs,
        path: `${prefix}tags`,
      };
    }
    fields[`${prefix}count`] = { type: 'number', operators: strings.filter((o) => o !== 'co' && o !== 'sw') };
    fields[`${prefix}active`] = { type: 'boolean', operators: ['eq', 'ne', 'pr'] };
    fields[`${prefix}created`] = { type: 'date-time', operators: ['eq', 'ne', 'gt', 'ge', 'lt', 'le', 'pr'] };
  }
  return { fields };
}

/** The user's read of a field at a depth: `r.meta.audit.status` (`r.meta?.audit?.status` sparse). */
export function userRead(field: string, depth: number, sparse: boolean): string {
  const steps = [...PREFIXES[depth - 1]!.split('.').filter(Boolean), keyOf(field)];
  return `r${steps.map((s) => (sparse ? `?.${s}` : `.${s}`)).join('')}`;
}

/** The floor's read: own properties only, each step checked, into `v` (false when missing). */
export function floorRead(field: string, depth: number): string {
  const steps = [...PREFIXES[depth - 1]!.split('.').filter(Boolean), keyOf(field)];
  const lines = ['let o = r;'];
  for (const [i, step] of steps.entries()) {
    lines.push(`if (typeof o !== 'object' || o === null || !own.call(o, '${step}')) return false;`);
    lines.push(i === steps.length - 1 ? `const v = o.${step};` : `o = o.${step};`);
  }
  return lines.join('\n');
}

/**
 * Renders a corpus filter (corpus.ts) in each syntax: ours (V3 filters), SCIM (RFC 7644),
 * RSQL/FIQL, filtrex expressions and OData `$filter`. Where a syntax lacks a form the nearest
 * equivalent is written: RSQL has no `not` (negations are pushed down to the comparisons, and
 * `co`/`sw` become `==*v*`/`==v*` wildcards), filtrex has no `co`/`sw` (functions of that name are
 * supplied, see adapters.ts), OData spells them `contains()`/`startswith()` and paths with `/`.
 */
import type { Node, Op, Value } from './corpus.js';

/** The syntaxes of the benchmark. */
export type Syntax = 'ours' | 'scim' | 'rsql' | 'filtrex' | 'odata';

const isDate = (v: Value): v is { readonly dateTime: string } => typeof v === 'object';
const dq = (s: string): string => JSON.stringify(s); // corpus strings hold no escapes
const sq = (s: string): string => `'${s.replaceAll("'", "''")}'`;

interface Style {
  readonly and: string;
  readonly or: string;
  readonly compare: (field: string, op: Op, value: Value) => string;
  readonly not: (inner: string) => string;
}

const SYMBOLS: Readonly<Record<Op, string>> = {
  eq: '==',
  ne: '!=',
  gt: '>',
  ge: '>=',
  lt: '<',
  le: '<=',
  co: '',
  sw: '',
};
const RSQL_OPS: Readonly<Record<Op, string>> = {
  eq: '==',
  ne: '!=',
  gt: '=gt=',
  ge: '=ge=',
  lt: '=lt=',
  le: '=le=',
  co: '==',
  sw: '==',
};
const NEGATED: Readonly<Record<Op, Op>> = {
  eq: 'ne',
  ne: 'eq',
  gt: 'le',
  le: 'gt',
  ge: 'lt',
  lt: 'ge',
  co: 'co',
  sw: 'sw',
};

const STYLES: Readonly<Record<Exclude<Syntax, 'rsql'>, Style>> = {
  ours: {
    and: ' and ',
    or: ' or ',
    compare: (f, op, v) => `${f} ${op} ${isDate(v) ? v.dateTime : typeof v === 'string' ? dq(v) : String(v)}`,
    not: (inner) => `not (${inner})`,
  },
  scim: {
    and: ' and ',
    or: ' or ',
    compare: (f, op, v) =>
      `${f} ${op} ${isDate(v) ? dq(v.dateTime) : typeof v === 'string' ? dq(v) : String(v)}`,
    not: (inner) => `not (${inner})`,
  },
  filtrex: {
    and: ' and ',
    or: ' or ',
    compare: (f, op, v) => {
      const literal = isDate(v) ? dq(v.dateTime) : typeof v === 'string' ? dq(v) : String(v);
      return op === 'co' || op === 'sw' ? `${op}(${f}, ${literal})` : `${f} ${SYMBOLS[op]} ${literal}`;
    },
    not: (inner) => `not (${inner})`,
  },
  odata: {
    and: ' and ',
    or: ' or ',
    compare: (f, op, v) => {
      const path = f.replaceAll('.', '/');
      const literal = isDate(v) ? v.dateTime : typeof v === 'string' ? sq(v) : String(v);
      if (op === 'co') return `contains(${path},${literal})`;
      if (op === 'sw') return `startswith(${path},${literal})`;
      return `${path} ${op} ${literal}`;
    },
    not: (inner) => `not (${inner})`,
  },
};

function renderStyled(node: Node, style: Style, parent: 'and' | 'or' | 'not' | 'top'): string {
  switch (node.kind) {
    case 'cmp':
      return style.compare(node.field, node.op, node.value);
    case 'not':
      return style.not(renderStyled(node.operand, style, 'not'));
    default: {
      const text = node.operands.map((o) => renderStyled(o, style, node.kind)).join(style[node.kind]);
      return parent === 'top' || parent === 'not' || parent === node.kind ? text : `(${text})`;
    }
  }
}

function rsqlCompare(field: string, op: Op, value: Value, negated: boolean): string {
  const o = negated ? NEGATED[op] : op;
  if (op === 'co' || op === 'sw') {
    const pattern = op === 'co' ? `*${String(value)}*` : `${String(value)}*`;
    return `${field}${negated ? '!=' : '=='}${pattern}`;
  }
  const literal = isDate(value) ? dq(value.dateTime) : typeof value === 'string' ? dq(value) : String(value);
  return `${field}${RSQL_OPS[o]}${literal}`;
}

/** RSQL in negation normal form: `not` pushed down with De Morgan's laws. */
function renderRsql(node: Node, negated: boolean, parent: 'and' | 'or' | 'top'): string {
  switch (node.kind) {
    case 'cmp':
      return rsqlCompare(node.field, node.op, node.value, negated);
    case 'not':
      return renderRsql(node.operand, !negated, parent);
    default: {
      const kind = negated ? (node.kind === 'and' ? 'or' : 'and') : node.kind;
      const text = node.operands.map((o) => renderRsql(o, negated, kind)).join(kind === 'and' ? ';' : ',');
      return parent === 'top' || parent === kind ? text : `(${text})`;
    }
  }
}

/** The filter in `syntax`. */
export function render(node: Node, syntax: Syntax): string {
  return syntax === 'rsql' ? renderRsql(node, false, 'top') : renderStyled(node, STYLES[syntax], 'top');
}

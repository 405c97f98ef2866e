import fc from 'fast-check';
import type { PrimitiveOperator } from '../../../src/ast/index.js';
import { OPERATOR_TABLE } from '../../../src/language/operators.js';
import { quoteString } from '../../../src/language/quoting.js';
import type { FieldSchema, Schema } from '../../../src/schema/types.js';
import { ENUM_OPERATORS, operatorTypeProblem } from '../../../src/validate/field-rules.js';

/**
 * Valid filters generated from a schema, as pieces (one per token) with where each comparison's
 * field, operator and values are, so a property can cut the text anywhere or swap one part.
 */

/** One token of a generated filter. */
export interface Piece {
  readonly text: string;
  /** A value no completion can guess (free text, a number, a date-time, any value of an untyped field). */
  readonly free?: 'string' | 'number' | 'date-time' | 'any';
  /** A value of a string field, quoted. */
  readonly quoted?: boolean;
  /** No space before this piece (after `(`, before `)` and `,`). */
  readonly tight?: boolean;
}

/** Where one comparison's parts are among the pieces. */
export interface ComparisonSpots {
  readonly field: string;
  readonly operator: PrimitiveOperator;
  readonly fieldPiece: number;
  /** Absent for a prefix `pr field`. */
  readonly operatorPiece?: number;
  readonly valuePieces: readonly number[];
  /** One past the comparison's last piece. */
  readonly endPiece: number;
}

/** A generated filter: its pieces, its text, where each piece starts, its comparisons. */
export interface GeneratedFilter {
  readonly pieces: readonly Piece[];
  readonly text: string;
  readonly starts: readonly number[];
  readonly comparisons: readonly ComparisonSpots[];
}

/** The (field, operator) pairs a valid filter can use. */
export function usablePairs(schema: Schema): [string, PrimitiveOperator][] {
  const pairs: [string, PrimitiveOperator][] = [];
  for (const [name, field] of Object.entries(schema.fields)) {
    for (const operator of field.operators) {
      if (operatorTypeProblem(field, operator) === undefined) pairs.push([name, operator]);
    }
  }
  return pairs;
}

const plainText = fc.string({
  unit: fc.constantFrom(...'abcXYZ 019_-."\\\'()é'.split('')),
  maxLength: 8,
});

function valuePiece(field: FieldSchema, operator: PrimitiveOperator): fc.Arbitrary<Piece> {
  const stringValue = plainText.map((v): Piece => ({ text: quoteString(v), free: 'string', quoted: true }));
  const numberValue = fc
    .oneof(fc.integer({ min: -1000, max: 100000 }), fc.double({ min: -1e6, max: 1e6, noNaN: true }))
    .map((n): Piece => ({ text: String(Math.abs(n) < 1e-6 ? 0 : Number(n.toFixed(3))), free: 'number' }));
  const dateTime = fc
    .date({
      min: new Date('1990-01-01T00:00:00Z'),
      max: new Date('2060-01-01T00:00:00Z'),
      noInvalidDate: true,
    })
    .chain((d) =>
      fc.constantFrom(d.toISOString(), `${d.toISOString().slice(0, 19)}Z`, d.toISOString().slice(0, 10)),
    )
    .map((text): Piece => ({ text, free: 'date-time' }));
  switch (field.type) {
    case 'string':
      if (field.enum && ENUM_OPERATORS.has(operator)) {
        return fc.constantFrom(...field.enum).map((v): Piece => ({ text: quoteString(v), quoted: true }));
      }
      return stringValue;
    case 'number':
      return numberValue;
    case 'integer':
      return fc.integer({ min: -1000, max: 100000 }).map((n): Piece => ({ text: String(n), free: 'number' }));
    case 'boolean':
      return fc.constantFrom('true', 'false').map((text): Piece => ({ text }));
    case 'date-time':
      return dateTime;
    default: {
      // An unknown field takes what the acceptance rule allows (src/schema/accept.ts): text for
      // `co`/`sw`, no booleans for an ordering; a list holds one kind (see `leaf`).
      const booleans = fc.constantFrom('true', 'false').map((text): Piece => ({ text }));
      const kinds = TEXT_ONLY.has(operator)
        ? [stringValue]
        : ORDERING.has(operator)
          ? [stringValue, numberValue, dateTime]
          : [stringValue, numberValue, dateTime, booleans];
      return fc.oneof(...kinds).map((piece): Piece => ({ ...piece, free: 'any' }));
    }
  }
}

const TEXT_ONLY: ReadonlySet<PrimitiveOperator> = new Set(
  OPERATOR_TABLE.filter((row) => row.textOnly).map((row) => row.word),
);

const ORDERING: ReadonlySet<PrimitiveOperator> = new Set(
  OPERATOR_TABLE.filter((row) => row.orders).map((row) => row.word),
);

/** The kind of literal a value piece spells. */
function kindOf(piece: Piece): string {
  if (piece.quoted) return 'string';
  if (piece.text === 'true' || piece.text === 'false') return 'boolean';
  return /^[0-9]{4}-[0-9]{2}-[0-9]{2}/.test(piece.text) ? 'date-time' : 'number';
}

/** A comparison as pieces: `field op value`, `field in (a, b)`, `field pr` or `pr field`. */
interface Leaf {
  readonly field: string;
  readonly operator: PrimitiveOperator;
  readonly prefix: boolean;
  readonly values: readonly Piece[];
}

function leaf(schema: Schema, pairs: [string, PrimitiveOperator][]): fc.Arbitrary<Leaf> {
  return fc.constantFrom(...pairs).chain(([field, operator]): fc.Arbitrary<Leaf> => {
    const declaration = schema.fields[field]!;
    if (operator === 'pr' || operator === 'isnull') {
      return fc
        .boolean()
        .map((prefix) => ({ field, operator, prefix: prefix && operator === 'pr', values: [] }));
    }
    const count = operator === 'in' || operator === 'ca' ? 3 : 1;
    // Values differ (ignoring case): a value listed twice is a `duplicate-value` warning, and
    // completion does not offer a listed value again.
    return fc
      .uniqueArray(valuePiece(declaration, operator), {
        minLength: 1,
        maxLength: count,
        selector: (piece) => piece.text.toLowerCase(),
      })
      .map((values) => ({
        field,
        operator,
        prefix: false,
        // One kind of literal per list on an unknown field (the acceptance rule).
        values:
          declaration.type === 'unknown' ? values.filter((v) => kindOf(v) === kindOf(values[0]!)) : values,
      }));
  });
}

type Tree =
  | { readonly kind: 'leaf'; readonly leaf: Leaf }
  | { readonly kind: 'not' | 'group'; readonly child: Tree }
  | { readonly kind: 'and' | 'or'; readonly children: readonly [Tree, Tree] };

function tree(schema: Schema, pairs: [string, PrimitiveOperator][]): fc.Arbitrary<Tree> {
  const composite = schema.composite ?? ['and', 'or', 'not'];
  const leaves = leaf(schema, pairs).map((l): Tree => ({ kind: 'leaf', leaf: l }));
  const { node } = fc.letrec<{ node: Tree }>((tie) => {
    const choices: fc.Arbitrary<Tree>[] = [leaves, leaves];
    const child = tie('node');
    choices.push(child.map((c): Tree => ({ kind: 'group', child: c })));
    if (composite.includes('not')) choices.push(child.map((c): Tree => ({ kind: 'not', child: c })));
    for (const op of ['and', 'or'] as const) {
      if (composite.includes(op)) {
        choices.push(fc.tuple(child, child).map((children): Tree => ({ kind: op, children })));
      }
    }
    return { node: fc.oneof({ depthSize: 'small', maxDepth: 4 }, ...choices) };
  });
  return node;
}

/** Whitespace between tokens: any mix the language allows. */
const SPACES = [' ', ' ', ' ', '  ', '\n', '\t', ' \r\n '] as const;

/**
 * Lays a tree out as pieces, recording the comparisons. `spaces` picks the whitespace between
 * tokens; `loose` also puts some after `(` and before `)` and `,`.
 */
function layOut(root: Tree, spaces: readonly number[], loose: boolean): GeneratedFilter {
  const pieces: Piece[] = [];
  const comparisons: ComparisonSpots[] = [];
  const push = (piece: Piece) => pieces.push(piece);
  const visit = (node: Tree, parenthesize: boolean): void => {
    if (parenthesize && (node.kind === 'and' || node.kind === 'or')) {
      push({ text: '(' });
      visit(node, false);
      push({ text: ')', tight: true });
      return;
    }
    switch (node.kind) {
      case 'leaf': {
        const { field, operator, prefix, values } = node.leaf;
        if (prefix) {
          push({ text: 'pr' });
          const fieldPiece = pieces.length;
          push({ text: field });
          comparisons.push({ field, operator, fieldPiece, valuePieces: [], endPiece: pieces.length });
          return;
        }
        const fieldPiece = pieces.length;
        push({ text: field });
        const operatorPiece = pieces.length;
        push({ text: operator });
        const valuePieces: number[] = [];
        if (operator === 'in' || operator === 'ca') {
          push({ text: '(' });
          values.forEach((value, i) => {
            if (i > 0) push({ text: ',', tight: true });
            valuePieces.push(pieces.length);
            push({ ...value, tight: i === 0 });
          });
          push({ text: ')', tight: true });
        } else {
          for (const value of values) {
            valuePieces.push(pieces.length);
            push(value);
          }
        }
        comparisons.push({
          field,
          operator,
          fieldPiece,
          operatorPiece,
          valuePieces,
          endPiece: pieces.length,
        });
        return;
      }
      case 'group':
        push({ text: '(' });
        visit(node.child, false);
        push({ text: ')', tight: true });
        return;
      case 'not':
        push({ text: 'not' });
        visit(node.child, true);
        return;
      default:
        visit(node.children[0], true);
        push({ text: node.kind });
        visit(node.children[1], true);
    }
  };
  visit(root, false);
  let text = '';
  const starts: number[] = [];
  pieces.forEach((piece, i) => {
    const afterOpen = i > 0 && pieces[i - 1]!.text === '(';
    const space = SPACES[spaces[i % spaces.length]! % SPACES.length]!;
    if (i > 0 && !piece.tight && !afterOpen) text += space;
    else if (i > 0 && loose && spaces[i % spaces.length]! % 3 === 0) text += space;
    starts.push(text.length);
    text += piece.text;
  });
  return { pieces, text, starts, comparisons };
}

/** Valid filters for `schema` (which must have a usable pair). */
export function validFilter(schema: Schema): fc.Arbitrary<GeneratedFilter> {
  return fc
    .tuple(
      tree(schema, usablePairs(schema)),
      fc.array(fc.nat(), { minLength: 1, maxLength: 16 }),
      fc.boolean(),
    )
    .map(([root, spaces, loose]) => layOut(root, spaces, loose));
}

/** A valid value for `field` after `operator`, to finish a comparison after a swapped part. */
export function validTail(field: FieldSchema, operator: PrimitiveOperator): string {
  if (operator === 'pr' || operator === 'isnull') return '';
  let value: string;
  switch (field.type) {
    case 'string':
      value = quoteString(field.enum?.[0] ?? 'x');
      break;
    case 'number':
    case 'integer':
      value = '1';
      break;
    case 'boolean':
      value = 'true';
      break;
    case 'date-time':
      value = '2022-02-07T20:13:29Z';
      break;
    default:
      value = '"x"';
  }
  return operator === 'in' || operator === 'ca' ? `(${value})` : value;
}

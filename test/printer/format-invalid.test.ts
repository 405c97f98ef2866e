import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  createAnd,
  createComparison,
  createDateTime,
  createField,
  createList,
  createNumber,
  createOr,
  createPresence,
} from '../../src/ast/index.js';
import { type Expression, format, InvalidAstError, parse, type ValueNode } from '../../src/index.js';
import { expressionNode } from '../support/ast-arbitraries.js';
import { sexpr } from '../support/sexpr.js';

/**
 * `format` prints only trees whose text parses back to them: any other tree is an
 * `InvalidAstError`, never text that does not parse or parses to something else.
 */
const at = { start: 0, end: 0 };
const field = createField('a', at);
const eq = (value: unknown) => createComparison(field, 'eq', at, value as ValueNode, at);
const raw = (node: unknown) => node as Expression;

const INVALID: readonly (readonly [string, Expression])[] = [
  ['an impossible date', eq(raw({ kind: 'date-time', text: '2023-02-30', span: at }))],
  ['a date with hour 24', eq(raw({ kind: 'date-time', text: '2023-02-03T24:00:00Z', span: at }))],
  ['an empty or', raw({ kind: 'or', operands: [], span: at })],
  ['an and of one operand', raw({ kind: 'and', operands: [createPresence(field, 'pr', at, at)], span: at })],
  ['an empty in list', raw({ kind: 'list', field, operator: 'in', operatorSpan: at, values: [], span: at })],
  [
    'an unknown operator',
    raw({
      kind: 'comparison',
      field,
      operator: 'like',
      operatorSpan: at,
      value: createNumber('1', at),
      span: at,
    }),
  ],
  ['an unknown kind', raw({ kind: 'xor', span: at })],
  [
    'an unknown kind inside an and',
    raw({ kind: 'and', operands: [createPresence(field, 'pr', at, at), { kind: 'xor' }], span: at }),
  ],
  ['a null operand', raw({ kind: 'not', operand: null, span: at })],
  ['a predicate without field', raw({ kind: 'presence', operator: 'pr', span: at })],
  ['a boolean that is a string', eq(raw({ kind: 'boolean', value: 'yes', span: at }))],
  ['a value that is no value', eq(raw({ kind: 'field', name: 'b', span: at }))],
];

describe('format refuses trees that would not parse back', () => {
  it.each(INVALID)('%s: InvalidAstError', (_, tree) => {
    expect(() => format(tree)).toThrow(InvalidAstError);
  });

  it('prints the valid neighbours of those trees', () => {
    expect(format(eq(createDateTime('2024-02-29', at)))).toBe('a eq 2024-02-29');
    expect(format(createList(field, 'in', at, [createNumber('1', at)], at))).toBe('a in (1)');
    const pr = createPresence(field, 'pr', at, at);
    expect(format(createOr([pr, createAnd([pr, pr], at)], at))).toBe('a pr or a pr and a pr');
  });

  it('on random trees with random damage: either InvalidAstError, or text that parses back to the tree', () => {
    const damage = fc.constantFrom('none', 'empty', 'single', 'date', 'list');
    fc.assert(
      fc.property(expressionNode, damage, fc.nat(), (tree, how, pick) => {
        const damaged = damageTree(tree, how, pick);
        let text: string | undefined;
        try {
          text = format(damaged);
        } catch (cause) {
          expect(cause).toBeInstanceOf(InvalidAstError);
        }
        if (text !== undefined) {
          const limits = { maxLength: 1 << 20, maxComparisons: 10_000, maxDepth: 256 };
          const parsed = parse(text, { limits });
          expect(parsed.ok, text).toBe(true);
          if (parsed.ok) expect(sexpr(parsed.ast), text).toBe(sexpr(damaged));
        }
      }),
      { numRuns: 300 },
    );
  });
});

/** A copy of `tree` with one node damaged the way `how` says (the `pick`-th candidate). */
function damageTree(tree: Expression, how: string, pick: number): Expression {
  const copy = structuredClone(tree) as unknown as Record<string, unknown>;
  const nodes: Record<string, unknown>[] = [];
  const stack = [copy];
  while (stack.length > 0) {
    const node = stack.pop()!;
    nodes.push(node);
    if (Array.isArray(node.operands)) stack.push(...(node.operands as Record<string, unknown>[]));
    if (node.operand) stack.push(node.operand as Record<string, unknown>);
  }
  const fits = nodes.filter((n) =>
    how === 'empty' || how === 'single'
      ? n.kind === 'and' || n.kind === 'or'
      : how === 'date'
        ? n.kind === 'comparison'
        : how === 'list'
          ? n.kind === 'list'
          : false,
  );
  const node = fits[pick % Math.max(1, fits.length)];
  if (node === undefined) return copy as unknown as Expression;
  if (how === 'empty') node.operands = [];
  if (how === 'single') node.operands = (node.operands as unknown[]).slice(0, 1);
  if (how === 'date') node.value = { kind: 'date-time', text: '2023-02-30', span: at };
  if (how === 'list') node.values = [];
  return copy as unknown as Expression;
}

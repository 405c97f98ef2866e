import { type Expression, format, type ValueNode } from '../../src/index.js';

/**
 * Writes a tree as a person might: random whitespace (spaces, tabs, line breaks, or none where
 * the language allows none), redundant parentheses around whole nodes, and `pr` before or after
 * the field. The tree it denotes is unchanged, so `parse` must give the tree back.
 */
export function noisyText(ast: Expression, seed: number): string {
  const random = seeded(seed);
  const space = (): string => [' ', '  ', '\t', '\n', '\r\n '][random.nextInt(0, 4)]!;
  const maybeSpace = (): string => (random.nextInt(0, 2) === 0 ? '' : space());
  const value = (v: ValueNode): string =>
    format({
      kind: 'comparison',
      field: { kind: 'field', name: 'x', span: { start: 0, end: 0 } },
      operator: 'eq',
      operatorSpan: { start: 0, end: 0 },
      value: v,
      span: { start: 0, end: 0 },
    }).slice(5);
  const write = (node: Expression, parent: number): string => {
    let own: number;
    let text: string;
    switch (node.kind) {
      case 'or':
      case 'and': {
        own = node.kind === 'or' ? 1 : 2;
        text = node.operands.map((o) => write(o, own + 0.5)).join(`${space()}${node.kind}${space()}`);
        break;
      }
      case 'not':
        own = 3;
        text = `not${space()}${write(node.operand, 3)}`;
        break;
      case 'comparison':
        own = 4;
        text = `${node.field.name}${space()}${node.operator}${space()}${value(node.value)}`;
        break;
      case 'list':
        own = 4;
        text = `${node.field.name}${space()}${node.operator}${maybeSpace()}(${maybeSpace()}${node.values.map(value).join(`${maybeSpace()},${maybeSpace()}`)}${maybeSpace()})`;
        break;
      case 'presence':
        own = 4;
        text =
          node.operator === 'pr' && random.nextInt(0, 1) === 0
            ? `pr${space()}${node.field.name}`
            : `${node.field.name}${space()}${node.operator}`;
        break;
    }
    const needed = own < parent;
    const redundant = !needed && random.nextInt(0, 5) === 0;
    return needed || redundant ? `(${maybeSpace()}${text}${maybeSpace()})` : text;
  };
  return `${maybeSpace()}${write(ast, 0)}${maybeSpace()}`;
}

/** mulberry32: a tiny deterministic generator, so a failing case replays from its seed. */
function seeded(seed: number): { nextInt(min: number, max: number): number } {
  let state = seed >>> 0;
  return {
    nextInt(min: number, max: number): number {
      state = (state + 0x6d2b79f5) >>> 0;
      let t = state;
      t = Math.imul(t ^ (t >>> 15), t | 1);
      t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
      const unit = ((t ^ (t >>> 14)) >>> 0) / 4294967296;
      return min + Math.floor(unit * (max - min + 1));
    },
  };
}

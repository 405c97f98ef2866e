import {
  type Expression,
  type ExpressionHandlers,
  isKeyword,
  scanDateTime,
  type ValueNode,
} from '../ast/index.js';
import { isFieldPath, isNumberLiteral } from '../syntax/chars.js';
import { quoteString } from '../syntax/quoted.js';

/** Options of {@link format}. */
export interface FormatOptions {
  /**
   * Where `pr` goes: `'postfix'` (`name pr`, the canonical form) or `'prefix'` (`pr name`, as
   * SailPoint's reference writes it). Default `'postfix'`.
   */
  readonly presence?: 'postfix' | 'prefix';
}

/** Thrown by {@link format} for a tree no parser could have produced (e.g. a field named `and`). */
export class InvalidAstError extends TypeError {
  override readonly name = 'InvalidAstError';
}

// Binding strength: a child binding less tightly than its parent needs parentheses.
const OR = 1;
const AND = 2;
const NOT = 3;
const ATOM = 4;

const strength: ExpressionHandlers<number> = {
  or: () => OR,
  and: () => AND,
  not: () => NOT,
  comparison: () => ATOM,
  list: () => ATOM,
  presence: () => ATOM,
};

/**
 * Writes a tree as canonical filter text: single spaces, lowercase operators, the fewest
 * parentheses that keep the tree (an `and` or `or` nested directly in one of the same kind keeps
 * its parentheses, because the parser would otherwise merge it), `pr` after the field, and string
 * escapes exactly where needed (`\"` and `\\`). `parse(format(ast))` gives back `ast`, spans aside.
 *
 * Iterative, so any depth of tree prints. Throws {@link InvalidAstError} for a field name or literal
 * that the language cannot express (a tree from `parse` never has one).
 */
export function format(ast: Expression, options?: FormatOptions): string {
  const prefixPresence = options?.presence === 'prefix';
  const out: string[] = [];
  // Work items: text to emit, or a node to print.
  const work: (string | Expression)[] = [ast];
  while (work.length > 0) {
    const item = work.pop()!;
    if (typeof item === 'string') {
      out.push(item);
      continue;
    }
    switch (item.kind) {
      case 'or':
      case 'and': {
        const own = item.kind === 'or' ? OR : AND;
        const separator = item.kind === 'or' ? ' or ' : ' and ';
        for (let i = item.operands.length - 1; i >= 0; i--) {
          pushOperand(work, item.operands[i]!, own, true);
          if (i > 0) work.push(separator);
        }
        break;
      }
      case 'not':
        pushOperand(work, item.operand, NOT, false);
        work.push('not ');
        break;
      case 'comparison':
        out.push(`${fieldText(item.field.name)} ${item.operator} ${valueText(item.value)}`);
        break;
      case 'list':
        out.push(`${fieldText(item.field.name)} ${item.operator} (${item.values.map(valueText).join(', ')})`);
        break;
      case 'presence':
        out.push(
          item.operator === 'pr' && prefixPresence
            ? `pr ${fieldText(item.field.name)}`
            : `${fieldText(item.field.name)} ${item.operator}`,
        );
        break;
    }
  }
  return out.join('');
}

/** Queues an operand, in parentheses when it binds less tightly than its parent (or equally, for and/or). */
function pushOperand(
  work: (string | Expression)[],
  operand: Expression,
  parent: number,
  nary: boolean,
): void {
  const child = strength[operand.kind](operand as never);
  const needsParens = child < parent || (nary && child === parent);
  if (needsParens) work.push(')', operand, '(');
  else work.push(operand);
}

function fieldText(name: string): string {
  if (!isFieldPath(name) || isKeyword(name)) {
    throw new InvalidAstError(`Not a field name the language can express: ${JSON.stringify(name)}`);
  }
  return name;
}

function valueText(value: ValueNode): string {
  switch (value.kind) {
    case 'string':
      // The language has no escape for a line break, and a raw one is an error.
      if (/[\n\r]/.test(value.value)) throw new InvalidAstError('A string value cannot contain a line break');
      return quoteString(value.value);
    case 'boolean':
      return value.value ? 'true' : 'false';
    case 'number':
      if (!isNumberLiteral(value.text))
        throw new InvalidAstError(`Not a number literal: ${JSON.stringify(value.text)}`);
      return value.text;
    case 'date-time':
      if (scanDateTime(value.text, 0) !== value.text.length) {
        throw new InvalidAstError(`Not an RFC 3339 date-time: ${JSON.stringify(value.text)}`);
      }
      return value.text;
  }
}

import {
  type Expression,
  type ExpressionKind,
  type ExpressionReducer,
  isDateTimeLiteral,
  reduceExpression,
  type ValueNode,
} from '../ast/index.js';
import { isFieldPath, isNumberLiteral } from '../language/chars.js';
import { isKeyword, isOperatorOfKind } from '../language/operators.js';
import { quoteString } from '../language/quoting.js';

/** Options of {@link format}. */
export interface FormatOptions {
  /**
   * Where `pr` goes: `'postfix'` (`name pr`, the canonical form) or `'prefix'` (`pr name`, as
   * SailPoint's reference writes it). Default `'postfix'`.
   */
  readonly presence?: 'postfix' | 'prefix';
}

/**
 * Thrown by {@link format} for a tree no parser could have produced, whose text would not parse
 * back to it: a field named `and`, an impossible date (`2023-02-30`), an `and`/`or` of fewer than
 * two operands, an empty list, an unknown kind or operator.
 */
export class InvalidAstError extends TypeError {
  override readonly name = 'InvalidAstError';
}

// Binding strength: a child binding less tightly than its parent needs parentheses.
const OR = 1;
const AND = 2;
const NOT = 3;
const ATOM = 4;

// One entry per kind: a new kind of node fails to compile here until it has a strength.
const strength: { readonly [K in ExpressionKind]: number } = {
  or: OR,
  and: AND,
  not: NOT,
  comparison: ATOM,
  list: ATOM,
  presence: ATOM,
};

/** `child`'s text as an operand of a node of strength `parent`: in parentheses when it binds less tightly (or equally, for and/or). */
function operandText(child: Expression, text: string, parent: number, nary: boolean): string {
  const own = strength[child.kind];
  return own < parent || (nary && own === parent) ? `(${text})` : text;
}

// The printer as a fold of the tree (ast/walk.ts): each node's text from its children's, built
// once at module level (format runs per request in some servers). The context says whether `pr`
// goes first. Strings are joined with `+`, which V8 keeps as ropes: linear at any depth.
const PRINT: ExpressionReducer<string, boolean> = {
  leaf(node, prefixPresence) {
    checkNode(node);
    const field = fieldText(node.field.name);
    switch (node.kind) {
      case 'comparison':
        return `${field} ${node.operator} ${valueText(node.value)}`;
      case 'list':
        return `${field} ${node.operator} (${node.values.map(valueText).join(', ')})`;
      default:
        return node.operator === 'pr' && prefixPresence ? `pr ${field}` : `${field} ${node.operator}`;
    }
  },
  childContext(node, prefixPresence) {
    // Checked on the way down, so a tree's first problem in document order is the one reported.
    checkNode(node);
    return prefixPresence;
  },
  combine(node, children) {
    if (children.length === 0) checkNode(node);
    if (node.kind === 'not') return `not ${operandText(node.operand, children[0]!, NOT, false)}`;
    const own = node.kind === 'or' ? OR : AND;
    const separator = node.kind === 'or' ? ' or ' : ' and ';
    let text = operandText(node.operands[0]!, children[0]!, own, true);
    for (let i = 1; i < children.length; i++) {
      text = text + separator + operandText(node.operands[i]!, children[i]!, own, true);
    }
    return text;
  },
  malformed(node) {
    // What is no object has no kind (a function may hold one); checkNode words the rest, an
    // unknown kind included.
    if (typeof node !== 'object' || node === null) {
      throw new InvalidAstError(
        `Not an expression kind: ${String((node as { kind?: unknown } | null)?.kind)}`,
      );
    }
    checkNode(node as Expression);
    throw new InvalidAstError('Not an expression node');
  },
};

/**
 * Writes a tree as canonical filter text: single spaces, lowercase operators, the fewest
 * parentheses that keep the tree (an `and` or `or` nested directly in one of the same kind keeps
 * its parentheses, because the parser would otherwise merge it), `pr` after the field, and string
 * escapes exactly where needed (`\"` and `\\`). `parse(format(ast))` gives back `ast`, spans aside.
 *
 * Iterative, so any depth of tree prints. Throws {@link InvalidAstError} for any tree whose text
 * would not parse back to it (a tree from `parse` never is one): a field name or literal the
 * language cannot express, an `and`/`or` of fewer than two operands, an empty list, an unknown
 * kind or operator.
 */
export function format(ast: Expression, options?: FormatOptions): string {
  // Not even an object: say so, as no walk can.
  if (typeof ast !== 'object' || ast === null) checkNode(ast);
  return reduceExpression(ast, options?.presence === 'prefix', PRINT);
}

/** Throws {@link InvalidAstError} unless `node` has a shape the parser produces (children aside). */
function checkNode(node: Expression): void {
  const item = node as unknown as Record<string, unknown> | null;
  if (typeof item !== 'object' || item === null) throw new InvalidAstError('Not an expression node');
  const kind = item.kind;
  if (kind === 'and' || kind === 'or') {
    if (!Array.isArray(item.operands) || item.operands.length < 2) {
      throw new InvalidAstError(`An \`${kind}\` needs at least two operands`);
    }
    return;
  }
  if (kind === 'not') {
    if (typeof item.operand !== 'object' || item.operand === null)
      throw new InvalidAstError('A `not` needs an operand');
    return;
  }
  if (kind !== 'comparison' && kind !== 'list' && kind !== 'presence') {
    throw new InvalidAstError(`Not an expression kind: ${String(kind)}`);
  }
  if (typeof item.field !== 'object' || item.field === null)
    throw new InvalidAstError('A predicate needs a field');
  // A predicate's kind is the kind of its operator's row in the operator table.
  if (!isOperatorOfKind(item.operator, kind)) {
    throw new InvalidAstError(`Not a ${kind} operator: ${String(item.operator)}`);
  }
  if (kind === 'list' && (!Array.isArray(item.values) || item.values.length === 0)) {
    throw new InvalidAstError(`\`${item.operator}\` needs at least one value: an empty list does not parse`);
  }
}

/** A field name as written, or {@link InvalidAstError} when the language cannot write it. */
export function fieldText(name: string): string {
  if (typeof name !== 'string' || !isFieldPath(name) || isKeyword(name)) {
    throw new InvalidAstError(`Not a field name the language can express: ${JSON.stringify(name)}`);
  }
  return name;
}

/** A literal as written, or {@link InvalidAstError} when the language cannot write it. */
export function valueText(value: ValueNode): string {
  switch (value?.kind) {
    case 'string':
      if (typeof value.value !== 'string') throw new InvalidAstError('A string value must be a string');
      // The language has no escape for a line break, and a raw one is an error.
      if (/[\n\r]/.test(value.value)) throw new InvalidAstError('A string value cannot contain a line break');
      return quoteString(value.value);
    case 'boolean':
      if (typeof value.value !== 'boolean') throw new InvalidAstError('A boolean value must be a boolean');
      return value.value ? 'true' : 'false';
    case 'number':
      if (typeof value.text !== 'string' || !isNumberLiteral(value.text))
        throw new InvalidAstError(`Not a number literal: ${JSON.stringify(value.text)}`);
      return value.text;
    case 'date-time': {
      // The text must be RFC 3339 and the date must exist: the parser rejects `2023-02-30`.
      if (typeof value.text !== 'string' || !isDateTimeLiteral(value.text)) {
        throw new InvalidAstError(`Not a valid RFC 3339 date-time: ${JSON.stringify(value.text)}`);
      }
      return value.text;
    }
    default:
      throw new InvalidAstError('Not a value node');
  }
}

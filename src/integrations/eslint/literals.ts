/**
 * From ESTree nodes to the literals that hold filter text: a string literal or a template
 * literal written in place, or reached through a `const` whose initializer is one (the request
 * object or the filter built a few lines up). Reaching through variables uses ESLint's scope
 * analysis, so it works in plain JavaScript; nothing here needs type information.
 */
import type { Rule, Scope } from 'eslint';
import type * as ESTree from 'estree';
import type { EmbeddedLiteral } from '../../embedded/check.js';

/** A node that holds filter text: a string literal or a template literal (tagged or not). */
export type FilterLiteral = ESTree.Literal | ESTree.TemplateLiteral;

type Node = ESTree.Node;

/** The variable a name refers to where it is used, looked up through the enclosing scopes. */
export function variableOf(context: Rule.RuleContext, name: ESTree.Identifier): Scope.Variable | undefined {
  for (let scope: Scope.Scope | null = context.sourceCode.getScope(name); scope; scope = scope.upper) {
    const found = scope.set.get(name.name);
    if (found) return found;
  }
  return undefined;
}

/** The initializer of a variable that is declared once with one and never assigned again. */
function constantInitializer(variable: Scope.Variable): Node | undefined {
  if (variable.defs.length !== 1) return undefined;
  const def = variable.defs[0]!;
  if (def.type !== 'Variable' || def.node.id.type !== 'Identifier' || !def.node.init) return undefined;
  const written = variable.references.filter((reference) => reference.isWrite());
  if (written.length > 1 || (written.length === 1 && written[0]!.writeExpr !== def.node.init))
    return undefined;
  return def.node.init;
}

/** TypeScript's wrappers that leave the value as it is: `x as T`, `x satisfies T`, `x!`, `<T>x`. */
const TYPE_WRAPPERS: ReadonlySet<string> = new Set([
  'TSAsExpression',
  'TSSatisfiesExpression',
  'TSNonNullExpression',
  'TSTypeAssertion',
]);

const unwrap = (node: Node): Node => {
  let current = node;
  while (TYPE_WRAPPERS.has(current.type)) current = (current as unknown as { expression: Node }).expression;
  return current;
};

/** Follows a name to the expression it stands for (up to a few steps), else the node itself. */
export function resolveExpression(context: Rule.RuleContext, node: Node): Node {
  let current = unwrap(node);
  for (let step = 0; step < 8 && current.type === 'Identifier'; step++) {
    const variable = variableOf(context, current);
    const init = variable ? constantInitializer(variable) : undefined;
    if (!init) break;
    current = unwrap(init);
  }
  return current;
}

/** The filter literal an expression is or stands for, if it is one. */
export function filterLiteralOf(context: Rule.RuleContext, node: Node): FilterLiteral | undefined {
  const resolved = resolveExpression(context, node);
  if (resolved.type === 'Literal' && typeof resolved.value === 'string') return resolved;
  if (resolved.type === 'TemplateLiteral') return resolved;
  return undefined;
}

/** The value of property `name` of an object literal (or what a name stands for), when written there. */
export function propertyValue(context: Rule.RuleContext, node: Node, name: string): Node | undefined {
  const object = resolveExpression(context, node);
  if (object.type !== 'ObjectExpression') return undefined;
  let found: Node | undefined;
  for (const property of object.properties) {
    if (property.type !== 'Property' || property.kind !== 'init') continue;
    const key = property.key;
    const keyName = property.computed
      ? key.type === 'Literal' && typeof key.value === 'string'
        ? key.value
        : undefined
      : key.type === 'Identifier'
        ? key.name
        : key.type === 'Literal'
          ? String(key.value)
          : undefined;
    // The last one written wins at run time, as in the object itself.
    if (keyName === name) found = property.value;
  }
  return found;
}

/** A literal as the embedded checker takes it: the text between its delimiters, in pieces. */
export function embeddedLiteral(context: Rule.RuleContext, literal: FilterLiteral): EmbeddedLiteral {
  const source = context.sourceCode.text;
  const [start, end] = literal.range!;
  if (literal.type === 'Literal') {
    return { source, pieces: [{ start: start + 1, end: end - 1 }], kind: 'string', quote: source[start]! };
  }
  // A template element's range runs from its opening delimiter (` or }) to its closing one (` or ${).
  const pieces = literal.quasis.map((quasi) => {
    const [from, to] = quasi.range!;
    return { start: from + 1, end: to - (quasi.tail ? 1 : 2) };
  });
  return { source, pieces, kind: 'template' };
}

/** The module an imported name comes from and its name there, for `import` and `require`. */
export function importOf(
  context: Rule.RuleContext,
  name: ESTree.Identifier,
): { module: string; imported: string } | undefined {
  const variable = variableOf(context, name);
  const def = variable?.defs.length === 1 ? variable.defs[0] : undefined;
  if (!def) return undefined;
  if (def.type === 'ImportBinding') {
    const parent = def.parent as ESTree.ImportDeclaration;
    const module = String(parent.source.value);
    const node = def.node;
    if (node.type === 'ImportSpecifier') {
      const imported = node.imported.type === 'Identifier' ? node.imported.name : String(node.imported.value);
      return { module, imported };
    }
    return { module, imported: node.type === 'ImportDefaultSpecifier' ? 'default' : '*' };
  }
  if (def.type === 'Variable') return requiredName(def.node, name.name);
  return undefined;
}

/** `const { A: B } = require('m')` and `const m = require('m')`. */
function requiredName(
  declarator: ESTree.VariableDeclarator,
  local: string,
): { module: string; imported: string } | undefined {
  const init = declarator.init;
  if (
    init?.type !== 'CallExpression' ||
    init.callee.type !== 'Identifier' ||
    init.callee.name !== 'require' ||
    init.arguments[0]?.type !== 'Literal' ||
    typeof init.arguments[0].value !== 'string'
  )
    return undefined;
  const module = init.arguments[0].value;
  if (declarator.id.type === 'Identifier') return { module, imported: '*' };
  if (declarator.id.type !== 'ObjectPattern') return undefined;
  for (const property of declarator.id.properties) {
    if (property.type !== 'Property' || property.value.type !== 'Identifier' || property.value.name !== local)
      continue;
    if (property.key.type === 'Identifier' && !property.computed)
      return { module, imported: property.key.name };
  }
  return undefined;
}

/**
 * The exported name an expression refers to in `modules`: `X` imported (or required) from one
 * of them, or `ns.X` where `ns` is the module's namespace.
 */
export function importedName(
  context: Rule.RuleContext,
  node: Node,
  modules: readonly string[],
): string | undefined {
  if (node.type === 'Identifier') {
    const found = importOf(context, node);
    return found && modules.includes(found.module) && found.imported !== '*' ? found.imported : undefined;
  }
  if (node.type === 'MemberExpression' && !node.computed && node.object.type === 'Identifier') {
    const found = importOf(context, node.object);
    if (
      found &&
      modules.includes(found.module) &&
      (found.imported === '*' || found.imported === 'default') &&
      node.property.type === 'Identifier'
    )
      return node.property.name;
  }
  return undefined;
}

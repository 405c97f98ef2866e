/**
 * The filter literals of a source file, found on TypeScript's syntax tree with its type checker:
 * the `filters` of a request passed to a `sailpoint-api-client` API method (the class known from
 * the object's type), the text passed to v3-filters' `parse`, `v3f` tagged templates, and the
 * targets declared in the plugin's configuration. The same targets as the ESLint rule.
 */
import type * as ts from 'typescript';
import type { EmbeddedLiteral } from '../../embedded/check.js';
import { findSailPointOperation } from '../../sailpoint/find.js';
import type { Schema } from '../../schema/types.js';

/** A target the configuration declares: `{ callee, argument?, property?, schema? }` (as the ESLint rule's). */
export interface ConfiguredTarget {
  readonly callee: string;
  readonly argument?: number;
  readonly property?: string;
  readonly schema?: Schema;
}

/** A literal holding filter text, its schema, and how the checker takes it. */
export interface FoundLiteral {
  readonly node: ts.Node;
  readonly literal: EmbeddedLiteral;
  readonly schema: Schema | undefined;
}

const OWN_MODULES = new Set(['v3-filters', 'v3-filters/builder']);
const inSdk = (fileName: string) => /[\\/]sailpoint-api-client[\\/]/.test(fileName);

/** TypeScript's module object, as the plugin receives it from tsserver. */
type Ts = typeof ts;

export class TargetFinder {
  constructor(
    private readonly t: Ts,
    private readonly checker: ts.TypeChecker,
    private readonly targets: readonly ConfiguredTarget[],
  ) {}

  /** Strips the wrappers that leave a value as it is, and follows `const`s to their initializers. */
  resolve(node: ts.Expression): ts.Expression {
    const t = this.t;
    let current = node;
    for (let step = 0; step < 16; step++) {
      if (
        t.isParenthesizedExpression(current) ||
        t.isAsExpression(current) ||
        t.isSatisfiesExpression(current) ||
        t.isNonNullExpression(current) ||
        t.isTypeAssertionExpression(current)
      ) {
        current = current.expression;
        continue;
      }
      if (!t.isIdentifier(current)) break;
      const declaration = this.checker.getSymbolAtLocation(current)?.valueDeclaration;
      if (
        !declaration ||
        !t.isVariableDeclaration(declaration) ||
        !declaration.initializer ||
        !(t.getCombinedNodeFlags(declaration) & t.NodeFlags.Const)
      )
        break;
      current = declaration.initializer;
    }
    return current;
  }

  /** The module and exported name an identifier was imported as, through its import specifier. */
  private importedAs(node: ts.Expression): { module: string; name: string } | undefined {
    const t = this.t;
    if (t.isPropertyAccessExpression(node)) {
      const outer = this.importedAs(node.expression);
      return outer && outer.name === '*' ? { module: outer.module, name: node.name.text } : undefined;
    }
    if (!t.isIdentifier(node)) return undefined;
    const declaration = this.checker.getSymbolAtLocation(node)?.declarations?.[0];
    if (!declaration) return undefined;
    if (t.isImportSpecifier(declaration)) {
      const module = declaration.parent.parent.parent.moduleSpecifier;
      const name = (declaration.propertyName ?? declaration.name).text;
      return t.isStringLiteral(module) ? { module: module.text, name } : undefined;
    }
    if (t.isNamespaceImport(declaration)) {
      const module = declaration.parent.parent.moduleSpecifier;
      return t.isStringLiteral(module) ? { module: module.text, name: '*' } : undefined;
    }
    return undefined;
  }

  private isOwn(node: ts.Expression, name: string): boolean {
    const found = this.importedAs(node);
    return found !== undefined && OWN_MODULES.has(found.module) && found.name === name;
  }

  /** The SDK class of an API object, from its type. */
  private sdkClass(node: ts.Expression): string | undefined {
    const type = this.checker.getNonNullableType(this.checker.getTypeAtLocation(node));
    const symbol = type.getSymbol();
    return symbol?.getDeclarations()?.some((d) => inSdk(d.getSourceFile().fileName))
      ? symbol.getName()
      : undefined;
  }

  private property(node: ts.Expression, name: string): ts.Expression | undefined {
    const t = this.t;
    const object = this.resolve(node);
    if (!t.isObjectLiteralExpression(object)) return undefined;
    let found: ts.Expression | undefined;
    for (const member of object.properties) {
      const key =
        member.name && (t.isIdentifier(member.name) || t.isStringLiteral(member.name))
          ? member.name.text
          : undefined;
      if (key !== name) continue;
      if (t.isPropertyAssignment(member)) found = member.initializer;
      else if (t.isShorthandPropertyAssignment(member)) found = member.name;
    }
    return found;
  }

  private dottedName(node: ts.Expression): string[] | undefined {
    const t = this.t;
    if (t.isIdentifier(node)) return [node.text];
    if (node.kind === t.SyntaxKind.ThisKeyword) return ['this'];
    if (t.isPropertyAccessExpression(node) && t.isIdentifier(node.name)) {
      const outer = this.dottedName(node.expression);
      return outer ? [...outer, node.name.text] : undefined;
    }
    return undefined;
  }

  /** The arguments of a call that hold filter text, with their schemas. */
  private callTargets(call: ts.CallExpression): { value: ts.Expression; schema: Schema | undefined }[] {
    const t = this.t;
    const found: { value: ts.Expression; schema: Schema | undefined }[] = [];
    const callee = call.expression;
    const first = call.arguments[0];
    if (t.isPropertyAccessExpression(callee) && first) {
      const className = this.sdkClass(callee.expression);
      const operation = className && findSailPointOperation(className, callee.name.text);
      const value = operation ? this.property(first, 'filters') : undefined;
      if (operation && value) found.push({ value, schema: operation.schema });
    }
    if (first && this.isOwn(callee, 'parse')) found.push({ value: first, schema: undefined });
    const name = this.dottedName(callee);
    for (const target of name ? this.targets : []) {
      const wanted = target.callee.split('.');
      if (
        wanted.length > name!.length ||
        wanted.some((part, i) => name![name!.length - wanted.length + i] !== part)
      )
        continue;
      const argument = call.arguments[target.argument ?? 0];
      const value = argument && (target.property ? this.property(argument, target.property) : argument);
      if (value) found.push({ value, schema: target.schema });
    }
    return found;
  }

  /** A literal's body as the embedded checker takes it. */
  private embedded(node: ts.Node, source: string): EmbeddedLiteral | undefined {
    const t = this.t;
    const start = node.getStart();
    if (t.isStringLiteral(node)) {
      return {
        source,
        pieces: [{ start: start + 1, end: node.end - 1 }],
        kind: 'string',
        quote: source[start]!,
      };
    }
    if (t.isNoSubstitutionTemplateLiteral(node)) {
      return { source, pieces: [{ start: start + 1, end: node.end - 1 }], kind: 'template' };
    }
    if (t.isTemplateExpression(node)) {
      const pieces = [{ start: start + 1, end: node.head.end - 2 }];
      for (const span of node.templateSpans) {
        const tail = t.isTemplateTail(span.literal);
        pieces.push({ start: span.literal.getStart() + 1, end: span.literal.end - (tail ? 1 : 2) });
      }
      return { source, pieces, kind: 'template' };
    }
    return undefined;
  }

  /** The literal a target's value is or stands for; a template under another tag than `v3f` is none. */
  private literalOf(value: ts.Expression): ts.Node | undefined {
    const t = this.t;
    const resolved = this.resolve(value);
    if (t.isTaggedTemplateExpression(resolved))
      return this.isOwn(resolved.tag, 'v3f') ? resolved.template : undefined;
    if (
      t.isStringLiteral(resolved) ||
      t.isNoSubstitutionTemplateLiteral(resolved) ||
      t.isTemplateExpression(resolved)
    ) {
      const parent = resolved.parent;
      if (parent && t.isTaggedTemplateExpression(parent) && !this.isOwn(parent.tag, 'v3f')) return undefined;
      return resolved;
    }
    return undefined;
  }

  /** Every filter literal of the file, each once (with the first schema that reached it). */
  find(file: ts.SourceFile): FoundLiteral[] {
    const t = this.t;
    const source = file.text;
    const found = new Map<ts.Node, FoundLiteral>();
    const add = (node: ts.Node | undefined, schema: Schema | undefined) => {
      const literal = node && node.getSourceFile() === file ? this.embedded(node, source) : undefined;
      const known = node && found.get(node);
      if (node && literal && (!known || (known.schema === undefined && schema !== undefined)))
        found.set(node, { node, literal, schema });
    };
    const visit = (node: ts.Node): void => {
      if (t.isCallExpression(node)) {
        for (const target of this.callTargets(node)) add(this.literalOf(target.value), target.schema);
      } else if (t.isTaggedTemplateExpression(node) && this.isOwn(node.tag, 'v3f')) {
        add(node.template, undefined);
      }
      t.forEachChild(node, visit);
    };
    visit(file);
    return [...found.values()];
  }
}

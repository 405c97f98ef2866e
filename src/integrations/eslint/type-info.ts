/**
 * Type information, when typescript-eslint provides it (`parserOptions.projectService`): the SDK
 * class of an API object however it was made (a parameter, a field, a factory's result, an
 * alias). Only the shapes used here are declared, so the plugin neither imports TypeScript nor
 * needs it installed when linting plain JavaScript.
 */
import type { Rule } from 'eslint';
import type * as ESTree from 'estree';

interface TsSymbol {
  getName(): string;
  getDeclarations(): readonly { getSourceFile(): { fileName: string } }[] | undefined;
}

interface TsType {
  getSymbol(): TsSymbol | undefined;
  aliasSymbol?: TsSymbol;
  getNonNullableType?(): TsType;
}

interface TsServices {
  program?: { getTypeChecker(): { getTypeAtLocation(node: unknown): TsType } } | null;
  esTreeNodeToTSNodeMap?: { get(node: unknown): unknown };
}

/** Whether a declaration file belongs to `sailpoint-api-client`. */
const inSdk = (fileName: string) => /[\\/]sailpoint-api-client[\\/]/.test(fileName);

/** The class name of `node`'s type when that class is declared by `sailpoint-api-client`. */
export function sailPointClassFromTypes(context: Rule.RuleContext, node: ESTree.Node): string | undefined {
  const services = context.sourceCode.parserServices as TsServices | undefined;
  const program = services?.program;
  const map = services?.esTreeNodeToTSNodeMap;
  if (!program || !map) return undefined;
  const tsNode = map.get(node);
  if (tsNode === undefined) return undefined;
  let type = program.getTypeChecker().getTypeAtLocation(tsNode);
  if (type.getNonNullableType) type = type.getNonNullableType();
  const symbol = type.getSymbol();
  if (!symbol) return undefined;
  const declarations = symbol.getDeclarations() ?? [];
  return declarations.some((d) => inSdk(d.getSourceFile().fileName)) ? symbol.getName() : undefined;
}

/**
 * `v3-filters/no-unsafe-interpolation`: a template literal with `${…}` written where filter text
 * goes. The interpolated value is spliced into the text, so one holding a `"` (or ` or `) changes
 * what the filter selects. The suggestion tags it with `v3f`, which writes each value in the
 * filter's syntax, when every substitution stands where the tag takes a value.
 */
import type { Rule, Scope } from 'eslint';
import type * as ESTree from 'estree';
import { isV3fTag, targetLiteral, targetsOfCall } from './targets.js';
import { v3fProblem } from './v3f.js';
import { TARGETS_OPTION_SCHEMA, targetsOption } from './valid-filters.js';

/**
 * Whether the template reads the same under `v3f`: every substitution stands where the tag takes
 * a value (after an operator, in a list, inside a double-quoted string, whose text it joins).
 */
export function v3fAccepts(template: ESTree.TemplateLiteral): boolean {
  const parts = template.quasis.map((quasi) => quasi.value.cooked);
  if (parts.some((part) => typeof part !== 'string')) return false;
  return v3fProblem(parts as string[]) === undefined;
}

/** The name `v3f` is imported under in this file, or `'v3f'` when an import can be added; else none. */
function v3fName(
  context: Rule.RuleContext,
  node: ESTree.Node,
): { name: string; addImport: boolean } | undefined {
  const program = context.sourceCode.ast;
  for (const statement of program.body) {
    if (
      statement.type !== 'ImportDeclaration' ||
      !['v3-filters', 'v3-filters/builder'].includes(String(statement.source.value))
    )
      continue;
    for (const specifier of statement.specifiers) {
      if (specifier.type === 'ImportSpecifier' && isV3fTag(context, specifier.local))
        return { name: specifier.local.name, addImport: false };
    }
  }
  for (let scope: Scope.Scope | null = context.sourceCode.getScope(node); scope; scope = scope.upper) {
    if (scope.set.has('v3f') || scope.through.some((reference) => reference.identifier.name === 'v3f'))
      return undefined;
  }
  if (program.sourceType !== 'module') return undefined;
  return { name: 'v3f', addImport: true };
}

export const noUnsafeInterpolation: Rule.RuleModule = {
  meta: {
    type: 'suggestion',
    docs: {
      description:
        'Disallow substitutions spliced into filter text: write values with the `v3f` tag, which keeps them values',
      recommended: true,
    },
    hasSuggestions: true,
    schema: [TARGETS_OPTION_SCHEMA],
    messages: {
      unsafe:
        'A value interpolated into filter text can change what the filter selects (a value holding `"` ends the string): write the filter with the `v3f` tag, which writes each value in the filter\'s syntax.',
      useV3f: 'Rewrite with the `v3f` tag.',
    },
  },
  create(context) {
    const targets = targetsOption(context);
    const seen = new Set<ESTree.Node>();
    const sourceCode = context.sourceCode;
    return {
      CallExpression(call) {
        for (const target of targetsOfCall(context, call, targets)) {
          const literal = targetLiteral(context, target.value);
          if (literal?.type !== 'TemplateLiteral' || literal.expressions.length === 0 || seen.has(literal))
            continue;
          const parent = (literal as { parent?: ESTree.Node }).parent;
          if (parent?.type === 'TaggedTemplateExpression') continue;
          seen.add(literal);
          const first = literal.quasis[0]!.range![1] - 2;
          const tag = v3fAccepts(literal) ? v3fName(context, literal) : undefined;
          const firstStatement = sourceCode.ast.body[0];
          const importAt = firstStatement ? firstStatement.range![0] : 0;
          context.report({
            loc: {
              start: sourceCode.getLocFromIndex(first),
              end: sourceCode.getLocFromIndex(literal.quasis[1]!.range![0] + 1),
            },
            messageId: 'unsafe',
            ...(tag !== undefined
              ? {
                  suggest: [
                    {
                      messageId: 'useV3f',
                      fix: (fixer) => [
                        ...(tag.addImport
                          ? [
                              fixer.insertTextBeforeRange(
                                [importAt, importAt],
                                "import { v3f } from 'v3-filters';\n",
                              ),
                            ]
                          : []),
                        fixer.insertTextBefore(literal, tag.name),
                      ],
                    },
                  ],
                }
              : {}),
          });
        }
      },
    };
  },
};

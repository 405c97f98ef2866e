/**
 * `v3-filters/no-unsafe-interpolation`: a template literal with `${…}` written where filter text
 * goes. The interpolated value is spliced into the text, so one holding a `"` (or ` or `) changes
 * what the filter selects. The suggestion rewrites it to the `v3f` tag, which writes each value in
 * the filter's syntax, when every substitution stands where a value goes (alone, or alone between
 * quotes, which the tag then writes itself).
 */
import type { Rule, Scope, SourceCode } from 'eslint';
import type * as ESTree from 'estree';
import { cookLiteral } from '../../embedded/cook.js';
import { parse } from '../../syntax/parse.js';
import { isV3fTag, targetLiteral, targetsOfCall } from './targets.js';
import { TARGETS_OPTION_SCHEMA, targetsOption } from './valid-filters.js';

/**
 * The template rewritten for `v3f` (quotes around a lone substitution dropped), or `undefined`
 * when some substitution does not stand where a value goes.
 */
export function v3fTemplate(sourceCode: SourceCode, template: ESTree.TemplateLiteral): string | undefined {
  const text = sourceCode.text;
  const raws = template.quasis.map((quasi) => {
    const [from, to] = quasi.range!;
    return text.slice(from + 1, to - (quasi.tail ? 1 : 2));
  });
  const holes = template.expressions.map((expression) => sourceCode.getText(expression));
  for (let i = 0; i < holes.length; i++) {
    if (raws[i]!.endsWith('"') && !raws[i]!.endsWith('\\"') && raws[i + 1]!.startsWith('"')) {
      raws[i] = raws[i]!.slice(0, -1);
      raws[i + 1] = raws[i + 1]!.slice(1);
    }
  }
  let rewritten = '`';
  const pieces: { start: number; end: number }[] = [];
  for (const [index, raw] of raws.entries()) {
    if (index > 0) rewritten += `\${${holes[index - 1]}}`;
    pieces.push({ start: rewritten.length, end: rewritten.length + raw.length });
    rewritten += raw;
  }
  rewritten += '`';
  const cooked = cookLiteral(rewritten, pieces, 'template', () => '"x"');
  if (cooked === undefined) return undefined;
  const parsed = parse(cooked.text);
  const misplaced = parsed.diagnostics.some(
    (d) =>
      d.severity === 'error' &&
      cooked.holes.some(
        (hole) => d.span.start < hole.end && hole.start < d.span.end + (d.span.start === d.span.end ? 1 : 0),
      ),
  );
  return misplaced ? undefined : rewritten;
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
          const rewritten = v3fTemplate(sourceCode, literal);
          const tag = rewritten === undefined ? undefined : v3fName(context, literal);
          const firstStatement = sourceCode.ast.body[0];
          const importAt = firstStatement ? firstStatement.range![0] : 0;
          context.report({
            loc: {
              start: sourceCode.getLocFromIndex(first),
              end: sourceCode.getLocFromIndex(literal.quasis[1]!.range![0] + 1),
            },
            messageId: 'unsafe',
            ...(rewritten !== undefined && tag !== undefined
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
                        fixer.replaceText(literal, `${tag.name}${rewritten}`),
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

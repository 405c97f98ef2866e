/**
 * `v3-filters/valid-filters`: parses and validates filter text where it is written, reporting each
 * problem at the characters of the literal that hold the offending token, with the library's
 * message; the library's certain fixes become ESLint fixes, the others suggestions.
 */
import type { Rule } from 'eslint';
import type * as ESTree from 'estree';
import { checkEmbedded, type EmbeddedFix } from '../../embedded/check.js';
import type { Schema } from '../../schema/types.js';
import { embeddedLiteral, type FilterLiteral } from './literals.js';
import { isV3fTag, targetLiteral, targetsOfCall, type UserTarget } from './targets.js';
import { v3fProblem } from './v3f.js';

/** The rule's options: targets for the user's own APIs. */
export interface ValidFiltersOptions {
  readonly targets?: readonly UserTarget[];
}

/** The JSON schema of the options: ESLint checks a configuration against it before linting. */
export const TARGETS_OPTION_SCHEMA = {
  type: 'object',
  properties: {
    targets: {
      type: 'array',
      items: {
        type: 'object',
        properties: {
          callee: { type: 'string', minLength: 1 },
          argument: { type: 'integer', minimum: 0 },
          property: { type: 'string', minLength: 1 },
          schema: { type: 'object' },
        },
        required: ['callee'],
        additionalProperties: false,
      },
    },
  },
  additionalProperties: false,
} as const;

/** The user's targets from the rule's options (ESLint has checked their shape). */
export function targetsOption(context: Rule.RuleContext): readonly UserTarget[] {
  const options = context.options[0] as ValidFiltersOptions | undefined;
  return options?.targets ?? [];
}

/** Whether a template literal is the template of a `v3f` tag. */
function isV3fQuasi(context: Rule.RuleContext, literal: FilterLiteral): boolean {
  const parent = (literal as { parent?: ESTree.Node }).parent;
  return (
    parent?.type === 'TaggedTemplateExpression' && parent.quasi === literal && isV3fTag(context, parent.tag)
  );
}

function fixOf(fix: EmbeddedFix): Rule.ReportFixer {
  return (fixer) =>
    fix.edits.map((edit) => fixer.replaceTextRange([edit.span.start, edit.span.end], edit.text));
}

export const validFilters: Rule.RuleModule = {
  meta: {
    type: 'problem',
    docs: {
      description:
        'Parse and validate filter text where it is written, against the schema of the API that takes it',
      recommended: true,
    },
    fixable: 'code',
    hasSuggestions: true,
    schema: [TARGETS_OPTION_SCHEMA],
    messages: {
      problem: '{{message}}',
      fix: '{{message}}',
      invalidSchema: '{{message}}',
      v3fThrows: 'v3f throws FilterBuildError here at run time: {{message}}',
    },
  },
  create(context) {
    const targets = targetsOption(context);
    const reported = new Set<string>();
    const sourceCode = context.sourceCode;

    /** A `v3f` template's substitution where the tag throws: reported at the `${…}`. */
    function checkV3f(literal: FilterLiteral): void {
      if (literal.type !== 'TemplateLiteral' || !isV3fQuasi(context, literal)) return;
      const parts = literal.quasis.map((quasi) => quasi.value.cooked);
      if (parts.some((part) => typeof part !== 'string')) return;
      const problem = v3fProblem(parts as string[]);
      if (!problem) return;
      const start = literal.quasis[problem.index]!.range![1] - 2;
      const end = literal.quasis[problem.index + 1]!.range![0] + 1;
      const key = `${start}:${end}:${problem.message}`;
      if (reported.has(key)) return;
      reported.add(key);
      context.report({
        loc: { start: sourceCode.getLocFromIndex(start), end: sourceCode.getLocFromIndex(end) },
        messageId: 'v3fThrows',
        data: { message: problem.message },
      });
    }

    function check(literal: FilterLiteral, schema: Schema | undefined): void {
      checkV3f(literal);
      const { problems } = checkEmbedded(embeddedLiteral(context, literal), schema);
      for (const problem of problems) {
        const key = `${problem.span.start}:${problem.span.end}:${problem.message}`;
        if (reported.has(key)) continue;
        reported.add(key);
        const [first, ...rest] = problem.fixes;
        const fix = first?.safe ? first : undefined;
        const suggestions = fix ? rest : problem.fixes;
        context.report({
          loc: {
            start: sourceCode.getLocFromIndex(problem.span.start),
            end: sourceCode.getLocFromIndex(problem.span.end),
          },
          messageId: 'problem',
          data: { message: problem.message },
          ...(fix ? { fix: fixOf(fix) } : {}),
          ...(suggestions.length > 0
            ? {
                suggest: suggestions.map((s) => ({
                  messageId: 'fix',
                  data: { message: s.message },
                  fix: fixOf(s),
                })),
              }
            : {}),
        });
      }
    }

    return {
      CallExpression(call) {
        for (const target of targetsOfCall(context, call, targets)) {
          if (target.schemaError !== undefined) {
            context.report({
              node: call.callee,
              messageId: 'invalidSchema',
              data: { message: target.schemaError },
            });
            continue;
          }
          const literal = targetLiteral(context, target.value);
          if (literal) check(literal, target.schema);
        }
      },
      TaggedTemplateExpression(node) {
        // A v3f template written as a target's argument is checked there, with the schema.
        if (isV3fTag(context, node.tag)) check(node.quasi, undefined);
      },
    };
  },
};

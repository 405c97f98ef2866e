import type { ParseLimits } from '../../syntax/limits.js';
import { checkFilter } from '../check.js';
import type { CommandContext } from '../context.js';
import { resolveSchema, type SchemaOptions } from '../endpoint.js';
import { EXIT } from '../errors.js';
import { collectInputs } from '../inputs.js';
import { toJson } from '../output/json.js';
import { renderDiagnostics } from '../output/text.js';
import { renderTree } from '../output/tree.js';

/** The options of `v3-filters explain`. */
export interface ExplainOptions extends SchemaOptions {
  readonly file?: string;
  readonly format: 'text' | 'json';
  readonly limits: Partial<ParseLimits>;
}

/**
 * `v3-filters explain`: the tree of each filter, with spans, for people (`--format json`: the
 * AST itself). With a schema, what the validator says follows the tree. Exit 1 when a filter does
 * not parse or breaks the schema.
 */
export async function explainCommand(
  filters: readonly string[],
  options: ExplainOptions,
  context: CommandContext,
): Promise<number> {
  const { io } = context;
  const resolved = await resolveSchema(options, io.stdin, context.note);
  const collected = await collectInputs(filters, options.file, io.stdin);
  const check = { ...(resolved ? { schema: resolved.schema } : {}), limits: options.limits };
  const checked = collected.inputs.map((input) => ({ input, result: checkFilter(input.text, check) }));
  if (options.format === 'json') {
    io.stdout.write(
      toJson(
        checked.map(({ input, result }) => ({
          input: input.text,
          ...(result.ast ? { ast: result.ast } : {}),
          valid: result.valid,
          diagnostics: result.all,
        })),
      ),
    );
  } else {
    const paint = context.paint(io.stdout);
    const blocks = checked.map(({ input, result }) => {
      const tree = result.ast ? renderTree(result.ast, input.text, paint) : '';
      return tree + renderDiagnostics(input, result, paint);
    });
    io.stdout.write(blocks.join('\n'));
  }
  return checked.some((c) => !c.result.valid) ? EXIT.problems : EXIT.clean;
}

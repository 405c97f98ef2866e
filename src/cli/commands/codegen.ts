import { generateSchemaModule } from '../../codegen/index.js';
import { escapeInvisibles } from '../../diagnostic/text.js';
import type { CommandContext } from '../context.js';
import { messageLines } from '../endpoint.js';
import { CliError, describeFileError, EXIT } from '../errors.js';
import { MAX_DOCUMENT_BYTES, readTextFile } from '../read.js';
import { writeFileAtomically } from '../write.js';

/** The options of `v3-filters codegen`. */
export interface CodegenOptions {
  readonly openapi: string;
  readonly endpoints?: readonly string[];
  readonly out?: string;
  readonly importFrom?: string;
}

/**
 * `v3-filters codegen --openapi SPEC`: writes a TypeScript module with one `defineSchema` export
 * per endpoint of the document that takes `filters` (or those of `--endpoint`), to stdout or
 * `--out FILE`. A document that cannot be read, or an `--endpoint` that matches nothing, is exit 2.
 */
export async function codegenCommand(options: CodegenOptions, context: CommandContext): Promise<number> {
  const { io } = context;
  const text = await readTextFile(options.openapi, io.stdin, MAX_DOCUMENT_BYTES);
  const source = options.openapi === '-' ? '<stdin>' : escapeInvisibles(options.openapi);
  const module = generateSchemaModule(text, {
    source,
    ...(options.endpoints !== undefined ? { endpoints: options.endpoints } : {}),
    ...(options.importFrom !== undefined ? { importFrom: options.importFrom } : {}),
  });
  const errors = module.diagnostics.filter((d) => d.severity === 'error');
  if (errors.length > 0) {
    const lines = errors.map((d) => messageLines(d.message));
    const hint = errors.some((d) => d.code === 'endpoint-not-found')
      ? ` (\`v3-filters endpoints --openapi ${source}\` lists those that do)`
      : '';
    throw new CliError(`${source}: ${lines.join('; ')}${hint}`);
  }
  for (const d of module.diagnostics) {
    if (d.code === 'renamed-export') context.note(escapeInvisibles(d.message));
  }
  if (module.exports.length === 0)
    context.note(`${source}: no operation takes \`filters\`; the module exports nothing`);
  if (options.out === undefined || options.out === '-') {
    io.stdout.write(module.text);
    return EXIT.clean;
  }
  try {
    await writeFileAtomically(options.out, module.text);
  } catch (cause) {
    throw new CliError(describeFileError('write', escapeInvisibles(options.out), cause));
  }
  const count = module.exports.length;
  context.note(`wrote ${count} schema${count === 1 ? '' : 's'} to ${escapeInvisibles(options.out)}`);
  return EXIT.clean;
}

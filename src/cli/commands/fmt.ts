import { format } from '../../printer/format.js';
import type { ParseLimits } from '../../syntax/limits.js';
import { checkFilter } from '../check.js';
import type { CommandContext } from '../context.js';
import { CliError, describeFileError, EXIT } from '../errors.js';
import { rewriteArtifact } from '../fix-artifact.js';
import { collectInputs, type FilterInput } from '../inputs.js';
import { toJson } from '../output/json.js';
import { renderDiagnostics } from '../output/text.js';
import { rewriteTextFile } from '../write.js';

/** The options of `v3-filters fmt`. */
export interface FmtOptions {
  readonly file?: string;
  readonly format: 'text' | 'json';
  readonly check?: boolean;
  readonly write?: boolean;
  readonly prefixPr?: boolean;
  readonly limits: Partial<ParseLimits>;
}

interface Formatted {
  readonly input: FilterInput;
  /** The canonical text, or undefined when the filter does not parse. */
  readonly formatted?: string;
  readonly result: ReturnType<typeof checkFilter>;
}

function formatOne(input: FilterInput, options: FmtOptions): Formatted {
  const result = checkFilter(input.text, { limits: options.limits });
  if (!result.ast) return { input, result };
  try {
    const formatted = format(result.ast, { presence: options.prefixPr ? 'prefix' : 'postfix' });
    return { input, formatted, result };
  } catch {
    // The printer refuses only trees no parser makes; a parsed filter never gets here.
    return { input, result };
  }
}

/**
 * `v3-filters fmt`: prints each filter in canonical form (arguments one per line; a file or stdin
 * with its layout kept), `--write` rewrites `--file`, `--check` only reports filters that are
 * not canonical. Filters that do not parse are reported on stderr (exit 1) and never printed on
 * stdout: arguments that parse are still printed, a file or stdin with a filter that does not is
 * not printed at all (`--write` rewrites the filters that parse and leaves the others).
 */
export async function fmtCommand(
  filters: readonly string[],
  options: FmtOptions,
  context: CommandContext,
): Promise<number> {
  const { io } = context;
  if (options.write && (options.file === undefined || options.file === '-')) {
    throw new CliError('--write needs --file F (a file to rewrite)');
  }
  const collected = await collectInputs(filters, options.file, io.stdin);
  const results = collected.inputs.map((input) => formatOne(input, options));
  const broken = results.filter((r) => r.formatted === undefined);
  const changed = results.filter((r) => r.formatted !== undefined && r.formatted !== r.input.text);
  const errPaint = context.paint(io.stderr);
  for (const r of broken) io.stderr.write(renderDiagnostics(r.input, r.result, errPaint));

  if (options.format === 'json') {
    io.stdout.write(
      toJson(
        results.map((r) => ({
          input: r.input.text,
          ...(r.formatted !== undefined ? { formatted: r.formatted } : {}),
          valid: r.formatted !== undefined,
          diagnostics: r.result.all,
        })),
      ),
    );
  } else if (options.check) {
    for (const r of changed) {
      const line = r.input.artifact.lines.position(r.input.rawStart).line;
      io.stdout.write(
        `${r.input.artifact.label}:${line}: not in canonical form; fmt gives: ${r.formatted}\n`,
      );
    }
  } else {
    const fixes = results.map((r) => ({ input: r.input, fixed: r.formatted ?? r.input.text }));
    const first = collected.inputs[0];
    if (collected.source === 'arguments' || !first) {
      // Only what was formatted: a filter that does not parse is on stderr, never passed off as output.
      context.writeData(
        results.flatMap((r) => (r.formatted === undefined ? [] : [`${r.formatted}\n`])).join(''),
      );
    } else if (broken.length > 0 && !options.write) {
      // The file as a whole cannot be formatted: print none of it rather than pass its broken lines on.
      context.note(
        `${first.artifact.label}: not printed: ${broken.length} of ${fixes.length} filters do not parse`,
      );
    } else {
      const rewritten = rewriteArtifact(first.artifact.text, fixes);
      for (const { input, reason } of rewritten.skipped) {
        const line = input.artifact.lines.position(input.rawStart).line;
        context.note(`${first.artifact.label}:${line}: not formatted: ${reason}`);
      }
      if (options.write && first.artifact.path !== undefined) {
        if (rewritten.changed > 0) {
          try {
            await rewriteTextFile(first.artifact.path, rewritten.text);
          } catch (cause) {
            throw new CliError(describeFileError('write', first.artifact.label, cause));
          }
        }
        context.note(`${first.artifact.label}: formatted ${rewritten.changed} of ${fixes.length} filters`);
      } else {
        context.writeData(rewritten.text);
      }
    }
  }
  if (broken.length > 0) return EXIT.problems;
  return options.check && changed.length > 0 ? EXIT.problems : EXIT.clean;
}

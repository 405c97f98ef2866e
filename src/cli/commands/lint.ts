import { quote } from '../../diagnostic/text.js';
import type { ParseLimits } from '../../syntax/limits.js';
import {
  type CheckOptions,
  type CheckResult,
  checkFilter,
  fixableDiagnostics,
  fixFilter,
  fixKindOf,
} from '../check.js';
import type { CommandContext } from '../context.js';
import { resolveSchema, type SchemaOptions } from '../endpoint.js';
import { CliError, describeFileError, EXIT } from '../errors.js';
import { rewriteArtifact } from '../fix-artifact.js';
import {
  argumentInputs,
  type CollectedInputs,
  collectInputs,
  type FilterInput,
  textInputs,
} from '../inputs.js';
import type { Painter } from '../output/color.js';
import { toJson } from '../output/json.js';
import { type Finding, sarifLog } from '../output/sarif.js';
import { count, emptyTally, renderDiagnostic, summaryLine } from '../output/text.js';
import { rewriteTextFile } from '../write.js';

/** The options of `v3-filters lint`. */
export interface LintOptions extends SchemaOptions {
  readonly file?: string;
  readonly format: 'text' | 'json' | 'sarif';
  readonly fix?: boolean;
  readonly unsafeFixes?: boolean;
  readonly limits: Partial<ParseLimits>;
}

interface Linted {
  readonly input: FilterInput;
  readonly result: CheckResult;
  /** The text before `--fix`, when the fix changed it. */
  readonly original?: string;
}

/** What one run of `lint` works with. */
interface LintRun {
  readonly options: LintOptions;
  readonly check: CheckOptions;
  readonly schemaName?: string;
  readonly suggestions: boolean;
  readonly context: CommandContext;
}

/** The text report: each problem like a compiler's, what `--fix` would give, a summary line. */
function textReport(run: LintRun, linted: readonly Linted[], paint: Painter): string {
  let out = '';
  const tally = emptyTally();
  for (const { input, result } of linted) {
    count(tally, result.all);
    for (const d of result.all) out += renderDiagnostic(input, d, fixKindOf(result, d), paint);
    if (!run.options.fix && fixableDiagnostics(result, run.suggestions).length > 0) {
      const fixed = fixFilter(input.text, run.check, run.suggestions).text;
      const left = checkFilter(fixed, run.check).all.filter((d) => d.severity === 'error').length;
      // Say when the fixed filter is still rejected, so nobody takes it for a working one.
      const still =
        left === 0
          ? ''
          : ` ${paint.red(`(still ${left === 1 ? '1 error' : `${left} errors`}: fix the rest by hand)`)}`;
      out += `  ${paint.green('lint --fix gives:')} ${quote(fixed, 200)}${still}\n`;
    }
    if (result.all.length > 0) out += '\n';
  }
  return out + summaryLine(tally, run.schemaName, paint);
}

function jsonReport(linted: readonly Linted[]): string {
  return toJson(
    linted.map(({ input, result, original }) => ({
      input: original ?? input.text,
      ...(original !== undefined ? { fixed: input.text } : {}),
      source: input.artifact.label,
      line: input.artifact.lines.position(input.rawStart).line,
      valid: result.valid,
      diagnostics: result.all,
    })),
  );
}

function sarifReport(linted: readonly Linted[], version: string): string {
  const findings: Finding[] = linted.flatMap(({ input, result }) =>
    result.all.map((diagnostic) => ({ input, diagnostic, fixKind: fixKindOf(result, diagnostic) })),
  );
  return toJson(sarifLog(findings, version));
}

interface FixedRun {
  /** The inputs after fixing, in the same order as before (fixes never add or drop a filter). */
  readonly inputs: FilterInput[];
  /** What goes to stdout for fixed arguments or stdin: the repaired text. */
  readonly printed: string;
}

async function writeBack(path: string, label: string, text: string): Promise<void> {
  try {
    await rewriteTextFile(path, text);
  } catch (cause) {
    throw new CliError(describeFileError('write', label, cause));
  }
}

/** Applies `--fix` to every input, rewrites `--file` in place, and returns what to report on. */
async function fixAll(run: LintRun, collected: CollectedInputs): Promise<FixedRun> {
  const fixes = collected.inputs.map((input) => ({
    input,
    fixed: fixFilter(input.text, run.check, run.suggestions).text,
  }));
  const first = collected.inputs[0];
  if (collected.source === 'arguments' || !first) {
    // Fixed arguments are printed one per line, and reported on as new arguments.
    const texts = fixes.map((f) => f.fixed);
    return { inputs: argumentInputs(texts), printed: texts.map((t) => `${t}\n`).join('') };
  }
  const artifact = first.artifact;
  const rewritten = rewriteArtifact(artifact.text, fixes);
  for (const { input, reason } of rewritten.skipped) {
    const line = input.artifact.lines.position(input.rawStart).line;
    run.context.note(`${artifact.label}:${line}: not fixed: ${reason}`);
  }
  const reread = textInputs(
    rewritten.text,
    artifact.path === undefined ? { kind: 'stdin' } : { kind: 'file', path: artifact.path },
  );
  if (reread.length !== collected.inputs.length || reread[0]?.artifact.layout !== artifact.layout) {
    // The skips above keep the layout; should any fix still change it, write nothing.
    throw new CliError(`${artifact.label}: not fixed: the fixes would change how the file is read`);
  }
  if (artifact.path !== undefined) {
    if (rewritten.changed > 0) await writeBack(artifact.path, artifact.label, rewritten.text);
    if (run.options.format === 'text') {
      run.context.note(`${artifact.label}: fixed ${rewritten.changed} of ${fixes.length} filters`);
    }
    return { inputs: textInputs(rewritten.text, { kind: 'file', path: artifact.path }), printed: '' };
  }
  return { inputs: textInputs(rewritten.text, { kind: 'stdin' }), printed: rewritten.text };
}

/**
 * `v3-filters lint`: checks filters (and with `--fix` repairs them), prints a report and returns
 * the exit status: 0 no errors, 1 errors found (warnings alone do not fail).
 */
export async function lintCommand(
  filters: readonly string[],
  options: LintOptions,
  context: CommandContext,
): Promise<number> {
  const { io } = context;
  if (options.unsafeFixes === true && options.fix !== true) {
    throw new CliError('--unsafe-fixes only widens --fix: add --fix (or leave --unsafe-fixes out)');
  }
  const resolved = await resolveSchema(options, io.stdin, context.note);
  const run: LintRun = {
    options,
    check: { ...(resolved ? { schema: resolved.schema } : {}), limits: options.limits },
    ...(resolved ? { schemaName: resolved.name } : {}),
    suggestions: options.unsafeFixes === true,
    context,
  };
  const collected = await collectInputs(filters, options.file, io.stdin);
  const fixed = options.fix ? await fixAll(run, collected) : undefined;
  const inputs = fixed?.inputs ?? collected.inputs;
  const linted: Linted[] = inputs.map((input, index) => {
    const before = collected.inputs[index]?.text;
    const changed = fixed !== undefined && before !== undefined && before !== input.text;
    return { input, result: checkFilter(input.text, run.check), ...(changed ? { original: before } : {}) };
  });
  if (options.format === 'json') {
    io.stdout.write(jsonReport(linted));
  } else if (options.format === 'sarif') {
    io.stdout.write(sarifReport(linted, context.version));
  } else if (fixed !== undefined && collected.source !== 'file') {
    // The repaired filters are the output; what is still wrong goes beside them, on stderr.
    context.writeData(fixed.printed);
    io.stderr.write(textReport(run, linted, context.paint(io.stderr)));
  } else {
    io.stdout.write(textReport(run, linted, context.paint(io.stdout)));
  }
  return linted.some((l) => !l.result.valid) ? EXIT.problems : EXIT.clean;
}

import { type CaseFolding, type SqlDialectName, type SqlParam, tryCompileSql } from '../../compile/index.js';
import { foldingProblem as dialectFoldingProblem } from '../../compile/sql/dialects.js';
import type { Diagnostic } from '../../diagnostic/diagnostic.js';
import type { ParseLimits } from '../../syntax/limits.js';
import { checkFilter } from '../check.js';
import type { CommandContext } from '../context.js';
import { resolveSchema, type SchemaOptions } from '../endpoint.js';
import { CliError, EXIT } from '../errors.js';
import { collectInputs, type FilterInput } from '../inputs.js';
import { toJson } from '../output/json.js';
import { renderDiagnostics } from '../output/text.js';

/** The options of `v3-filters sql`. */
export interface SqlCommandOptions extends SchemaOptions {
  readonly file?: string;
  readonly format: 'text' | 'json';
  readonly dialect: SqlDialectName;
  readonly table?: string;
  readonly caseFolding?: CaseFolding;
  readonly parameterOffset?: number;
  readonly limits: Partial<ParseLimits>;
}

/** One filter's answer: its SQL and values (by name too, for ClickHouse), or its diagnostics. */
interface SqlOutput {
  readonly from: FilterInput;
  readonly input: string;
  readonly sql?: string;
  readonly params?: readonly SqlParam[];
  readonly queryParams?: Readonly<Record<string, SqlParam>>;
  readonly diagnostics: readonly Diagnostic[];
}

/** Where a filter came from, as diagnostics name it: `<argument 2>:1`, `filters.txt:7`. */
function inputLabel(input: FilterInput): string {
  return `${input.artifact.label}:${input.artifact.lines.position(input.rawStart).line}`;
}

/**
 * `v3-filters sql`: the parameterized WHERE fragment of each filter, and its parameters. The
 * filter is validated first (the compiler expects a filter the schema allows); a filter that does
 * not parse, breaks the schema or cannot be compiled is reported on stderr (exit 1). In text,
 * each fragment comes under the filter it was compiled from (where it came from, and its text),
 * and a rejected filter is listed there as rejected. A `--case-folding` the dialect cannot pin is
 * a usage error (exit 2), not a problem of each filter.
 */
export async function sqlCommand(
  filters: readonly string[],
  options: SqlCommandOptions,
  context: CommandContext,
): Promise<number> {
  const { io } = context;
  const foldingProblem = dialectFoldingProblem(options.dialect, options.caseFolding);
  if (foldingProblem !== undefined) {
    throw new CliError(
      `--dialect ${options.dialect} --case-folding ${options.caseFolding}: ${foldingProblem}`,
    );
  }
  const resolved = await resolveSchema(options, io.stdin, context.note);
  if (!resolved) {
    throw new CliError(
      'sql needs a schema: --schema F, or --endpoint (a built-in, or one of --openapi SPEC)',
    );
  }
  const collected = await collectInputs(filters, options.file, io.stdin);
  const paint = context.paint(io.stderr);
  let failed = false;
  const outputs = collected.inputs.map((input): SqlOutput => {
    const result = checkFilter(input.text, { schema: resolved.schema, limits: options.limits });
    if (!result.ast || !result.valid) {
      failed = true;
      if (options.format === 'text') io.stderr.write(renderDiagnostics(input, result, paint));
      return { from: input, input: input.text, diagnostics: result.all };
    }
    const compiled = tryCompileSql(result.ast, {
      schema: resolved.schema,
      dialect: options.dialect,
      ...(options.table !== undefined ? { table: options.table } : {}),
      ...(options.caseFolding !== undefined ? { caseFolding: options.caseFolding } : {}),
      ...(options.parameterOffset !== undefined ? { parameterOffset: options.parameterOffset } : {}),
    });
    const diagnostics = [...result.all, ...compiled.diagnostics];
    if (!compiled.ok) {
      failed = true;
      const compileResult = { all: diagnostics, syntax: [] };
      if (options.format === 'text') io.stderr.write(renderDiagnostics(input, compileResult, paint));
      return { from: input, input: input.text, diagnostics };
    }
    const named = compiled.queryParams === undefined ? {} : { queryParams: compiled.queryParams };
    return {
      from: input,
      input: input.text,
      sql: compiled.sql,
      params: compiled.params,
      ...named,
      diagnostics,
    };
  });
  if (options.format === 'json') {
    io.stdout.write(toJson(outputs.map(({ from: _, ...output }) => output)));
  } else {
    const blocks = outputs.map((o) => {
      // A filter with a line break in it (an argument can hold one) is shown as a JSON string.
      const text = /[\r\n]/.test(o.input) ? JSON.stringify(o.input) : o.input;
      const head = `${inputLabel(o.from)}: ${text}\n`;
      return o.sql === undefined
        ? `${head}rejected (the diagnostics are on stderr)\n`
        : `${head}sql:    ${o.sql}\nparams: ${JSON.stringify(o.params)}\n${
            o.queryParams !== undefined ? `queryParams: ${JSON.stringify(o.queryParams)}\n` : ''
          }`;
    });
    io.stdout.write(blocks.join('\n'));
  }
  return failed ? EXIT.problems : EXIT.clean;
}

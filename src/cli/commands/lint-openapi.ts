import { escapeInvisibles, quote } from '../../diagnostic/text.js';
import type { ParseLimits } from '../../syntax/limits.js';
import { type CheckResult, checkFilter, fixKindOf } from '../check.js';
import type { CommandContext } from '../context.js';
import { loadOpenApi, messageLines } from '../endpoint.js';
import { EXIT } from '../errors.js';
import { type Artifact, type FilterInput, fileUri } from '../inputs.js';
import { LineIndex } from '../line-index.js';
import { exampleLocator } from '../openapi-examples.js';
import { toJson } from '../output/json.js';
import { type Finding, sarifLog } from '../output/sarif.js';
import { renderDiagnostics } from '../output/text.js';

/** The options of `v3-filters lint-openapi`. */
export interface LintOpenApiOptions {
  readonly format: 'text' | 'json' | 'sarif';
  readonly verbose?: boolean;
  readonly limits: Partial<ParseLimits>;
}

interface CheckedExample {
  readonly method: string;
  readonly path: string;
  readonly operationId?: string;
  readonly input: FilterInput;
  readonly result: CheckResult;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/**
 * `v3-filters lint-openapi SPEC`: reads every operation's `filters` whitelist and checks the
 * parameter's own example against it. Reports each example that does not parse or that its own
 * endpoint would reject; exit 1 when any does, 2 when the document cannot be read.
 */
export async function lintOpenApiCommand(
  spec: string,
  options: LintOpenApiOptions,
  context: CommandContext,
): Promise<number> {
  const { io } = context;
  const document = await loadOpenApi(spec, io.stdin);
  const artifact: Artifact = {
    kind: spec === '-' ? 'stdin' : 'file',
    label: spec === '-' ? '<stdin>' : escapeInvisibles(spec),
    uri: spec === '-' ? 'stdin:' : fileUri(spec),
    ...(spec === '-' ? {} : { path: spec }),
    layout: 'json',
    text: document.text,
    lines: new LineIndex(document.text),
  };
  const endpoints = document.imported.endpoints;
  const locate = exampleLocator(artifact, endpoints);
  const checked: CheckedExample[] = [];
  for (const endpoint of endpoints) {
    if (endpoint.example === undefined) continue;
    checked.push({
      method: endpoint.method,
      path: endpoint.path,
      ...(endpoint.operationId !== undefined ? { operationId: endpoint.operationId } : {}),
      input: locate(endpoint, endpoint.example),
      result: checkFilter(endpoint.example, { schema: endpoint.schema, limits: options.limits }),
    });
  }
  const failing = checked.filter((c) => c.result.all.length > 0);

  if (options.format === 'json') {
    io.stdout.write(
      toJson(
        failing.map((c) => ({
          method: c.method,
          path: c.path,
          example: c.input.text,
          diagnostics: c.result.all,
        })),
      ),
    );
  } else if (options.format === 'sarif') {
    const findings: Finding[] = failing.flatMap((c) =>
      c.result.all.map((diagnostic) => ({
        input: c.input,
        diagnostic,
        fixKind: fixKindOf(c.result, diagnostic),
        logicalLocation: `${c.method} ${c.path}`,
      })),
    );
    io.stdout.write(toJson(sarifLog(findings, context.version)));
  } else {
    const paint = context.paint(io.stdout);
    let out = '';
    for (const c of failing) {
      const id = c.operationId !== undefined ? ` (${escapeInvisibles(c.operationId)})` : '';
      out += `${paint.bold(escapeInvisibles(`${c.method} ${c.path}`))}${id}: example ${quote(c.input.text, 80)}\n`;
      out += `${renderDiagnostics(c.input, c.result, paint)}\n`;
    }
    const notes = document.imported.diagnostics;
    if (options.verbose) {
      for (const d of notes) {
        out += `${artifact.label}: ${d.severity} ${d.code} at ${escapeInvisibles(d.pointer)}: ${messageLines(d.message)}\n`;
      }
    }
    const errors = failing.filter((c) => !c.result.valid).length;
    const verdict =
      failing.length === 0
        ? paint.green('every example passes')
        : paint.red(`${failing.length} ${failing.length === 1 ? 'example has' : 'examples have'} problems`);
    const noteLine =
      notes.length > 0 && !options.verbose
        ? `; reading the whitelists gave ${plural(notes.length, 'note')} (--verbose lists them)`
        : '';
    out += `${plural(endpoints.length, 'operation')} ${endpoints.length === 1 ? 'takes' : 'take'} filters, ${checked.length} with an example: ${verdict}${errors !== failing.length ? ` (${errors} with errors)` : ''}${noteLine}\n`;
    io.stdout.write(out);
  }
  return failing.some((c) => !c.result.valid) ? EXIT.problems : EXIT.clean;
}

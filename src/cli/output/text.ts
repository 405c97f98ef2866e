import type { Diagnostic } from '../../diagnostic/diagnostic.js';
import { escapeInvisibles } from '../../diagnostic/text.js';
import { type FilterInput, locate } from '../inputs.js';
import type { Painter } from './color.js';
import { excerpt } from './excerpt.js';

/** Whether a diagnostic's fixes are applied by `--fix` (certain) or only suggested. */
export type FixKind = 'fix' | 'suggestion';

/** The counts a summary line reports. */
export interface Tally {
  errors: number;
  warnings: number;
  /** Inputs with at least one diagnostic. */
  failing: number;
  inputs: number;
}

/** A tally with nothing counted yet. */
export function emptyTally(): Tally {
  return { errors: 0, warnings: 0, failing: 0, inputs: 0 };
}

/** Adds one input's diagnostics to a tally. */
export function count(tally: Tally, diagnostics: readonly Diagnostic[]): void {
  tally.inputs++;
  if (diagnostics.length > 0) tally.failing++;
  for (const d of diagnostics) {
    if (d.severity === 'error') tally.errors++;
    else tally.warnings++;
  }
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** `file:3:11` for a filter read from a file; `<argument 1>:1:11` for an argument. */
export function positionLabel(input: FilterInput, offset: number): string {
  if (input.located === false) return input.artifact.label;
  const at = locate(input, offset);
  return `${input.artifact.label}:${at.line}:${at.column}`;
}

/**
 * One diagnostic the way a compiler writes it: where, severity and code, the message, then the
 * filter's line with carets under the span, then its fixes (`fix:` for those `--fix` applies,
 * `suggestion:` for the rest).
 */
export function renderDiagnostic(
  input: FilterInput,
  diagnostic: Diagnostic,
  fixKind: FixKind,
  paint: Painter,
): string {
  const severity =
    diagnostic.severity === 'error' ? paint.red(paint.bold('error')) : paint.yellow(paint.bold('warning'));
  const where = paint.bold(positionLabel(input, diagnostic.span.start));
  const shown = excerpt(input.text, diagnostic.span);
  const lines = [
    `${where}: ${severity} ${paint.dim(diagnostic.code)}: ${escapeInvisibles(diagnostic.message)}`,
    `  ${shown.line}`,
    `  ${shown.carets.replace(/\^+/, (carets) => paint.cyan(carets))}`,
  ];
  (diagnostic.fixes ?? []).forEach((fix, index) => {
    const label = index === 0 ? `${fixKind}:` : 'or:';
    lines.push(`  ${paint.green(label)} ${escapeInvisibles(fix.message)}`);
  });
  return `${lines.join('\n')}\n`;
}

/** The closing line: how many filters, how many problems, against which schema. */
export function summaryLine(tally: Tally, schemaName: string | undefined, paint: Painter): string {
  const against = schemaName ? ` against ${schemaName}` : '';
  if (tally.errors === 0 && tally.warnings === 0) {
    return `${paint.green(plural(tally.inputs, 'filter'))} checked${against}: no problems\n`;
  }
  const parts = [plural(tally.errors, 'error'), plural(tally.warnings, 'warning')].join(', ');
  const colour = tally.errors > 0 ? paint.red : paint.yellow;
  return `${plural(tally.inputs, 'filter')} checked${against}: ${colour(`${tally.failing} with problems`)} (${parts})\n`;
}

/** All of one checked filter's diagnostics, rendered. */
export function renderDiagnostics(
  input: FilterInput,
  result: { readonly all: readonly Diagnostic[]; readonly syntax: readonly Diagnostic[] },
  paint: Painter,
): string {
  return result.all
    .map((d) => {
      const certain = result.syntax.includes(d) && d.fixes?.[0]?.suggestion !== true;
      return renderDiagnostic(input, d, certain ? 'fix' : 'suggestion', paint);
    })
    .join('');
}

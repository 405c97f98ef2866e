import type { Expression } from '../ast/index.js';
import { applyFixes } from '../diagnostic/apply-fixes.js';
import type { Diagnostic } from '../diagnostic/diagnostic.js';
import type { Schema } from '../schema/types.js';
import type { ParseLimits } from '../syntax/limits.js';
import { parse } from '../syntax/parse.js';
import { validate } from '../validate/index.js';

/** What a filter is checked with. */
export interface CheckOptions {
  readonly schema?: Schema;
  readonly limits?: Partial<ParseLimits>;
}

/** A checked filter: its tree (when it parsed) and every diagnostic, by stage. */
export interface CheckResult {
  readonly ast?: Expression;
  /** The parser's diagnostics: their fixes are certain (the parser offers none otherwise). */
  readonly syntax: readonly Diagnostic[];
  /** The validator's: their fixes are suggestions ("did you mean"), which may change the meaning. */
  readonly schema: readonly Diagnostic[];
  /** Both, by position. */
  readonly all: readonly Diagnostic[];
  /** No error (warnings allowed). */
  readonly valid: boolean;
}

/** Parses `text` and, when it parses and a schema is given, validates it. Never throws. */
export function checkFilter(text: string, options: CheckOptions): CheckResult {
  const parsed = parse(text, options.limits ? { limits: options.limits } : undefined);
  const schema =
    parsed.ok && options.schema
      ? validate(parsed.ast, options.schema, {
          text,
          ...(options.limits?.maxErrors !== undefined ? { maxDiagnostics: options.limits.maxErrors } : {}),
        })
      : [];
  const all = [...parsed.diagnostics, ...schema].sort(
    (a, b) => a.span.start - b.span.start || a.span.end - b.span.end,
  );
  return {
    ...(parsed.ok ? { ast: parsed.ast } : {}),
    syntax: parsed.diagnostics,
    schema,
    all,
    valid: !all.some((d) => d.severity === 'error'),
  };
}

/** Whether a diagnostic's first fix is certain: a syntax fix not marked as a suggestion. */
function hasCertainFix(result: CheckResult, diagnostic: Diagnostic): boolean {
  const fix = diagnostic.fixes?.[0];
  return fix !== undefined && fix.suggestion !== true && result.syntax.includes(diagnostic);
}

/**
 * The diagnostics whose first fix `--fix` applies: the certain ones, and with `--unsafe-fixes`
 * the suggestions too (the validator's "did you mean", a syntax fix that reads two ways).
 */
export function fixableDiagnostics(result: CheckResult, includeSuggestions: boolean): Diagnostic[] {
  return result.all.filter((d) =>
    includeSuggestions ? d.fixes !== undefined && d.fixes.length > 0 : hasCertainFix(result, d),
  );
}

/**
 * Rounds of fixing: one fix can reveal another (URL-decoding a filter shows its single quotes;
 * the first fix of overlapping ones wins and the rest wait for the next round). Five rounds is
 * more than any published example needs; the loop also stops when a round changes nothing.
 */
export const MAX_FIX_ROUNDS = 5;

/** A filter after `--fix`: the new text and how many fixes went into it. */
export interface FixOutcome {
  readonly text: string;
  readonly applied: number;
}

/** Applies the first fix of each fixable diagnostic, re-checking after each round. */
export function fixFilter(text: string, options: CheckOptions, includeSuggestions: boolean): FixOutcome {
  let current = text;
  let applied = 0;
  for (let round = 0; round < MAX_FIX_ROUNDS; round++) {
    const fixable = fixableDiagnostics(checkFilter(current, options), includeSuggestions);
    if (fixable.length === 0) break;
    const next = applyFixes(current, fixable, { suggestions: true });
    if (next === current) break;
    applied += fixable.length;
    current = next;
  }
  return { text: current, applied };
}

/** `fix` for a diagnostic `--fix` repairs, `suggestion` for one it leaves to the author. */
export function fixKindOf(result: CheckResult, diagnostic: Diagnostic): 'fix' | 'suggestion' {
  return hasCertainFix(result, diagnostic) ? 'fix' : 'suggestion';
}

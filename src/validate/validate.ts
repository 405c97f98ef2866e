import { type Expression, forEachExpression, type PredicateNode } from '../ast/index.js';
import type { Diagnostic } from '../diagnostic/index.js';
import { schemaProblems } from '../schema/checked.js';
import { ownSchema } from '../schema/own.js';
import type { Schema } from '../schema/types.js';
import { validationError } from './codes.js';
import { checkComposite } from './composite.js';
import { PredicateChecker } from './predicate.js';

/** Options of {@link validate}. */
export interface ValidateOptions {
  /**
   * The filter text the tree was parsed from. Optional: with it, a `composite-not-allowed`
   * diagnostic points at the `and`/`or` keyword itself rather than the gap between operands.
   */
  readonly text?: string;
  /**
   * Report at most this many diagnostics, then one `too-many-errors` (default: all of them). A
   * server that raises the parser's limits can bound the size of its error responses here.
   */
  readonly maxDiagnostics?: number;
}

/**
 * Checks a parsed filter against an endpoint's schema and returns every violation (an empty list
 * when the filter is allowed), each a `Diagnostic` with the span of the offending part:
 * `unknown-field`, `operator-not-allowed`, `composite-not-allowed`, `type-mismatch`,
 * `unknown-enum-value` (errors) and `duplicate-value` (a warning). Never throws; walks the tree
 * without recursion, so any length of `and`/`or` chain is fine.
 *
 * @example
 * const parsed = parse('status eq "Fail"');
 * if (parsed.ok) validate(parsed.ast, workflowExecutionsSchema);
 * // [{ code: 'unknown-enum-value', message: '`Fail` is not a value of `status`; did you mean `Failed`? ...' }]
 */
export function validate(ast: Expression, given: Schema, options?: ValidateOptions): Diagnostic[] {
  const refused = schemaProblems(given);
  if (refused !== undefined) return [...refused];
  // Own properties only: a polluted Object.prototype cannot add a field setting.
  const schema = ownSchema(given);
  const checker = new PredicateChecker(schema);
  const text = options?.text;
  // An exhaustive switch rather than `dispatch` (this is the validator's hot path, and an indirect
  // call per node costs it about a tenth): a new kind of node fails to compile at `unhandled`.
  forEachExpression(ast, (node) => {
    switch (node.kind) {
      case 'and':
      case 'or':
      case 'not': {
        const found = checkComposite(node, schema.composite, text);
        if (found) checker.diagnostics.push(found);
        break;
      }
      case 'comparison':
      case 'list':
      case 'presence':
        checker.predicate(node);
        break;
      default: {
        const unhandled: never = node;
        // Only a malformed tree gets here; it is read as a predicate, as it always was.
        checker.predicate(unhandled as PredicateNode);
      }
    }
  });
  const sorted = checker.diagnostics.sort((a, b) => a.span.start - b.span.start || a.span.end - b.span.end);
  return capDiagnostics(sorted, options?.maxDiagnostics);
}

function capDiagnostics(diagnostics: Diagnostic[], max: number | undefined): Diagnostic[] {
  if (max === undefined || !(max >= 0) || diagnostics.length <= max) return diagnostics;
  const limit = Math.floor(max);
  const kept = diagnostics.slice(0, limit);
  const next = diagnostics[limit]!;
  const last = diagnostics[diagnostics.length - 1]!;
  kept.push(
    validationError('too-many-errors', `${diagnostics.length - limit} more problems are not reported`, {
      start: next.span.start,
      end: Math.max(next.span.end, last.span.end),
    }),
  );
  return kept;
}

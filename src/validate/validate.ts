import {
  type Expression,
  type FieldNode,
  forEachExpression,
  type PredicateNode,
  type PrimitiveOperator,
  type ValueNode,
} from '../ast/index.js';
import { type Diagnostic, quote, replaceFix } from '../diagnostic/index.js';
import { isTextOperator } from '../language/operators.js';
import { quoteString } from '../language/quoting.js';
import { kindWords, untypedComparison } from '../schema/accept.js';
import { schemaProblems } from '../schema/checked.js';
import { ownSchema } from '../schema/own.js';
import { clearBestMatch, closestMatches, didYouMean, listWords } from '../schema/suggest.js';
import type { FieldSchema, Schema } from '../schema/types.js';
import { validationError, validationWarning } from './codes.js';
import { checkComposite } from './composite.js';
import { isCaseSensitive, operatorTypeProblem } from './field-rules.js';
import {
  checkValue,
  ENUM_SUGGESTION_BUDGET,
  type FieldLookup,
  fieldLookup,
  type SuggestionBudget,
  sameValueKey,
  valueText,
} from './values.js';

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

/** Per-call caches: a 60,000-term filter on one misspelt field computes its suggestion once. */
class Checker {
  readonly diagnostics: Diagnostic[] = [];
  private readonly lookups = new Map<string, FieldLookup>();
  private readonly unknownFields = new Map<string, { message: string; suggestion?: string }>();
  private fieldNames?: string[];
  private readonly budget: SuggestionBudget = { remaining: ENUM_SUGGESTION_BUDGET };

  constructor(
    private readonly schema: Schema,
    private readonly fields: Readonly<Record<string, FieldSchema>>,
  ) {}

  lookup(name: string): FieldLookup | undefined {
    const cached = this.lookups.get(name);
    if (cached) return cached;
    // Own properties only: `__proto__`, `constructor` and `toString` are unknown like any other name.
    if (!Object.hasOwn(this.fields, name)) return undefined;
    const field = this.fields[name]!;
    const made = fieldLookup(name, field, isCaseSensitive(field, this.schema), this.budget);
    this.lookups.set(name, made);
    return made;
  }

  unknownField(field: FieldNode): Diagnostic {
    let known = this.unknownFields.get(field.name);
    if (!known) {
      this.fieldNames ??= Object.keys(this.fields);
      const names = this.fieldNames;
      const suggestion = clearBestMatch(field.name, names);
      const near = suggestion ? [suggestion] : closestMatches(field.name, names);
      const guess = didYouMean(near, quote);
      const list =
        names.length > 0 ? ` Fields: ${listWords(names, quote)}` : ' This endpoint has no filterable fields';
      known = {
        message: `Unknown field ${quote(field.name)}${guess}${list}`,
        ...(suggestion ? { suggestion } : {}),
      };
      this.unknownFields.set(field.name, known);
    }
    const fixes = known.suggestion
      ? [replaceFix(`Use ${quote(known.suggestion)}`, field.span, known.suggestion)]
      : undefined;
    return validationError('unknown-field', known.message, field.span, fixes);
  }

  predicate(node: PredicateNode): void {
    const lookup = this.lookup(node.field.name);
    if (!lookup) {
      this.diagnostics.push(this.unknownField(node.field));
      return;
    }
    const { field, name } = lookup;
    if (!field.operators.includes(node.operator)) {
      const allowed =
        field.operators.length > 0
          ? `allowed: ${listWords(field.operators, quote)}`
          : 'it allows no operator';
      this.diagnostics.push(
        validationError(
          'operator-not-allowed',
          `${quote(node.operator)} is not allowed on ${quote(name)}; ${allowed}`,
          node.operatorSpan,
        ),
      );
      return;
    }
    const problem = operatorTypeProblem(field, node.operator);
    if (problem) {
      this.diagnostics.push(
        validationError(
          'type-mismatch',
          `${quote(node.operator)} ${problem}, but ${quote(name)} is not`,
          node.operatorSpan,
        ),
      );
      return;
    }
    if (field.type === 'unknown' && node.kind !== 'presence') {
      const found = checkUntyped(name, node.operator, node.kind === 'list' ? node.values : [node.value]);
      if (found) {
        this.diagnostics.push(found);
        return;
      }
    }
    if (node.kind === 'comparison') {
      const found = checkValue(lookup, node.operator, node.value);
      if (found) this.diagnostics.push(found);
    } else if (node.kind === 'list') {
      const seen = new Set<string>();
      for (const value of node.values) {
        const found = checkValue(lookup, node.operator, value);
        if (found) this.diagnostics.push(found);
        const key = sameValueKey(value, lookup.caseSensitive);
        if (seen.has(key)) {
          this.diagnostics.push(
            validationWarning(
              'duplicate-value',
              `${quote(valueText(value))} is already in the list`,
              value.span,
            ),
          );
        }
        seen.add(key);
      }
    }
  }
}

/** The shared rule for `unknown`-typed fields ({@link untypedComparison}), worded for people. */
function checkUntyped(
  name: string,
  operator: PrimitiveOperator,
  values: readonly ValueNode[],
): Diagnostic | undefined {
  const result = untypedComparison(
    operator,
    values.map((v) => v.kind),
  );
  if (!('problem' in result)) return undefined;
  const { index, reason, message } = result.problem;
  const value = values[index]!;
  const shown = quote(valueText(value));
  if (reason === 'mixed') {
    return validationError(
      'type-mismatch',
      `${shown} is ${kindWords(value.kind)}, but ${message} of ${quote(name)}`,
      value.span,
    );
  }
  // `u co 5`: the text the caller most likely meant is the value as written, quoted.
  const fix =
    isTextOperator(operator) && value.kind !== 'string'
      ? [replaceFix(`Use ${quote(quoteString(valueText(value)))}`, value.span, quoteString(valueText(value)))]
      : undefined;
  return validationError(
    'type-mismatch',
    `${shown} is ${kindWords(value.kind)}, but ${message}`,
    value.span,
    fix,
  );
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
  const checker = new Checker(schema, schema.fields);
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

import type { FieldNode, PredicateNode, PrimitiveOperator, ValueNode } from '../ast/index.js';
import { type Diagnostic, quote, replaceFix } from '../diagnostic/index.js';
import { isTextOperator } from '../language/operators.js';
import { quoteString } from '../language/quoting.js';
import { kindWords, untypedComparison } from '../schema/accept.js';
import { clearBestMatch, closestMatches, didYouMean, listWords } from '../schema/suggest.js';
import type { FieldSchema, Schema } from '../schema/types.js';
import { validationError, validationWarning } from './codes.js';
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

/**
 * The checks of one predicate against a schema (field, operator, operator-by-type, values), with
 * the caches one `validate` call shares: a 60,000-term filter on one misspelt field computes its
 * suggestion once. `validate` runs it on every predicate of a tree; the builder runs it on the
 * one predicate it builds, without the tree walk, composite checks or sorting.
 */
export class PredicateChecker {
  readonly diagnostics: Diagnostic[] = [];
  private readonly lookups = new Map<string, FieldLookup>();
  private readonly unknownFields = new Map<string, { message: string; suggestion?: string }>();
  private fieldNames?: string[];
  private readonly budget: SuggestionBudget = { remaining: ENUM_SUGGESTION_BUDGET };

  private readonly fields: Readonly<Record<string, FieldSchema>>;

  /** `schema` must be an own-property snapshot (`ownSchema`). */
  constructor(private readonly schema: Schema) {
    this.fields = schema.fields;
  }

  /** The field called `name` with its precomputed lookups, or undefined when the schema has no such own field. */
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

  /** The `unknown-field` diagnostic for `field`, with a suggestion when one is clear. */
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

  /** Checks `node`, adding what it finds to {@link diagnostics}. */
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

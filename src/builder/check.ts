import type { PredicateNode, PrimitiveOperator, Span, ValueNode } from '../ast/index.js';
import { type Diagnostic, error, quote } from '../diagnostic/index.js';
import { takesEnumMembers } from '../language/operators.js';
import { fieldText, valueText } from '../printer/format.js';
import {
  kindWords,
  literalKindOf,
  numberRangeProblem,
  textProblem,
  untypedComparison,
} from '../schema/accept.js';
import { listWords, suggestAmong } from '../schema/suggest.js';
import type { FieldSchema, Schema } from '../schema/types.js';
import { describeType, isCaseSensitive, operatorTypeProblem } from '../validate/field-rules.js';

/**
 * The builder's own check of the one predicate it builds, over the schema's lists: the field, its
 * operators, the operator-by-type rule and each value's type, range, text and enum membership.
 * These are the rules `validate` applies to a predicate (the shared ones are imported from where
 * `validate` reads them), reporting the same codes at the same places, but without the validator's
 * caches, warnings and fixes: a builder is typed, so a problem here is a cast or a loosely typed
 * schema, and the builder entry stays small enough for a browser.
 *
 * The spans point into the predicate as the language writes it, which the check returns beside
 * the problems: `name eq "a\u0000b"` puts an `unsupported-character` at 8..16.
 */
export interface PredicateCheck {
  /** The predicate's canonical text (what `format` writes for it). */
  readonly text: string;
  /** Its errors against the schema; empty when it is valid. */
  readonly problems: readonly Diagnostic[];
}

/** The predicate's text, its values, and the span of its operator and of each value in it. */
function layout(node: PredicateNode): {
  text: string;
  operator: Span;
  values: readonly ValueNode[];
  spans: Span[];
} {
  let text = `${fieldText(node.field.name)} `;
  const operator = { start: text.length, end: text.length + node.operator.length };
  text += node.operator;
  const list = node.kind === 'list';
  const values = node.kind === 'comparison' ? [node.value] : list ? node.values : [];
  const spans = values.map((value, index) => {
    text += !list ? ' ' : index === 0 ? ' (' : ', ';
    const written = valueText(value);
    const span = { start: text.length, end: text.length + written.length };
    text += written;
    return span;
  });
  if (list) text += ')';
  return { text, operator, values, spans };
}

/** Checks `node` against `schema` (an own-property snapshot); throws `InvalidAstError` for what no text can write. */
export function checkPredicate(node: PredicateNode, schema: Schema): PredicateCheck {
  const { text, operator, values, spans } = layout(node);
  const name = node.field.name;
  const problems: Diagnostic[] = [];
  const report = (code: Parameters<typeof error>[0], message: string, span: Span): PredicateCheck => {
    problems.push(error(code, message, span));
    return { text, problems };
  };
  if (!Object.hasOwn(schema.fields, name)) {
    return report(
      'unknown-field',
      `Unknown field ${quote(name)}${suggestAmong(name, Object.keys(schema.fields), 'Fields')}`,
      { start: 0, end: name.length },
    );
  }
  const field = schema.fields[name]!;
  if (!field.operators.includes(node.operator)) {
    return report(
      'operator-not-allowed',
      `${quote(node.operator)} is not allowed on ${quote(name)}; allowed: ${listWords(field.operators)}`,
      operator,
    );
  }
  const typeProblem = operatorTypeProblem(field, node.operator);
  if (typeProblem) {
    return report(
      'type-mismatch',
      `${quote(node.operator)} ${typeProblem}, but ${quote(name)} is not`,
      operator,
    );
  }
  if (field.type === 'unknown' && values.length > 0) {
    const untyped = untypedComparison(
      node.operator,
      values.map((v) => v.kind),
    );
    if ('problem' in untyped) {
      const value = values[untyped.problem.index]!;
      return report(
        'type-mismatch',
        `${quote(valueText(value))} is ${kindWords(value.kind)}, but ${untyped.problem.message}`,
        spans[untyped.problem.index]!,
      );
    }
  }
  values.forEach((value, index) => {
    const found = valueProblem(name, field, schema, node.operator, value);
    if (found) problems.push(error(found[0], found[1], spans[index]!));
  });
  return { text, problems };
}

type Problem = [code: Parameters<typeof error>[0], message: string];

/** Why `value` cannot be a value of `field` with `operator`: its type, its range or text, its enum. */
function valueProblem(
  name: string,
  field: FieldSchema,
  schema: Schema,
  operator: PrimitiveOperator,
  value: ValueNode,
): Problem | undefined {
  const shown = quote(valueText(value));
  // A typed field takes the kind of literal its type compares as; an untyped one any (checked above).
  if (value.kind !== (literalKindOf(field.type) ?? value.kind)) {
    return [
      'type-mismatch',
      `${shown} is ${kindWords(value.kind)}, but ${quote(name)} is ${describeType(field.type)} field`,
    ];
  }
  if (value.kind === 'number') {
    if (field.type === 'integer' && !/^-?\d+(\.0*)?$/.test(value.text)) {
      return ['type-mismatch', `${shown} has a fraction, but ${quote(name)} is an integer field`];
    }
    const range = numberRangeProblem(field.type, value.value);
    if (range) return ['value-out-of-range', `${shown} ${range}`];
  }
  if (value.kind === 'string') {
    const text = textProblem(value.value);
    if (text) {
      const what = text === 'nul' ? 'a NUL character (U+0000)' : 'an unpaired surrogate';
      return ['unsupported-character', `${shown} holds ${what}, which SQL text cannot hold`];
    }
  }
  if (field.enum && takesEnumMembers(operator)) {
    const bare = value.kind === 'string' ? value.value : valueText(value);
    const fold = (v: string): string => (isCaseSensitive(field, schema) ? v : v.toLowerCase());
    if (!field.enum.some((member) => fold(member) === fold(bare))) {
      return [
        'unknown-enum-value',
        `${quote(bare)} is not a value of ${quote(name)}${suggestAmong(bare, field.enum, 'Values')}`,
      ];
    }
  }
  return undefined;
}

import {
  type CompareOperator,
  type CompositeOperator,
  createAnd,
  createComparison,
  createField,
  createList,
  createNot,
  createOr,
  createPresence,
  type Expression,
  type ListOperator,
  OPERATOR_TABLE,
  type OperatorKind,
  type OperatorRow,
  type PredicateNode,
  type PresenceOperator,
  type PrimitiveOperator,
  type Span,
} from '../ast/index.js';
import type { Diagnostic } from '../diagnostic/index.js';
import { format, InvalidAstError } from '../printer/format.js';
import type { FieldNameOf, FieldValueOf, OperatorOf } from '../schema/define.js';
import { ownSchema } from '../schema/own.js';
import type { Schema } from '../schema/types.js';
import { PredicateChecker } from '../validate/predicate.js';
import { type BuilderValue, FilterBuildError, toValueNode } from './values.js';

export { FilterBuildError } from './values.js';

const nowhere: Span = { start: 0, end: 0 };

/** A filter made by a {@link FilterBuilder}: valid for its schema by construction. */
export interface BuiltFilter {
  /** The tree (spans are zero: it was built, not parsed). */
  readonly ast: Expression;
  /** The canonical filter text, ready for a `filters` query parameter (URL-encode it). */
  toString(): string;
}

/** The fields of `S` that allow operator `Op`. */
export type FieldsWith<S extends Schema, Op extends PrimitiveOperator> = {
  [F in FieldNameOf<S>]: Op extends OperatorOf<S, F> ? F : never;
}[FieldNameOf<S>];

/** One comparison method: only fields that allow the operator, only values of the field's type. */
export type CompareMethod<S extends Schema, Op extends CompareOperator> = <F extends FieldsWith<S, Op>>(
  field: F,
  value: FieldValueOf<S, F>,
) => BuiltFilter;

/** One list method (`in`, `ca`): a non-empty list of values of the field's type. */
export type ListMethod<S extends Schema, Op extends ListOperator> = <F extends FieldsWith<S, Op>>(
  field: F,
  values: readonly [FieldValueOf<S, F>, ...FieldValueOf<S, F>[]],
) => BuiltFilter;

/** One presence method (`pr`, `isnull`). */
export type PresenceMethod<S extends Schema, Op extends PresenceOperator> = <F extends FieldsWith<S, Op>>(
  field: F,
) => BuiltFilter;

/** The method type of each kind of operator (a new kind in the table fails to compile here). */
export interface MethodOfKind<S extends Schema, Op extends PrimitiveOperator> {
  readonly comparison: CompareMethod<S, Extract<Op, CompareOperator>>;
  readonly list: ListMethod<S, Extract<Op, ListOperator>>;
  readonly presence: PresenceMethod<S, Extract<Op, PresenceOperator>>;
}

/**
 * One method per row of the language's operator table, named by its word and typed by its kind:
 * `eq` is a {@link CompareMethod}, `in` a {@link ListMethod}, `pr` a {@link PresenceMethod}.
 */
export type OperatorMethods<S extends Schema> = {
  readonly [Row in OperatorRow as Row['word']]: MethodOfKind<S, Row['word']>[Row['kind']];
};

/**
 * Builds filters for one schema. With a schema declared by `defineSchema`, TypeScript allows only
 * the schema's fields, only the operators each allows, and only values of each field's type;
 * at run time every filter is also checked against the schema (so a schema typed loosely, or a
 * value cast past the types, still cannot produce an invalid filter), and strings are escaped by
 * the printer, so no value can inject syntax.
 */
export interface FilterBuilder<S extends Schema> extends OperatorMethods<S> {
  /**
   * All of the filters. Takes a spread of a list built at run time (`f.and(...filters)`): one
   * filter is returned as it is, and none throws {@link FilterBuildError} (an empty `and` has no
   * filter text).
   */
  and(...filters: BuiltFilter[]): BuiltFilter;
  /** Any of the filters; like {@link FilterBuilder.and}, one is returned as it is and none throws. */
  or(...filters: BuiltFilter[]): BuiltFilter;
  /** The negation of a filter. */
  not(filter: BuiltFilter): BuiltFilter;
}

/**
 * Thrown when a built filter breaks its schema at run time; carries the validator's diagnostics
 * (from `v3fFor`, also the parser's, for static text that does not parse).
 */
export class FilterSchemaError extends FilterBuildError {
  override readonly name: string = 'FilterSchemaError';
  /** The validator's diagnostics for the offending part. */
  readonly diagnostics: readonly Diagnostic[];

  constructor(diagnostics: readonly Diagnostic[]) {
    super(diagnostics.map((d) => d.message).join('; '));
    this.diagnostics = diagnostics;
  }
}

const builtFilters = new WeakSet<BuiltFilter>();

/**
 * Throws {@link FilterBuildError} for a predicate the language cannot write (a Date past year
 * 9999, a field name that is a keyword...): the builder's one error type, so the printer's
 * `InvalidAstError` never reaches a caller (a predicate is small: checking it costs little).
 */
function printable(predicate: Expression): void {
  try {
    format(predicate);
  } catch (cause) {
    if (cause instanceof InvalidAstError) throw new FilterBuildError(cause.message, { cause });
    throw cause;
  }
}

function built(ast: Expression): BuiltFilter {
  const filter: BuiltFilter = Object.freeze({ ast, toString: () => format(ast) });
  builtFilters.add(filter);
  return filter;
}

/**
 * Creates a {@link FilterBuilder} for `schema`.
 *
 * @example
 * const f = createFilterBuilder(workflowExecutionsSchema);
 * const filter = f.and(f.eq('status', 'Failed'), f.ge('start_time', new Date('2022-02-07T20:13:29Z')));
 * String(filter); // 'status eq "Failed" and start_time ge 2022-02-07T20:13:29.000Z'
 */
export function createFilterBuilder<const S extends Schema>(schema: S): FilterBuilder<S> {
  const isDateTime = (field: string): boolean =>
    Object.hasOwn(schema.fields, field) && schema.fields[field]!.type === 'date-time';

  // The checks `validate` makes of a predicate, without its tree walk: a builder checks each
  // predicate as it builds it, and composites below.
  const checked = (ast: PredicateNode): BuiltFilter => {
    const checker = new PredicateChecker(ownSchema(schema));
    checker.predicate(ast);
    const problems = checker.diagnostics.filter((d) => d.severity === 'error');
    if (problems.length > 0) throw new FilterSchemaError(problems);
    printable(ast);
    return built(ast);
  };

  const compare =
    (operator: CompareOperator) =>
    (field: string, value: BuilderValue): BuiltFilter =>
      checked(
        createComparison(
          createField(field, nowhere),
          operator,
          nowhere,
          toValueNode(value, isDateTime(field)),
          nowhere,
        ),
      );

  const list =
    (operator: ListOperator) =>
    (field: string, values: readonly BuilderValue[]): BuiltFilter => {
      if (!Array.isArray(values) || values.length === 0) {
        throw new FilterBuildError(`\`${operator}\` takes at least one value`);
      }
      const nodes = values.map((value) => toValueNode(value, isDateTime(field)));
      return checked(createList(createField(field, nowhere), operator, nowhere, nodes, nowhere));
    };

  const presence = (operator: PresenceOperator) => (field: string) =>
    checked(createPresence(createField(field, nowhere), operator, nowhere, nowhere));

  const operands = (operator: CompositeOperator, filters: readonly BuiltFilter[]): Expression[] => {
    const allowed = schema.composite ?? ['and', 'or', 'not'];
    if (!allowed.includes(operator)) {
      throw new FilterBuildError(`This endpoint does not allow \`${operator}\``);
    }
    if (filters.length === 0) {
      throw new FilterBuildError(`\`${operator}\` takes at least one filter; it was given none`);
    }
    return filters.map((filter) => {
      if (!builtFilters.has(filter)) throw new FilterBuildError('Operands must come from a filter builder');
      return filter.ast;
    });
  };

  /** `and`/`or` of a list of any length: one filter is itself (checked like the others). */
  const connect = (operator: 'and' | 'or', filters: readonly BuiltFilter[]): BuiltFilter => {
    const asts = operands(operator, filters);
    if (filters.length === 1) return filters[0]!;
    return built(operator === 'and' ? createAnd(asts, nowhere) : createOr(asts, nowhere));
  };

  // One method per row of the operator table, made by its kind; the method types above are what
  // callers see, and at run time every method takes plain strings.
  const makers: { readonly [K in OperatorKind]: (word: never) => unknown } = {
    comparison: compare,
    list,
    presence,
  };
  const builder: Record<string, unknown> = {};
  for (const row of OPERATOR_TABLE) builder[row.word] = makers[row.kind](row.word as never);
  builder.and = (...filters: BuiltFilter[]) => connect('and', filters);
  builder.or = (...filters: BuiltFilter[]) => connect('or', filters);
  builder.not = (filter: BuiltFilter) => built(createNot(operands('not', [filter])[0]!, nowhere));
  return Object.freeze(builder) as unknown as FilterBuilder<S>;
}

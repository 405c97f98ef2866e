import {
  COMPOSITE_OPERATORS,
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
  OPERATOR_RULES,
  type OperatorKind,
  type OperatorRow,
  type PredicateNode,
  type PresenceOperator,
  type PrimitiveOperator,
  type Span,
} from '../ast/index.js';
import type { Diagnostic } from '../diagnostic/index.js';
import { format, InvalidAstError } from '../printer/format.js';
import {
  type FieldNameOf,
  type FieldValueOf,
  InvalidSchemaError,
  type OperatorOf,
} from '../schema/define.js';
import { ownSchema, schemaErrors } from '../schema/own.js';
import type { Schema } from '../schema/types.js';
import { checkPredicate } from './check.js';
import { type BuilderValue, copyOfList, FilterBuildError, readingValue, toValueNode } from './values.js';

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
 * Thrown when a built predicate breaks its schema at run time: the problems `validate` finds in
 * it (the same codes, at the same places), each spanning the part of {@link FilterSchemaError.filter}
 * at fault: the value of `f.eq('age', 1.5)`, the field of `f.eq('nope', 1)`. From `v3fFor`, the
 * problems of the whole written filter, the parser's too when its static text does not parse.
 */
export class FilterSchemaError extends FilterBuildError {
  override readonly name: string = 'FilterSchemaError';
  /** The problems, errors only, with spans into {@link FilterSchemaError.filter}. */
  readonly diagnostics: readonly Diagnostic[];
  /** The offending predicate as the language writes it (`age eq 1.5`). */
  readonly filter: string;

  constructor(diagnostics: readonly Diagnostic[], filter: string) {
    super(`${diagnostics.map((d) => d.message).join('; ')} (in ${JSON.stringify(filter)})`);
    this.diagnostics = diagnostics;
    this.filter = filter;
  }
}

const builtFilters = new WeakSet<BuiltFilter>();

/**
 * Checks a predicate against its schema: {@link FilterBuildError} for one the language cannot
 * write (a Date past year 9999, a field name that is a keyword...), so the printer's
 * `InvalidAstError` never reaches a caller, and {@link FilterSchemaError} for one the schema
 * refuses.
 */
function checked(predicate: PredicateNode, schema: Schema): void {
  // `schema` is the builder's own-property snapshot (ownSchema).
  let check: ReturnType<typeof checkPredicate>;
  try {
    check = checkPredicate(predicate, schema);
  } catch (cause) {
    if (cause instanceof InvalidAstError) throw new FilterBuildError(cause.message, { cause });
    throw cause;
  }
  if (check.problems.length > 0) throw new FilterSchemaError(check.problems, check.text);
}

function built(ast: Expression): BuiltFilter {
  const filter: BuiltFilter = Object.freeze({ ast, toString: () => format(ast) });
  builtFilters.add(filter);
  return filter;
}

/**
 * Creates a {@link FilterBuilder} for `schema`. A schema with errors (those `loadSchema` reports)
 * throws `InvalidSchemaError` here, as `defineSchema` does; the builder then reads the schema's
 * own properties as they were at this first use (later changes to the object are not seen).
 *
 * @example
 * const f = createFilterBuilder(workflowExecutionsSchema);
 * const filter = f.and(f.eq('status', 'Failed'), f.ge('start_time', new Date('2022-02-07T20:13:29Z')));
 * String(filter); // 'status eq "Failed" and start_time ge 2022-02-07T20:13:29.000Z'
 */
export function createFilterBuilder<const S extends Schema>(schema: S): FilterBuilder<S> {
  const errors = schemaErrors(schema);
  if (errors.length > 0) throw new InvalidSchemaError(errors);
  const own = ownSchema(schema);
  const isDateTime = (field: string): boolean =>
    Object.hasOwn(own.fields, field) && own.fields[field]!.type === 'date-time';

  // A builder checks each predicate as it builds it (see checkPredicate), and composites below.
  const predicate = (ast: PredicateNode): BuiltFilter => {
    checked(ast, own);
    return built(ast);
  };

  const compare =
    (operator: CompareOperator) =>
    (field: string, value: BuilderValue): BuiltFilter =>
      predicate(
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
      // A copy, each value read once: a proxy or a getter cannot change a value once it is checked.
      const copy = readingValue(`The values of \`${operator}\``, () => copyOfList(values));
      if (copy === undefined || copy.length === 0) {
        throw new FilterBuildError(`\`${operator}\` takes at least one value`);
      }
      const nodes = copy.map((value) => toValueNode(value as BuilderValue, isDateTime(field)));
      return predicate(createList(createField(field, nowhere), operator, nowhere, nodes, nowhere));
    };

  const presence = (operator: PresenceOperator) => (field: string) =>
    predicate(createPresence(createField(field, nowhere), operator, nowhere, nowhere));

  const operands = (operator: CompositeOperator, filters: readonly BuiltFilter[]): Expression[] => {
    const allowed: readonly CompositeOperator[] = own.composite ?? COMPOSITE_OPERATORS;
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
  for (const row of OPERATOR_RULES) builder[row.word] = makers[row.kind](row.word as never);
  builder.and = (...filters: BuiltFilter[]) => connect('and', filters);
  builder.or = (...filters: BuiltFilter[]) => connect('or', filters);
  builder.not = (filter: BuiltFilter) => built(createNot(operands('not', [filter])[0]!, nowhere));
  return Object.freeze(builder) as unknown as FilterBuilder<S>;
}

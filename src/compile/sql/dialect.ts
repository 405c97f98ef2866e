import type { CompareOperator, TextOperator } from '../../language/operators.js';
import type { CaseFolding } from '../case-folding.js';
import type { ValueType } from '../plan.js';
import type { SqlDialectName, SqlParam } from './types.js';

/** The expression for each member of a collection column, and where it comes from. */
export interface MemberSource {
  /** A FROM item, e.g. `unnest("tags") AS "m"("v")`. */
  readonly from: string;
  /** The member value, e.g. `"m"."v"`. */
  readonly value: string;
  /** A condition that keeps members of the right type, where storage cannot guarantee it. */
  readonly typeCheck: string | undefined;
}

/**
 * The small set of things that differ between SQL dialects. Everything else (null semantics,
 * `not`, escaping, parameter handling) lives in the shared compiler.
 */
export interface SqlDialect {
  readonly name: SqlDialectName;
  /** The most parameters one statement can bind. */
  readonly maxParameters: number;
  /** The placeholder for the `position`-th parameter of the statement (1-based). */
  placeholder(position: number): string;
  /** A placeholder used as text inside a function call, cast where the engine cannot infer it. */
  textArgument(placeholder: string): string;
  /** The constant true (the collection handler's `WHERE` for a request without a filter). */
  readonly trueSql: string;
  /** The constant false. */
  readonly falseSql: string;
  /** A boolean as bound for this engine's boolean storage. */
  booleanParam(value: boolean): SqlParam;
  /** Why this dialect cannot pin `folding`, or undefined when it can. */
  foldingProblem(folding: CaseFolding | undefined): string | undefined;
  /** `lower()` of `sql` under the requested folding. */
  lower(sql: string, folding: CaseFolding | undefined): string;
  /**
   * Makes the left operand of `<`/`>` compare by code point. `folded` says whether it is a
   * `lower()` result made by {@link SqlDialect.lower} with `folding`.
   */
  byCodePoint(sql: string, folded: boolean, folding: CaseFolding | undefined): string;
  /**
   * Case-sensitive `co`/`sw` of `operand`: returns the SQL, binding the pattern via `bind`.
   * (Case-insensitive ones use `lower(...) LIKE lower(...) ESCAPE '!'` in both dialects.)
   */
  caseSensitiveMatch(
    operand: string,
    operator: TextOperator,
    text: string,
    bind: (value: SqlParam) => string,
  ): string;
  /**
   * The longest LIKE/GLOB pattern the engine accepts, in UTF-8 bytes (SQLite: 50,000), or
   * undefined when there is no limit. A longer `co`/`sw` uses {@link SqlDialect.substringMatch}.
   */
  readonly maxPatternBytes: number | undefined;
  /**
   * `co`/`sw` without a pattern: whether `needle` occurs in `operand` (`co`) or starts it (`sw`),
   * both SQL expressions (already folded when case-insensitive). Only called when
   * {@link SqlDialect.maxPatternBytes} is set.
   */
  substringMatch(operand: string, operator: TextOperator, needle: string): string;
  /**
   * A test that the number `sql` is not NaN, where the engine's numbers can be NaN (PostgreSQL's
   * `double precision`, where NaN equals NaN and is above every number), else undefined. NaN is a
   * missing value, as in the predicate and in SQLite (which stores NaN as NULL).
   */
  notNaN(sql: string): string | undefined;
  /** The members of a collection column holding values of `type`; `alias` is free to use. */
  members(column: string, type: ValueType, alias: string): MemberSource;
  /** Quotes one identifier (a column or table name) so any text is safe in it. */
  quoteIdentifier(name: string): string;
  /**
   * The whole comparison of a string operand (a column or a collection member) with `values`,
   * for an engine whose `=`, `<`, `IN` and `LIKE` follow a collation the fragment does not
   * choose (MySQL: case-insensitive, PAD SPACE defaults). Absent: the shared compiler builds it
   * from {@link SqlDialect.lower}, {@link SqlDialect.byCodePoint} and
   * {@link SqlDialect.caseSensitiveMatch}.
   */
  readonly compareText?: (request: TextComparison) => string;
}

/** What {@link SqlDialect.compareText} compares. */
export interface TextComparison {
  /** The operand's SQL (a quoted column or a member value). */
  readonly operand: string;
  readonly operator: CompareOperator | 'in';
  /** The literal values (one, or several for `in`). */
  readonly values: readonly string[];
  readonly caseSensitive: boolean;
  readonly folding: CaseFolding | undefined;
  /** Binds a value and returns its placeholder (call in the order the placeholders appear). */
  bind(value: SqlParam): string;
}

/**
 * The SQL comparison of each operator that is not a text pattern, the same in every dialect:
 * keyed by the operator table's types, so a new comparison operator fails to compile here.
 */
export const SQL_COMPARISON: Readonly<Record<Exclude<CompareOperator, TextOperator>, string>> = {
  eq: '=',
  ne: '<>',
  gt: '>',
  ge: '>=',
  lt: '<',
  le: '<=',
};

/**
 * Where a text operator wants the needle's first occurrence, as a test of a 1-based position
 * (`strpos`, `instr`, `LOCATE`; 0 is "not found"): anywhere for `co`, at the start for `sw`.
 * For {@link SqlDialect.substringMatch}; keyed by the table's `TextOperator`.
 */
export const FIRST_OCCURRENCE: Readonly<Record<TextOperator, string>> = { co: '> 0', sw: '= 1' };

const LONE_SURROGATE = /\p{Surrogate}/u;

/**
 * Why `name` cannot be an SQL identifier (a table or column name), or undefined when it can: the
 * one rule for `compileSql` and the collection handler, whatever the dialect quotes it with.
 */
export function identifierProblem(name: unknown): string | undefined {
  if (typeof name !== 'string' || name.length === 0) return 'is empty or not a string';
  if (name.includes('\0')) return 'holds U+0000';
  if (LONE_SURROGATE.test(name)) return 'holds an unpaired surrogate';
  return undefined;
}

/** Quotes an identifier in double quotes, doubling any embedded double quote (both dialects). */
export function quoteIdentifier(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

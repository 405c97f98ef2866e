import {
  createBoolean,
  createDateTime,
  createNumber,
  createString,
  isDateTimeLiteral,
  type Span,
  type ValueNode,
} from '../ast/index.js';
import { MAX_LIST_VALUES } from '../syntax/limits.js';

/** A JavaScript value the builder turns into a literal. */
export type BuilderValue = string | number | boolean | Date;

/** Thrown by the builder for a value no filter can express (NaN, an invalid Date...). */
export class FilterBuildError extends TypeError {
  override readonly name: string = 'FilterBuildError';
}

const nowhere: Span = { start: 0, end: 0 };

/**
 * Writes a finite number as the language's decimal literal: never an exponent, which the
 * language does not have (`1e21` becomes `1000000000000000000000`, `1e-7` becomes `0.0000001`).
 */
export function decimalText(value: number): string {
  if (!Number.isFinite(value)) throw new FilterBuildError(`Not a finite number: ${value}`);
  const plain = String(value);
  const e = plain.indexOf('e');
  if (e < 0) return plain;
  // Shift the decimal point of the shortest round-trip digits by the exponent.
  const negative = plain.startsWith('-');
  const [whole = '', fraction = ''] = plain.slice(negative ? 1 : 0, e).split('.');
  const digits = whole + fraction;
  const point = whole.length + Number(plain.slice(e + 1));
  let text: string;
  if (point <= 0) text = `0.${'0'.repeat(-point)}${digits}`;
  else if (point >= digits.length) text = digits + '0'.repeat(point - digits.length);
  else text = `${digits.slice(0, point)}.${digits.slice(point)}`;
  return negative ? `-${text}` : text;
}

// Date's own methods, taken once: they read the internal time slot, which a subclass, a proxy or an
// object inheriting from `Date.prototype` cannot fake (an overridden `toISOString` could return
// any text, a whole filter included).
const timeOfDate = Date.prototype.getTime;
const isoTextOfDate = Date.prototype.toISOString;

/**
 * The time value of a real `Date` (NaN for an invalid one), read through `Date`'s own method;
 * `undefined` for any other value, a proxy of a `Date` included. Calls no code of the value's.
 */
function timeOfRealDate(value: unknown): number | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  try {
    return timeOfDate.call(value as Date);
  } catch {
    return undefined;
  }
}

/** The time value of a `Date` as RFC 3339 text in UTC (`2024-01-02T03:04:05.000Z`); throws for one that has none. */
function dateText(time: number): string {
  if (Number.isNaN(time)) throw new FilterBuildError('Invalid Date');
  // A fresh Date of the same instant: its text comes from the engine, not from the value.
  const instant = new Date(time);
  const year = instant.getUTCFullYear();
  if (year < 0 || year > 9999) {
    throw new FilterBuildError(`A Date in year ${year} has no RFC 3339 form: the years are 0000 to 9999`);
  }
  return isoTextOfDate.call(instant);
}

/**
 * A copy of the list a caller passed, each item read once (a proxy or a getter cannot answer one
 * thing when checked and another when written); `undefined` when `value` is no array. A list
 * longer than any parser limit allows is refused before its items are read.
 */
export function copyOfList(value: unknown): unknown[] | undefined {
  if (!Array.isArray(value)) return undefined;
  const length: unknown = value.length;
  if (typeof length !== 'number' || !(length <= MAX_LIST_VALUES)) {
    throw new FilterBuildError(`A list holds at most ${MAX_LIST_VALUES} values`);
  }
  const copy: unknown[] = [];
  for (let i = 0; i < length; i++) copy.push(value[i]);
  return copy;
}

/** Whether a thrown value is ours (`instanceof` itself throws for a revoked proxy). */
function isBuildError(error: unknown): boolean {
  try {
    return error instanceof FilterBuildError;
  } catch {
    return false;
  }
}

/**
 * Runs `read` over a caller's value and turns whatever its code throws (a getter, a proxy's trap,
 * a revoked proxy) into {@link FilterBuildError}, so a bad value always fails the same way.
 */
export function readingValue<T>(what: string, read: () => T): T {
  try {
    return read();
  } catch (error) {
    if (isBuildError(error)) throw error;
    // The cause keeps what was thrown; the message says only where, which no thrown value can fake.
    throw new FilterBuildError(`${what} could not be read: it threw`, { cause: error });
  }
}

/**
 * A JavaScript value as a literal node, by its JavaScript type: a string stays a string unless
 * `asDateTime` (a date-time field), where it must be RFC 3339 text; a `Date` becomes its ISO text
 * in UTC. `'not-date-time'` for a string a date-time field cannot take, `undefined` for a value of
 * no literal type: the builder and `v3f` word these refusals each in their own terms. Throws
 * {@link FilterBuildError} for what no literal can hold (a line break, NaN, an invalid Date).
 */
export function literalNode(value: unknown, asDateTime: boolean): ValueNode | 'not-date-time' | undefined {
  const time = timeOfRealDate(value);
  if (time !== undefined) return createDateTime(dateText(time), nowhere);
  switch (typeof value) {
    case 'string':
      if (/[\n\r]/.test(value)) {
        throw new FilterBuildError(
          'A string value cannot contain a line break: the language has no escape for one',
        );
      }
      if (!asDateTime) return createString(value, nowhere);
      return isDateTimeLiteral(value) ? createDateTime(value, nowhere) : 'not-date-time';
    case 'number':
      return createNumber(decimalText(value), nowhere);
    case 'boolean':
      return createBoolean(value, nowhere);
    default:
      return undefined;
  }
}

/** {@link literalNode} for the builder, whose values are typed: any refusal is a {@link FilterBuildError}. */
export function toValueNode(value: BuilderValue, asDateTime: boolean): ValueNode {
  const node = literalNode(value, asDateTime);
  if (node === 'not-date-time')
    throw new FilterBuildError(`Not an RFC 3339 date-time: ${JSON.stringify(value)}`);
  if (node === undefined) throw new FilterBuildError(`Not a filter value: ${typeof value}`);
  return node;
}

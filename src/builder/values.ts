import {
  createBoolean,
  createDateTime,
  createNumber,
  createString,
  parseDateTime,
  type Span,
  type ValueNode,
} from '../ast/index.js';

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

/** A `Date` as RFC 3339 text in UTC (`2024-01-02T03:04:05.000Z`); throws for one that has none. */
export function dateText(value: Date): string {
  if (Number.isNaN(value.getTime())) throw new FilterBuildError('Invalid Date');
  const year = value.getUTCFullYear();
  if (year < 0 || year > 9999) {
    throw new FilterBuildError(`A Date in year ${year} has no RFC 3339 form: the years are 0000 to 9999`);
  }
  return value.toISOString();
}

/**
 * Turns a JavaScript value into a literal node, by its JavaScript type: a string stays a string
 * unless `asDateTime` (a date-time field), where it must be RFC 3339 text; a `Date` becomes its
 * ISO text in UTC.
 */
export function toValueNode(value: BuilderValue, asDateTime: boolean): ValueNode {
  if (value instanceof Date) return createDateTime(dateText(value), nowhere);
  switch (typeof value) {
    case 'string':
      if (/[\n\r]/.test(value)) {
        throw new FilterBuildError(
          'A string value cannot contain a line break: the language has no escape for one',
        );
      }
      if (!asDateTime) return createString(value, nowhere);
      if (!parseDateTime(value))
        throw new FilterBuildError(`Not an RFC 3339 date-time: ${JSON.stringify(value)}`);
      return createDateTime(value, nowhere);
    case 'number':
      return createNumber(decimalText(value), nowhere);
    case 'boolean':
      return createBoolean(value, nowhere);
    default:
      throw new FilterBuildError(`Not a filter value: ${typeof value}`);
  }
}

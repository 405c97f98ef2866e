import { quote } from '../diagnostic/text.js';
import { isWhitespace } from '../language/chars.js';
import { LIST_OPERATORS } from '../language/operators.js';
import { valueText as printedValue } from '../printer/format.js';
import { afterValue, initialState, type Position, scanStatic, whatStandsAt } from './template-scan.js';
import { copyOfList, FilterBuildError, literalNode, readingValue } from './values.js';

/** One value a `v3f` template writes: a literal of the language. */
export type TemplateScalar = string | number | bigint | boolean | Date;

/** What a `v3f` interpolation takes: a value, or a list of values for `in` and `ca`. */
export type TemplateValue = TemplateScalar | readonly TemplateScalar[];

/** Whether a field takes date-times, so that a string for it is written as one (a schema knows). */
export type DateTimeFields = (field: string) => boolean;

const noDateTimes: DateTimeFields = () => false;

/** The list operators as messages name them: `in`, `ca`. */
const LIST_WORDS = LIST_OPERATORS.map((word) => `\`${word}\``).join(', ');

function describe(value: unknown): string {
  if (value === null) return 'null';
  return typeof value === 'object' ? 'an object' : typeof value;
}

/** A value as text of the language: a quoted, escaped string, a number, a boolean, a date-time. */
function literalText(value: unknown, asDateTime: boolean): string {
  // A bigint has no node (the builder's numbers are doubles), but its decimal text is a literal.
  if (typeof value === 'bigint') return value.toString();
  const node = literalNode(value, asDateTime);
  if (node === 'not-date-time') {
    throw new FilterBuildError(`Not an RFC 3339 date-time: ${quote(value as string, 80)}`);
  }
  if (node === undefined) {
    throw new FilterBuildError(
      `${describe(value)} is not a filter value: pass a string, number, bigint, boolean or Date`,
    );
  }
  // Written as the printer writes it: a node from literalNode is one the printer accepts.
  return printedValue(node);
}

/** A value as the content of a double-quoted string: its text, escaped so it cannot close the string. */
function stringContent(value: unknown): string {
  if (copyOfList(value) !== undefined)
    throw new FilterBuildError('An array cannot stand inside a quoted string');
  const text = literalText(value, false);
  // A string's literal is quoted; the text of any other value joins the string as it is.
  return typeof value === 'string' ? text.slice(1, -1) : text;
}

function listText(values: readonly unknown[], asDateTime: boolean): string {
  // `values` is a copy (`copyOfList`), so each item is read once.
  if (values.length === 0)
    throw new FilterBuildError(`An empty list has no filter text: ${LIST_WORDS} take at least one value`);
  return values
    .map((item) => {
      if (copyOfList(item) !== undefined) throw new FilterBuildError('A list holds values, not lists');
      return literalText(item, asDateTime);
    })
    .join(', ');
}

/** The text of a value interpolated at `position`, where a value may stand; `undefined` where none may. */
function valueText(position: Position, value: unknown, asDateTime: boolean): string | undefined {
  if (position !== 'value' && position !== 'list' && position !== 'list-value') return undefined;
  const list = copyOfList(value);
  if (list !== undefined && position === 'value') {
    throw new FilterBuildError(`An array stands only after a list operator (${LIST_WORDS})`);
  }
  const text = list === undefined ? literalText(value, asDateTime) : listText(list, asDateTime);
  // After `in`, the value is the whole list: one value or an array, in parentheses.
  return position === 'list' ? `(${text})` : text;
}

/** Whether `text` ends in a character that would run into a value written right after it. */
function endsInWord(text: string): boolean {
  if (text === '') return false;
  const code = text.charCodeAt(text.length - 1);
  return !isWhitespace(code) && code !== 40 /* ( */ && code !== 44 /* , */;
}

/** Whether `text` starts where a value may end: whitespace, `)`, `,` or nothing. */
function startsAfterValue(text: string): boolean {
  if (text === '') return true;
  const code = text.charCodeAt(0);
  return isWhitespace(code) || code === 41 || code === 44;
}

function staticParts(strings: unknown, count: number): readonly string[] {
  // A copy, each part read once: what is checked here is what is written.
  const parts = readingValue('The template', () => copyOfList(strings));
  if (parts === undefined || parts.length !== count + 1) {
    throw new FilterBuildError('v3f is a template tag: write it before a template literal, not call it');
  }
  for (const part of parts) {
    if (typeof part !== 'string') throw new FilterBuildError('The template has an invalid escape sequence');
  }
  return parts as readonly string[];
}

/**
 * Writes a template's text with each value as a literal where the static parts want a value,
 * throwing {@link FilterBuildError} for a value anywhere else. The shared work of {@link v3f} and
 * the schema-checking variant (`v3fFor` in the root entry), which says which fields are date-times.
 */
export function renderTemplate(
  strings: unknown,
  values: readonly unknown[],
  isDateTime: DateTimeFields = noDateTimes,
): string {
  const parts = staticParts(strings, values.length);
  const state = initialState();
  let out = '';
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i]!;
    if (i > 0 && state.position !== 'string' && !startsAfterValue(part)) {
      throw new FilterBuildError(
        `The value of interpolation ${i} runs into ${quote(part.slice(0, 20))}: follow it with a space, \`,\` or \`)\``,
      );
    }
    out += part;
    scanStatic(state, part);
    if (i === values.length) break;
    const value = values[i];
    const where = `interpolation ${i + 1} (${out === '' ? 'at the start' : `after ${quote(out.slice(-30))}`})`;
    if (state.position === 'string') {
      if (state.danglingEscape) {
        throw new FilterBuildError(`The backslash before ${where} would escape the value: remove it`);
      }
      out += readingValue(`The value of ${where}`, () => stringContent(value));
      continue;
    }
    const asDateTime = state.field !== undefined && isDateTime(state.field);
    const { position } = state;
    const text = readingValue(`The value of ${where}`, () => valueText(position, value, asDateTime));
    if (text === undefined) {
      throw new FilterBuildError(`No value may stand at ${where}: ${whatStandsAt(state.position)}`);
    }
    out += (endsInWord(part) ? ' ' : '') + text;
    state.position = state.position === 'list' ? 'after' : afterValue(state.position);
  }
  return out;
}

/**
 * A tagged template that writes filters with values interpolated safely: each value becomes a
 * literal of the language by its type (a string quoted and escaped, a `Date` as RFC 3339 in UTC,
 * a number in decimal, a bigint, a boolean, an array as the list of `in` or `ca`), so no value
 * can change the filter's structure. A value may stand only where the grammar wants one (after a
 * comparison operator, as or in an `in`/`ca` list, or inside a double-quoted string, whose text
 * it joins escaped); anywhere else (a field, an operator, after a single quote) it throws
 * {@link FilterBuildError}, as it does for a value no literal can hold (`NaN`, a string with a
 * line break, an empty list, `null`). The static text is not checked: lint it, or use the
 * variant that checks against a schema (`v3fFor` in the root entry).
 *
 * @example
 * v3f`name eq ${"O'Brien \"Jr\""} and created gt ${new Date(Date.UTC(2024, 0, 1))}`;
 * // 'name eq "O\'Brien \\"Jr\\"" and created gt 2024-01-01T00:00:00.000Z'
 * v3f`status in ${['Failed', 'Canceled']}`; // 'status in ("Failed", "Canceled")'
 */
export function v3f(strings: TemplateStringsArray, ...values: readonly TemplateValue[]): string {
  return renderTemplate(strings, values);
}

/** A `v3f`-style template tag: the filter text, with each value written as a literal. */
export type V3fTag = (strings: TemplateStringsArray, ...values: readonly TemplateValue[]) => string;

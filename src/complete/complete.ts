import { endsWord, isWhitespace } from '../language/chars.js';
import { COMPOSITE_OPERATORS, type CompositeOperator, operatorMeaning } from '../language/operators.js';
import { quoteString } from '../language/quoting.js';
import { wordEnd, wordRunEnd } from '../language/words.js';
import type { FieldSchema, Schema } from '../schema/types.js';
import { type CursorContext, readContext } from './context.js';
import { enumBinds, fieldOf, fieldOptions, operatorOptions, valueOptions } from './suggestions.js';
import type { CompleteOptions, CompletionOption, CompletionResult } from './types.js';

/** Typed text longer than this matches no option (no field, operator or value is this long). */
const MAX_MATCHED = 256;

/** The longest text before the cursor that gets suggestions, by default. */
const DEFAULT_MAX_LENGTH = 65_536;

/**
 * Suggests what may come at `offset` in a filter for `schema`: field names (with their type and
 * operators), the operators the field before the cursor allows, its values (enum values as quoted
 * strings, `true`/`false`, a date-time template, `""`), list brackets after `in`/`ca`, `and`/`or`
 * and `not` as the schema's `composite` allows, closing parentheses and quotes. Accepting an
 * option replaces `text.slice(from, to)` with `apply ?? label`.
 *
 * Works on any text, incomplete or invalid: the situation at the cursor is read by the project's
 * lexer (linear, it never throws) from the text before it. Never throws; an out-of-range
 * `offset` is clamped, and one between the halves of a surrogate pair (an emoji, say) counts as
 * before the character, so no offset returned splits one; a `text` that is not a string, a schema that cannot be read, a cursor past
 * `maxLength` (64 KiB), or text with more than 1,000 lexer errors before the cursor gets no options.
 *
 * @example
 * complete('status eq "Fa', 13, { schema: workflowExecutionsSchema });
 * // { from: 10, to: 13, options: [{ label: '"Failed"', kind: 'value', detail: 'enum value' }] }
 */
export function complete(text: string, offset: number, options: CompleteOptions): CompletionResult {
  if (typeof text !== 'string') return { from: 0, to: 0, options: [] };
  const clamped = Number.isFinite(offset)
    ? Math.min(Math.max(Math.trunc(offset), 0), text.length)
    : text.length;
  // A cursor between the halves of a surrogate pair stands before the character.
  const at = codePointStart(text, clamped);
  try {
    return completeAt(text, at, options);
  } catch {
    // Only options that cannot be read (a schema with a throwing getter, a proxy) get here.
    return { from: at, to: at, options: [] };
  }
}

function completeAt(text: string, at: number, options: CompleteOptions): CompletionResult {
  const schema = options?.schema;
  if (!schema || typeof schema !== 'object' || !schema.fields || typeof schema.fields !== 'object') {
    return { from: at, to: at, options: [] };
  }
  const maxLength = options.maxLength ?? DEFAULT_MAX_LENGTH;
  const context = at <= maxLength ? readContext(text, at) : undefined;
  if (!context) return { from: at, to: at, options: [] };
  const partial = context.partial;
  // The replaced range never splits a character: it starts before one and ends after one.
  const from = partial ? codePointStart(text, partial.start) : at;
  const to = partial
    ? codePointEnd(text, replacedEnd(text, at, partial.start, partial.unterminatedString, partial.isValue))
    : at;
  const typed = text.slice(from, at);
  const now = options.now instanceof Date ? options.now : new Date();
  const candidates = candidatesAt(context, schema, typed, now);
  // Inside a string that is still open, closing it as typed is an option too.
  if (partial?.unterminatedString && to === at && !bindsToEnum(context, schema)) {
    candidates.push({
      label: quoteString(partial.value ?? ''),
      kind: 'punctuation',
      detail: 'close the string',
    });
  }
  const matching = candidates.filter((option) => matches(option.label, typed, partial !== undefined));
  return { from, to, options: matching.map((option) => spaced(option, text, from, to)) };
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}

/** Whether `offset` falls between the two halves of a surrogate pair. */
function splitsPair(text: string, offset: number): boolean {
  return (
    offset > 0 &&
    offset < text.length &&
    isHighSurrogate(text.charCodeAt(offset - 1)) &&
    isLowSurrogate(text.charCodeAt(offset))
  );
}

/** `offset`, or the start of the character it falls inside (one astral character is two code units). */
function codePointStart(text: string, offset: number): number {
  return splitsPair(text, offset) ? offset - 1 : offset;
}

/** `offset`, or the end of the character it falls inside. */
function codePointEnd(text: string, offset: number): number {
  return splitsPair(text, offset) ? offset + 1 : offset;
}

/**
 * Where the replaced range ends: the whole word the cursor is in, so that accepting a field in the
 * middle of `sta|tus` replaces `status`, not just `sta`. In a string, through its closing quote
 * only when the rest of it is one word (`"Fa|iled"`): a quote typed before other text (`"|, "b"`)
 * would otherwise swallow that text up to the next quote.
 */
function replacedEnd(text: string, at: number, start: number, inString: boolean, isValue: boolean): number {
  if (!inString) return isValue ? wordEnd(text, at) : wordRunEnd(text, at);
  const close = closingQuote(text.charCodeAt(start));
  for (let i = at; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === close) return i + 1;
    if (code === 92 || endsWord(code)) break;
  }
  return at;
}

/** The quote that closes a string opened by `open` (typographic quotes close with their pair). */
function closingQuote(open: number): number {
  return open === 0x201c || open === 0x2018 ? open + 1 : open;
}

function bindsToEnum(context: CursorContext, schema: Schema): boolean {
  const field = fieldOf(schema, context.field);
  return context.position === 'value' && field !== undefined && enumBinds(field, context.operator);
}

// The composite operators that join two conditions, offered after one; `not` stands before a
// condition instead, so it is offered where an operand starts.
const CONNECTIVES = COMPOSITE_OPERATORS.filter((word) => word !== 'not');

function candidatesAt(context: CursorContext, schema: Schema, typed: string, now: Date): CompletionOption[] {
  const composite: readonly CompositeOperator[] = schema.composite ?? COMPOSITE_OPERATORS;
  const field = fieldOf(schema, context.field);
  switch (context.position) {
    case 'operand': {
      const options = fieldOptions(schema);
      if (composite.includes('not'))
        options.push({ label: 'not', kind: 'keyword', detail: operatorMeaning('not') });
      options.push({ label: '(', kind: 'punctuation', detail: 'a group of conditions' });
      if (fieldOptions(schema, 'pr').length > 0) {
        options.push({ label: 'pr', kind: 'keyword', detail: `${operatorMeaning('pr')}: pr field` });
      }
      return options;
    }
    case 'prefix-pr':
      return fieldOptions(schema, 'pr');
    case 'operator':
      return field ? operatorOptions(field) : [];
    case 'list-open':
      return [{ label: '(', kind: 'punctuation', detail: 'a list of values: ("a", "b")' }];
    case 'value': {
      if (!field) return [];
      const options = valueOptions(field, context.operator, typed, now);
      return context.listed.length === 0 ? options : withoutListed(options, context.listed, field, schema);
    }
    case 'list-next':
      return [
        { label: ',', kind: 'punctuation', detail: 'another value' },
        { label: ')', kind: 'punctuation', detail: 'end of the list' },
      ];
    case 'connective': {
      const options: CompletionOption[] = [];
      for (const word of CONNECTIVES) {
        if (composite.includes(word))
          options.push({ label: word, kind: 'keyword', detail: operatorMeaning(word) });
      }
      if (context.groupDepth > 0)
        options.push({ label: ')', kind: 'punctuation', detail: 'end of the group' });
      return options;
    }
  }
}

/**
 * The value options less those already in the list (`status in ("Failed", |`), compared as the
 * field's case sensitivity says: listing one twice only earns a `duplicate-value` warning.
 */
function withoutListed(
  options: CompletionOption[],
  listed: readonly string[],
  field: FieldSchema,
  schema: Schema,
): CompletionOption[] {
  const caseSensitive = field.caseSensitive ?? schema.caseSensitive ?? false;
  const key = (value: string) => (caseSensitive ? value : value.toLowerCase());
  // Listed strings are decoded; options are written as literals: compare both spellings.
  const taken = new Set(listed.flatMap((value) => [key(value), key(quoteString(value))]));
  // `""` stands for any text, not for the empty string: it stays.
  return options.filter((option) => option.label === '""' || !taken.has(key(option.label)));
}

/** Lowercase, without a leading quote and without `_`: `"fa` finds `"Failed"`, `starttime` finds `start_time`. */
function loose(text: string): string {
  const first = text.charCodeAt(0);
  const unquoted =
    first === 34 || first === 39 || (first >= 0x2018 && first <= 0x201d) ? text.slice(1) : text;
  return unquoted.toLowerCase().replaceAll('_', '');
}

/** Whether an option fits what is typed: its label starts with it, ignoring case, quotes and `_`. */
function matches(label: string, typed: string, typing: boolean): boolean {
  if (!typing || typed === '') return true;
  if (typed.length > MAX_MATCHED) return false;
  if (label.startsWith(typed)) return true;
  return loose(label).startsWith(loose(typed));
}

/** Words need a space from a word before them, and get one after them so typing can go on. */
function spaced(option: CompletionOption, text: string, from: number, to: number): CompletionOption {
  const { label, kind } = option;
  if (kind === 'punctuation' && label !== '(') return option;
  const before = from > 0 ? text.charCodeAt(from - 1) : Number.NaN;
  const spaceBefore = from > 0 && !isWhitespace(before) && before !== 40 && before !== 44;
  const wordLike = kind === 'field' || kind === 'operator' || kind === 'keyword';
  const spaceAfter = wordLike && (to >= text.length || !isWhitespace(text.charCodeAt(to)));
  if (!spaceBefore && !spaceAfter) return option;
  return { ...option, apply: `${spaceBefore ? ' ' : ''}${label}${spaceAfter ? ' ' : ''}` };
}

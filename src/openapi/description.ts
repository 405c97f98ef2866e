/**
 * Reads the prose in which SailPoint's OpenAPI documents declare each endpoint's filter whitelist:
 *
 *     Filtering is supported for the following fields and operators:
 *
 *     **start_time**: *eq, lt, le, gt, ge*
 *
 *     **status**: *eq*
 *
 * with the variants that occur (a missing colon, extra spaces, declarations run together on one
 * line), `Supported composite operators are *and, or*`, `All filter values are case-sensitive for
 * this API.` and `**Possible Values:** A, B, C` after a field.
 */

import { PRIMITIVE_OPERATORS } from '../ast/index.js';

/** One field as the prose declares it. */
export interface DeclaredField {
  readonly name: string;
  /** The words of its operator list, lowercased, in order (unknown words included). */
  readonly operators: readonly string[];
  /** From a `Possible Values` line after the field. */
  readonly values?: readonly string[];
}

/** What a `filters` description declares. */
export interface FilterDeclaration {
  /** Whether the "Filtering is supported for the following fields and operators" sentence is there. */
  readonly found: boolean;
  readonly fields: readonly DeclaredField[];
  /** The composite operators' words, when declared. */
  readonly composite?: readonly string[];
  /** True for "All filter values are case-sensitive", false for "... case-insensitive". */
  readonly caseSensitive?: boolean;
}

const FILTER_HEADER = /filtering is supported for the following fields and operators\s*:?/i;
const SORT_HEADER = /sorting is supported for the following fields\s*:?/i;
const COMPOSITE_PHRASE = /supported composite operators/gi;
/** `all values`, `all filter values`, `all field values`: where a case sentence starts. */
const ALL_VALUES = /\ball (?:filter |field )?values\b/i;
const CASE_WORD = /\bcase-(in)?sensitive/i;
const POSSIBLE_VALUES = /^[*_\s]*possible values[*_\s]*:?[*_\s]*/i;
const OPERATOR_WORDS: ReadonlySet<string> = new Set(PRIMITIVE_OPERATORS);
const FIELD_PATH = /^[A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z_][A-Za-z0-9_]*)*$/;

/** The words of a list such as `*eq, in, sw*` or `eq in`: emphasis and code marks removed. */
function listWordsOf(text: string): string[] {
  // Take the first emphasised run when there is one: prose may follow it on the same line.
  const emphasised = /\*([^*]+)\*/.exec(text);
  const inner = emphasised ? emphasised[1]! : (/^[\sA-Za-z,]*/.exec(text)?.[0] ?? '');
  return inner
    .replaceAll('`', '')
    .split(/[\s,]+/)
    .filter((word) => word !== '');
}

const SPACE = /\s/;

/** Emphasis, code and quote marks around a listed value (and a sentence's full stop after it). */
function isValueMark(char: string, trailing: boolean): boolean {
  return (
    SPACE.test(char) ||
    char === '*' ||
    char === '`' ||
    char === '"' ||
    char === "'" ||
    (trailing && char === '.')
  );
}

/** `value` without the marks around it, in one pass from each end (a regex `[...]+$` is quadratic). */
function trimValueMarks(value: string): string {
  let start = 0;
  let end = value.length;
  while (start < end && isValueMark(value[start]!, false)) start++;
  while (end > start && isValueMark(value[end - 1]!, true)) end--;
  return value.slice(start, end);
}

function splitValues(text: string): string[] {
  return text
    .split(',')
    .map(trimValueMarks)
    .filter((v) => v !== '');
}

function isAsciiLetter(char: string | undefined): boolean {
  return char !== undefined && ((char >= 'a' && char <= 'z') || (char >= 'A' && char <= 'Z'));
}

function skipSpaces(text: string, from: number): number {
  let i = from;
  while (i < text.length && SPACE.test(text[i]!)) i++;
  return i;
}

/**
 * The words of `and, or` at `from`: ASCII words separated by commas, lowercased; undefined when
 * no word starts there. One forward pass: each character is looked at once.
 */
function wordListAt(text: string, from: number): string[] | undefined {
  const words: string[] = [];
  let i = from;
  for (;;) {
    const start = i;
    while (isAsciiLetter(text[i])) i++;
    if (i === start) break;
    words.push(text.slice(start, i).toLowerCase());
    const comma = skipSpaces(text, i);
    if (text[comma] !== ',') break;
    const next = skipSpaces(text, comma + 1);
    if (!isAsciiLetter(text[next])) break;
    i = next;
  }
  return words.length > 0 ? words : undefined;
}

/** Spaces, emphasis and colons between the composite phrase and its list. */
function skipDecoration(text: string, from: number): number {
  let i = from;
  while (i < text.length && (SPACE.test(text[i]!) || text[i] === '*' || text[i] === ':')) i++;
  return i;
}

/**
 * `Supported composite operators are *and, or*` (`**Supported composite operators**: *and*`...):
 * the words of the first such sentence that lists any. Read by hand rather than by one pattern:
 * the optional marks between phrase and list, written as adjacent `\s*`, backtrack polynomially
 * on a run of spaces.
 */
function readComposite(body: string): string[] | undefined {
  for (const phrase of body.matchAll(COMPOSITE_PHRASE)) {
    let i = skipDecoration(body, phrase.index + phrase[0].length);
    if (body.slice(i, i + 3).toLowerCase() === 'are' && !/\w/.test(body[i + 3] ?? '')) {
      i = skipDecoration(body, i + 3);
    }
    const words = wordListAt(body, i);
    if (words) return words;
  }
  return undefined;
}

/**
 * True for "All filter values are case-sensitive", false for "... case-insensitive", undefined
 * when no sentence says. Sentence by sentence (a sentence ends at `.` or a line break), so each
 * character is searched once however many sentences start with "all values".
 */
function readCaseSensitivity(description: string): boolean | undefined {
  for (const sentence of description.split(/[.\n]/)) {
    const all = ALL_VALUES.exec(sentence);
    if (!all) continue;
    const word = CASE_WORD.exec(sentence.slice(all.index + all[0].length));
    if (word) return word[1] === undefined;
  }
  return undefined;
}

interface MutableField {
  name: string;
  operators: string[];
  values?: string[];
}

/**
 * Reads the declarations of one line. A line may hold several (`**id**: *eq*  **name**: *sw*`,
 * as some generators join lines), so it is cut at each bold `**name**`.
 */
function readLine(line: string, fields: MutableField[]): void {
  const values = POSSIBLE_VALUES.exec(line);
  if (values && fields.length > 0) {
    fields[fields.length - 1]!.values = splitValues(line.slice(values[0].length));
    return;
  }
  const bold = /\*\*([^*]+?)\*\*/g;
  const marks = [...line.matchAll(bold)];
  marks.forEach((mark, index) => {
    const raw = mark[1]!.trim();
    const name = raw.endsWith(':') ? raw.slice(0, -1).trim() : raw;
    const next = marks[index + 1];
    const rest = line.slice(mark.index + mark[0].length, next ? next.index : line.length);
    if (/^possible values$/i.test(name) && fields.length > 0) {
      fields[fields.length - 1]!.values = splitValues(rest.replace(/^\s*:?/, ''));
      return;
    }
    if (!FIELD_PATH.test(name)) return;
    const after = rest.replace(/^\s*:?\s*/, '');
    const operators = listWordsOf(after).map((w) => w.toLowerCase());
    // Bold prose (`**Note**: this is...`) is not a declaration: one needs a real operator.
    if (!operators.some((word) => OPERATOR_WORDS.has(word))) return;
    fields.push({ name, operators });
  });
}

/** Reads a `filters` parameter's description. */
export function readFilterDeclaration(description: string): FilterDeclaration {
  const header = FILTER_HEADER.exec(description);
  if (!header) return { found: false, fields: [] };
  const body = description.slice(header.index + header[0].length);
  const fields: MutableField[] = [];
  for (const line of body.split(/\r\n|\r|\n/)) readLine(line, fields);
  const composite = readComposite(body);
  const caseSensitive = readCaseSensitivity(description);
  return {
    found: true,
    fields,
    ...(composite ? { composite } : {}),
    ...(caseSensitive !== undefined ? { caseSensitive } : {}),
  };
}

/**
 * Reads a `sorters` parameter's description ("Sorting is supported for the following fields:
 * **name, created, modified**"): the field names, or undefined when it declares none.
 */
export function readSortableFields(description: string): string[] | undefined {
  const header = SORT_HEADER.exec(description);
  if (!header) return undefined;
  const rest = description.slice(header.index + header[0].length).trimStart();
  const line = /^[^\r\n]*/.exec(rest)?.[0] ?? '';
  // The list is bold (`**a, b**`) or each name is (`**a**, **b**`); prose may follow it.
  const listed = /^((?:\*\*[^*]+\*\*[\s,]*)+)/.exec(line)?.[1] ?? line;
  const names = listed
    .replaceAll('*', '')
    .replaceAll('`', '')
    .split(',')
    .map((name) => name.trim())
    .filter((name) => FIELD_PATH.test(name));
  return names.length > 0 ? names : undefined;
}

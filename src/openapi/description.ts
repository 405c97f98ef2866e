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
const COMPOSITE =
  /supported composite operators(?:\*\*)?\s*(?:are\b|:)?\s*(?:\*\*)?\s*:?\s*\*?\s*([A-Za-z]+(?:\s*,\s*[A-Za-z]+)*)/i;
const CASE = /\ball (?:filter |field )?values\b[^.\n]*?\bcase-(in)?sensitive/i;
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

function splitValues(text: string): string[] {
  return text
    .split(',')
    .map((v) => v.replace(/^[\s*`"']+|[\s*`"'.]+$/g, ''))
    .filter((v) => v !== '');
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
  const composite = COMPOSITE.exec(body);
  const caseWords = CASE.exec(description);
  return {
    found: true,
    fields,
    ...(composite ? { composite: composite[1]!.split(/\s*,\s*/).map((w) => w.toLowerCase()) } : {}),
    ...(caseWords ? { caseSensitive: caseWords[1] === undefined } : {}),
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

import type { Expression } from '../ast/index.js';
import { applyFixes, type Diagnostic, error, quote, replaceFix } from '../diagnostic/index.js';
import { schemaProblems } from '../schema/checked.js';
import { ownSchema } from '../schema/own.js';
import type { Schema } from '../schema/types.js';
import type { ParseLimits } from '../syntax/limits.js';
import { parse } from '../syntax/parse.js';
import type { ParameterDiagnostic } from '../v3-error/locate.js';
import { validate } from '../validate/validate.js';
import { parseBooleanText, parseWholeNumber } from './numbers.js';
import { type CollectionQueryOptions, readOptions } from './options.js';
import { checkParameterNames } from './parameter-names.js';
import { type CollectionQueryInput, readQuery } from './query-string.js';
import { parseSorters, type Sorter } from './sorters.js';

/** The standard V3 collection parameters. */
const COLLECTION_PARAMETERS = ['filters', 'sorters', 'limit', 'offset', 'count'] as const;

/** A valid collection query, typed. */
export interface CollectionQuerySuccess {
  readonly ok: true;
  /** The validated filter; undefined when `filters` is absent or empty. */
  readonly filters: Expression | undefined;
  readonly sorters: readonly Sorter[];
  readonly limit: number;
  readonly offset: number;
  readonly count: boolean;
  /** Warnings only. */
  readonly diagnostics: readonly ParameterDiagnostic[];
  /** The decoded value of each standard parameter given, by name (the texts the spans index). */
  readonly parameters: Readonly<Record<string, string>>;
}

/** A rejected collection query: at least one error; feed it to `toV3ErrorResponse`. */
export interface CollectionQueryFailure {
  readonly ok: false;
  readonly diagnostics: readonly ParameterDiagnostic[];
  /** The decoded value of each standard parameter given, by name: pass as `toV3ErrorResponse`'s `text`. */
  readonly parameters: Readonly<Record<string, string>>;
}

/** The result of {@link parseCollectionQuery}. */
export type CollectionQueryResult = CollectionQuerySuccess | CollectionQueryFailure;

export type { CollectionQueryOptions } from './options.js';

const STANDARD: ReadonlySet<string> = new Set(COLLECTION_PARAMETERS);

function tag(parameter: string, diagnostics: readonly Diagnostic[]): ParameterDiagnostic[] {
  return diagnostics.map((d) => ({ ...d, parameter }));
}

/** Marks the offsets of `text` that lie inside a double-quoted string (quotes included). */
function insideStrings(text: string): Uint8Array {
  const inside = new Uint8Array(text.length);
  let open = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (open) {
      inside[i] = 1;
      if (c === 92 /* \\ */) {
        if (i + 1 < text.length) inside[++i] = 1;
      } else if (c === 34 /* " */) {
        open = false;
      }
    } else if (c === 34) {
      open = true;
      inside[i] = 1;
    }
  }
  return inside;
}

/**
 * A `+` in a date-time offset arrives as a space (`+` means space in a query string): point at
 * it when the filter did not parse, since the parser alone cannot know why the space is there.
 * Only outside quoted strings: inside one, a space is text, and "fixing" it would change the value.
 */
function plusAsSpace(filters: string): Diagnostic[] {
  const found: Diagnostic[] = [];
  const pattern = /[0-9]{2}:[0-9]{2}:[0-9]{2}(?:\.[0-9]+)? (?=[0-9]{2}:[0-9]{2})/g;
  let inside: Uint8Array | undefined;
  for (const match of filters.matchAll(pattern)) {
    const at = match.index + match[0].length - 1;
    inside ??= insideStrings(filters);
    if (inside[at] === 1) continue;
    const span = { start: at, end: at + 1 };
    found.push(
      error(
        'unencoded-plus',
        'A `+` in a query string means a space: encode the `+` of a time offset as `%2B`',
        span,
        [replaceFix('Send the `+` of the offset as `%2B` (a raw `+` arrives as a space)', span, '+')],
      ),
    );
  }
  return found;
}

function checkFilters(text: string, schema: Schema, limits: Partial<ParseLimits> | undefined) {
  if (text.trim() === '') return { filters: undefined, diagnostics: [] };
  const parseOptions = limits ? { limits } : undefined;
  const parsed = parse(text, parseOptions);
  if (!parsed.ok) {
    const spaces = plusAsSpace(text);
    // When putting the `+` back makes the filter parse, that was the only problem: say just that.
    const repaired = spaces.length > 0 && parse(applyFixes(text, spaces), parseOptions).ok;
    return { filters: undefined, diagnostics: repaired ? spaces : [...spaces, ...parsed.diagnostics] };
  }
  const problems = validate(parsed.ast, schema, { text });
  return { filters: parsed.ast, diagnostics: [...parsed.diagnostics, ...problems] };
}

/**
 * Reads the standard V3 collection parameters of a request (`filters`, `sorters`, `limit`,
 * `offset`, `count`) from a raw query string, `URLSearchParams`, or a framework's parsed query
 * object (`Record<string, string | string[]>`, an array meaning a repeated parameter), checks
 * each against the endpoint's schema, and returns them typed, or every problem found. Any other
 * input (`undefined`, `null`, a number) is an `invalid-query` diagnostic, a bad option an
 * `invalid-option` one. Other parameters are left to the caller. Never throws.
 *
 * - `limit`: digits only, 0..`maxLimit` (default 250); default `defaultLimit` (250).
 * - `offset`: digits only, 0 or more; default 0.
 * - `count`: `true` or `false` exactly; default false.
 * - `sorters`: comma-separated fields from the whitelist (`options.sorters`, else the schema's
 *   `sorters`; neither means the endpoint does not sort), `-` for descending, each once.
 * - `filters`: parsed, then validated against `schema`.
 * - a standard parameter given twice is rejected (`repeated-parameter`); an empty `filters` or
 *   `sorters` counts as absent.
 *
 * @example
 * const result = parseCollectionQuery('filters=status+eq+%22Failed%22&limit=50', workflowExecutionsSchema);
 * if (!result.ok) return toV3ErrorResponse(result.diagnostics, { text: result.parameters });
 */
export function parseCollectionQuery(
  query: CollectionQueryInput,
  schema: Schema,
  options?: CollectionQueryOptions,
): CollectionQueryResult {
  const decoded = readQuery(query, (name) => STANDARD.has(name));
  // Other parameters are the caller's business, even when they are malformed.
  const diagnostics: ParameterDiagnostic[] = decoded.diagnostics.filter(
    (d) => d.parameter === undefined || STANDARD.has(d.parameter),
  );
  const settings = readOptions(options, diagnostics);
  // A schema with errors can accept no request: say that alone, not once more per filter.
  const refused = schemaProblems(schema);
  if (refused !== undefined) return { ok: false, diagnostics: [...diagnostics, ...refused], parameters: {} };
  // A parameter that could not be decoded has been reported; checking its raw text would only repeat that.
  const undecodable = new Set(diagnostics.map((d) => d.parameter).filter((p) => p !== undefined));
  const values = new Map<string, string>();
  const names = decoded.parameters.map((p) => p.name);
  diagnostics.push(...checkParameterNames(names, COLLECTION_PARAMETERS, settings));
  for (const parameter of decoded.parameters) {
    if (!STANDARD.has(parameter.name)) continue;
    if (values.has(parameter.name)) {
      diagnostics.push({
        ...error('repeated-parameter', `${quote(parameter.name)} is given more than once; give it once`, {
          start: 0,
          end: 0,
        }),
        parameter: parameter.name,
      });
    } else {
      values.set(parameter.name, parameter.value);
    }
  }

  const parameters = Object.fromEntries(values);
  for (const name of undecodable) if (name !== undefined) values.delete(name);

  const { maxLimit } = settings;
  let limit = settings.defaultLimit;
  let offset = 0;
  let count = false;
  let sorters: readonly Sorter[] = [];
  let filters: Expression | undefined;

  const limitText = values.get('limit');
  if (limitText !== undefined) {
    const read = parseWholeNumber('limit', 'invalid-limit', limitText, maxLimit);
    if ('value' in read) limit = read.value;
    else diagnostics.push({ ...read.problem, parameter: 'limit' });
  }
  const offsetText = values.get('offset');
  if (offsetText !== undefined) {
    const read = parseWholeNumber('offset', 'invalid-offset', offsetText, Number.MAX_SAFE_INTEGER);
    if ('value' in read) offset = read.value;
    else diagnostics.push({ ...read.problem, parameter: 'offset' });
  }
  const countText = values.get('count');
  if (countText !== undefined) {
    const read = parseBooleanText('count', 'invalid-count', countText);
    if ('value' in read) count = read.value;
    else diagnostics.push({ ...read.problem, parameter: 'count' });
  }
  const sortersText = values.get('sorters');
  if (sortersText !== undefined && sortersText !== '') {
    const read = parseSorters(sortersText, settings.sorters ?? ownSchema(schema).sorters);
    sorters = read.sorters;
    diagnostics.push(...tag('sorters', read.diagnostics));
  }
  const filtersText = values.get('filters');
  if (filtersText !== undefined) {
    const read = checkFilters(filtersText, schema, settings.limits);
    filters = read.filters;
    diagnostics.push(...tag('filters', read.diagnostics));
  }

  if (diagnostics.some((d) => d.severity === 'error')) return { ok: false, diagnostics, parameters };
  return { ok: true, filters, sorters, limit, offset, count, diagnostics, parameters };
}

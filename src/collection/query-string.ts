import { error, quote } from '../diagnostic/index.js';
import type { ParameterDiagnostic } from '../v3-error/locate.js';
import { decodeLeniently, type LenientDecoding } from './percent-decode.js';

/** One query parameter as a server sees it: decoded name and value, in order of appearance. */
export interface QueryParameter {
  readonly name: string;
  readonly value: string;
}

/** The parameters of a query, and the problems met while decoding it. */
export interface DecodedQuery {
  readonly parameters: readonly QueryParameter[];
  readonly diagnostics: readonly ParameterDiagnostic[];
}

/** A component decoded (`+` is a space), keeping what cannot be decoded (see {@link decodeLeniently}). */
function decodeComponent(text: string): LenientDecoding {
  const spaced = text.replaceAll('+', ' ');
  try {
    return { text: decodeURIComponent(spaced), bad: undefined };
  } catch {
    return decodeLeniently(spaced);
  }
}

/**
 * A framework's parsed query object (Express's `req.query`, Fastify's, Koa's): each parameter's
 * decoded value, an array meaning the parameter was repeated.
 */
export type ParsedQueryObject = Readonly<Record<string, string | readonly string[] | undefined>>;

/**
 * What `parseCollectionQuery` reads parameters from. Objects are typed loosely (`unknown` values)
 * so that a framework's own type (Express's `ParsedQs`, with nested objects) is accepted as it is:
 * values that are not text are reported, not trusted.
 */
export type CollectionQueryInput =
  | string
  | URLSearchParams
  | ParsedQueryObject
  | Readonly<Record<string, unknown>>;

function invalidQuery(message: string, parameter?: string): ParameterDiagnostic {
  return {
    ...error('invalid-query', message, { start: 0, end: 0 }),
    ...(parameter !== undefined ? { parameter } : {}),
  };
}

function describeInput(input: unknown): string {
  if (input === null) return 'null';
  if (Array.isArray(input)) return 'an array';
  return typeof input === 'object' ? 'an object of another kind' : `a ${typeof input}`;
}

/** Whether `value` is a plain object (prototype Object.prototype or null), as frameworks give. */
function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const prototype = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}

/**
 * Reads a parsed query object: own enumerable keys only, in order; a string is one parameter, an
 * array of strings a repeated one, `undefined` none. Any other value (a nested object from
 * `qs`, a number) is reported on a standard parameter (`isStandard`) and ignored on others.
 */
function decodeObject(query: Record<string, unknown>, isStandard: (name: string) => boolean): DecodedQuery {
  const parameters: QueryParameter[] = [];
  const diagnostics: ParameterDiagnostic[] = [];
  for (const name of Object.keys(query)) {
    const value = query[name];
    if (value === undefined) continue;
    if (typeof value === 'string') {
      parameters.push({ name, value });
    } else if (Array.isArray(value) && value.every((v) => typeof v === 'string')) {
      for (const v of value as string[]) parameters.push({ name, value: v });
    } else if (isStandard(name)) {
      diagnostics.push(
        invalidQuery(
          `${quote(name)} must be text (or repeated text); the query object holds ${describeInput(value)}`,
          name,
        ),
      );
    }
  }
  return { parameters, diagnostics };
}

/**
 * Reads the parameters of any supported input: a query string, `URLSearchParams`, or a parsed
 * query object. Anything else (`undefined`, `null`, a number, a class instance), or an object
 * that throws when read, gives one `invalid-query` diagnostic and no parameters. Never throws.
 */
export function readQuery(input: unknown, isStandard: (name: string) => boolean): DecodedQuery {
  try {
    if (typeof input === 'string') return decodeQuery(input);
    if (input instanceof URLSearchParams) return decodeQuery(input);
    if (isPlainObject(input)) return decodeObject(input, isStandard);
  } catch (cause) {
    const why = cause instanceof Error ? cause.message : String(cause);
    return { parameters: [], diagnostics: [invalidQuery(`The query could not be read: ${quote(why, 80)}`)] };
  }
  return {
    parameters: [],
    diagnostics: [
      invalidQuery(
        `The query must be a query string, URLSearchParams or a parsed query object; it is ${describeInput(input)}`,
      ),
    ],
  };
}

/**
 * Splits and decodes a query string as a server does (`application/x-www-form-urlencoded`): `&`
 * separates parameters, `+` is a space, `%XX` escapes are UTF-8 bytes. A leading `?` is
 * skipped. A malformed escape (`%G1`, a lone `%`, bytes that are not UTF-8) is reported on its
 * parameter, whose text keeps that escape as written and decodes every other one, so the span
 * points at the same character however the runtime re-encoded the URL before.
 */
export function decodeQuery(query: string | URLSearchParams): DecodedQuery {
  if (typeof query !== 'string') {
    return { parameters: [...query].map(([name, value]) => ({ name, value })), diagnostics: [] };
  }
  const parameters: QueryParameter[] = [];
  const diagnostics: ParameterDiagnostic[] = [];
  const body = query.startsWith('?') ? query.slice(1) : query;
  for (const segment of body.split('&')) {
    if (segment === '') continue;
    const equals = segment.indexOf('=');
    const name = decodeComponent(equals < 0 ? segment : segment.slice(0, equals)).text;
    const value = decodeComponent(equals < 0 ? '' : segment.slice(equals + 1));
    if (value.bad !== undefined) {
      diagnostics.push({
        ...error(
          'malformed-encoding',
          'A `%` must start an escape such as `%20` or `%22` (write a literal `%` as `%25`), and escapes must spell UTF-8',
          value.bad,
        ),
        parameter: name,
      });
    }
    parameters.push({ name, value: value.text });
  }
  return { parameters, diagnostics };
}

import { error } from '../diagnostic/index.js';
import type { ParameterDiagnostic } from '../v3-error/locate.js';

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

function decodeComponent(text: string): string | undefined {
  try {
    return decodeURIComponent(text.replaceAll('+', ' '));
  } catch {
    return undefined;
  }
}

/**
 * Splits and decodes a query string as a server does (`application/x-www-form-urlencoded`): `&`
 * separates parameters, `+` is a space, `%XX` escapes are UTF-8 bytes. A leading `?` is
 * skipped. A malformed escape (`%G1`, a lone `%`, bytes that are not UTF-8) is reported on its
 * parameter, whose raw text is then kept.
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
    const rawName = equals < 0 ? segment : segment.slice(0, equals);
    const rawValue = equals < 0 ? '' : segment.slice(equals + 1);
    const name = decodeComponent(rawName) ?? rawName;
    const value = decodeComponent(rawValue);
    if (value === undefined) {
      const at = firstBadEscape(rawValue);
      diagnostics.push({
        ...error(
          'malformed-encoding',
          'A `%` must start an escape such as `%20` or `%22` (write a literal `%` as `%25`), and escapes must spell UTF-8',
          { start: at, end: Math.min(rawValue.length, at + 3) },
        ),
        parameter: name,
      });
      parameters.push({ name, value: rawValue });
    } else {
      parameters.push({ name, value });
    }
  }
  return { parameters, diagnostics };
}

function isHex(code: number): boolean {
  return (code >= 48 && code <= 57) || (code >= 65 && code <= 70) || (code >= 97 && code <= 102);
}

/** The offset of the first `%` not followed by two hex digits, else of the first `%` (bad UTF-8). */
function firstBadEscape(raw: string): number {
  let first = -1;
  for (let i = raw.indexOf('%'); i >= 0; i = raw.indexOf('%', i + 1)) {
    if (first < 0) first = i;
    if (!isHex(raw.charCodeAt(i + 1)) || !isHex(raw.charCodeAt(i + 2))) return i;
  }
  return Math.max(0, first);
}

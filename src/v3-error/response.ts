import type { Severity } from '../diagnostic/index.js';
import { type DiagnosticTexts, describeLocation, type ParameterDiagnostic } from './locate.js';
import { generateTrackingId } from './tracking-id.js';

/** How the locale of a message was chosen: the server default, or from the request. */
export type LocaleOrigin = 'DEFAULT' | 'REQUEST';

/** One localized text of a V3 error body. */
export interface V3ErrorMessage {
  /** A BCP 47 language tag, e.g. `en-US`. */
  readonly locale: string;
  readonly localeOrigin: LocaleOrigin;
  readonly text: string;
}

/** The body of a V3 API `400 Bad Request`, exactly as SailPoint's APIs send it. */
export interface V3ErrorResponse {
  readonly detailCode: string;
  readonly trackingId: string;
  readonly messages: readonly V3ErrorMessage[];
  readonly causes: readonly V3ErrorMessage[];
}

/** Options of {@link toV3ErrorResponse}. */
export interface V3ErrorOptions {
  /**
   * The text the diagnostics point into, so messages can give columns and quote the offending
   * text: the filter itself, or (for {@link ParameterDiagnostic}s) each parameter's decoded value
   * by name, as `parseCollectionQuery` returns them. Without it, columns are `offset + 1`.
   */
  readonly text?: DiagnosticTexts;
  /** The tracking id; default: a new random 32-hex-digit id. */
  readonly trackingId?: string;
  /** The locale of the texts; default `en-US` (the texts are English whatever is passed). */
  readonly locale?: string;
  /** Default `DEFAULT`. */
  readonly localeOrigin?: LocaleOrigin;
  /** The most problems listed; past it one last message counts the rest. Default 20. */
  readonly maxMessages?: number;
  /** Which severities to report; default errors only (warnings do not reject a request). */
  readonly severities?: readonly Severity[];
}

/** The detail code of a V3 400 for a request whose content is invalid. */
const BAD_REQUEST_DETAIL_CODE = '400.1 Bad Request Content';

/** The seed's generic text, used when no diagnostic is given. */
const GENERIC_BAD_REQUEST_TEXT =
  'The request was syntactically correct but its content is semantically invalid.';

function sentence(text: string): string {
  return /[.?!]$/.test(text) ? text : `${text}.`;
}

/**
 * Builds the exact body of a V3 `400 Bad Request` for a rejected filter or collection query.
 * Each problem becomes one `messages` entry naming it and where it is (`filters, column 11: ...`);
 * the matching `causes` entry adds the suggested fix when there is one.
 *
 * @example
 * const parsed = parse(filter);
 * const problems = parsed.ok ? validate(parsed.ast, schema) : parsed.diagnostics;
 * if (problems.some((d) => d.severity === 'error')) {
 *   response.status(400).json(toV3ErrorResponse(problems, { text: filter }));
 * }
 */
export function toV3ErrorResponse(
  diagnostics: readonly ParameterDiagnostic[],
  options?: V3ErrorOptions,
): V3ErrorResponse {
  const locale = options?.locale ?? 'en-US';
  const localeOrigin = options?.localeOrigin ?? 'DEFAULT';
  const message = (text: string): V3ErrorMessage => ({ locale, localeOrigin, text });
  const severities = options?.severities ?? ['error'];
  const reported = diagnostics.filter((d) => severities.includes(d.severity));
  const max = Math.max(1, Math.floor(options?.maxMessages ?? 20));
  const shown = reported.length > max ? reported.slice(0, max - 1) : reported;

  const messages: V3ErrorMessage[] = [];
  const causes: V3ErrorMessage[] = [];
  for (const diagnostic of shown) {
    const text = `${describeLocation(diagnostic, options?.text)}: ${sentence(diagnostic.message)}`;
    messages.push(message(text));
    const fix = diagnostic.fixes?.[0];
    causes.push(message(fix ? `${text} Suggested fix: ${sentence(fix.message)}` : text));
  }
  if (shown.length < reported.length) {
    const rest = message(`${reported.length - shown.length} more problems are not listed.`);
    messages.push(rest);
    causes.push(rest);
  }
  if (messages.length === 0) {
    messages.push(message(GENERIC_BAD_REQUEST_TEXT));
    causes.push(message(GENERIC_BAD_REQUEST_TEXT));
  }
  return {
    detailCode: BAD_REQUEST_DETAIL_CODE,
    trackingId: options?.trackingId ?? generateTrackingId(),
    messages,
    causes,
  };
}

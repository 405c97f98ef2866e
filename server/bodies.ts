import { generateTrackingId, type V3ErrorMessage, type V3ErrorResponse } from '../src/index.js';

/**
 * The error bodies of the seed's endpoint other than the 400 (which the library writes): the
 * shapes and texts of its 401, 404, 429 and 500 examples, each V3 body with a fresh tracking id.
 */

/** A V3 error body without `causes`, as the seed's 404 and 500 examples are. */
export interface V3StatusBody {
  readonly detailCode: string;
  readonly trackingId: string;
  readonly messages: readonly V3ErrorMessage[];
}

function v3Body(detailCode: string, text: string): V3StatusBody {
  return {
    detailCode,
    trackingId: generateTrackingId(),
    messages: [{ locale: 'en-US', localeOrigin: 'DEFAULT', text }],
  };
}

/** The seed's 404: the URL names no resource (an unknown workflow, or no such route). */
export function notFoundBody(): V3StatusBody {
  return v3Body('404 Not found', 'The server did not find a current representation for the target resource.');
}

const PLAYGROUND_NOT_BUILT =
  'The playground is not built: run npm run playground in the repository, then reload; the running server serves it without a restart. The API is at /v3/workflows.';

/** The 404 of `GET /` before the playground is built, saying how to build it. */
export function playgroundNotBuiltBody(): V3StatusBody {
  return v3Body('404 Not found', PLAYGROUND_NOT_BUILT);
}

/** The same for a browser: a page without scripts or styles, so it needs nothing but HTML. */
export const PLAYGROUND_NOT_BUILT_PAGE = `<!doctype html>
<html lang="en">
<meta charset="utf-8">
<title>v3-filters reference server: playground not built</title>
<h1>The playground is not built</h1>
<p>Run <code>npm run playground</code> in the repository, then reload this page: the running server serves it without a restart.</p>
<p>The API is served meanwhile: <a href="/v3/workflows">/v3/workflows</a>.</p>
</html>
`;

/** The seed's 500: an unexpected fault (the database unreachable, a bug). */
export function internalFaultBody(): V3StatusBody {
  return v3Body('500.0 Internal Fault', 'An internal fault occurred.');
}

/**
 * A 503 in the V3 shape: the database did not answer within the request's time budget (a
 * statement or a lock wait ran past it, or every connection stayed busy).
 */
export function serviceBusyBody(budgetMs: number): V3StatusBody {
  return v3Body(
    '503 Service Unavailable',
    `The database did not answer within ${budgetMs} ms (it is busy or locked); try again after Retry-After seconds, or send a narrower filter.`,
  );
}

/** A 405 in the same shape: the route exists but only answers GET (and HEAD). */
export function methodNotAllowedBody(method: string): V3StatusBody {
  return v3Body('405 Method Not Allowed', `The method ${method.slice(0, 20)} is not allowed here; use GET.`);
}

/** A 431 in the V3 shape: the request line or headers exceed Node's limit (16 KiB). */
export function requestTooLargeBody(): V3StatusBody {
  return v3Body(
    '431 Request Header Fields Too Large',
    'The request line or headers are longer than 16 KiB; send a shorter filter.',
  );
}

/** The seed's 400 shape (messages and causes) for a request refused before its parameters are read. */
export function badRequestBody(text: string): V3ErrorResponse {
  const message: V3ErrorMessage = { locale: 'en-US', localeOrigin: 'DEFAULT', text };
  return {
    detailCode: '400.1 Bad Request Content',
    trackingId: generateTrackingId(),
    messages: [message],
    causes: [message],
  };
}

/**
 * A 408 in the V3 shape: the request line and headers did not all arrive in time, or (`body`)
 * they did but the request's body did not.
 */
export function requestTimeoutBody(part: 'headers' | 'body' = 'headers'): V3StatusBody {
  return v3Body(
    '408 Request Timeout',
    part === 'body'
      ? 'The request body did not arrive in time; send the whole request at once.'
      : 'The request line and headers did not arrive in time; send them at once.',
  );
}

/** A 417 in the V3 shape: an `Expect` other than `100-continue`, which is all the server meets. */
export function expectationFailedBody(): V3StatusBody {
  return v3Body(
    '417 Expectation Failed',
    'The server meets no expectation but 100-continue; send the request without that Expect header.',
  );
}

/** The seed's 401 shape, `{ "error": ... }`. */
export function unauthorizedBody(reason: string): { readonly error: string } {
  return { error: reason };
}

/** The seed's 429 body, its spaces included. */
export const RATE_LIMIT_BODY = Object.freeze({ message: ' Rate Limit Exceeded ' });

import { generateTrackingId, type V3ErrorMessage } from '../src/index.js';

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

/** The seed's 401 shape, `{ "error": ... }`. */
export function unauthorizedBody(reason: string): { readonly error: string } {
  return { error: reason };
}

/** The seed's 429 body, its spaces included. */
export const RATE_LIMIT_BODY = Object.freeze({ message: ' Rate Limit Exceeded ' });

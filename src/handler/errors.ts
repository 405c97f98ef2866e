import type { ParameterDiagnostic } from '../v3-error/locate.js';
import type { V3ErrorResponse } from '../v3-error/response.js';

/** The headers of every answer the handler builds: a JSON body. */
export const JSON_HEADERS: Readonly<Record<string, string>> = Object.freeze({
  'content-type': 'application/json; charset=utf-8',
});

/** A rejected request, ready to send: the V3 `400 Bad Request` answer. */
export interface CollectionRejection {
  readonly ok: false;
  readonly status: 400;
  /** `content-type: application/json; charset=utf-8`. */
  readonly headers: Readonly<Record<string, string>>;
  /** The seed's 400 body, with a `trackingId`. */
  readonly body: V3ErrorResponse;
  /** The problems the body reports (and any warnings), each naming its parameter. */
  readonly diagnostics: readonly ParameterDiagnostic[];
}

/**
 * Thrown by `CollectionRequest.where` when a validated filter cannot be written as SQL for the
 * dialect asked: a string value holding U+0000 (`%00` in the query) or more values than the
 * engine binds. The client's request is at fault, so `status` is 400 and `response` is the V3
 * 400 answer to send (Express and Fastify also read `status`/`statusCode` from a thrown error).
 * Give the handler the `dialect` option and it finds these up front, answering the 400 itself,
 * so `where` for that dialect cannot throw.
 *
 * Where it is thrown anyway: Hono's default error handler sends {@link CollectionSqlError.getResponse}
 * (as for its own `HTTPException`), Express's `v3CollectionErrors()` (from `v3-filters/express`)
 * sends the V3 body, and Fastify's default error handler answers 400 from `statusCode`.
 */
export class CollectionSqlError extends Error {
  /** 400: the filter is the client's. */
  readonly status = 400;
  /** The same as `status`, for frameworks that read `statusCode` (Fastify). */
  readonly statusCode = 400;
  /** What cannot be written, with spans into the `filters` parameter. */
  readonly diagnostics: readonly ParameterDiagnostic[];
  /** The 400 answer to send. */
  readonly response: CollectionRejection;

  constructor(response: CollectionRejection) {
    const errors = response.diagnostics.filter((d) => d.severity === 'error');
    super(errors.map((d) => `${d.code}: ${d.message}`).join('\n') || 'The filter cannot be written as SQL.');
    this.name = 'CollectionSqlError';
    this.diagnostics = errors;
    this.response = response;
  }

  /** The 400 answer as a Fetch API `Response` (the form Hono and other Fetch-based servers send). */
  getResponse(): Response {
    return new Response(JSON.stringify(this.response.body), {
      status: this.response.status,
      headers: { ...this.response.headers },
    });
  }
}

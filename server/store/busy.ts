/**
 * The database could not answer within the request's time budget: a statement ran past it, a
 * lock held by another connection or process outlasted it, or no connection came free in time.
 * The request was valid; the server answers 503 with `Retry-After` (see `answerStoreBusy`).
 */
export class StoreBusyError extends Error {
  constructor(
    /** What ran out: the statement's time, a lock wait, or the wait for a connection. */
    readonly reason: 'statement-timeout' | 'lock' | 'no-connection',
    /** The budget that ran out, in milliseconds. */
    readonly budgetMs: number,
    options?: { cause?: unknown },
  ) {
    super(`the database did not answer within ${budgetMs} ms (${reason})`, options);
    this.name = 'StoreBusyError';
  }
}

/** The default time budget of one request's database work, in milliseconds. */
export const DEFAULT_QUERY_TIMEOUT_MS = 2_000;

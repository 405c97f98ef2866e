import type { ErrorRequestHandler, Request, RequestHandler, Response } from 'express';
import { RATE_LIMIT_BODY, serviceBusyBody } from './bodies.js';
import { StoreBusyError } from './store/busy.js';

/** Options of {@link perClientConcurrency}. */
export interface ClientConcurrencyOptions {
  /** Requests of one client whose database work runs at once. */
  readonly inFlight: number;
  /** Requests of one client that may wait for one of those slots; past that, 429. */
  readonly queued: number;
}

/** One client's requests: how many run, and the ones waiting (each resumed by its function). */
interface ClientLoad {
  running: number;
  readonly waiting: (() => void)[];
}

/**
 * Which client a request comes from: its remote address (as the rate limit counts it). Not the
 * bearer token: the reference server has one token, which every client shares.
 */
const clientOf = (req: Request): string => req.ip ?? req.socket.remoteAddress ?? '';

/**
 * Bounds the database work of each client: at most `inFlight` of its requests run at once, up to
 * `queued` more wait their turn (in arrival order), and any beyond those are answered at once
 * with the seed's 429 body and `Retry-After: 1`. So one client's burst of expensive filters holds
 * at most `inFlight` database connections (or SQLite reader threads) and the others' requests
 * find theirs free. Put it after validation (a 400 costs no database work) and before the
 * handler; a slot is released when the answer is sent or the client goes away, and a waiting
 * request whose client went away is dropped from the queue.
 */
export function perClientConcurrency(options: ClientConcurrencyOptions): RequestHandler {
  const clients = new Map<string, ClientLoad>();
  const release = (key: string, load: ClientLoad) => {
    const next = load.waiting.shift();
    if (next !== undefined) {
      next();
      return;
    }
    load.running--;
    if (load.running === 0) clients.delete(key);
  };
  return (req: Request, res: Response, next) => {
    const key = clientOf(req);
    let load = clients.get(key);
    if (load === undefined) {
      load = { running: 0, waiting: [] };
      clients.set(key, load);
    }
    const current = load;
    // The slot passes from a finished request straight to the next waiting one (running stays).
    const proceed = () => {
      res.once('close', () => release(key, current));
      next();
    };
    if (current.running < options.inFlight) {
      current.running++;
      proceed();
      return;
    }
    if (current.waiting.length >= options.queued) {
      res.status(429).set('Retry-After', '1').json(RATE_LIMIT_BODY);
      return;
    }
    current.waiting.push(proceed);
    res.once('close', () => {
      const index = current.waiting.indexOf(proceed);
      if (index >= 0) current.waiting.splice(index, 1);
    });
  };
}

/**
 * Answers {@link StoreBusyError} (the database did not answer within the request's time budget)
 * with 503, `Retry-After` and a V3 body that says so; any other error goes on to the fault
 * handler. 503, not 4xx: the filter is valid and the limit is the server's (a lock, its load), so
 * the same request may succeed later.
 */
export const answerStoreBusy: ErrorRequestHandler = (error: unknown, _req, res, next) => {
  if (!(error instanceof StoreBusyError) || res.headersSent) {
    next(error);
    return;
  }
  res.status(503).set('Retry-After', '1').json(serviceBusyBody(error.budgetMs));
};

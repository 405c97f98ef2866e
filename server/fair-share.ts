import type { ErrorRequestHandler, Request, Response } from 'express';
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

/** A route's handler that does database work: its promise settles when that work is over. */
export type DatabaseHandler<R extends Request> = (req: R, res: Response) => Promise<void>;

/**
 * Bounds the database work of each client: at most `inFlight` of its requests run at once, up to
 * `queued` more wait their turn (in arrival order), and any beyond those are answered at once
 * with the seed's 429 body and `Retry-After: 1`. So one client's burst of expensive filters holds
 * at most `inFlight` database connections (or SQLite reader threads) and the others' requests
 * find theirs free. Wrap the handler that does the work, after validation (a 400 costs no
 * database work). A slot is released when the handler's work is over, not when the client goes
 * away: a statement keeps running after its client hangs up, so a client that sent and dropped
 * request after request would otherwise hold every connection. A waiting request whose client
 * went away is dropped from the queue.
 */
export function perClientConcurrency(
  options: ClientConcurrencyOptions,
): <R extends Request>(handler: DatabaseHandler<R>) => DatabaseHandler<R> {
  const clients = new Map<string, ClientLoad>();
  const release = (key: string, load: ClientLoad) => {
    // The slot passes from a finished request straight to the next waiting one (running stays).
    const next = load.waiting.shift();
    if (next !== undefined) {
      next();
      return;
    }
    load.running--;
    if (load.running === 0) clients.delete(key);
  };
  /** Whether the request got a slot: at once, after waiting, or never (429, or its client left). */
  const acquire = (load: ClientLoad, res: Response): boolean | Promise<boolean> => {
    if (load.running < options.inFlight) {
      load.running++;
      return true;
    }
    if (load.waiting.length >= options.queued) {
      res.status(429).set('Retry-After', '1').json(RATE_LIMIT_BODY);
      return false;
    }
    return new Promise((resolve) => {
      const granted = () => resolve(true);
      load.waiting.push(granted);
      res.once('close', () => {
        const index = load.waiting.indexOf(granted);
        if (index < 0) return;
        load.waiting.splice(index, 1);
        resolve(false);
      });
    });
  };
  return (handler) => async (req, res) => {
    const key = clientOf(req);
    let load = clients.get(key);
    if (load === undefined) {
      load = { running: 0, waiting: [] };
      clients.set(key, load);
    }
    if (!(await acquire(load, res))) return;
    try {
      await handler(req, res);
    } finally {
      release(key, load);
    }
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

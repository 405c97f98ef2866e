import express, { type ErrorRequestHandler, type Express, type Request, type RequestHandler } from 'express';
import { rateLimit } from 'express-rate-limit';
import { toV3ErrorResponse } from '../src/index.js';
import { requireBearerToken } from './auth.js';
import {
  internalFaultBody,
  methodNotAllowedBody,
  notFoundBody,
  PLAYGROUND_NOT_BUILT_PAGE,
  playgroundNotBuiltBody,
  RATE_LIMIT_BODY,
} from './bodies.js';
import {
  answerStoreBusy,
  type ClientConcurrencyOptions,
  type DatabaseHandler,
  perClientConcurrency,
} from './fair-share.js';
import { type FaultContext, faultLogLine } from './fault-log.js';
import { executionsRoute } from './routes/executions.js';
import { workflowsRoute } from './routes/workflows.js';
import { securityHeaders } from './security-headers.js';
import type { Store } from './store/types.js';

/** Options of {@link createApp}. */
export interface AppOptions {
  readonly store: Store;
  /** When set, every `/v3` request needs `Authorization: Bearer <apiToken>`. */
  readonly apiToken?: string;
  /** Requests per client (IP address) per `rateLimitWindowMs`; 0 turns the limit off. */
  readonly rateLimit: number;
  /** The rate limit's window; default one minute. */
  readonly rateLimitWindowMs?: number;
  /**
   * How many of one client's database requests run at once, and how many more wait; default
   * {@link DEFAULT_CLIENT_CONCURRENCY}; `inFlight: 0` turns the bound off.
   */
  readonly clientConcurrency?: ClientConcurrencyOptions;
  /** A built playground (`index.html` at its root) to serve at `/`, when the folder exists. */
  readonly playgroundDir?: string;
  /**
   * Where unexpected faults are reported, with the tracking id of the 500 body the client got;
   * default one line on `console.error` per fault ({@link faultLogLine}).
   */
  readonly logError?: (error: unknown, context: FaultContext) => void;
  /** Whether the default log follows each fault's line with its stack; default: `NODE_ENV=development`. */
  readonly logStacks?: boolean;
}

/**
 * One request of each client runs at once, eight more wait: a burst holds one SQLite reader
 * thread (one core) or one request's connections, whatever it asks.
 */
export const DEFAULT_CLIENT_CONCURRENCY: ClientConcurrencyOptions = { inFlight: 1, queued: 8 };

/** SailPoint's V3 base path, and the routes under it. */
const V3_BASE = '/v3';
const EXECUTIONS_PATH = '/workflows/:id/executions';
const WORKFLOWS_PATH = '/workflows';

/**
 * The reference server: the seed's `GET /v3/workflows/{id}/executions` and `GET /v3/workflows`,
 * on Express 5 with the library's Express adapter. Per-client rate limit, then the bearer token
 * (when configured), then the routes; anything else is the seed's 404, and a fault the seed's
 * 500: the process keeps serving.
 */
export function createApp(options: AppOptions): Express {
  const app = express();
  app.disable('x-powered-by');
  // Bodies are small and change with the data; hashing each for an ETag costs more than it saves.
  app.set('etag', false);
  const logStacks = options.logStacks ?? process.env.NODE_ENV === 'development';
  const logError =
    options.logError ??
    ((error: unknown, context: FaultContext) => console.error(faultLogLine(error, context, logStacks)));
  app.use(securityHeaders);

  const v3 = express.Router();
  if (options.rateLimit > 0) {
    v3.use(
      rateLimit({
        windowMs: options.rateLimitWindowMs ?? 60_000,
        limit: options.rateLimit,
        standardHeaders: 'draft-8',
        legacyHeaders: false,
        // Retry-After is set by the library; the body is the seed's.
        handler: (_req, res) => {
          res.status(429).json(RATE_LIMIT_BODY);
        },
      }),
    );
  }
  if (options.apiToken !== undefined) v3.use(requireBearerToken(options.apiToken));
  // Each database route: validation (a 400 costs the database nothing), the client's share, the work.
  const concurrency = options.clientConcurrency ?? DEFAULT_CLIENT_CONCURRENCY;
  const share: <R extends Request>(handler: DatabaseHandler<R>) => DatabaseHandler<R> =
    concurrency.inFlight > 0 ? perClientConcurrency(concurrency) : (handler) => handler;
  const [validateExecutions, listExecutions] = executionsRoute(options.store);
  v3.get(EXECUTIONS_PATH, validateExecutions, share(listExecutions));
  const [validateWorkflows, listWorkflows] = workflowsRoute(options.store);
  v3.get(WORKFLOWS_PATH, validateWorkflows, share(listWorkflows));
  v3.all([EXECUTIONS_PATH, WORKFLOWS_PATH], (req, res) => {
    res.status(405).set('Allow', 'GET, HEAD').json(methodNotAllowedBody(req.method));
  });
  app.use(V3_BASE, v3);

  if (options.playgroundDir !== undefined) {
    // Looked up on each request: a playground built while the server runs is served at once.
    app.use(express.static(options.playgroundDir, { index: 'index.html' }));
    app.get('/', playgroundNotBuilt);
  }

  app.use((_req, res) => {
    res.status(404).json(notFoundBody());
  });

  const onError: ErrorRequestHandler = (error: unknown, req, res, _next) => {
    // Express's own 4xx (a path that does not decode, a malformed header) stay client errors.
    const status = (error as { status?: unknown } | null)?.status;
    if (typeof status === 'number' && status >= 400 && status < 500) {
      // toV3ErrorResponse without diagnostics is the seed's generic 400 body.
      res.status(status === 404 ? 404 : 400).json(status === 404 ? notFoundBody() : toV3ErrorResponse([]));
      return;
    }
    const body = internalFaultBody();
    logError(error, { trackingId: body.trackingId, method: req.method, url: req.originalUrl });
    if (res.headersSent) {
      res.destroy();
      return;
    }
    res.status(500).json(body);
  };
  app.use(answerStoreBusy, onError);
  return app;
}

/** `GET /` before `npm run playground`: how to build it, as a page for a browser, else as JSON. */
const playgroundNotBuilt: RequestHandler = (req, res) => {
  res.status(404).set('Cache-Control', 'no-store');
  if (req.accepts(['json', 'html']) === 'html') res.type('html').send(PLAYGROUND_NOT_BUILT_PAGE);
  else res.json(playgroundNotBuiltBody());
};

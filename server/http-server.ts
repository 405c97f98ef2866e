import {
  createServer,
  type IncomingMessage,
  type RequestListener,
  type Server,
  type ServerResponse,
} from 'node:http';
import type { Socket } from 'node:net';
import { answerClientErrors, requireOneHost } from './client-errors.js';

/** How long the server waits on a client, in milliseconds. */
export interface HttpTimeouts {
  /** For the request line and headers (then a 408). */
  readonly headersMs: number;
  /** For the whole request (then a 408). */
  readonly requestMs: number;
  /** For the next request on a kept-alive connection (then it is closed). */
  readonly keepAliveMs: number;
  /** How often the two request timers are checked. */
  readonly checkIntervalMs: number;
}

/**
 * The defaults: a GET's headers fit in one packet, so 10 s is generous and a slow-loris client
 * holds a connection no longer than that; Node's own (60 s, 300 s) are for uploads.
 */
export const HTTP_TIMEOUTS: HttpTimeouts = Object.freeze({
  headersMs: 10_000,
  requestMs: 30_000,
  keepAliveMs: 5_000,
  checkIntervalMs: 1_000,
});

/** An HTTP server whose connections can be closed gracefully. */
export interface HttpServer {
  readonly server: Server;
  /**
   * Stops listening, closes idle connections and those with no complete request (a client that
   * sent half of one), lets requests being answered finish, each connection closed after its
   * answer, and after `graceMs` closes whatever is left. Resolves when no connection remains.
   */
  close(graceMs: number): Promise<void>;
}

/**
 * The reference server's HTTP/1.1 server around `listener`: every answer JSON in the V3 shape,
 * including the ones Node writes itself (see `client-errors.ts`), with {@link HTTP_TIMEOUTS}.
 */
export function createHttpServer(
  listener: RequestListener,
  timeouts: HttpTimeouts = HTTP_TIMEOUTS,
): HttpServer {
  const server = createServer(
    {
      requireHostHeader: false,
      headersTimeout: timeouts.headersMs,
      requestTimeout: timeouts.requestMs,
      keepAliveTimeout: timeouts.keepAliveMs,
      connectionsCheckingInterval: timeouts.checkIntervalMs,
    },
    requireOneHost(listener),
  );
  const sockets = new Set<Socket>();
  /** Connections with requests whose answers are not yet written (several when pipelined), and those answers. */
  const answering = new Map<Socket, Set<ServerResponse>>();
  /** Each connection's latest request: while it is not complete, its body is still arriving. */
  const latest = new Map<Socket, IncomingMessage>();
  answerClientErrors(
    server,
    (socket) => [...(answering.get(socket as Socket) ?? [])],
    (socket) => latest.get(socket as Socket)?.complete === false,
  );
  let closing = false;
  server.on('connection', (socket: Socket) => {
    sockets.add(socket);
    socket.once('close', () => {
      sockets.delete(socket);
      answering.delete(socket);
      latest.delete(socket);
    });
  });
  server.on('request', (req, res) => {
    const socket = req.socket;
    latest.set(socket, req);
    const answers = answering.get(socket) ?? new Set<ServerResponse>();
    answering.set(socket, answers.add(res));
    if (closing) res.setHeader('Connection', 'close');
    res.once('close', () => {
      answers.delete(res);
      if (answers.size > 0) return;
      answering.delete(socket);
      // An answer begun before the close kept its connection alive; end it once written.
      if (closing) socket.end();
    });
  });

  return {
    server,
    close: (graceMs) =>
      new Promise<void>((resolve) => {
        closing = true;
        const deadline = setTimeout(() => {
          for (const socket of sockets) socket.destroy();
        }, graceMs);
        server.close(() => {
          clearTimeout(deadline);
          resolve();
        });
        for (const socket of sockets) {
          const answers = answering.get(socket);
          if (answers === undefined) socket.destroy();
          else {
            // Their answers say the connection ends with them.
            for (const res of answers) if (!res.headersSent) res.setHeader('Connection', 'close');
          }
        }
      }),
  };
}

/** Listens on `port` (0: any free one) and `host` (undefined: every interface); resolves with the port. */
export function listen(server: Server, port: number, host: string | undefined): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      const address = server.address();
      resolve(typeof address === 'object' && address !== null ? address.port : port);
    });
  });
}

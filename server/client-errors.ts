import type { IncomingMessage, RequestListener, Server, ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import { badRequestBody, expectationFailedBody, requestTimeoutBody, requestTooLargeBody } from './bodies.js';

/**
 * The answers Node's HTTP server would otherwise write itself, bare status lines without a body,
 * given here in the V3 shape as JSON: a request Node's parser rejects, headers too long or too
 * slow, an `Expect` the server cannot meet, an HTTP/1.1 request without a `Host`.
 */

function writeRaw(socket: Duplex, status: string, body: unknown): void {
  const text = JSON.stringify(body);
  socket.end(
    `HTTP/1.1 ${status}\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(text)}\r\nX-Content-Type-Options: nosniff\r\nConnection: close\r\n\r\n${text}`,
  );
}

/** Node's codes for a request its parser or timers refuse, with the status Node itself gives each. */
function answerFor(error: NodeJS.ErrnoException, bodyLate: boolean): [string, unknown] {
  switch (error.code) {
    case 'HPE_HEADER_OVERFLOW':
      return ['431 Request Header Fields Too Large', requestTooLargeBody()];
    case 'ERR_HTTP_REQUEST_TIMEOUT':
      // Node's one code for both timers: the headers late (headersTimeout), or the body (requestTimeout).
      return ['408 Request Timeout', requestTimeoutBody(bodyLate ? 'body' : 'headers')];
    default:
      return ['400 Bad Request', badRequestBody('The request could not be read as HTTP/1.1.')];
  }
}

/**
 * Answers requests Node's HTTP parser or its timers (headers, whole request) reject before Express sees them.
 * `answering(socket)` lists the answers still being written on that connection (requests sent
 * before the bad one, pipelined): the error answer follows them, so none is cut or taken for
 * another's. `readingBody(socket)` says whether a request's headers arrived there and its body is
 * still arriving, so a 408 blames the part that was late.
 */
export function answerClientErrors(
  server: Server,
  answering: (socket: Duplex) => readonly ServerResponse[],
  readingBody: (socket: Duplex) => boolean = () => false,
): void {
  server.on('clientError', (error: NodeJS.ErrnoException, socket: Duplex) => {
    if (!socket.writable || error.code === 'ECONNRESET') {
      socket.destroy();
      return;
    }
    const [status, body] = answerFor(error, readingBody(socket));
    const before = answering(socket);
    let left = before.length;
    if (left === 0) writeRaw(socket, status, body);
    for (const res of before) {
      res.once('close', () => {
        if (--left > 0) return;
        if (socket.writable) writeRaw(socket, status, body);
        else socket.destroy();
      });
    }
  });
  // Without a listener Node answers a bare 417 to any `Expect` but `100-continue`.
  server.on('checkExpectation', (_req: IncomingMessage, res: ServerResponse) => {
    sendJson(res, 417, expectationFailedBody());
  });
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(text),
    'X-Content-Type-Options': 'nosniff',
    Connection: 'close',
  });
  res.end(text);
}

/**
 * RFC 9112 §3.2: an HTTP/1.1 request without exactly one `Host` is a 400. Node checks only
 * presence, with a bare 400 (its `requireHostHeader`, turned off where this listener is used).
 */
export function requireOneHost(listener: RequestListener): RequestListener {
  return (req, res) => {
    const http11 = req.httpVersionMajor === 1 && req.httpVersionMinor >= 1;
    if (http11 && !hasOneHost(req.rawHeaders)) {
      sendJson(res, 400, badRequestBody('An HTTP/1.1 request needs exactly one Host header, not empty.'));
      req.resume();
      return;
    }
    listener(req, res);
  };
}

function hasOneHost(rawHeaders: readonly string[]): boolean {
  const hosts: string[] = [];
  for (let i = 0; i < rawHeaders.length; i += 2) {
    if (rawHeaders[i]!.toLowerCase() === 'host') hosts.push(rawHeaders[i + 1]!);
  }
  return hosts.length === 1 && hosts[0] !== '';
}

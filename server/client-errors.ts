import type { Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { toV3ErrorResponse } from '../src/index.js';
import { requestTooLargeBody } from './bodies.js';

function send(socket: Duplex, status: string, body: unknown): void {
  const text = JSON.stringify(body);
  socket.end(
    `HTTP/1.1 ${status}\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(text)}\r\nConnection: close\r\n\r\n${text}`,
  );
}

/**
 * Answers requests Node's HTTP parser rejects before Express sees them with JSON too: a request
 * line or headers past Node's limit (16 KiB; a long `filters`) get a 431 in the V3 shape,
 * anything unparsable the V3 400, instead of Node's bare status line.
 */
export function answerClientErrors(server: Server): void {
  server.on('clientError', (error: NodeJS.ErrnoException, socket: Duplex) => {
    if (!socket.writable || error.code === 'ECONNRESET') {
      socket.destroy();
      return;
    }
    if (error.code === 'HPE_HEADER_OVERFLOW')
      send(socket, '431 Request Header Fields Too Large', requestTooLargeBody());
    else send(socket, '400 Bad Request', toV3ErrorResponse([]));
  });
}

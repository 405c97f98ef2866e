import { request } from 'node:http';
import type { Answer } from './servers.js';

/**
 * Loopback addresses the tests' clients send from: Linux routes all of 127.0.0.0/8 to the
 * loopback interface, so each is a client with a remote address of its own, as the server's
 * per-client bounds see clients.
 */
export const CLIENT_A = '127.0.0.2';
export const CLIENT_B = '127.0.0.3';

/** GETs `path` from the server over a new connection from `localAddress`, and reads the whole answer. */
export function getFrom(base: string, path: string, localAddress: string): Promise<Answer> {
  const url = new URL(path, base);
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: url.hostname,
        port: url.port,
        path: `${url.pathname}${url.search}`,
        localAddress,
        agent: false,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('error', reject);
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          let body: unknown = text;
          try {
            body = JSON.parse(text);
          } catch {
            // Left as text: the caller's assertion on the shape will say what came.
          }
          const headers = new Headers();
          for (const [name, value] of Object.entries(res.headers)) {
            if (typeof value === 'string') headers.set(name, value);
          }
          resolve({ status: res.statusCode ?? 0, statusText: res.statusMessage ?? '', headers, body, text });
        });
      },
    );
    req.on('error', reject);
    req.end();
  });
}

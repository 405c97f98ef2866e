import { connect, type Socket } from 'node:net';

/** An answer read off a raw socket: its status, headers (lower-case names) and body. */
export interface RawAnswer {
  readonly status: number;
  readonly headers: ReadonlyMap<string, string>;
  readonly body: string;
  /** Everything the server wrote, as Latin-1 text. */
  readonly raw: string;
}

/** A socket on loopback to the server at `url` (`http://127.0.0.1:port`). */
export function openSocket(url: string): Promise<Socket> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), hostname, () => resolve(socket));
    socket.once('error', reject);
  });
}

/**
 * The first final answer in `raw` (interim 1xx answers skipped), once it is whole: a status line,
 * headers, and `Content-Length` bytes of body (none for a HEAD request). Undefined while
 * incomplete; an answer without `Content-Length` is read up to the end of the stream.
 */
export function parseAnswer(raw: string, ended: boolean, head = false): RawAnswer | undefined {
  let rest = raw;
  for (;;) {
    const end = rest.indexOf('\r\n\r\n');
    if (end < 0) return undefined;
    const [statusLine = '', ...lines] = rest.slice(0, end).split('\r\n');
    const status = Number(/^HTTP\/1\.[01] (\d{3})/.exec(statusLine)?.[1] ?? Number.NaN);
    if (status >= 100 && status < 200) {
      rest = rest.slice(end + 4);
      continue;
    }
    const headers = new Map<string, string>();
    for (const line of lines) {
      const colon = line.indexOf(':');
      headers.set(line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim());
    }
    const bodyText = rest.slice(end + 4);
    const length = headers.get('content-length');
    if (head) return { status, headers, body: '', raw };
    if (length === undefined) return ended ? { status, headers, body: bodyText, raw } : undefined;
    const bytes = Buffer.from(bodyText, 'latin1');
    if (bytes.length < Number(length)) return ended ? { status, headers, body: bodyText, raw } : undefined;
    return { status, headers, body: bytes.subarray(0, Number(length)).toString('utf8'), raw };
  }
}

/**
 * Writes `request` (text or bytes, sent as given) to a new connection and resolves with the
 * first whole answer, or rejects after `timeoutMs` with what came (a server that answered nothing).
 */
export async function exchange(
  url: string,
  request: string | Uint8Array,
  { timeoutMs = 5_000, head = false }: { timeoutMs?: number; head?: boolean } = {},
): Promise<RawAnswer> {
  const socket = await openSocket(url);
  return new Promise((resolve, reject) => {
    let raw = '';
    const timer = setTimeout(() => {
      socket.destroy();
      reject(new Error(`no whole answer within ${timeoutMs} ms; got ${JSON.stringify(raw.slice(0, 300))}`));
    }, timeoutMs);
    const settle = (ended: boolean) => {
      const answer = parseAnswer(raw, ended, head);
      if (answer === undefined && !ended) return;
      clearTimeout(timer);
      socket.destroy();
      if (answer === undefined)
        reject(new Error(`the connection closed after ${JSON.stringify(raw.slice(0, 300))}`));
      else resolve(answer);
    };
    socket.on('data', (chunk: Buffer) => {
      raw += chunk.toString('latin1');
      settle(false);
    });
    socket.once('close', () => settle(true));
    socket.on('error', () => undefined);
    socket.write(typeof request === 'string' ? Buffer.from(request, 'latin1') : request);
  });
}

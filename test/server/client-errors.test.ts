import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HTTP_TIMEOUTS } from '../../server/http-server.js';
import { SAMPLE_WORKFLOWS } from '../../server/seed/sample.js';
import { readPage } from '../support/manual.js';
import { expectBadRequestBody, expectStatusBody } from './support/oracle.js';
import { exchange, openSocket, parseAnswer, type RawAnswer } from './support/raw.js';
import { startTestServer, type TestServer } from './support/servers.js';

/**
 * Every answer of the reference server is JSON in the V3 shape, the ones Node's HTTP server
 * would write itself too (a bare status line, no body): sent as raw bytes on loopback, since
 * an HTTP client library would not send these requests.
 */
const PATH = `/v3/workflows/${SAMPLE_WORKFLOWS[1]!.id}/executions?limit=1`;

function json(answer: RawAnswer): unknown {
  expect(answer.headers.get('content-type'), answer.raw).toBe('application/json; charset=utf-8');
  expect(answer.headers.get('x-content-type-options'), answer.raw).toBe('nosniff');
  expect(Number(answer.headers.get('content-length')), answer.raw).toBe(Buffer.byteLength(answer.body));
  return JSON.parse(answer.body);
}

describe('the server page', () => {
  it('states the timeouts the server has', () => {
    const page = readPage('docs/server.md');
    expect(page).toContain(
      `the request line and headers not all arrived within ${HTTP_TIMEOUTS.headersMs / 1000} s`,
    );
    expect(page).toContain(`or a request's body not within ${HTTP_TIMEOUTS.requestMs / 1000} s`);
    expect(page).toContain(`headers within ${HTTP_TIMEOUTS.headersMs / 1000} s of the first byte`);
    expect(page).toContain(`its whole request within ${HTTP_TIMEOUTS.requestMs / 1000} s`);
    expect(page).toContain(`closed ${HTTP_TIMEOUTS.keepAliveMs / 1000} s after its last answer`);
  });
});

/** Short timers, so a stalled request is answered within the test's time. */
const TIMEOUTS = { headersMs: 600, requestMs: 1_500, keepAliveMs: 1_000, checkIntervalMs: 100 } as const;

/** What a raw connection received until the server closed it, and when (ms after `start`). */
interface Closed {
  readonly raw: string;
  readonly afterMs: number;
}

/**
 * Opens a connection, writes `first`, then `trickle` one character every `everyMs` until the
 * server closes the connection (a slow-loris client keeps sending to stay alive).
 */
async function trickleUntilClosed(
  url: string,
  first: string,
  trickle: string,
  everyMs: number,
): Promise<Closed & { sent: number }> {
  const socket = await openSocket(url);
  const start = performance.now();
  let raw = '';
  let sent = 0;
  socket.on('data', (chunk: Buffer) => {
    raw += chunk.toString('latin1');
  });
  socket.write(first);
  const timer = setInterval(() => {
    if (sent < trickle.length && !socket.destroyed) socket.write(trickle[sent++]!);
  }, everyMs);
  await new Promise<void>((resolve) => socket.once('close', () => resolve()));
  clearInterval(timer);
  return { raw, afterMs: performance.now() - start, sent };
}

describe('answers Node would write bare, as V3 JSON', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({
      engine: 'sqlite',
      executions: 500,
      timeouts: TIMEOUTS,
    });
  });
  afterAll(async () => {
    await server?.close();
  });

  it('an HTTP/1.1 request without a Host, with two, or with an empty one: 400', async () => {
    for (const headers of ['', 'Host: a\r\nHost: b\r\n', 'Host:\r\n']) {
      const answer = await exchange(server.url, `GET ${PATH} HTTP/1.1\r\n${headers}\r\n`);
      expect(answer.status, headers).toBe(400);
      const body = json(answer);
      expectBadRequestBody(body);
      expect(JSON.stringify(body)).toContain('exactly one Host header');
    }
    // HTTP/1.0 has no Host requirement.
    const old = await exchange(server.url, `GET ${PATH} HTTP/1.0\r\n\r\n`);
    expect(old.status).toBe(200);
    expect(json(old)).toHaveLength(1);
  });

  it('an Expect the server cannot meet: 417; 100-continue: the answer after the interim 100', async () => {
    for (const expectation of ['200-ok', 'something', '100-continued']) {
      const answer = await exchange(
        server.url,
        `GET ${PATH} HTTP/1.1\r\nHost: t\r\nExpect: ${expectation}\r\n\r\n`,
      );
      expect(answer.status, expectation).toBe(417);
      expectStatusBody(
        json(answer),
        '417 Expectation Failed',
        'The server meets no expectation but 100-continue; send the request without that Expect header.',
      );
    }
    const going = await exchange(
      server.url,
      `GET ${PATH} HTTP/1.1\r\nHost: t\r\nExpect: 100-continue\r\n\r\n`,
    );
    expect(going.raw).toMatch(/^HTTP\/1\.1 100 Continue\r\n\r\nHTTP\/1\.1 200 OK\r\n/);
    expect(json(going)).toHaveLength(1);
  });

  it('headers that do not arrive in time: 408, and the connection closed', async () => {
    const socket = await openSocket(server.url);
    let raw = '';
    socket.on('data', (chunk: Buffer) => {
      raw += chunk.toString('latin1');
    });
    const closed = new Promise<void>((resolve) => socket.once('close', () => resolve()));
    socket.write(`GET ${PATH} HTTP/1.1\r\nHost: t\r\nX-Slow: `);
    await closed;
    const [head = '', body = ''] = raw.split('\r\n\r\n');
    expect(head).toMatch(/^HTTP\/1\.1 408 Request Timeout\r\n/);
    expect(head).toContain('Content-Type: application/json; charset=utf-8');
    expectStatusBody(
      JSON.parse(body),
      '408 Request Timeout',
      'The request line and headers did not arrive in time; send them at once.',
    );
  });

  it('headers sent a byte at a time: 408 at the header deadline, however steadily the bytes come', async () => {
    // A slow-loris client: each byte arrives well within any idle timeout, the headers never end.
    const { raw, afterMs, sent } = await trickleUntilClosed(
      server.url,
      `GET ${PATH} HTTP/1.1\r\nHost: t\r\n`,
      `X-Slow: ${'a'.repeat(1000)}`,
      20,
    );
    expect(afterMs).toBeGreaterThanOrEqual(TIMEOUTS.headersMs - 50);
    expect(afterMs).toBeLessThan(TIMEOUTS.requestMs);
    expect(sent).toBeLessThan(1000);
    const answer = parseAnswer(raw, true);
    expect(answer?.status, raw).toBe(408);
    expectStatusBody(
      json(answer!),
      '408 Request Timeout',
      'The request line and headers did not arrive in time; send them at once.',
    );
  });

  it('a body that does not arrive in time: 408 at the whole-request deadline, blaming the body', async () => {
    const { raw, afterMs } = await trickleUntilClosed(
      server.url,
      `GET ${PATH} HTTP/1.1\r\nHost: t\r\nContent-Length: 1000\r\n\r\n`,
      'a'.repeat(1000),
      20,
    );
    expect(afterMs).toBeGreaterThanOrEqual(TIMEOUTS.requestMs - 50);
    expect(afterMs).toBeLessThan(TIMEOUTS.requestMs * 2);
    // The route answers without reading a GET's body; the 408 follows that answer, then the close.
    const page = parseAnswer(raw, false);
    expect(page?.status, raw).toBe(200);
    const late = parseAnswer(raw.slice(raw.indexOf('\r\n\r\n') + 4 + Buffer.byteLength(page!.body)), true);
    expect(late?.status, raw).toBe(408);
    expectStatusBody(
      json(late!),
      '408 Request Timeout',
      'The request body did not arrive in time; send the whole request at once.',
    );
  });

  it('a kept-alive connection left idle is closed after the keep-alive timeout, with nothing written', async () => {
    const socket = await openSocket(server.url);
    const start = performance.now();
    let raw = '';
    socket.on('data', (chunk: Buffer) => {
      raw += chunk.toString('latin1');
    });
    const closed = new Promise<void>((resolve) => socket.once('close', () => resolve()));
    socket.write(`GET ${PATH} HTTP/1.1\r\nHost: t\r\n\r\n`);
    await closed;
    const afterMs = performance.now() - start;
    expect(afterMs).toBeGreaterThanOrEqual(TIMEOUTS.keepAliveMs - 50);
    // Node closes it up to a second after the timeout it announces (its buffer for slow clients).
    expect(afterMs).toBeLessThan(TIMEOUTS.keepAliveMs + 2_500);
    const answer = parseAnswer(raw, false);
    expect(answer?.status).toBe(200);
    expect(answer?.headers.get('keep-alive')).toBe(`timeout=${TIMEOUTS.keepAliveMs / 1000}`);
    expect(raw.length).toBe(raw.indexOf('\r\n\r\n') + 4 + Buffer.byteLength(answer!.body));
  });

  it('a request line or headers over 16 KiB: 431; bytes that are not HTTP: 400', async () => {
    const long = await exchange(
      server.url,
      `GET ${PATH}&filters=${'a'.repeat(20_000)} HTTP/1.1\r\nHost: t\r\n\r\n`,
    );
    expect(long.status).toBe(431);
    expect(json(long)).toMatchObject({ detailCode: '431 Request Header Fields Too Large' });
    const header = await exchange(
      server.url,
      `GET ${PATH} HTTP/1.1\r\nHost: t\r\nX-Big: ${'b'.repeat(20_000)}\r\n\r\n`,
    );
    expect(header.status).toBe(431);
    for (const garbage of [
      '\x16\x03\x01\x02\x00\x01\x00\x01\xfc\x03\x03\r\n\r\n',
      'GET / HTTP/9.9\r\n\r\n',
      'G\0T / HTTP/1.1\r\n\r\n',
    ]) {
      const answer = await exchange(server.url, garbage);
      expect(answer.status, JSON.stringify(garbage)).toBe(400);
      expectBadRequestBody(json(answer));
    }
  });

  it('after requests pipelined before the bad one: their whole answers first, then the error', async () => {
    for (const bad of [
      'G\0T / HTTP/1.1\r\n\r\n',
      `GET ${PATH} HTTP/1.1\r\nHost: t\r\nX-Big: ${'b'.repeat(20_000)}\r\n\r\n`,
    ]) {
      const socket = await openSocket(server.url);
      let raw = '';
      socket.on('data', (chunk: Buffer) => {
        raw += chunk.toString('latin1');
      });
      const closed = new Promise<void>((resolve) => socket.once('close', () => resolve()));
      const good = `GET ${PATH} HTTP/1.1\r\nHost: t\r\n\r\n`;
      socket.write(good + good + bad);
      await closed;
      const answers: RawAnswer[] = [];
      for (let rest = raw; rest !== ''; ) {
        const answer = parseAnswer(rest, true);
        if (answer === undefined) throw new Error(`not an answer: ${JSON.stringify(rest.slice(0, 200))}`);
        answers.push(answer);
        rest = rest.slice(rest.indexOf('\r\n\r\n') + 4 + Buffer.byteLength(answer.body));
      }
      expect(answers.map((answer) => answer.status)).toEqual([200, 200, bad.length > 1000 ? 431 : 400]);
      expect(json(answers[0]!)).toHaveLength(1);
      expect(json(answers[1]!)).toHaveLength(1);
      expect(json(answers[2]!)).toMatchObject({ detailCode: expect.stringMatching(/^4/) });
    }
  });

  it('any request made of HTTP pieces and noise: a JSON answer with Content-Length, V3-shaped when an error', async () => {
    const token = fc.stringMatching(/^[!#$%&'*+.^_`|~0-9A-Za-z-]{1,12}$/);
    const noise = fc.string({ unit: 'binary-ascii', maxLength: 40 });
    const header = fc.oneof(
      fc.constantFrom('Host: t', 'Host:', 'Expect: 100-continue', 'Expect: 200-ok', 'Content-Length: 0'),
      fc.constantFrom(
        'Transfer-Encoding: chunked',
        'Content-Length: x',
        'Connection: keep-alive',
        'Accept: text/html',
      ),
      fc.tuple(token, noise).map(([name, value]) => `${name}: ${value}`),
      noise,
    );
    const request = fc
      .record({
        method: fc.oneof(fc.constantFrom('GET', 'POST', 'DELETE', 'OPTIONS', 'get'), token),
        target: fc.oneof(
          fc.constantFrom(PATH, '/', '/v3/workflows', '*', 'http://t/v3/workflows', `${PATH}&filters=%ZZ`),
          noise.map((text) => `/${text}`),
        ),
        version: fc.oneof(fc.constantFrom('HTTP/1.1', 'HTTP/1.0', 'HTTP/1.2', 'HTTP/2.0', 'http/1.1'), noise),
        headers: fc.array(header, { maxLength: 5 }),
        body: fc.oneof(fc.constant(''), noise),
      })
      .map(
        ({ method, target, version, headers, body }) =>
          `${method} ${target} ${version}\r\n${headers.map((h) => `${h}\r\n`).join('')}\r\n${body}`,
      );
    await fc.assert(
      fc.asyncProperty(request, async (text) => {
        const answer = await exchange(server.url, text);
        const body = json(answer);
        if (answer.status >= 400) {
          expect(body, text).toMatchObject({
            detailCode: expect.stringMatching(new RegExp(`^${answer.status}\\b`)),
            trackingId: expect.stringMatching(/^[0-9a-f]{32}$/),
            messages: [{ locale: 'en-US', localeOrigin: 'DEFAULT', text: expect.any(String) }],
          });
        } else expect(answer.status, text).toBe(200);
      }),
      { numRuns: 150 },
    );
    expect(server.faults).toEqual([]);
  });
});

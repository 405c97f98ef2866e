import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import type { RequestListener } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { createApp } from '../../server/app.js';
import { ConfigError, readConfig } from '../../server/config.js';
import { createHttpServer, listen } from '../../server/http-server.js';
import { runServerToExit } from './support/child.js';
import { get, startTestServer } from './support/servers.js';

const directory = mkdtempSync(join(tmpdir(), 'v3f-config-'));
afterAll(() => rmSync(directory, { recursive: true, force: true }));
const aFile = join(directory, 'a-file');
writeFileSync(aFile, '');

/** Settings `npm start` must refuse, each with what its one line has to say. */
const REFUSED: readonly [Record<string, string>, RegExp][] = [
  [{ API_TOKEN: 'two words' }, /^API_TOKEN holds a space at character 4: /],
  [{ API_TOKEN: 'tökén' }, /^API_TOKEN holds a non-ASCII character \(U\+00F6\) at character 2: /],
  [{ API_TOKEN: 'line\nbreak' }, /^API_TOKEN holds a control character \(U\+000A\) at character 5: /],
  [{ API_TOKEN: 'tab\there' }, /^API_TOKEN holds a control character \(U\+0009\) at character 4: /],
  [{ API_TOKEN: '' }, /^API_TOKEN is set but empty/],
  [{ API_TOKEN: 'abc=def' }, /^API_TOKEN holds '=' before the end/],
  [{ API_TOKEN: 'a'.repeat(5000) }, /^API_TOKEN is longer than 4096 characters$/],
  [{ PORT: 'http' }, /^PORT must be a whole number from 0 to 65535, not "http"$/],
  [{ PORT: '70000' }, /^PORT must be a whole number/],
  [{ HOST: 'not a host' }, /^HOST must be an IP address or a host name, not "not a host"$/],
  [
    { DATABASE_URL: 'mysql://root@localhost/db' },
    /^DATABASE_URL must be a PostgreSQL URL .*, not a "mysql" URL$/,
  ],
  [{ DATABASE_URL: 'localhost:5432' }, /^DATABASE_URL must be a PostgreSQL URL/],
  [{ DATABASE_URL: 'postgres://me:50%off@localhost/db' }, /its password holds a malformed percent-escape/],
  [{ SQLITE_PATH: directory }, /^SQLITE_PATH must name a file, and ".*" is not one$/],
  [{ PLAYGROUND_DIR: aFile }, /^PLAYGROUND_DIR must name a directory, and ".*" is not one$/],
  [{ RATE_LIMIT: '-1' }, /^RATE_LIMIT must be a whole number/],
];

/** RFC 6750 §2.1's b64token, read character by character: an oracle apart from the server's pattern. */
function isB64Token(text: string): boolean {
  const padding = text.length - text.replace(/=+$/, '').length;
  const body = text.slice(0, text.length - padding);
  const allowed = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~+/';
  return body.length > 0 && text.length <= 4096 && [...body].every((c) => allowed.includes(c));
}

function refusal(env: Record<string, string>): string {
  try {
    readConfig({ SQLITE_PATH: join(directory, 'never-created.sqlite'), ...env });
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as Error).message;
  }
  throw new Error(`accepted: ${JSON.stringify(env).slice(0, 80)}`);
}

describe('npm start checks its configuration first', () => {
  it(`refuses ${REFUSED.length} unusable settings, each with one printable line saying why`, () => {
    for (const [env, why] of REFUSED) {
      const label = JSON.stringify(env).slice(0, 80);
      const message = refusal(env);
      expect(message, label).toMatch(why);
      // Printable ASCII only: nothing in a value can break the line or reach the terminal raw.
      expect(message, label).toMatch(/^[\x20-\x7e]*$/);
      // A token is a secret: the line says what is wrong with it, never what it is.
      if (env.API_TOKEN !== undefined && env.API_TOKEN.length > 4)
        expect(message, label).not.toContain(env.API_TOKEN);
    }
    expect(() => readConfig({ SQLITE_PATH: join(directory, 'x.sqlite') })).not.toThrow();
  });

  it('the process exits with code 2 and that one line on stderr, before opening anything', async () => {
    const sqlitePath = join(directory, 'never-created.sqlite');
    for (const env of [{ API_TOKEN: 'two words' }, { DATABASE_URL: 'mysql://root@localhost/db' }]) {
      const exit = await runServerToExit({ SQLITE_PATH: sqlitePath, ...env });
      expect(exit.code).toBe(2);
      expect(exit.stdout).toBe('');
      expect(exit.stderr).toBe(`error: ${refusal(env)}\n`);
    }
    expect(existsSync(sqlitePath)).toBe(false);
  });

  it('accepts exactly the tokens RFC 6750 allows, and each accepted token authenticates over HTTP', async () => {
    const server = await startTestServer({ engine: 'sqlite', executions: 10 });
    // One listener whose app is made anew for each token, as npm start makes it.
    let app: RequestListener = () => undefined;
    const { server: http } = createHttpServer((req, res) => app(req, res));
    const port = await listen(http, 0, '127.0.0.1');
    const tokenChar = fc.constantFrom(...'aZ09-._~+/'.split(''));
    const anyChar = fc.oneof(
      tokenChar,
      fc.constantFrom(...'= \t"\\,;:é\u2028'.split('')),
      fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }),
    );
    const token = fc.oneof(
      fc
        .tuple(fc.array(tokenChar, { minLength: 1, maxLength: 12 }), fc.nat(2))
        .map(([chars, pad]) => chars.join('') + '='.repeat(pad)),
      fc.array(anyChar, { maxLength: 12 }).map((chars) => chars.join('')),
    );
    let accepted = 0;
    let refused = 0;
    try {
      await fc.assert(
        fc.asyncProperty(token, async (text) => {
          const allowed = isB64Token(text);
          const outcome = (() => {
            try {
              return readConfig({ API_TOKEN: text, SQLITE_PATH: join(directory, 'x.sqlite') });
            } catch (error) {
              return error;
            }
          })();
          if (outcome instanceof ConfigError) {
            expect(outcome.message).toMatch(/^API_TOKEN [\x20-\x7e]+$/);
            expect(allowed, JSON.stringify(text)).toBe(false);
            refused++;
          } else {
            expect(allowed, JSON.stringify(text)).toBe(true);
            expect((outcome as ReturnType<typeof readConfig>).apiToken).toBe(text);
            accepted++;
            app = createApp({ store: server.store, rateLimit: 0, apiToken: text });
            // The example request the server prints, as a client sends it, authenticates.
            const answer = await get(`http://127.0.0.1:${port}`, '/v3/workflows', {
              authorization: `Bearer ${text}`,
            });
            expect(answer.status, JSON.stringify(text)).toBe(200);
          }
        }),
        { numRuns: 150 },
      );
    } finally {
      http.closeAllConnections();
      await new Promise((resolve) => http.close(resolve));
      await server.close();
    }
    expect(accepted).toBeGreaterThan(20);
    expect(refused).toBeGreaterThan(20);
  });
});

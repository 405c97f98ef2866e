import { type ClientRequest, request, type Server } from 'node:http';
import express from 'express';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { perClientConcurrency } from '../../server/fair-share.js';

/**
 * The per-client bound on its own, over real HTTP on loopback: a route that holds each request
 * until the test lets it go, behind `perClientConcurrency`, and clients on loopback addresses of
 * their own. Each property run sends bursts from several clients at once, abandons some waiting
 * requests, then lets the running ones go one at a time, checking the bound at every step.
 */

interface Held {
  readonly client: string;
  /** Whether its client is still there (an abandoned request holds its slot until the server sees it go). */
  readonly live: () => boolean;
  readonly release: () => void;
}

const CLIENTS = ['127.0.0.2', '127.0.0.3', '127.0.0.4'];

let server: Server;
let port = 0;
let options = { inFlight: 1, queued: 0 };
/** The requests the route holds, by request id. */
const held = new Map<string, Held>();
/** The ids of the requests that reached the server. */
const arrived = new Set<string>();
/** The most requests of one client the route ever held at once, in this run. */
let worst = 0;

function runningOf(client: string): number {
  let n = 0;
  for (const h of held.values()) if (h.client === client && h.live()) n++;
  return n;
}

beforeAll(async () => {
  const app = express();
  // One middleware per run, made afresh with that run's bounds.
  let share = perClientConcurrency(options);
  app.post('/reset', (_req, res) => {
    share = perClientConcurrency(options);
    res.end();
  });
  app.get(
    '/work/:id',
    (req, _res, next) => {
      arrived.add(req.params.id as string);
      next();
    },
    // The held work ends when the test lets it go, or when its client goes away (the work here
    // stops with its client; the slot is given back when the work is over).
    (req, res) =>
      share(
        (req, res) =>
          new Promise<void>((resolve) => {
            const id = req.params.id as string;
            const client = req.socket.remoteAddress ?? '';
            res.once('close', () => {
              held.delete(id);
              resolve();
            });
            held.set(id, {
              client,
              live: () => !req.socket.destroyed,
              release: () => {
                held.delete(id);
                res.json({ ok: true });
                resolve();
              },
            });
            worst = Math.max(worst, runningOf(client));
          }),
      )(req, res),
  );
  server = await new Promise<Server>((resolve) => {
    const listening = app.listen(0, '127.0.0.1', () => resolve(listening));
  });
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('no TCP address');
  port = address.port;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

interface Sent {
  readonly id: string;
  readonly client: string;
  readonly req: ClientRequest;
  readonly answer: Promise<number | 'aborted'>;
}

function send(id: string, client: string): Sent {
  let req!: ClientRequest;
  const answer = new Promise<number | 'aborted'>((resolve) => {
    req = request(
      { host: '127.0.0.1', port, path: `/work/${id}`, localAddress: client, agent: false },
      (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
      },
    );
    req.on('error', () => resolve('aborted'));
    req.end();
  });
  return { id, client, req, answer };
}

const until = async (condition: () => boolean) => {
  await expect.poll(condition, { timeout: 10_000, interval: 5 }).toBe(true);
};

describe('perClientConcurrency', () => {
  it('never runs more than inFlight of a client, refuses exactly those past inFlight + queued, and serves every waiting request it kept', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.record({
          inFlight: fc.integer({ min: 1, max: 3 }),
          queued: fc.integer({ min: 0, max: 4 }),
          bursts: fc.array(fc.integer({ min: 0, max: 9 }), {
            minLength: CLIENTS.length,
            maxLength: CLIENTS.length,
          }),
          abandon: fc.array(fc.boolean(), { minLength: 10, maxLength: 10 }),
        }),
        async ({ inFlight, queued, bursts, abandon }) => {
          options = { inFlight, queued };
          worst = 0;
          arrived.clear();
          await fetch(`http://127.0.0.1:${port}/reset`, { method: 'POST' });
          const sent: Sent[] = [];
          // Each client's burst, one request after another reaching the server, so arrival order is known.
          for (const [c, count] of bursts.entries()) {
            for (let i = 0; i < count; i++) {
              const id = `${c}-${i}`;
              sent.push(send(id, CLIENTS[c]!));
              await until(() => arrived.has(id));
            }
          }
          // Past inFlight + queued, a 429 at once (the others are held or waiting, unanswered).
          const refused = sent.filter((s) => Number(s.id.split('-')[1]) >= inFlight + queued);
          for (const s of refused) expect(await s.answer).toBe(429);
          for (const [c, count] of bursts.entries()) {
            expect(runningOf(CLIENTS[c]!)).toBe(Math.min(count, inFlight));
          }
          // Abandon some of the waiting ones (their clients go away).
          const waiting = sent.filter((s) => !refused.includes(s) && !held.has(s.id));
          const gone = waiting.filter((_, k) => abandon[k] === true);
          for (const s of gone) s.req.destroy();
          // Let the running ones go one at a time: each slot passes to the next waiting request kept.
          const kept = sent.filter((s) => !refused.includes(s) && !gone.includes(s));
          let answered = 0;
          for (const s of kept) void s.answer.then(() => answered++);
          while (answered < kept.length) {
            await until(() => held.size > 0 || answered === kept.length);
            const first = [...held.values()][0];
            first?.release();
          }
          for (const s of kept) expect(await s.answer).toBe(200);
          expect(held.size).toBe(0);
          expect(worst).toBeLessThanOrEqual(inFlight);
        },
      ),
      { numRuns: 15, endOnFailure: true },
    );
  });
});

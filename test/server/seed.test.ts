import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import {
  SAMPLE_EXECUTION_COUNT,
  SAMPLE_WINDOW,
  SAMPLE_WORKFLOWS,
  sampleData,
  sampleExecutions,
} from '../../server/seed/sample.js';
import { openPostgresStore, seedPostgres } from '../../server/store/postgres.js';
import { seedSqlite } from '../../server/store/sqlite.js';
import { openTestPostgres } from '../support/postgres.js';
import { get, startTestServer } from './support/servers.js';

const directory = mkdtempSync(join(tmpdir(), 'v3f-seed-'));
afterAll(() => rmSync(directory, { recursive: true, force: true }));

describe('the sample data', () => {
  const rows = sampleExecutions();

  it('is the same on every call (a seeded generator, no clock)', () => {
    const digest = (list: typeof rows) => createHash('sha256').update(JSON.stringify(list)).digest('hex');
    expect(digest(sampleExecutions())).toBe(digest(rows));
  });

  it('holds at least 100,000 executions of a few workflows over 90 days, with unique ids', () => {
    expect(rows.length).toBe(SAMPLE_EXECUTION_COUNT);
    expect(rows.length).toBeGreaterThanOrEqual(100_000);
    expect(new Set(rows.map((r) => r.workflowId))).toEqual(new Set(SAMPLE_WORKFLOWS.map((w) => w.id)));
    expect(new Set(rows.map((r) => r.id)).size).toBe(rows.length);
    const from = `${SAMPLE_WINDOW.from.slice(0, 19)}.000000000Z`;
    const to = `${SAMPLE_WINDOW.to.slice(0, 19)}.000000000Z`;
    expect(rows.every((r) => r.startTime >= from && r.startTime < to)).toBe(true);
    expect((Date.parse(SAMPLE_WINDOW.to) - Date.parse(SAMPLE_WINDOW.from)) / 86_400_000).toBe(90);
    expect(rows.every((r) => r.closeTime === null || r.closeTime > r.startTime)).toBe(true);
  });

  it('has the statuses in realistic proportions', () => {
    const share = (status: string) => rows.filter((r) => r.status === status).length / rows.length;
    expect(share('Completed')).toBeGreaterThan(0.85);
    expect(share('Failed')).toBeGreaterThan(0.03);
    expect(share('Failed')).toBeLessThan(0.1);
    expect(share('Canceled')).toBeGreaterThan(0.01);
    expect(share('Canceled')).toBeLessThan(share('Failed'));
    expect(share('Executing')).toBeGreaterThan(0.001);
    expect(share('Executing')).toBeLessThan(0.01);
  });
});

describe('seeding: created when absent, left alone when present', () => {
  it('SQLite', () => {
    const path = join(directory, 'twice.sqlite');
    expect(seedSqlite(path, () => sampleData(500))).toBe(true);
    expect(seedSqlite(path, () => sampleData(800))).toBe(false);
    const db = new Database(path, { readonly: true });
    try {
      expect(db.prepare('SELECT count(*) AS n FROM workflow_executions').get()).toEqual({ n: 500 });
    } finally {
      db.close();
    }
  });

  it('PostgreSQL', async () => {
    const pg = await openTestPostgres('seed');
    try {
      await openPostgresStore(pg, 500);
      expect(await seedPostgres(pg, () => sampleData(800))).toBe(false);
      const counted = await pg.query<{ n: string | number }>('SELECT count(*) AS n FROM workflow_executions');
      expect(Number(counted.rows[0]?.n)).toBe(500);
    } finally {
      await pg.close();
    }
  });
});

describe('the playground', () => {
  it('is served at / when playground/dist holds index.html, and the API beside it', async () => {
    const dist = join(directory, 'dist');
    mkdirSync(dist);
    writeFileSync(join(dist, 'index.html'), '<!doctype html><title>playground</title>');
    const server = await startTestServer({ engine: 'sqlite', executions: 500, playgroundDir: dist });
    try {
      const page = await get(server.url, '/');
      expect(page.status).toBe(200);
      expect(page.headers.get('content-type')).toMatch(/^text\/html/);
      expect(page.text).toContain('<title>playground</title>');
      expect((await get(server.url, '/v3/workflows')).status).toBe(200);
    } finally {
      await server.close();
    }
  });

  it('is sent with a strict Content-Security-Policy, nosniff, and framed by no other site', async () => {
    const dist = join(directory, 'dist-headers');
    mkdirSync(dist);
    writeFileSync(join(dist, 'index.html'), '<!doctype html><title>playground</title>');
    writeFileSync(join(dist, 'diagrams.html'), '<!doctype html><title>diagrams</title>');
    const server = await startTestServer({ engine: 'sqlite', executions: 500, playgroundDir: dist });
    try {
      const policyOf = (headers: Headers) =>
        new Map(
          (headers.get('content-security-policy') ?? '')
            .split(';')
            .map((d) => d.trim().split(/\s+/))
            .map(([name, ...values]) => [name, values.join(' ')]),
        );
      for (const path of ['/', '/index.html', '/diagrams.html', '/v3/workflows', '/nowhere']) {
        const answer = await get(server.url, path);
        expect(answer.headers.get('x-content-type-options'), path).toBe('nosniff');
        const policy = policyOf(answer.headers);
        expect(policy.get('script-src'), path).toBe("'self'");
        expect(policy.get('object-src'), path).toBe("'none'");
        expect(policy.get('frame-ancestors'), path).toBe(path === '/diagrams.html' ? "'self'" : "'none'");
      }
    } finally {
      await server.close();
    }
  });

  it('says how to build it until it is built (a page for a browser, else JSON), then serves it without a restart', async () => {
    const dist = join(directory, 'later');
    const server = await startTestServer({ engine: 'sqlite', executions: 500, playgroundDir: dist });
    try {
      const json = await get(server.url, '/');
      expect(json.status).toBe(404);
      expect(json.headers.get('content-type')).toBe('application/json; charset=utf-8');
      expect(json.body).toMatchObject({ detailCode: '404 Not found' });
      expect(JSON.stringify(json.body)).toContain('npm run playground');
      const page = await get(server.url, '/', { accept: 'text/html,application/xhtml+xml,*/*;q=0.8' });
      expect(page.status).toBe(404);
      expect(page.headers.get('content-type')).toMatch(/^text\/html/);
      expect(page.text).toContain('<code>npm run playground</code>');
      expect(page.text).not.toMatch(/<script|<style/);
      // Other paths stay the API's 404.
      expect((await get(server.url, '/other')).body).toMatchObject({ detailCode: '404 Not found' });

      mkdirSync(dist);
      writeFileSync(join(dist, 'index.html'), '<!doctype html><title>playground</title>');
      const built = await get(server.url, '/', { accept: 'text/html' });
      expect(built.status).toBe(200);
      expect(built.text).toContain('<title>playground</title>');
    } finally {
      await server.close();
    }
  });
});

import { readdirSync, readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { entrySize } from '../../bench/size.js';
import { executionsApp } from '../../examples/express.js';
import { openDatabase } from '../../examples/server.js';
import { ENTRIES } from '../../scripts/entries.js';
import {
  compilePredicate,
  createCollectionHandler,
  parse,
  workflowExecutionsSchema,
} from '../../src/index.js';
import { readPage } from '../support/manual.js';

/**
 * The README's tour shows code from examples/, as it is written there: each of its TypeScript
 * blocks is in an example file, word for word once the package's import specifiers are read as
 * the example's relative paths. The examples are type-checked with the repository (`npm run
 * typecheck`) and run by their tests; the Express one is served here, over HTTP on loopback.
 */

const ROOT = path.resolve(import.meta.dirname, '../..');
const readme = readPage('README.md');
const tour = readme.slice(
  readme.indexOf('## A tour'),
  readme.indexOf('\n## ', readme.indexOf('## A tour') + 1),
);
const blocks = [...tour.matchAll(/```ts\n([\s\S]*?)```/g)].map((m) => m[1]!);

/** A README block as the example files write it: `'v3-filters/express'` as `'../src/integrations/express/index.js'`. */
function asExample(block: string): string {
  return block.replace(/from '(v3-filters(?:\/[\w-]+)?)'/g, (whole, specifier: string) => {
    const subpath = specifier === 'v3-filters' ? '.' : `./${specifier.slice('v3-filters/'.length)}`;
    const entry = ENTRIES.find((e) => e.subpath === subpath);
    return entry ? `from '../${entry.source.replace(/\.ts$/, '.js')}'` : whole;
  });
}

describe("the README's tour", () => {
  it('shows code of the examples, word for word', () => {
    expect(blocks.length).toBeGreaterThanOrEqual(2);
    const examples = readdirSync(path.join(ROOT, 'examples'))
      .filter((name) => name.endsWith('.ts'))
      .map((name) => readFileSync(path.join(ROOT, 'examples', name), 'utf8'));
    for (const block of blocks) {
      expect(
        examples.some((text) => text.includes(asExample(block))),
        block.slice(0, 200),
      ).toBe(true);
    }
  });

  it('states the size of the builder entry and of the whole package as they bundle, within 10%', async () => {
    const stated =
      /about ([\d.]+) KB min\+gzip in a browser bundle, against about ([\d.]+) KB for the whole/.exec(readme);
    expect(stated).not.toBeNull();
    const builder = await entrySize(ENTRIES.find((e) => e.subpath === './builder')!);
    const whole = await entrySize(ENTRIES.find((e) => e.subpath === '.')!);
    expect(Math.abs(Number(stated![1]) * 1024 - builder.gzip) / builder.gzip).toBeLessThan(0.1);
    expect(Math.abs(Number(stated![2]) * 1024 - whole.gzip) / whole.gzip).toBeLessThan(0.1);
  }, 60_000);

  it('imports only from the package', () => {
    for (const block of blocks) {
      for (const [, specifier] of block.matchAll(/from '([^']+)'/g)) {
        expect(specifier, block.slice(0, 80)).toMatch(/^(v3-filters(\/[\w-]+)?|express|better-sqlite3)$/);
      }
    }
  });
});

describe('examples/express.ts, the tour server, over HTTP', () => {
  const db = openDatabase();
  let base: string;
  let close: () => Promise<void>;
  const rows = db.prepare('SELECT id, workflow_id, status, start_time FROM executions ORDER BY id').all() as {
    id: string;
    workflow_id: string;
    status: string;
    start_time: string;
  }[];

  beforeAll(async () => {
    const server = executionsApp(db).listen(0, '127.0.0.1');
    await new Promise<void>((resolve) => server.once('listening', () => resolve()));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    close = () => new Promise((resolve) => server.close(() => resolve()));
  });
  afterAll(async () => {
    await close?.();
    db.close();
  });

  const get = async (query: string) => {
    const response = await fetch(`${base}/v3/workflows/w1/executions?${query}`);
    return { status: response.status, body: (await response.json()) as unknown };
  };

  it('answers the rows the predicate selects, ordered by the tiebreaker, the id', async () => {
    for (const filter of [
      'status eq "Failed"',
      'status eq "failed" and start_time ge 2022-02-07T20:13:29Z',
      'start_time lt 2022-02-08T08:30:00+01:00 or status eq "Executing"',
      'not (status eq "Completed")',
    ]) {
      const parsed = parse(filter);
      if (!parsed.ok) throw new Error(filter);
      const matches = compilePredicate(parsed.ast, {
        schema: workflowExecutionsSchema,
        caseFolding: 'ascii',
      });
      const expected = rows
        .filter((row) => row.workflow_id === 'w1')
        .filter((row) => matches({ status: row.status, startTime: row.start_time }))
        .map((row) => row.id);
      const answer = await get(`filters=${encodeURIComponent(filter)}`);
      expect(answer.status, filter).toBe(200);
      expect(
        (answer.body as { id: string }[]).map((row) => row.id),
        filter,
      ).toEqual(expected);
    }
  });

  it('answers a mistake with the V3 400, the route never run', async () => {
    const answer = await get('filters=status+eq+%22Fail%22');
    expect(answer.status).toBe(400);
    const body = answer.body as { detailCode: string; messages: { text: string }[] };
    expect(body.detailCode).toBe('400.1 Bad Request Content');
    expect(body.messages[0]!.text).toContain('`Fail` is not a value of `status`; did you mean `Failed`?');
  });

  it('its comment states the fragment of status eq "Failed" as the handler writes it', () => {
    const example = readFileSync(path.join(ROOT, 'examples/express.ts'), 'utf8');
    const comment = /\/\/ status eq "Failed": (.*), (\[.*\])$/m.exec(example);
    expect(comment).not.toBeNull();
    const request = createCollectionHandler(workflowExecutionsSchema, { dialect: 'sqlite' })(
      'filters=status+eq+%22Failed%22',
    );
    if (!request.ok) throw new Error('rejected');
    const where = request.where('sqlite');
    expect(comment![1]).toBe(where.sql);
    expect(comment![2]).toBe(JSON.stringify(where.params).replace(/"/g, "'"));
  });
});

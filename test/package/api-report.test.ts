import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { type EntryApi, REPORT_DIR, readApi, renderReports } from '../../scripts/api-report.js';
import * as builder from '../../src/builder/index.js';
import * as root from '../../src/index.js';

/**
 * The public surface is reviewed as a file: `etc/<entry>.api.md` lists every exported name of
 * every entry with its declaration. These tests fail while a report differs from the code (run
 * `npm run api:update` and commit the change with the code), and hold the rules the surface
 * keeps: a small root entry, no type a reader cannot name, one meaning per name.
 */

/**
 * Names that mean one role in every entry that exports them: each framework adapter's own
 * middleware and accessor, and an entry's default export (imported under the importer's name).
 */
const PER_ENTRY = new Set(['v3Collection', 'collectionOf', 'default']);

let apis: EntryApi[];
beforeAll(async () => {
  apis = await readApi();
}, 300_000);

describe('the API report', () => {
  it('is up to date: etc/*.api.md is what the declarations say (npm run api:update)', () => {
    const reports = renderReports(apis);
    const stale = [...reports].filter(
      ([file, text]) => !existsSync(file) || readFileSync(file, 'utf8') !== text,
    );
    expect(stale.map(([file]) => file)).toEqual([]);
    const extra = readdirSync(REPORT_DIR)
      .filter((name) => name.endsWith('.api.md'))
      .map((name) => join(REPORT_DIR, name))
      .filter((file) => !reports.has(file));
    expect(extra).toEqual([]);
  });

  it('names no type that no entry exports', () => {
    expect(
      apis.filter((api) => api.unexported.length > 0).map((api) => [api.specifier, api.unexported]),
    ).toEqual([]);
  });

  it('lists as values exactly what the entry modules export at run time', () => {
    const rootApi = apis.find((api) => api.specifier === 'v3-filters')!;
    expect(
      rootApi.exports
        .filter((e) => e.value)
        .map((e) => e.name)
        .sort(),
    ).toEqual(Object.keys(root).sort());
  });
});

describe('the public surface', () => {
  it('the root entry exports at most 60 values (types do not count)', () => {
    expect(Object.keys(root).length).toBeLessThanOrEqual(60);
  });

  it('v3-filters/builder is part of the root entry: each of its names is the same thing there', () => {
    const rootValues = root as Record<string, unknown>;
    for (const [name, value] of Object.entries(builder)) expect(rootValues[name], name).toBe(value);
    const rootTypes = new Map(
      apis.find((a) => a.specifier === 'v3-filters')!.exports.map((e) => [e.name, e]),
    );
    for (const e of apis.find((a) => a.specifier === 'v3-filters/builder')!.exports) {
      expect(rootTypes.get(e.name)?.identity, e.name).toBe(e.identity);
    }
  });

  it('no two entries export different things under one name (the adapters share their role names)', () => {
    const seen = new Map<string, { specifier: string; identity: string }>();
    const clashes: string[] = [];
    for (const api of apis) {
      for (const e of api.exports) {
        const before = seen.get(e.name);
        if (before && before.identity !== e.identity && !PER_ENTRY.has(e.name))
          clashes.push(`${e.name}: ${before.specifier} and ${api.specifier}`);
        if (!before) seen.set(e.name, { specifier: api.specifier, identity: e.identity });
      }
    }
    expect(clashes).toEqual([]);
  });
});

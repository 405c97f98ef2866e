import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { COPIES_DIR, leafCopyModules, MODULES, PER_MODULE } from '../../scripts/leaf-copies.js';
import { compilePredicate } from '../../src/compile/predicate/index.js';
import { COPIES } from '../../src/compile/predicate/leaf-copies.js';
import type { FieldSchema, Schema } from '../../src/schema/types.js';
import { parse } from '../../src/syntax/parse.js';

/*
 * The read-first leaf is written out several times (leaf-copies.ts) and each record path takes a
 * copy of its own (per kind of test and schema) while any is free, later paths the shared leaves
 * of read-first.ts. Which one a
 * path gets must change nothing but speed: the copies are the same text, written from one
 * template, and a filter on twelve paths (more than the copies other paths left) answers alike on
 * every path holding the same value.
 */

const KEYS = Array.from({ length: 12 }, (_, i) => `k${i}`);
const NESTED = KEYS.map((key) => `m.${key}`);
/** Copies left for the paths above once other paths took the rest: fewer than there are paths. */
const LEFT = 4;

const LEAVES: readonly { type: FieldSchema['type']; caseSensitive: boolean; text: string }[] = [
  { type: 'string', caseSensitive: true, text: 'eq "Failed"' },
  { type: 'string', caseSensitive: true, text: 'ne "Failed"' },
  { type: 'string', caseSensitive: true, text: 'co "ail"' },
  { type: 'string', caseSensitive: true, text: 'sw "Fa"' },
  { type: 'string', caseSensitive: true, text: 'in ("Failed", "x")' },
  { type: 'string', caseSensitive: false, text: 'eq "failed"' },
  { type: 'string', caseSensitive: false, text: 'co "ail"' },
  { type: 'string', caseSensitive: false, text: 'in ("failed", "x")' },
  { type: 'number', caseSensitive: true, text: 'ne 5' },
  { type: 'number', caseSensitive: true, text: 'gt 4' },
  { type: 'number', caseSensitive: true, text: 'in (5, 6)' },
  { type: 'boolean', caseSensitive: true, text: 'ne true' },
  { type: 'boolean', caseSensitive: true, text: 'eq false' },
  { type: 'date-time', caseSensitive: true, text: 'lt 2022-06-01T00:00:00Z' },
  { type: 'string', caseSensitive: true, text: 'pr' },
  { type: 'string', caseSensitive: true, text: 'isnull' },
];

const VALUES: unknown[] = ['Failed', 'failed', 'xFaily', 5, 6, 4.5, Number.NaN, true, false, null, undefined];
VALUES.push('2021-01-01T00:00:00Z', ['Failed'], {});

function predicates(text: string, leaf: (typeof LEAVES)[number], paths: readonly string[], negated: boolean) {
  const fields: Record<string, FieldSchema> = {};
  const operators = ['eq', 'ne', 'co', 'sw', 'in', 'gt', 'lt', 'pr', 'isnull'] as const;
  for (const [i, path] of paths.entries()) {
    fields[`f${i}`] = { type: leaf.type, caseSensitive: leaf.caseSensitive, operators: [...operators], path };
  }
  return paths.flatMap((_, i) => {
    const parsed = parse(negated ? `not (f${i} ${text})` : `f${i} ${text}`);
    if (!parsed.ok) throw new Error(text);
    return [false, true].map((generateCode) =>
      compilePredicate(parsed.ast, { schema: { fields }, generateCode }),
    );
  });
}

/** A record holding `value` at every key (nested under `m` too), made as `kind` says. */
function record(kind: string, value: unknown): object {
  const level = (): Record<string, unknown> => Object.fromEntries(KEYS.map((key) => [key, value]));
  switch (kind) {
    case 'plain':
      return { ...level(), m: level() };
    case 'null': {
      const r = Object.assign(Object.create(null) as object, level());
      return Object.assign(r, { m: Object.assign(Object.create(null) as object, level()) });
    }
    case 'class': {
      class Level {
        constructor(fields: Record<string, unknown>) {
          Object.assign(this, fields);
        }
      }
      return new Level({ ...level(), m: new Level(level()) });
    }
    default:
      // Every value inherited: none counts.
      return Object.create({ ...level(), m: level() }) as object;
  }
}

describe('the copied leaves', () => {
  it('are written out identically', () => {
    expect(COPIES.length).toBeGreaterThan(1);
    const sources = new Set(COPIES.map((copy) => String(copy)));
    expect(sources.size).toBe(1);
  });

  it('are what scripts/leaf-copies.ts writes from its template now (run `npm run copies` after a change)', () => {
    const modules = leafCopyModules();
    expect(readdirSync(COPIES_DIR).sort()).toEqual([...modules.keys()].sort());
    for (const [name, text] of modules) expect(readFileSync(join(COPIES_DIR, name), 'utf8'), name).toBe(text);
    expect(COPIES.length).toBe(MODULES * PER_MODULE);
  });

  it('answer alike on every path, with a copy or without', () => {
    // Other paths of each length take all copies but LEFT, as an application's earlier filters do.
    const taken = Array.from({ length: COPIES.length - LEFT }, (_, i) => `x${i}`);
    const fields: Record<string, FieldSchema> = {};
    for (const path of [...taken, ...taken.map((key) => `m.${key}`)]) {
      fields[path] = { type: 'number', operators: ['eq'], path };
    }
    for (const path of Object.keys(fields)) {
      const parsed = parse(`${path} eq 1`);
      if (!parsed.ok) throw new Error(path);
      expect(compilePredicate(parsed.ast, { schema: { fields } })({})).toBe(false);
    }
    fc.assert(
      fc.property(
        fc.constantFrom(...LEAVES),
        fc.boolean(),
        fc.constantFrom('plain', 'null', 'class', 'inherits'),
        fc.constantFrom(...VALUES),
        (leaf, negated, kind, value) => {
          const r = record(kind, value);
          for (const paths of [KEYS, NESTED]) {
            const answers = new Set(predicates(leaf.text, leaf, paths, negated).map((p) => p(r)));
            expect(answers.size).toBe(1);
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('a trusted step (prototype Object.prototype or null)', () => {
  const schema: Schema = {
    fields: { status: { type: 'string', caseSensitive: true, operators: ['eq'], path: 'status' } },
  };
  const compiled = [false, true].map((generateCode) => {
    const parsed = parse('status eq "Failed"');
    if (!parsed.ok) throw new Error('parse');
    return compilePredicate(parsed.ast, { schema, generateCode });
  });

  it('takes no value from a polluting getter that removes itself when read', () => {
    for (const predicate of compiled) {
      expect(predicate({ status: 'Failed' })).toBe(true);
      Object.defineProperty(Object.prototype, 'status', {
        configurable: true,
        get() {
          delete (Object.prototype as Record<string, unknown>).status;
          return 'Failed';
        },
      });
      try {
        expect(predicate({})).toBe(false);
      } finally {
        delete (Object.prototype as Record<string, unknown>).status;
      }
    }
  });

  it('takes no value from a prototype getter that gives the record an own value of another', () => {
    // The own check then passes: the value tested must still be the own one (the closures read again).
    const parsed = parse('status ne "Other"');
    if (!parsed.ok) throw new Error('parse');
    const ne = compilePredicate(parsed.ast, { schema });
    const [closures] = compiled;
    for (const proto of [
      Object.prototype,
      class {
        get other(): string {
          return '';
        }
      }.prototype,
    ]) {
      const holder = Object.create(proto) as object;
      Object.defineProperty(holder, 'status', {
        configurable: true,
        get(this: object): string {
          Object.setPrototypeOf(this, proto);
          Object.defineProperty(this, 'status', { value: 'Other', enumerable: true, writable: true });
          return 'Failed';
        },
      });
      expect(closures!(Object.create(holder) as object)).toBe(false);
      expect(ne(Object.create(holder) as object)).toBe(false);
    }
  });

  it('takes no value from a prototype getter on any step of a longer path that gives its object an own value of another', () => {
    const paths = ['m.status', 'm.n.status'];
    const fields: Record<string, FieldSchema> = {};
    for (const path of paths)
      fields[path] = { type: 'string', caseSensitive: true, operators: ['eq', 'ne'], path };
    const predicates = paths.flatMap((path) =>
      [`${path} eq "Failed"`, `${path} ne "Other"`].map((text) => {
        const parsed = parse(text);
        if (!parsed.ok) throw new Error(text);
        return { path, predicate: compilePredicate(parsed.ast, { schema: { fields } }) };
      }),
    );
    // What a getter leaves as the step's own value instead: the rest of the path, ending in `Other`.
    const chain = (keys: readonly string[]): unknown => {
      if (keys.length === 0) return 'Other';
      return { [keys[0]!]: chain(keys.slice(1)) };
    };
    for (const { path, predicate } of predicates) {
      const keys = path.split('.');
      for (let step = 0; step < keys.length; step++) {
        // Plain objects on the way, but at `step` the key comes from a prototype getter.
        const build = (at: number): object => {
          const key = keys[at]!;
          const rest = at + 1 < keys.length ? build(at + 1) : 'Failed';
          if (at !== step) return { [key]: rest };
          const proto = Object.create(Object.prototype) as object;
          Object.defineProperty(proto, key, {
            configurable: true,
            get(this: object): unknown {
              Object.defineProperty(this, key, { value: chain(keys.slice(at + 1)) });
              return rest;
            },
          });
          return Object.create(proto) as object;
        };
        expect(predicate(build(0)), `${path} at ${keys[step]}`).toBe(false);
      }
    }
  });

  it('takes no value from a prototype getter that swaps the record to Object.prototype', () => {
    for (const predicate of compiled) {
      const proto = {
        get status(): string {
          Object.setPrototypeOf(r, Object.prototype);
          return 'Failed';
        },
      };
      const r: object = Object.create(proto) as object;
      expect(predicate(r)).toBe(false);
    }
  });
});

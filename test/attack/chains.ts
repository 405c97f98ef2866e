/**
 * Pieces of leaf-prototype-chains.test.ts: filters on one- to three-step paths with a value that
 * matches and one that does not, records whose every step is an instance of a class hierarchy of
 * its own (or an array, a function, an `Object.create` of an instance), and what can be done to
 * their prototypes once the predicate has optimised on them, each with its undoing.
 *
 * The oracle here is its own and small, written from docs/semantics.md: a value counts only if
 * every step of the path is a non-null object owning the next key (asked with `hasOwnProperty`,
 * which no prototype or trap answers for an ordinary object), and the records it is asked about
 * are ordinary objects at every step, whatever their prototypes are.
 */
import { compilePredicate, parse } from '../../src/index.js';

export type Predicate = (record: unknown) => boolean;

export interface ChainFilter {
  readonly text: string;
  readonly path: readonly string[];
  readonly type: 'string' | 'number' | 'boolean' | 'date-time';
  /** A value at the path that makes the filter hold when the record owns it, and one that does not. */
  readonly hit: unknown;
  readonly miss: unknown;
  /** The filter's answer on the value at the path (MISSING when the path is not owned). */
  readonly answer: (value: unknown) => boolean;
}

export const MISSING: unique symbol = Symbol('missing');

const OPERATORS: Record<ChainFilter['type'], string[]> = {
  string: ['eq', 'ne', 'pr', 'in', 'sw', 'gt'],
  number: ['eq', 'ne', 'pr', 'in', 'gt'],
  boolean: ['eq', 'ne', 'pr', 'in'],
  'date-time': ['eq', 'ne', 'pr', 'in', 'gt'],
};

/** A schema object of its own declaring the filter's field (case-sensitive strings). */
export function schemaFor(filter: ChainFilter): object {
  const declaration = {
    type: filter.type,
    operators: OPERATORS[filter.type],
    path: filter.path.join('.'),
    caseSensitive: true,
  };
  return { fields: { [filter.path.join('.')]: declaration } };
}

/** The filter compiled against `schema` as closures and as generated code. */
export function compileBoth(filter: ChainFilter, schema: object): [Predicate, Predicate] {
  const parsed = parse(filter.text);
  if (!parsed.ok) throw new Error(`${filter.text}: ${JSON.stringify(parsed.diagnostics)}`);
  return [
    compilePredicate(parsed.ast, { schema: schema as never }),
    compilePredicate(parsed.ast, { schema: schema as never, generateCode: true }),
  ];
}

const hasOwn = Object.prototype.hasOwnProperty;

/** The oracle: the filter's answer on the value the record owns at the path. */
export function oracle(filter: ChainFilter, record: unknown): boolean {
  let current: unknown = record;
  for (const key of filter.path) {
    if (typeof current !== 'object' || current === null || !hasOwn.call(current, key)) {
      return filter.answer(MISSING);
    }
    try {
      current = (current as Record<string, unknown>)[key];
    } catch {
      return filter.answer(MISSING);
    }
  }
  return filter.answer(current);
}

/** A class hierarchy of `levels` classes; its prototypes, base first. */
export interface Hierarchy {
  readonly make: () => Record<string, unknown>;
  readonly prototypes: readonly object[];
}

export function hierarchy(levels: number): Hierarchy {
  let current: new () => object = class Base {};
  const prototypes: object[] = [current.prototype];
  for (let i = 1; i < levels; i++) {
    current = class extends current {};
    prototypes.push(current.prototype);
  }
  const leaf = current;
  return { make: () => new leaf() as Record<string, unknown>, prototypes };
}

/** One hierarchy per step of the filter's path, 2 to 4 levels each. */
export function hierarchies(filter: ChainFilter, seed: number): Hierarchy[] {
  return filter.path.map((_, i) => hierarchy(2 + ((seed + i) % 3)));
}

/** What each step of a record is made of. */
export type StepKind = 'instance' | 'array' | 'function';

/**
 * A record whose step `i` is an instance of `classes[i]` (or an array, or a function) owning
 * `path[i]`, the last holding `value`; its step objects, record first.
 */
export function buildRecord(
  filter: ChainFilter,
  classes: readonly Hierarchy[],
  value: unknown,
  kinds: readonly StepKind[] = [],
): object[] {
  const steps: object[] = filter.path.map((_, i) => {
    const kind = kinds[i] ?? 'instance';
    if (kind === 'array') return [] as unknown as object;
    if (kind === 'function') return () => 0;
    return classes[i]!.make();
  });
  filter.path.forEach((key, i) => {
    (steps[i] as Record<string, unknown>)[key] = i + 1 < steps.length ? steps[i + 1] : value;
  });
  return steps;
}

/** A value that makes the path from step `i` on hold `value`: itself at the last step. */
export function baitFrom(filter: ChainFilter, i: number, value: unknown): unknown {
  let bait = value;
  for (let j = filter.path.length - 1; j > i; j--) bait = { [filter.path[j]!]: bait };
  return bait;
}

/** What is done to a prototype, or put between an object and its prototype. */
export const MUTATIONS = [
  'data',
  'getter',
  'throwing-getter',
  'frozen-between',
  'sealed-between',
  'null-prototype-between',
  'prototype-null',
  'forwarding-proxy',
  'lying-has-proxy',
  'alternating-has-proxy',
  'get-only-proxy',
  'has-only-proxy',
  'lying-getPrototypeOf-proxy',
  'throwing-has-proxy',
] as const;
export type Mutation = (typeof MUTATIONS)[number];

/** Runs the undoings in reverse. */
export class Undo {
  private readonly steps: (() => void)[] = [];
  add(step: () => void): void {
    this.steps.push(step);
  }
  run(): void {
    while (this.steps.length > 0) this.steps.pop()!();
  }
}

function define(target: object, key: string, descriptor: PropertyDescriptor, undo: Undo): void {
  Object.defineProperty(target, key, { configurable: true, enumerable: false, ...descriptor });
  undo.add(() => delete (target as Record<string, unknown>)[key]);
}

function between(target: object, made: (old: object | null) => object | null, undo: Undo): void {
  const old = Object.getPrototypeOf(target) as object | null;
  Object.setPrototypeOf(target, made(old));
  undo.add(() => Object.setPrototypeOf(target, old));
}

/** Applies `mutation` to `target` for `key`, the prototype's value being `bait`. */
export function mutate(target: object, key: string, bait: unknown, mutation: Mutation, undo: Undo): void {
  if (mutation === 'data') define(target, key, { value: bait, writable: true }, undo);
  else if (mutation === 'getter') define(target, key, { get: () => bait }, undo);
  else if (mutation === 'throwing-getter') define(target, key, { get: hostile }, undo);
  else between(target, inBetween(mutation, key, bait), undo);
}

function hostile(): never {
  throw new Error('hostile');
}

/** What `mutation` puts between an object and its prototype `old`. */
function inBetween(mutation: Mutation, key: string, bait: unknown): (old: object | null) => object | null {
  const own = { [key]: { value: bait, writable: true, enumerable: true, configurable: true } };
  const holder = (old: object | null): object => Object.create(old, own) as object;
  let calls = 0;
  switch (mutation) {
    case 'frozen-between':
      return (old) => Object.freeze(holder(old));
    case 'sealed-between':
      return (old) => Object.seal(holder(old));
    case 'null-prototype-between':
      return () => holder(null);
    case 'prototype-null':
      return () => null;
    case 'forwarding-proxy':
      return (old) => new Proxy(holder(old), {});
    case 'lying-has-proxy':
      return (old) => new Proxy(holder(old), { has: (t, k) => k !== key && Reflect.has(t, k) });
    case 'alternating-has-proxy':
      return (old) =>
        new Proxy(holder(old), { has: (t, k) => (k === key ? calls++ % 2 === 0 : Reflect.has(t, k)) });
    case 'get-only-proxy':
      return (old) => new Proxy(old ?? {}, { get: (t, k, r) => (k === key ? bait : Reflect.get(t, k, r)) });
    case 'has-only-proxy':
      return (old) => new Proxy(old ?? {}, { has: (t, k) => k === key || Reflect.has(t, k) });
    case 'lying-getPrototypeOf-proxy':
      return (old) => new Proxy(holder(old), { getPrototypeOf: () => null });
    default:
      return (old) => new Proxy(holder(old), { has: (t, k) => (k === key ? hostile() : Reflect.has(t, k)) });
  }
}

/** `Object.prototype` (or `Array.prototype`) given `key` as a value or a getter answering `bait`. */
export const POLLUTIONS = ['none', 'object-data', 'object-getter', 'array-data'] as const;
export type Pollution = (typeof POLLUTIONS)[number];

export function pollute(pollution: Pollution, key: string, bait: unknown, undo: Undo): void {
  if (pollution === 'object-data') define(Object.prototype, key, { value: bait, writable: true }, undo);
  if (pollution === 'object-getter') define(Object.prototype, key, { get: () => bait }, undo);
  if (pollution === 'array-data') define(Array.prototype, key, { value: bait, writable: true }, undo);
}

import type { FieldSchema, Schema } from 'v3-filters';

/** One sample record: an `id` and, at each field's path, a value of the field's type (or null). */
export type SampleRecord = Record<string, unknown>;

/** How many sample records each endpoint gets. */
export const SAMPLE_SIZE = 40;

/** mulberry32: a small seeded generator, so every build and every browser sees the same rows. */
function generator(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function hash(text: string): number {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  return h >>> 0;
}

const WORDS = ['alpha', 'Beta', 'gamma', 'Delta', 'epsilon', 'Zeta', 'eta', 'Theta', 'iota', 'Kappa'];
const BASE_TIME = Date.UTC(2022, 1, 1, 8, 0, 0);

function scalar(field: FieldSchema, name: string, random: () => number): unknown {
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  switch (field.type) {
    case 'string':
    case 'unknown':
      if (field.enum && field.enum.length > 0) return pick(field.enum);
      return `${pick(WORDS)}-${name.split('.').pop()}-${Math.floor(random() * 100)}`;
    case 'number':
      return Math.round(random() * 10000) / 100;
    case 'integer':
      return Math.floor(random() * 100);
    case 'boolean':
      return random() < 0.5;
    case 'date-time': {
      const millis =
        BASE_TIME + Math.floor(random() * 14 * 24) * 3_600_000 + Math.floor(random() * 3600) * 1000;
      const text = new Date(millis).toISOString();
      // Some with nanoseconds, as SailPoint writes them.
      return random() < 0.3
        ? text.replace(/\.\d{3}Z$/, `.${String(Math.floor(random() * 1e9)).padStart(9, '0')}Z`)
        : text;
    }
  }
}

function valueFor(field: FieldSchema, name: string, random: () => number): unknown {
  if (random() < 0.1) return null;
  if (!field.collection) return scalar(field, name, random);
  const count = Math.floor(random() * 4);
  return Array.from({ length: count }, () => scalar(field, name, random));
}

/** Writes `value` at a dotted path, creating own plain objects; never touches a prototype. */
function setPath(record: SampleRecord, path: string, value: unknown): void {
  const steps = path.split('.');
  let target: Record<string, unknown> = record;
  for (const step of steps.slice(0, -1)) {
    const next = Object.hasOwn(target, step) ? target[step] : undefined;
    if (typeof next === 'object' && next !== null) {
      target = next as Record<string, unknown>;
    } else {
      const created: Record<string, unknown> = {};
      Object.defineProperty(target, step, {
        value: created,
        enumerable: true,
        writable: true,
        configurable: true,
      });
      target = created;
    }
  }
  Object.defineProperty(target, steps.at(-1)!, {
    value,
    enumerable: true,
    writable: true,
    configurable: true,
  });
}

/** Reads a dotted path by own properties (for display). */
export function readPath(record: unknown, path: string): unknown {
  let value: unknown = record;
  for (const step of path.split('.')) {
    if (typeof value !== 'object' || value === null || !Object.hasOwn(value, step)) return undefined;
    value = (value as Record<string, unknown>)[step];
  }
  return value;
}

/**
 * Deterministic sample records for an endpoint: the same `key` and schema always give the same
 * rows, whatever the browser. Each field's value sits at its `path` (default: its name), as
 * `compilePredicate` reads it.
 */
export function sampleRecords(key: string, schema: Schema, size = SAMPLE_SIZE): SampleRecord[] {
  const random = generator(hash(key));
  const names = Object.keys(schema.fields).sort();
  return Array.from({ length: size }, (_, index) => {
    const record: SampleRecord = { id: `${index + 1}` };
    for (const name of names) {
      const field = schema.fields[name]!;
      const path = field.path ?? name;
      if (path === 'id') continue;
      setPath(record, path, valueFor(field, name, random));
    }
    return record;
  });
}

/**
 * The records of the evaluation matrix, made by the bench itself from a seeded generator so every
 * run times the same data, with distributions that are not tuned to any one filter: skewed
 * (Zipf-like) choices for statuses and tags, mixed case, a log-normal spread of counts with some
 * fractions, date-times over seven years in three textual forms, names with non-ASCII letters.
 * Each record holds the same six fields at depth 1, 2 (`meta.*`) and 3 (`meta.audit.*`), in one
 * of three shapes: plain objects from `JSON.parse`, class instances, and sparse records (fields
 * missing or null, so the records come in many hidden classes).
 */

/** The six fields, as a level of a record holds them. */
export interface Level {
  status: string | null;
  name: string | null;
  count: number | null;
  active: boolean | null;
  created: string | null;
  tags: string[] | null;
}

/** A generated record: one level with `meta` holding another with `audit` holding the third. */
export type Plain = Level & { meta: Level & { audit: Level } };

/** The record shapes of the matrix. */
export const SHAPES = ['json', 'class', 'sparse'] as const;
/** A record shape. */
export type Shape = (typeof SHAPES)[number];

/** A small seeded generator (mulberry32): the same records in every run. */
function generator(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const STATUSES = ['Failed', 'Completed', 'Canceled', 'Executing', 'Pending', 'Queued', 'Retrying'];
const WORDS = ['alpha', 'Alice', 'banana', 'Straße', 'carol', 'Ærø', 'daniel', 'İzmir', 'eve', 'Ann'];
const TAGS = ['admin', 'ops', 'Billing', 'audit', 'dev', 'qa', 'Sales', 'hr', 'legal', 'sre', 'eu', 'us'];

/** Index in `0..n-1`, smaller indices likelier (weights 1/(i+1)). */
function zipf(random: () => number, n: number): number {
  let total = 0;
  for (let i = 0; i < n; i++) total += 1 / (i + 1);
  let x = random() * total;
  for (let i = 0; i < n; i++) {
    x -= 1 / (i + 1);
    if (x <= 0) return i;
  }
  return n - 1;
}

function mixedCase(random: () => number, text: string): string {
  const r = random();
  return r < 0.1 ? text.toUpperCase() : r < 0.2 ? text.toLowerCase() : text;
}

function dateTime(random: () => number): string {
  const ms = Date.UTC(2019, 0, 1) + Math.floor(random() * 7 * 365.25 * 86_400_000);
  const iso = new Date(ms).toISOString();
  const form = random();
  if (form < 0.1) return `${iso.slice(0, 19)}Z`;
  if (form < 0.2) return `${iso.slice(0, 23)}${String(Math.floor(random() * 1000)).padStart(3, '0')}Z`;
  return iso;
}

function level(random: () => number): Level {
  const lognormal = Math.exp(4 + 1.5 * (random() + random() + random() - 1.5));
  const tagCount = Math.floor(random() * 5);
  const tags: string[] = [];
  for (let i = 0; i < tagCount; i++) tags.push(mixedCase(random, TAGS[zipf(random, TAGS.length)]!));
  return {
    status: mixedCase(random, STATUSES[zipf(random, STATUSES.length)]!),
    name: `${WORDS[zipf(random, WORDS.length)]!}-${Math.floor(random() * 500)}`,
    count: random() < 0.1 ? Math.round(lognormal * 100) / 100 : Math.round(lognormal),
    active: random() < 0.3,
    created: dateTime(random),
    tags,
  };
}

function plainRecord(random: () => number): Plain {
  return { ...level(random), meta: { ...level(random), audit: level(random) } };
}

class AuditLevel implements Level {
  status: string | null;
  name: string | null;
  count: number | null;
  active: boolean | null;
  created: string | null;
  tags: string[] | null;
  constructor(level: Level) {
    this.status = level.status;
    this.name = level.name;
    this.count = level.count;
    this.active = level.active;
    this.created = level.created;
    this.tags = level.tags;
  }
}

class MetaLevel extends AuditLevel {
  audit: AuditLevel;
  constructor(meta: Plain['meta']) {
    super(meta);
    this.audit = new AuditLevel(meta.audit);
  }
}

/** A record as an application's model class holds it: fields assigned in the constructors. */
class RunRecord extends AuditLevel {
  meta: MetaLevel;
  constructor(plain: Plain) {
    super(plain);
    this.meta = new MetaLevel(plain.meta);
  }
}

const FIELDS = ['status', 'name', 'count', 'active', 'created', 'tags'] as const;

/** Drops or nulls fields of a level: about 15% missing and 10% null each. */
function thin(random: () => number, value: Record<string, unknown>): void {
  for (const field of FIELDS) {
    const r = random();
    if (r < 0.15) delete value[field];
    else if (r < 0.25) value[field] = null;
  }
}

/** `n` records of `shape`, the same in every run. */
export function makeMatrixRecords(n: number, shape: Shape): unknown[] {
  const random = generator(0x5eed + SHAPES.indexOf(shape));
  const plain: Plain[] = [];
  for (let i = 0; i < n; i++) plain.push(plainRecord(random));
  if (shape === 'class') return plain.map((p) => new RunRecord(p));
  if (shape === 'sparse') {
    for (const p of plain) {
      thin(random, p as unknown as Record<string, unknown>);
      thin(random, p.meta as unknown as Record<string, unknown>);
      thin(random, p.meta.audit as unknown as Record<string, unknown>);
      if (random() < 0.05) delete (p as Partial<Plain>).meta;
    }
  }
  return JSON.parse(JSON.stringify(plain)) as unknown[];
}

import { error, quote } from '../diagnostic/index.js';
import type { ParseLimits } from '../syntax/limits.js';
import type { ParameterDiagnostic } from '../v3-error/locate.js';

/** Options of `parseCollectionQuery`. */
export interface CollectionQueryOptions {
  /** The largest `limit` accepted; default 250. */
  readonly maxLimit?: number;
  /** The `limit` when none is given; default `maxLimit` (250). */
  readonly defaultLimit?: number;
  /** The sortable fields; overrides the schema's `sorters`. */
  readonly sorters?: readonly string[];
  /** Limits for parsing `filters` (see `parse`). */
  readonly limits?: Partial<ParseLimits>;
}

/** The options of `parseCollectionQuery` after checking: defaults applied. */
export interface CollectionSettings {
  readonly maxLimit: number;
  readonly defaultLimit: number;
  readonly sorters: readonly string[] | undefined;
  readonly limits: Partial<ParseLimits> | undefined;
}

const DEFAULT_MAX_LIMIT = 250;
const LIMIT_KEYS = ['maxLength', 'maxDepth', 'maxComparisons', 'maxListValues', 'maxErrors'] as const;

function show(value: unknown): string {
  if (typeof value === 'string') return quote(value);
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') {
    return quote(String(value));
  }
  return value === null ? '`null`' : `a ${Array.isArray(value) ? 'list' : typeof value}`;
}

/** Own property `key` of an options object (a getter that throws counts as a bad value). */
function read(record: object, key: string): { value: unknown } | { thrown: true } {
  try {
    return { value: Object.hasOwn(record, key) ? (record as Record<string, unknown>)[key] : undefined };
  } catch {
    return { thrown: true };
  }
}

/**
 * Checks the options of `parseCollectionQuery`: every bad option (a `maxLimit` of `NaN`, a
 * negative `defaultLimit`, `sorters` that are not a list of names, a throwing getter) is an
 * `invalid-option` error in `diagnostics`, and its default is used meanwhile, so a misconfigured
 * server answers with a diagnostic rather than `limit: NaN`.
 */
export function readOptions(
  options: CollectionQueryOptions | undefined,
  diagnostics: ParameterDiagnostic[],
): CollectionSettings {
  const bad = (name: string, value: unknown, must: string) =>
    diagnostics.push(
      error('invalid-option', `The option ${quote(name)} must be ${must}; it is ${show(value)}`, {
        start: 0,
        end: 0,
      }),
    );
  if (options === undefined || options === null) {
    if (options === null) bad('options', null, 'an object or undefined');
    return {
      maxLimit: DEFAULT_MAX_LIMIT,
      defaultLimit: DEFAULT_MAX_LIMIT,
      sorters: undefined,
      limits: undefined,
    };
  }
  if (typeof options !== 'object') {
    bad('options', options, 'an object or undefined');
    return {
      maxLimit: DEFAULT_MAX_LIMIT,
      defaultLimit: DEFAULT_MAX_LIMIT,
      sorters: undefined,
      limits: undefined,
    };
  }
  const whole = (name: string, fallback: number, max: number): number => {
    const got = read(options, name);
    if ('thrown' in got) {
      bad(name, undefined, 'readable');
      return fallback;
    }
    if (got.value === undefined) return fallback;
    if (typeof got.value === 'number' && Number.isInteger(got.value) && got.value >= 0 && got.value <= max) {
      return got.value;
    }
    bad(name, got.value, `a whole number from 0 to ${max}`);
    return fallback;
  };
  const maxLimit = whole('maxLimit', DEFAULT_MAX_LIMIT, Number.MAX_SAFE_INTEGER);
  const defaultLimit = whole('defaultLimit', maxLimit, maxLimit);

  let sorters: readonly string[] | undefined;
  const sortersRead = read(options, 'sorters');
  if ('thrown' in sortersRead) bad('sorters', undefined, 'readable');
  else if (sortersRead.value !== undefined) {
    const list = sortersRead.value;
    if (Array.isArray(list) && list.every((s) => typeof s === 'string')) sorters = list as string[];
    else bad('sorters', list, 'a list of field names');
  }

  let limits: Partial<ParseLimits> | undefined;
  const limitsRead = read(options, 'limits');
  if ('thrown' in limitsRead) bad('limits', undefined, 'readable');
  else if (limitsRead.value !== undefined) {
    const given = limitsRead.value;
    if (typeof given !== 'object' || given === null || Array.isArray(given)) {
      bad('limits', given, 'an object of parser limits');
    } else {
      const checked: Record<string, number> = {};
      for (const key of LIMIT_KEYS) {
        const got = read(given, key);
        const value = 'thrown' in got ? Number.NaN : got.value;
        if (value === undefined) continue;
        if (typeof value === 'number' && Number.isFinite(value) && value >= 1) checked[key] = value;
        else bad(`limits.${key}`, value, 'a number of at least 1');
      }
      limits = checked;
    }
  }
  return { maxLimit, defaultLimit, sorters, limits };
}

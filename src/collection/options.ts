import { error, quote, showValue } from '../diagnostic/index.js';
import type { ParseLimits } from '../syntax/limits.js';
import { readParseOptions } from '../syntax/parse-options.js';
import type { ParameterDiagnostic } from '../v3-error/locate.js';

/** Options of `parseCollectionQuery`. */
export interface CollectionQueryOptions {
  /** The largest `limit` accepted; default 250. */
  readonly maxLimit?: number;
  /** The `limit` when none is given; default `maxLimit` (250). */
  readonly defaultLimit?: number;
  /** The sortable fields; overrides the schema's `sorters`. */
  readonly sorters?: readonly string[];
  /** Limits for parsing `filters` (see `parse`); each an integer from 1 to its maximum. */
  readonly limits?: Partial<ParseLimits>;
  /**
   * Parameters other than the standard five: `'ignore'` (the default) leaves them to the server,
   * except a near miss of a standard name (`filter`, `Limit`, `count `), which is always an
   * error (`misspelled-parameter`); `'reject'` makes every one an error (`unknown-parameter`),
   * except those named in `otherParameters`.
   */
  readonly unknownParameters?: 'ignore' | 'reject';
  /**
   * The endpoint's own parameters besides the standard ones (`['workflowId']`): never reported,
   * not even as a near miss of a standard name.
   */
  readonly otherParameters?: readonly string[];
}

/** The options of `parseCollectionQuery` after checking: defaults applied. */
export interface CollectionSettings {
  readonly maxLimit: number;
  readonly defaultLimit: number;
  readonly sorters: readonly string[] | undefined;
  readonly limits: ParseLimits | undefined;
  readonly unknownParameters: 'ignore' | 'reject';
  readonly otherParameters: ReadonlySet<string>;
}

const DEFAULT_MAX_LIMIT = 250;
const POLICIES: readonly unknown[] = ['ignore', 'reject'];
const DEFAULTS: CollectionSettings = Object.freeze({
  maxLimit: DEFAULT_MAX_LIMIT,
  defaultLimit: DEFAULT_MAX_LIMIT,
  sorters: undefined,
  limits: undefined,
  unknownParameters: 'ignore',
  otherParameters: new Set<string>(),
});

/** The option names of `parseCollectionQuery`, for the handler's check of unknown options. */
export const COLLECTION_OPTION_NAMES = [
  'maxLimit',
  'defaultLimit',
  'sorters',
  'limits',
  'unknownParameters',
  'otherParameters',
] as const;

/** Own property `key` of an options object (a getter that throws counts as a bad value). */
function read(record: object, key: string): { value: unknown } | { thrown: true } {
  try {
    return { value: Object.hasOwn(record, key) ? (record as Record<string, unknown>)[key] : undefined };
  } catch {
    return { thrown: true };
  }
}

/**
 * A copy of a list (`Array.isArray`, no holes: a hole would read through to `Array.prototype`),
 * or undefined when `value` is none or cannot be read (a proxy or getter that throws).
 */
export function ownList(value: unknown): unknown[] | undefined {
  try {
    if (!Array.isArray(value)) return undefined;
    const length = value.length;
    const copy: unknown[] = [];
    for (let i = 0; i < length; i++) {
      if (!Object.hasOwn(value, i)) return undefined;
      copy.push(value[i]);
    }
    return copy;
  } catch {
    return undefined;
  }
}

/**
 * A plain object's own enumerable properties in a null-prototype copy, so a limit left out is not
 * read off a polluted `Object.prototype`; anything else (or a copy that throws) as it is, for
 * `parse`'s rule to refuse.
 */
function ownCopy(value: unknown): unknown {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return value;
  try {
    return Object.assign(Object.create(null), value);
  } catch {
    return value;
  }
}

/** A list of strings, copied, or undefined (see {@link ownList}). */
function stringList(value: unknown): string[] | undefined {
  const copy = ownList(value);
  return copy?.every((item) => typeof item === 'string') ? (copy as string[]) : undefined;
}

// Settings of options objects the handler froze: read once, not per request.
const frozenSettings = new WeakMap<
  object,
  { settings: CollectionSettings; problems: ParameterDiagnostic[] }
>();

/**
 * Checks the options of `parseCollectionQuery`: every bad option (a `maxLimit` of `NaN`, a
 * negative `defaultLimit`, `sorters` that are not a list of names, a parser limit `parse` would
 * refuse, a throwing getter) is an `invalid-option` error in `diagnostics`, and its default is
 * used meanwhile, so a misconfigured server answers with a diagnostic rather than `limit: NaN`.
 * The parser limits are checked by `parse`'s own rule.
 */
export function readOptions(options: unknown, diagnostics: ParameterDiagnostic[]): CollectionSettings {
  if (isFrozen(options)) {
    let known = frozenSettings.get(options);
    if (known === undefined) {
      const problems: ParameterDiagnostic[] = [];
      known = { settings: readFresh(options, problems), problems };
      frozenSettings.set(options, known);
    }
    diagnostics.push(...known.problems);
    return known.settings;
  }
  return readFresh(options, diagnostics);
}

function isFrozen(options: unknown): options is object {
  try {
    return typeof options === 'object' && options !== null && Object.isFrozen(options);
  } catch {
    return false;
  }
}

function readFresh(options: unknown, diagnostics: ParameterDiagnostic[]): CollectionSettings {
  const invalid = (message: string) =>
    diagnostics.push(error('invalid-option', message, { start: 0, end: 0 }));
  const bad = (name: string, value: unknown, must: string) =>
    invalid(`The option ${quote(name)} must be ${must}; it is ${showValue(value)}`);
  if (options === undefined) return DEFAULTS;
  if (typeof options !== 'object' || options === null) {
    bad('options', options, 'an object or undefined');
    return DEFAULTS;
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
  const list = (name: string, must: string): readonly string[] | undefined => {
    const got = read(options, name);
    if ('thrown' in got) bad(name, undefined, 'readable');
    else if (got.value !== undefined) {
      const copy = stringList(got.value);
      if (copy !== undefined) return Object.freeze(copy);
      bad(name, got.value, must);
    }
    return undefined;
  };
  const maxLimit = whole('maxLimit', DEFAULT_MAX_LIMIT, Number.MAX_SAFE_INTEGER);
  const defaultLimit = whole('defaultLimit', maxLimit, maxLimit);
  const sorters = list('sorters', 'a list of field names');

  let limits: ParseLimits | undefined;
  const limitsRead = read(options, 'limits');
  if ('thrown' in limitsRead) bad('limits', undefined, 'readable');
  else if (limitsRead.value !== undefined) {
    // `parse`'s own rule for its limits, so a limit accepted here is never refused per request.
    const checked = readParseOptions({ limits: ownCopy(limitsRead.value) });
    if ('code' in checked) invalid(`The option \`limits\` is not valid: ${checked.message}`);
    else limits = checked;
  }

  let unknownParameters: 'ignore' | 'reject' = 'ignore';
  const policy = read(options, 'unknownParameters');
  if ('thrown' in policy) bad('unknownParameters', undefined, 'readable');
  else if (policy.value !== undefined) {
    if (POLICIES.includes(policy.value)) unknownParameters = policy.value as 'ignore' | 'reject';
    else bad('unknownParameters', policy.value, "`'ignore'`, `'reject'` or left out");
  }
  const others = list('otherParameters', 'a list of parameter names');
  const otherParameters = others === undefined ? DEFAULTS.otherParameters : new Set(others);
  return { maxLimit, defaultLimit, sorters, limits, unknownParameters, otherParameters };
}

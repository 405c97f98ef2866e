import { type Diagnostic, error } from '../diagnostic/index.js';
import { DEFAULT_LIMITS, MAX_LIMITS, type ParseLimits } from './limits.js';

const LIMIT_KEYS = Object.keys(DEFAULT_LIMITS) as (keyof ParseLimits)[];

/**
 * Reads the options of `parse` as untrusted input: anything other than what {@link ParseOptions}
 * describes (a limit that is not an integer from 1 to its {@link MAX_LIMITS} value, NaN, a string,
 * an unknown limit, options that are not an object, a getter that throws...) gives one
 * `invalid-option` diagnostic naming the option, never an exception and never a silent default.
 * Returns the limits to use, or that diagnostic.
 */
export function readParseOptions(options: unknown): ParseLimits | Diagnostic {
  if (options === undefined) return DEFAULT_LIMITS;
  if (typeof options !== 'object' || options === null) {
    return invalid(`The options of parse must be an object; got ${describe(options)}`);
  }
  const limits = read(options, 'limits');
  if (!limits.ok) return invalid(`Reading option \`limits\` failed: ${limits.reason}`);
  if (limits.value === undefined) return DEFAULT_LIMITS;
  if (typeof limits.value !== 'object' || limits.value === null) {
    return invalid(`Option \`limits\` must be an object; got ${describe(limits.value)}`);
  }
  const given = limits.value;
  let keys: string[];
  try {
    keys = Object.keys(given);
  } catch (cause) {
    return invalid(`Reading option \`limits\` failed: ${reasonOf(cause)}`);
  }
  const unknown = keys.find((key) => !(LIMIT_KEYS as string[]).includes(key));
  if (unknown !== undefined) {
    return invalid(`Unknown limit ${JSON.stringify(unknown)}: the limits are ${LIMIT_KEYS.join(', ')}`);
  }
  const resolved = { ...DEFAULT_LIMITS };
  for (const key of LIMIT_KEYS) {
    const value = read(given, key);
    if (!value.ok) return invalid(`Reading option \`limits.${key}\` failed: ${value.reason}`);
    if (value.value === undefined) continue;
    const max = MAX_LIMITS[key];
    if (
      typeof value.value !== 'number' ||
      !Number.isInteger(value.value) ||
      value.value < 1 ||
      value.value > max
    ) {
      return invalid(
        `Option \`limits.${key}\` must be an integer from 1 to ${max}; got ${describe(value.value)}`,
      );
    }
    resolved[key] = value.value;
  }
  return resolved;
}

type Read = { readonly ok: true; readonly value: unknown } | { readonly ok: false; readonly reason: string };

/** One property, read so that a throwing getter or proxy becomes an answer. */
function read(object: object, key: string): Read {
  try {
    return { ok: true, value: (object as Record<string, unknown>)[key] };
  } catch (cause) {
    return { ok: false, reason: reasonOf(cause) };
  }
}

function reasonOf(cause: unknown): string {
  try {
    return cause instanceof Error ? cause.message : String(cause);
  } catch {
    return 'an exception';
  }
}

/** A short, safe description of a value for a message. */
function describe(value: unknown): string {
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint')
    return String(value);
  if (typeof value === 'string') return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return `a value of type ${typeof value}`;
}

function invalid(message: string): Diagnostic {
  return error('invalid-option', message, { start: 0, end: 0 });
}

import { quote, showValue } from '../diagnostic/index.js';
import { clearBestMatch } from '../schema/suggest.js';

/**
 * Reading a caller's options object once, as untrusted data: own properties only (a polluted
 * `Object.prototype` adds nothing), each read once inside a `try` (a getter or proxy trap that
 * throws is a problem named after its option), lists and maps copied. What comes out is plain
 * data the checks and the handler can read any number of times.
 */

/** What reading found wrong: one sentence per option, each naming it. */
export type Problems = string[];

/** Options that could not be read: `name` threw when read. */
export function unreadable(name: string): string {
  return `The option ${quote(name)} could not be read (its getter or proxy threw).`;
}

/**
 * The own properties of `given` named in `known` (absent ones left out), or the problems: not an
 * object, a key that is no option (with "did you mean"), a property that throws when read.
 */
export function readOwnOptions(
  given: unknown,
  known: readonly string[],
  problems: Problems,
): Record<string, unknown> {
  const values: Record<string, unknown> = Object.create(null);
  if (given === undefined) return values;
  if (typeof given !== 'object' || given === null || Array.isArray(given)) {
    problems.push(`The options must be an object or left out; they are ${showValue(given)}.`);
    return values;
  }
  let keys: string[];
  try {
    keys = Object.keys(given);
  } catch {
    problems.push('The options could not be read (a proxy trap threw).');
    return values;
  }
  for (const key of keys) {
    if (known.includes(key)) continue;
    const near = clearBestMatch(key, known);
    const hint = near === undefined ? '' : `; did you mean ${quote(near)}?`;
    problems.push(
      `Unknown option ${quote(key)}${hint || '.'}${hint ? '' : ` Options: ${known.join(', ')}.`}`,
    );
  }
  for (const key of known) {
    try {
      if (Object.hasOwn(given, key)) {
        const value = (given as Record<string, unknown>)[key];
        if (value !== undefined) values[key] = value;
      }
    } catch {
      problems.push(unreadable(key));
    }
  }
  return values;
}

/** A copy of a plain object's own enumerable entries, or undefined when it is none or throws. */
export function ownEntries(value: unknown): [string, unknown][] | undefined {
  try {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
    return Object.keys(value).map((key) => [key, (value as Record<string, unknown>)[key]]);
  } catch {
    return undefined;
  }
}

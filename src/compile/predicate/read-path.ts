/** Reads the value at a property path of a record; undefined when any step is missing. */
export type PathReader = (record: unknown) => unknown;

const own = Object.prototype.hasOwnProperty;

/**
 * Builds a reader for a multi-step `path` that looks at own properties only: a record's
 * prototype chain is never consulted, so `__proto__`, `constructor` or `toString` are missing
 * unless the record itself holds them. A step through anything but a non-null object is missing.
 */
export function pathReader(path: readonly string[]): PathReader {
  const keys = path.slice();
  return (record) => {
    let current: unknown = record;
    for (const key of keys) {
      if (typeof current !== 'object' || current === null || !own.call(current, key)) return undefined;
      current = (current as Record<string, unknown>)[key];
    }
    return current;
  };
}

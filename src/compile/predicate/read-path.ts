/** Reads the value at a property path of a record; undefined when any step is missing. */
export type PathReader = (record: unknown) => unknown;

// Captured once, and called rather than looked up on the record (which may shadow it).
// `hasOwnProperty.call` is measurably faster than `Object.hasOwn` in V8's hot loops.
const ownPropertyCheck = Object.prototype.hasOwnProperty;

/** Whether `value` is a non-null object holding `key` as an own property. */
export function hasOwn(value: unknown, key: string): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && ownPropertyCheck.call(value, key);
}

/**
 * Builds a reader for `path` that looks at own properties only: a record's prototype chain is
 * never consulted, so `__proto__`, `constructor` or `toString` are missing unless the record
 * itself holds them. A step through anything but a non-null object is missing.
 */
export function pathReader(path: readonly string[]): PathReader {
  if (path.length === 1) {
    const key = path[0]!;
    return (record) => (hasOwn(record, key) ? record[key] : undefined);
  }
  const keys = path.slice();
  return (record) => {
    let current: unknown = record;
    for (const key of keys) {
      if (!hasOwn(current, key)) return undefined;
      current = current[key];
    }
    return current;
  };
}

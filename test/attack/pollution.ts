/**
 * Temporary prototype pollution for the attack: `Object.prototype` and `Array.prototype` get the
 * values that would make the filter match, as data or as getters, and lose them again whatever
 * happens. Keys `Object.prototype` already has (`constructor`, `toString`…) are left alone: the
 * predicate must not read them from a record's prototype either, which the records test.
 */
import type { Filter, Literal } from './oracle.js';

export const POLLUTIONS = ['none', 'data', 'getters', 'throwing-getters', 'arrays', 'shared-class'] as const;

/**
 * One class for many records (the `shared-class` shape): an optimisation that learns from a
 * record's shape sees it again and again, and the `shared-class` pollution puts getters on its
 * prototype after the predicate has seen its instances.
 */
export class SharedRow {}
export type Pollution = (typeof POLLUTIONS)[number];

function rawLiteral(literal: Literal): unknown {
  switch (literal.type) {
    case 'string':
    case 'boolean':
      return literal.value;
    case 'number':
      return Number(literal.text);
    default:
      return literal.text;
  }
}

/** For each key on a filter's paths, the value that would satisfy it (an object for inner keys). */
function baits(filter: Filter, found = new Map<string, unknown>()): Map<string, unknown> {
  switch (filter.kind) {
    case 'not':
      return baits(filter.operand, found);
    case 'and':
    case 'or':
      for (const operand of filter.operands) baits(operand, found);
      return found;
    default: {
      const { path } = filter.field;
      for (const segment of path.slice(0, -1)) if (!found.has(segment)) found.set(segment, {});
      const leaf = filter.kind === 'compare' ? rawLiteral(filter.values[0] as Literal) : 'present';
      const last = path[path.length - 1] as string;
      found.set(last, filter.field.collection ? [leaf] : leaf);
      return found;
    }
  }
}

function bait(target: object, key: string | number, value: unknown, pollution: Pollution): void {
  const descriptor: PropertyDescriptor =
    pollution === 'getters'
      ? { get: () => value }
      : pollution === 'throwing-getters'
        ? {
            get: () => {
              throw new Error('polluted getter');
            },
          }
        : { value, writable: true };
  Object.defineProperty(target, key, { configurable: true, enumerable: false, ...descriptor });
}

/** Runs `body` with the prototypes polluted for `filter`, and restores them even when it throws. */
export function withPollution<T>(filter: Filter, pollution: Pollution, body: () => T): T {
  if (pollution === 'none') return body();
  const added: [object, string | number][] = [];
  // Array.prototype is itself an array: an index put on it grows its length, which must come back too.
  const arrayLength = Array.prototype.length;
  try {
    for (const [key, value] of pollution === 'shared-class' ? [] : baits(filter)) {
      if (key in Object.prototype) continue;
      bait(Object.prototype, key, value, pollution === 'arrays' ? 'data' : pollution);
      added.push([Object.prototype, key]);
    }
    if (pollution === 'shared-class') {
      for (const [key, value] of baits(filter)) {
        if (Object.hasOwn(SharedRow.prototype, key)) continue;
        bait(SharedRow.prototype, key, value, 'getters');
        added.push([SharedRow.prototype, key]);
      }
    }
    if (pollution === 'arrays') {
      for (const [index, value] of [...baits(filter).values()].entries()) {
        bait(Array.prototype, index, Array.isArray(value) ? value[0] : value, 'data');
        added.push([Array.prototype, index]);
      }
    }
    return body();
  } finally {
    for (const [target, key] of added) delete (target as Record<string | number, unknown>)[key];
    Array.prototype.length = arrayLength;
  }
}

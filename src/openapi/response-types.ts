import type { FieldType } from '../schema/types.js';
import { type JsonObject, own, type RefResolver } from './document.js';

/** What the 200 response says about one filter field. */
export interface FoundProperty {
  readonly type: FieldType;
  /** The property path in a record when it differs from the field name (`startTime` for `start_time`). */
  readonly path: string;
  /** True when the value, or an object on the way to it, is an array. */
  readonly collection: boolean;
  /** String enum values the response declares. */
  readonly enum?: readonly string[];
  readonly description?: string;
}

/**
 * How deep `anyOf`/`oneOf` nesting is followed (through `$ref`s too); real documents nest a few
 * levels. Every walk is memoised per schema object, so this bounds the call stack, not the work.
 */
const MAX_VARIANT_DEPTH = 32;

function isAsciiAlphanumeric(char: string | undefined): boolean {
  return (
    char !== undefined &&
    ((char >= 'a' && char <= 'z') || (char >= 'A' && char <= 'Z') || (char >= '0' && char <= '9'))
  );
}

/**
 * `start_time` → `startTime`: each run of underscores before a letter or digit goes, and that
 * character is upper-cased. One pass (the pattern `_+([A-Za-z0-9])` rescans a long run of
 * underscores from each of them: quadratic).
 */
function snakeToCamel(name: string): string {
  let out = '';
  let i = 0;
  while (i < name.length) {
    if (name[i] !== '_') {
      out += name[i];
      i++;
      continue;
    }
    let end = i;
    while (name[end] === '_') end++;
    const next = name[end];
    if (isAsciiAlphanumeric(next)) {
      out += next!.toUpperCase();
      i = end + 1;
    } else {
      out += name.slice(i, end);
      i = end;
    }
  }
  return out;
}

/** The schema's type words (`type: [string, null]` in OpenAPI 3.1), without `null`. */
function typeWords(schema: JsonObject): string[] {
  const type = own(schema, 'type');
  const words = Array.isArray(type) ? type : type === undefined ? [] : [type];
  return words.filter((w): w is string => typeof w === 'string' && w !== 'null');
}

/** Appends the members of `items` not yet in `into` (identity), keeping first-seen order. */
function addDistinct(into: unknown[], seen: Set<unknown>, items: readonly unknown[]): void {
  for (const item of items) {
    if (seen.has(item)) continue;
    seen.add(item);
    into.push(item);
  }
}

type View = ReturnType<SchemaReader['view']>;

/**
 * Reads JSON Schemas of one document: finds properties through `$ref`, `allOf` (merged),
 * `anyOf`/`oneOf` (a property every variant agrees on) and arrays (their items).
 *
 * Every walk is memoised per schema object (and property name), with cycle detection: a document
 * whose schemas refer to themselves many times over (`A: { anyOf: [$ref A, $ref A, $ref A] }`)
 * costs time linear in its size, not exponential, and no walk recurses deeper than
 * {@link MAX_VARIANT_DEPTH}.
 */
export class SchemaReader {
  private readonly partsMemo = new WeakMap<JsonObject, readonly JsonObject[]>();
  private readonly propertyMemo = new WeakMap<JsonObject, Map<string, readonly unknown[]>>();
  /** (schema, property) pairs being computed: a variant that loops back contributes nothing. */
  private readonly inProgress = new WeakMap<JsonObject, Set<string>>();
  private readonly viewMemo = new WeakMap<JsonObject, View>();

  constructor(private readonly refs: RefResolver) {}

  /**
   * The object schemas `schema` stands for, flattened: itself and its `allOf` parts, transitively,
   * each once (a cycle of `allOf`s ends where it loops). Iterative, so any nesting is fine.
   */
  private parts(schema: unknown, pointer: string): readonly JsonObject[] {
    const root = this.refs.object(schema, pointer);
    if (!root) return [];
    const cached = this.partsMemo.get(root.value);
    if (cached) return cached;
    const result: JsonObject[] = [];
    const seen = new Set<JsonObject>();
    const stack: { value: JsonObject; pointer: string }[] = [root];
    while (stack.length > 0) {
      const found = stack.pop()!;
      if (seen.has(found.value)) continue;
      seen.add(found.value);
      result.push(found.value);
      const allOf = own(found.value, 'allOf');
      if (!Array.isArray(allOf)) continue;
      // Pushed in reverse, so the parts come out in document order (depth first).
      for (let i = allOf.length - 1; i >= 0; i--) {
        const part = this.refs.object(allOf[i], `${found.pointer}/allOf/${i}`);
        if (part && !seen.has(part.value)) stack.push(part);
      }
    }
    this.partsMemo.set(root.value, result);
    return result;
  }

  /** The schemas of property `name` in `schema`, one per `anyOf`/`oneOf` variant it could come from. */
  private property(schema: unknown, name: string, pointer: string, depth: number): readonly unknown[] {
    const root = this.refs.object(schema, pointer);
    if (!root) return [];
    let memo = this.propertyMemo.get(root.value);
    const cached = memo?.get(name);
    if (cached) return cached;
    let active = this.inProgress.get(root.value);
    // A variant that loops back to a schema still being read adds nothing (least fixed point).
    if (active?.has(name) || depth > MAX_VARIANT_DEPTH) return [];
    if (!active) {
      active = new Set();
      this.inProgress.set(root.value, active);
    }
    active.add(name);
    const results: unknown[] = [];
    const seen = new Set<unknown>();
    for (const part of this.parts(root.value, root.pointer)) {
      const properties = own(part, 'properties');
      if (properties && typeof properties === 'object' && Object.hasOwn(properties, name)) {
        addDistinct(results, seen, [(properties as JsonObject)[name]]);
      }
      for (const key of ['anyOf', 'oneOf']) {
        const variants = own(part, key);
        if (!Array.isArray(variants)) continue;
        const found: (readonly unknown[])[] = [];
        for (let i = 0; i < variants.length; i++) {
          const one = this.property(variants[i], name, `${root.pointer}/${key}/${i}`, depth + 1);
          // Only a property that every variant has is known to be there.
          if (one.length === 0) break;
          found.push(one);
        }
        if (found.length === variants.length) for (const one of found) addDistinct(results, seen, one);
      }
    }
    active.delete(name);
    // Kept even when the depth bound cut a variant short: an answer with fewer properties only
    // makes a field `unknown`, and recomputing it per path would be exponential again.
    if (!memo) {
      memo = new Map();
      this.propertyMemo.set(root.value, memo);
    }
    memo.set(name, results);
    return results;
  }

  /** The merged view of a value schema: its type words, format, enum, items and description. */
  private describe(schema: unknown, pointer: string): View {
    const root = this.refs.object(schema, pointer);
    if (!root) return this.view([]);
    const cached = this.viewMemo.get(root.value);
    if (cached) return { ...cached, types: new Set(cached.types) };
    const made = this.view(this.parts(root.value, root.pointer));
    this.viewMemo.set(root.value, made);
    return { ...made, types: new Set(made.types) };
  }

  private view(parts: readonly JsonObject[]) {
    const types = new Set<string>();
    let format: unknown;
    let values: unknown;
    let items: unknown;
    let description: unknown;
    for (const part of parts) {
      for (const word of typeWords(part)) types.add(word);
      format ??= own(part, 'format');
      values ??= own(part, 'enum');
      items ??= own(part, 'items');
      description ??= own(part, 'description');
    }
    if (types.size === 0 && parts.some((p) => own(p, 'properties') !== undefined)) types.add('object');
    return { types, format, values, items, description };
  }

  /** Reduces a value schema to a field type (arrays to their items' type). */
  private typeOf(
    schema: unknown,
    pointer: string,
  ): { type: FieldType; collection: boolean; enum?: string[]; description?: string } {
    let view = this.describe(schema, pointer);
    let collection = false;
    if (view.types.size === 1 && view.types.has('array') && view.items !== undefined) {
      const description = view.description;
      collection = true;
      view = this.describe(view.items, `${pointer}/items`);
      view.description ??= description;
    }
    const description = typeof view.description === 'string' ? { description: view.description } : {};
    if (view.types.size !== 1) return { type: 'unknown', collection, ...description };
    const [word] = view.types;
    const strings =
      Array.isArray(view.values) && view.values.length > 0
        ? view.values.filter((v): v is string => typeof v === 'string')
        : [];
    switch (word) {
      case 'string':
        if (view.format === 'date-time' || view.format === 'date')
          return { type: 'date-time', collection, ...description };
        return {
          type: 'string',
          collection,
          ...(strings.length > 0 ? { enum: strings } : {}),
          ...description,
        };
      case 'integer':
      case 'number':
      case 'boolean':
        return { type: word, collection, ...description };
      default:
        return { type: 'unknown', collection, ...description };
    }
  }

  /**
   * Finds a filter field in a response item schema: each dotted segment by its exact name, else
   * its camelCase form (`start_time` → `startTime`), stepping into arrays' items. Undefined when
   * a segment is missing or the variants disagree.
   */
  find(itemSchema: unknown, field: string, pointer: string): FoundProperty | undefined {
    let candidates: readonly unknown[] = [itemSchema];
    const path: string[] = [];
    let collection = false;
    for (const segment of field.split('.')) {
      let next: unknown[] = [];
      let used = segment;
      for (const name of segment === snakeToCamel(segment) ? [segment] : [segment, snakeToCamel(segment)]) {
        const gathered: unknown[] = [];
        const seen = new Set<unknown>();
        for (const c of candidates) {
          addDistinct(
            gathered,
            seen,
            this.stepInto(c, name, pointer, () => (collection = true)),
          );
        }
        next = gathered;
        used = name;
        if (next.length > 0) break;
      }
      if (next.length === 0) return undefined;
      path.push(used);
      candidates = next;
    }
    const typed = candidates.map((c) => this.typeOf(c, pointer));
    const first = typed[0]!;
    const agreed = typed.every((t) => t.type === first.type && t.collection === first.collection);
    return {
      type: agreed ? first.type : 'unknown',
      path: path.join('.'),
      collection: collection || (agreed && first.collection),
      ...(agreed && first.enum ? { enum: first.enum } : {}),
      ...(first.description !== undefined ? { description: first.description } : {}),
    };
  }

  /** The schemas of property `name` of `schema`, looking through arrays (and noting that it did). */
  private stepInto(schema: unknown, name: string, pointer: string, sawArray: () => void): readonly unknown[] {
    const view = this.describe(schema, pointer);
    if (view.types.size === 1 && view.types.has('array') && view.items !== undefined) {
      sawArray();
      return this.property(view.items, name, `${pointer}/items`, 0);
    }
    return this.property(schema, name, pointer, 0);
  }
}

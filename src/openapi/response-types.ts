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

/** How deep `allOf`/`anyOf`/`oneOf` nesting is followed; real documents nest a few levels. */
const MAX_COMBINATOR_DEPTH = 16;

/** `start_time` → `startTime`. */
export function snakeToCamel(name: string): string {
  return name.replace(/_+([A-Za-z0-9])/g, (_, c: string) => c.toUpperCase());
}

/** The schema's type words (`type: [string, null]` in OpenAPI 3.1), without `null`. */
function typeWords(schema: JsonObject): string[] {
  const type = own(schema, 'type');
  const words = Array.isArray(type) ? type : type === undefined ? [] : [type];
  return words.filter((w): w is string => typeof w === 'string' && w !== 'null');
}

/**
 * Reads JSON Schemas of one document: finds properties through `$ref`, `allOf` (merged),
 * `anyOf`/`oneOf` (a property every variant agrees on) and arrays (their items).
 */
export class SchemaReader {
  constructor(private readonly refs: RefResolver) {}

  /** The object schemas `schema` stands for, flattened: itself and its `allOf` parts. */
  private parts(schema: unknown, pointer: string, depth: number): JsonObject[] {
    const found = this.refs.object(schema, pointer);
    if (!found || depth > MAX_COMBINATOR_DEPTH) return [];
    const result = [found.value];
    const allOf = own(found.value, 'allOf');
    if (Array.isArray(allOf)) {
      allOf.forEach((part, i) => {
        result.push(...this.parts(part, `${found.pointer}/allOf/${i}`, depth + 1));
      });
    }
    return result;
  }

  /** The schemas of property `name` in `schema`, one per `anyOf`/`oneOf` variant it could come from. */
  private property(schema: unknown, name: string, pointer: string, depth: number): unknown[] {
    const results: unknown[] = [];
    for (const part of this.parts(schema, pointer, depth)) {
      const properties = own(part, 'properties');
      if (properties && typeof properties === 'object' && Object.hasOwn(properties, name)) {
        results.push((properties as JsonObject)[name]);
      }
      for (const key of ['anyOf', 'oneOf']) {
        const variants = own(part, key);
        if (!Array.isArray(variants) || depth > MAX_COMBINATOR_DEPTH) continue;
        const found = variants.map((v, i) => this.property(v, name, `${pointer}/${key}/${i}`, depth + 1));
        // Only a property that every variant has is known to be there.
        if (found.every((f) => f.length > 0)) results.push(...found.flat());
      }
    }
    return results;
  }

  /** The merged view of a value schema: its type words, format, enum, items and description. */
  private describe(schema: unknown, pointer: string) {
    const parts = this.parts(schema, pointer, 0);
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
    let candidates: unknown[] = [itemSchema];
    const path: string[] = [];
    let collection = false;
    for (const segment of field.split('.')) {
      let next: unknown[] = [];
      let used = segment;
      for (const name of segment === snakeToCamel(segment) ? [segment] : [segment, snakeToCamel(segment)]) {
        next = candidates.flatMap((c) => this.stepInto(c, name, pointer, () => (collection = true)));
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
  private stepInto(schema: unknown, name: string, pointer: string, sawArray: () => void): unknown[] {
    const view = this.describe(schema, pointer);
    if (view.types.size === 1 && view.types.has('array') && view.items !== undefined) {
      sawArray();
      return this.property(view.items, name, `${pointer}/items`, 0);
    }
    return this.property(schema, name, pointer, 0);
  }
}

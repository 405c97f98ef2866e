import type { PrimitiveOperator } from '../ast/index.js';
import { parseDateTime } from '../language/date-time/rfc3339.js';
import { operatorMeaning, takesEnumMembers } from '../language/operators.js';
import { quoteString } from '../language/quoting.js';
import type { FieldSchema, Schema } from '../schema/types.js';
import { operatorTypeProblem } from '../validate/field-rules.js';
import type { CompletionOption } from './types.js';

/** The declaration of `name`, looked up as an own property only (`__proto__` is no field). */
export function fieldOf(schema: Schema, name: string | undefined): FieldSchema | undefined {
  return name !== undefined && Object.hasOwn(schema.fields, name) ? schema.fields[name] : undefined;
}

function fieldDetail(field: FieldSchema): string {
  const type = field.collection ? `${field.type} collection` : field.type;
  return `${type}: ${field.operators.join(' ')}`;
}

/**
 * The operators of `field` a filter can use: those the schema allows, less those no value of the
 * field's type can satisfy (`sw` on a date-time, `ca` on a single value), which would only lead
 * to a `type-mismatch`.
 */
export function usableOperators(field: FieldSchema): PrimitiveOperator[] {
  return field.operators.filter((operator) => operatorTypeProblem(field, operator) === undefined);
}

/** The schema's fields, in its order; with `operator`, only those that allow it. Fields no filter can use are left out. */
export function fieldOptions(schema: Schema, operator?: PrimitiveOperator): CompletionOption[] {
  const options: CompletionOption[] = [];
  for (const [name, field] of Object.entries(schema.fields)) {
    const usable = usableOperators(field);
    if (usable.length === 0) continue;
    if (operator !== undefined && !usable.includes(operator)) continue;
    options.push({ label: name, kind: 'field', detail: fieldDetail(field) });
  }
  return options;
}

/** The operators a field allows (and a value can satisfy), in the schema's order. */
export function operatorOptions(field: FieldSchema): CompletionOption[] {
  return usableOperators(field).map((operator) => ({
    label: operator,
    kind: 'operator',
    detail: operatorMeaning(operator) ?? operator,
  }));
}

/** The RFC 3339 shape a date-time template fills in after what was typed. */
const DATE_TIME_SHAPE = '0000-00-00T00:00:00Z';
const DATE_TIME_FILL = '2000-01-01T00:00:00Z';

/** The first and last whole seconds RFC 3339 can write: 0000-01-01T00:00:00Z and 9999-12-31T23:59:59Z. */
const FIRST_INSTANT = -62_167_219_200_000;
const LAST_INSTANT = 253_402_300_799_000;

/**
 * A date-time for `typed`: `now` (UTC, whole seconds) when nothing is typed, else what was typed
 * completed from `2000-01-01T00:00:00Z` (`2022-02` gives `2022-02-01T00:00:00Z`); undefined when
 * the typed text does not start a date-time or the completion is no real instant. A `now` outside
 * the years RFC 3339 writes (0000 to 9999) is clamped to the nearest instant it can write, and an
 * invalid one reads as 1970-01-01T00:00:00Z.
 */
export function dateTimeTemplate(typed: string, now: Date): string | undefined {
  if (typed === '') {
    const time = now.getTime();
    const clamped = Number.isNaN(time) ? 0 : Math.min(Math.max(time, FIRST_INSTANT), LAST_INSTANT);
    return `${new Date(clamped).toISOString().slice(0, 19)}Z`;
  }
  if (parseDateTime(typed)) return typed;
  if (typed.length >= DATE_TIME_SHAPE.length) return undefined;
  for (let i = 0; i < typed.length; i++) {
    const code = typed.charCodeAt(i);
    const digit = code >= 48 && code <= 57;
    const shape = DATE_TIME_SHAPE[i]!;
    if (shape === '0' ? !digit : typed[i]!.toUpperCase() !== shape) return undefined;
  }
  const filled = typed + DATE_TIME_FILL.slice(typed.length);
  return parseDateTime(filled) ? filled : undefined;
}

/** Whether a string field's values must come from its enum for this operator (not `co`, `sw`, orderings). */
export function enumBinds(field: FieldSchema, operator: string | undefined): boolean {
  return (
    field.type === 'string' &&
    field.enum !== undefined &&
    operator !== undefined &&
    takesEnumMembers(operator)
  );
}

/**
 * The values to offer for `field` after `operator`: its enum values as quoted strings, `true` and
 * `false` for a boolean, a date-time template, `""` for free text. Numbers and fields of unknown
 * type get none: no value can be guessed.
 */
export function valueOptions(
  field: FieldSchema,
  operator: string | undefined,
  typed: string,
  now: Date,
): CompletionOption[] {
  const kind = 'value';
  switch (field.type) {
    case 'string': {
      if (field.enum) {
        const values = field.enum.map(
          (value): CompletionOption => ({ label: quoteString(value), kind, detail: 'enum value' }),
        );
        // `co`, `sw` and orderings compare with any text, not only the enum's values.
        return enumBinds(field, operator) ? values : [...values, { label: '""', kind, detail: 'a string' }];
      }
      return [{ label: '""', kind, detail: 'a string' }];
    }
    case 'boolean':
      return [
        { label: 'true', kind, detail: 'boolean' },
        { label: 'false', kind, detail: 'boolean' },
      ];
    case 'date-time': {
      const template = dateTimeTemplate(typed, now);
      return template === undefined
        ? []
        : [{ label: template, kind, detail: typed === '' ? 'date-time (now, UTC)' : 'date-time' }];
    }
    default:
      return [];
  }
}

/**
 * Every diagnostic code that loading or checking a schema can report (`loadSchema`,
 * `checkSchema`, `defineSchema`), with what it means. Codes are stable.
 */
export const SCHEMA_CODES = {
  'invalid-json': 'The schema text is not JSON.',
  'invalid-schema': 'The schema is not a JSON object.',
  'invalid-fields': '`fields` is missing or not an object.',
  'unknown-property': 'A key that is not part of the format (keys starting with `$` or `x-` are allowed).',
  'invalid-field-name': 'A field name that is not a dotted path, or is a reserved word.',
  'invalid-field': 'A field declaration that is not an object.',
  'missing-type': 'A field without `type`.',
  'unknown-type': 'A `type` that is not string, number, integer, boolean, date-time or unknown.',
  'invalid-operators': '`operators` is missing or not a list.',
  'unknown-operator': 'A word in `operators` that is not an operator.',
  'ca-requires-collection': '`ca` on a field without `"collection": true`.',
  'invalid-enum': '`enum` is not a non-empty list of strings.',
  'enum-requires-string': '`enum` on a field that is not a string field.',
  'closed-requires-enum': '`closed` on a field that is not a single string field with an `enum`.',
  'storage-requires-date-time':
    '`storage` on a field that is not a single date-time field (a collection or another type).',
  'invalid-property': 'A property of the wrong kind (`collection` not boolean, a `path` that is no path...).',
  'invalid-composite': '`composite` is not a list.',
  'unknown-composite-operator': 'A word in `composite` that is not and, or or not.',
  'invalid-sorters': '`sorters` is not a list of dotted paths.',
  'unreadable-schema': 'The schema object could not be read (a throwing getter); JSON data never gets here.',
  'duplicate-operator': 'Warning: an operator listed twice.',
  'duplicate-enum-value':
    'Warning: an enum value listed twice (compared as the field’s case sensitivity says).',
  'duplicate-sorter': 'Warning: a sortable field listed twice.',
  'no-operators': 'Warning: a field that allows no operator, so no filter can use it.',
  'operator-not-applicable':
    'Warning: a text operator (such as `co`) on a non-string field, or ordering on a boolean: no valid value can use it.',
} as const;

/** A schema diagnostic code. */
export type SchemaCode = keyof typeof SCHEMA_CODES;

/**
 * Every diagnostic code `importOpenApi` can report, with what it means (plus the schema codes,
 * for a generated schema with warnings). Codes are stable.
 */
export const OPENAPI_CODES = {
  'invalid-document': 'The document is not JSON or YAML, not an object, or has no `paths`.',
  'unreadable-document':
    'The document object could not be read (a throwing getter); parsed text never gets here.',
  'unresolved-ref': 'Warning: a `$ref` that is external, dangling, or not a string.',
  'ref-cycle': 'Warning: a `$ref` chain that loops back on itself.',
  'no-filter-declaration':
    'Warning: a `filters` parameter that declares no fields; the endpoint gets an empty whitelist.',
  'unknown-operator': 'Warning: a declared word that is not an operator; it is dropped.',
  'untyped-field': 'Warning: no type found in the 200 response; the field is `unknown` (whitelist only).',
  'duplicate-field': 'Warning: a field declared twice; the operators are merged.',
  'enum-on-non-string': 'Warning: possible values declared for a non-string property; they are dropped.',
} as const;

/** An OpenAPI import diagnostic code. */
export type OpenApiCode = keyof typeof OPENAPI_CODES;

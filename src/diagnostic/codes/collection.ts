/**
 * Every diagnostic code `parseCollectionQuery` adds to those of the parser and the validator
 * (which it reports for `filters`), with what it means. Codes are stable.
 */
export const COLLECTION_CODES = {
  'invalid-limit': '`limit` is not digits only, or is above the maximum (250 by default).',
  'invalid-offset': '`offset` is not digits only (0 or more).',
  'invalid-count': '`count` is not exactly `true` or `false`.',
  'invalid-sorters': 'A `sorters` item that is empty, has spaces, a `+` prefix, or is not a field path.',
  'unknown-sorter': 'A `sorters` field that is not sortable on this endpoint; with "did you mean".',
  'duplicate-sorter': 'A field named twice in `sorters`.',
  'sorting-not-supported': '`sorters` on an endpoint that declares no sortable fields.',
  'repeated-parameter': 'A standard parameter given more than once.',
  'malformed-encoding':
    'A `%` in a standard parameter that starts no valid escape, or escapes that are not UTF-8.',
  'unencoded-plus':
    'A `+` of a time offset sent unencoded, so it arrived as a space (outside quoted strings only); fix: send it as `%2B`.',
  'invalid-query':
    'The query is not a query string, URLSearchParams or a parsed query object (or a standard parameter in it is not text).',
  'invalid-option':
    'An option of `parseCollectionQuery` that is not valid (`maxLimit: NaN`); its default is used.',
  'misspelled-parameter':
    'A parameter one slip from a standard name (`filter`, `Limit`, `count `, `filters[]`); refused rather than ignored.',
  'unknown-parameter':
    "A parameter that is not standard: a warning when close to a standard name (it is ignored), an error for any with `unknownParameters: 'reject'`.",
} as const;

/** A collection parameter diagnostic code. */
export type CollectionCode = keyof typeof COLLECTION_CODES;

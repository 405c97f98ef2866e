/**
 * Every diagnostic code the parser can report, with what it means. Codes are stable: a code is
 * never renamed or reused for another meaning, so tools may match on them.
 */
export const SYNTAX_CODES = {
  'empty-filter': 'The filter is empty or only whitespace.',
  'not-a-string': 'The input is not a string.',
  'unterminated-string': 'A string has no closing quote; the span runs from its opening quote.',
  'invalid-escape': 'A backslash sequence other than `\\"` and `\\\\` in a string.',
  'line-break-in-string': 'A raw line break inside a string.',
  'single-quoted-string': "A string in single quotes ('x'); fix: double quotes.",
  'typographic-quotes': 'A string in typographic quotes (“x”); fix: straight double quotes.',
  'operator-case': 'An operator in the wrong case (`EQ`, `And`); fix: lowercase.',
  'boolean-case': 'A boolean in the wrong case (`True`); fix: lowercase.',
  'foreign-operator':
    'An operator spelling from another language (`==`, `!=`, `>=`, `&&`, `||`, `!`, `contains`, `startsWith`, `is null`, `like`...); fix where there is an equivalent.',
  'unknown-operator': 'A word after a field that is no operator.',
  'bareword-value': 'A text value without quotes (`name sw Joe`); fix: quote it.',
  'null-literal': 'A `null` value; fix: `isnull` (for `eq`) or `pr` (for `ne`).',
  'invalid-number': 'A number with an exponent, a leading `+` or another malformed shape.',
  'invalid-date-time': 'A date-time that names no real instant (`2023-02-30`, hour 24...).',
  'malformed-date-time': 'A date-time not in RFC 3339 form (no seconds, no zone...).',
  'invalid-field-name': 'A field name with characters or dots where none may be.',
  'quoted-field': 'A field name in quotes (`"name" eq "x"`); fix: unquote it.',
  'reserved-word-as-field': 'A reserved word (`in`, `and`, `pr`...) used as a field name.',
  'invalid-whitespace': 'A non-breaking or other Unicode space between tokens; fix: a plain space.',
  'unexpected-character': 'Characters that start no token (`#`, `$`, control characters...).',
  'comma-between-comparisons': 'A `,` between comparisons (`a eq 1, b eq 2`); fix: `and`.',
  'filters-prefix': 'The filter starts with `filters=` copied from a URL; fix: drop it.',
  'url-encoded': 'The filter is still URL-encoded (`%22`, `%20`, `+`); fix: the decoded text.',
  'empty-list': 'A list operator with an empty list (`in ()`).',
  'trailing-comma': 'A list that ends with `,`; fix: drop it.',
  'missing-comma': 'Two list values with no `,` between them; fix: add it.',
  'expected-list': 'A list operator (such as `in`) followed by a value without parentheses; fix: add them.',
  'missing-value': 'An operator with no value after it.',
  'expected-value': 'Something other than a value where a value belongs.',
  'missing-operand': 'Nothing after `and`, `or`, `not` or `(`, or nothing before `and`/`or`.',
  'missing-operator': 'A field with no operator after it.',
  'missing-field': '`pr` with no field after it.',
  'expected-field': 'Something other than a field, `not` or `(` where a comparison starts.',
  'missing-connective': 'Two comparisons with no `and`/`or` between them.',
  'unexpected-token': 'Anything else out of place, e.g. a second value after a comparison.',
  'unclosed-parenthesis': 'A `(` that is never closed; the span is the `(`.',
  'unmatched-closing-parenthesis': 'A `)` that closes nothing.',
  'input-too-long': 'The input is longer than `maxLength`.',
  'invalid-option':
    'An option of `parse` is not what it documents: a limit that is no integer from 1 to its maximum, an unknown limit, options that are no object, a getter that throws.',
  'nesting-too-deep': 'Parentheses and `not` nest deeper than `maxDepth`.',
  'too-many-comparisons': 'More predicates than `maxComparisons`.',
  'list-too-long': 'A list with more values than `maxListValues`.',
  'too-many-errors': 'More than `maxErrors` errors; the rest are not reported.',
} as const;

/** A diagnostic code the parser reports. */
export type SyntaxCode = keyof typeof SYNTAX_CODES;

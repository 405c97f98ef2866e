/** Every diagnostic code `validate` can report, with what it means. Codes are stable. */
export const VALIDATION_CODES = {
  'unknown-field':
    'A field the schema does not declare (own properties only); with "did you mean" and the fields.',
  'operator-not-allowed': 'An operator the field does not allow; lists the allowed ones.',
  'composite-not-allowed': 'An `and`, `or` or `not` the schema’s `composite` excludes.',
  'type-mismatch':
    'A value of the wrong type for the field (`"true"` on a boolean, a number on a date-time...), or an operator no value of the field’s type can use (`sw` on a date-time, `ca` on a non-collection).',
  'unknown-enum-value':
    'A value outside the field’s enum, compared as its case sensitivity says; lists the values.',
  'value-out-of-range':
    'A number too large for any field (beyond a double, e.g. 309 digits), or outside the 64-bit range on an integer field.',
  'unsupported-character':
    'Text holding U+0000 or an unpaired surrogate, which no SQL engine stores as text (the compilers refuse it too).',
  'duplicate-value': 'Warning: the same value twice in the list of a list operator (`in ("a", "a")`).',
  'too-many-errors': 'More problems than `maxDiagnostics`; the rest are not reported.',
} as const;

/** A validation diagnostic code. */
export type ValidationCode = keyof typeof VALIDATION_CODES;

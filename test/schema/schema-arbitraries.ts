import fc from 'fast-check';
import { isKeyword, PRIMITIVE_OPERATORS } from '../../src/ast/index.js';
import { FIELD_TYPES, type Schema } from '../../src/schema/index.js';

/** Valid schemas, built from the format's own rules. */
export const validField = fc
  .record({
    type: fc.constantFrom(...FIELD_TYPES),
    operators: fc.uniqueArray(fc.constantFrom(...PRIMITIVE_OPERATORS), { maxLength: 12 }),
    collection: fc.boolean(),
    caseSensitive: fc.option(fc.boolean(), { nil: undefined }),
    enum: fc.option(fc.uniqueArray(fc.stringMatching(/^[A-Z][a-z]{0,6}$/), { minLength: 1, maxLength: 4 }), {
      nil: undefined,
    }),
  })
  .map(({ type, operators, collection, caseSensitive, enum: values }) => ({
    type,
    // `ca` needs a collection field; that is the only cross-property rule that is an error.
    operators: collection ? operators : operators.filter((o) => o !== 'ca'),
    ...(collection ? { collection } : {}),
    ...(caseSensitive !== undefined ? { caseSensitive } : {}),
    ...(values && type === 'string' ? { enum: values } : {}),
  }));

export const validSchema: fc.Arbitrary<Schema> = fc
  .record({
    fields: fc.dictionary(fc.stringMatching(/^[a-z][a-zA-Z_]{0,5}(\.[a-z]{1,4})?$/), validField, {
      maxKeys: 6,
    }),
    composite: fc.option(fc.subarray(['and', 'or', 'not'] as const), { nil: undefined }),
  })
  .filter(({ fields }) => !Object.keys(fields).some(isKeyword))
  .map(({ fields, composite }) => ({ fields, ...(composite ? { composite } : {}) }));

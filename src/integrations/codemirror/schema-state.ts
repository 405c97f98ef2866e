import { type EditorState, StateEffect, StateField } from '@codemirror/state';
import type { Schema } from '../../schema/types.js';

/**
 * The effect that changes the editor's schema:
 * `view.dispatch({ effects: setFilterSchema.of(schema) })`. With `undefined` the editor checks
 * syntax only (no field, operator or value checks; completion offers keywords only).
 */
export const setFilterSchema = StateEffect.define<Schema | undefined>();

/**
 * The state field holding the editor's schema. `v3Filters({ schema })` installs it with that
 * initial value; {@link setFilterSchema} changes it.
 */
export const filterSchemaField: StateField<Schema | undefined> = StateField.define<Schema | undefined>({
  create: () => undefined,
  update(value, transaction) {
    for (const effect of transaction.effects) if (effect.is(setFilterSchema)) value = effect.value;
    return value;
  },
});

/** The schema an editor state checks against (`undefined` without one or without the extension). */
export function filterSchemaOf(state: EditorState): Schema | undefined {
  return state.field(filterSchemaField, false);
}

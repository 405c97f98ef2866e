import type { Completion, CompletionSource } from '@codemirror/autocomplete';
import { complete } from '../../complete/complete.js';
import type { CompletionKind, CompletionOption, CompletionResult } from '../../complete/types.js';
import type { Schema } from '../../schema/types.js';
import { EDITOR_MAX_LENGTH } from './language.js';
import { filterSchemaOf } from './schema-state.js';

/** The signature of the library's `complete` (a replacement may be passed for tests or tuning). */
export type CompleteFunction = (
  text: string,
  offset: number,
  options: { schema: Schema },
) => CompletionResult;

/**
 * CodeMirror's completion `type` for each kind: it picks the icon (`cm-completionIcon-<type>`).
 * Operators and keywords are both words of the language; values are constants.
 */
export const COMPLETION_TYPES: Readonly<Record<CompletionKind, string>> = {
  field: 'property',
  operator: 'keyword',
  value: 'constant',
  keyword: 'keyword',
  punctuation: 'text',
};

const NO_FIELDS: Schema = Object.freeze({ fields: Object.freeze({}) });

/**
 * Maps the option at `rank` in `complete`'s answer (best first). `apply` is kept only when it
 * differs from the label. CodeMirror sorts by how well the typed text matches, then by `boost`
 * (-99 to 99): the boost keeps `complete`'s order among options that match equally well.
 */
export function toCompletion(option: CompletionOption, rank = 0): Completion {
  const completion: Completion = {
    label: option.label,
    type: COMPLETION_TYPES[option.kind],
    boost: Math.max(-99, 99 - rank),
  };
  if (option.detail !== undefined) completion.detail = option.detail;
  if (option.apply !== undefined && option.apply !== option.label) completion.apply = option.apply;
  return completion;
}

/**
 * A CodeMirror completion source answering from `complete` against the editor's schema
 * (without a schema: an endpoint with no fields, so only keywords and punctuation). It answers
 * as the user types, not only on Ctrl-Space: after `status ` the operators `status` allows are
 * what the user wants to see, as in Kibana's query bar. It reads the document up to
 * {@link EDITOR_MAX_LENGTH}, and offers nothing past it.
 */
export function filterCompletionSource(completeFn: CompleteFunction = complete): CompletionSource {
  return (context) => {
    // Past the editor's limit nothing is offered, and no more of a long document is read.
    if (context.pos > EDITOR_MAX_LENGTH) return null;
    const schema = filterSchemaOf(context.state) ?? NO_FIELDS;
    const text = context.state.doc.sliceString(0, EDITOR_MAX_LENGTH);
    const result = completeFn(text, context.pos, { schema });
    if (result.options.length === 0) return null;
    const from = Math.min(Math.max(result.from, 0), context.pos);
    const to = Math.min(Math.max(result.to, context.pos), text.length);
    return { from, to, options: result.options.map((option, rank) => toCompletion(option, rank)) };
  };
}

import type { Schema } from '../schema/types.js';

/** What a completion option inserts: the parts of the language, for an editor's icons and ordering. */
export type CompletionKind = 'field' | 'operator' | 'value' | 'keyword' | 'punctuation';

/**
 * One suggestion. Accepting it replaces `text.slice(result.from, result.to)` with
 * `apply ?? label`.
 */
export interface CompletionOption {
  /** What the user sees, and what is inserted unless `apply` says otherwise. */
  readonly label: string;
  readonly kind: CompletionKind;
  /** A short explanation: a field's type and operators, an operator's meaning, a value's type. */
  readonly detail?: string;
  /** The text inserted in place of the label, when it differs (a separating space, a closing quote). */
  readonly apply?: string;
}

/** The answer of {@link complete}: the range the options replace, and the options, best first. */
export interface CompletionResult {
  /** Start of the replaced range: the start of the word or value being typed, or the cursor. */
  readonly from: number;
  /** End of the replaced range: the end of the word or string the cursor is in, or the cursor. */
  readonly to: number;
  readonly options: readonly CompletionOption[];
}

/** Options of {@link complete}. */
export interface CompleteOptions {
  /** The endpoint's whitelist: which fields, operators, values and connectives to offer. */
  readonly schema: Schema;
  /** The instant the date-time template shows when nothing is typed yet; default: now. */
  readonly now?: Date;
  /**
   * Past this offset no suggestions are made (default 65,536 code units, 16 times the parser's
   * default `maxLength`), so each call stays well under a keystroke's budget on any text.
   */
  readonly maxLength?: number;
}

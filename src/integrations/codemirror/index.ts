/**
 * A CodeMirror 6 language package for the `filters` language (`v3-filters/codemirror`):
 * highlighting from the project's lexer, lint from `parse` and `validate` with fixes as actions,
 * completion from `complete`, and hover over fields and operators, all against a schema that can
 * be changed at any time. Browser-safe; `@codemirror/*`, `@lezer/common` and `@lezer/highlight`
 * are peer dependencies.
 * The guide: [Clients](../../../docs/clients.md).
 *
 * @example
 * import { EditorView, basicSetup } from 'codemirror';
 * import { v3Filters, setFilterSchema } from 'v3-filters/codemirror';
 * import { workflowExecutionsSchema } from 'v3-filters';
 *
 * const view = new EditorView({
 *   doc: 'status eq "Failed"',
 *   extensions: [basicSetup, v3Filters({ schema: workflowExecutionsSchema })],
 *   parent: document.body,
 * });
 * view.dispatch({ effects: setFilterSchema.of(otherSchema) }); // another endpoint
 * @module
 */

import { LanguageSupport, syntaxHighlighting } from '@codemirror/language';
import type { Extension } from '@codemirror/state';
import type { Schema } from '../../schema/types.js';
import { filterCompletionSource } from './completion.js';
import { filterHover } from './hover.js';
import { filtersHighlightStyle, filtersLanguage } from './language.js';
import { type FilterLintOptions, filterLinter } from './lint.js';
import { filterSchemaField } from './schema-state.js';

export {
  COMPLETION_TYPES,
  type CompleteFunction,
  filterCompletionSource,
  toCompletion,
} from './completion.js';
export { describeField, filterHover, hoverAt } from './hover.js';
export {
  EDITOR_MAX_LENGTH,
  type FilterNodeName,
  type FilterToken,
  filtersHighlightStyle,
  filtersLanguage,
  filterTokens,
  NODE_NAMES,
} from './language.js';
export {
  checkFilter,
  type FilterLintOptions,
  filterLinter,
  toEditorDiagnostic,
  tooLongForEditor,
} from './lint.js';
export { filterSchemaField, filterSchemaOf, setFilterSchema } from './schema-state.js';

/** Options of {@link v3Filters}. */
export interface V3FiltersConfig {
  /** The endpoint's schema; change it later with `setFilterSchema`. Without one: syntax only. */
  readonly schema?: Schema;
  /** Lint with `parse` and `validate` (default true); an object passes limits and delay. */
  readonly lint?: boolean | FilterLintOptions;
  /** Offer completions from `complete` through the language's data (default true). */
  readonly completion?: boolean;
  /** Hover tooltips over fields and operators (default true). */
  readonly hover?: boolean;
  /**
   * Add the package's own colours as a fallback highlight style, used only when no theme
   * or other highlighter styles the editor (default true).
   */
  readonly highlight?: boolean;
}

/**
 * The `filters` language with its support: the schema state, lint, completion (through the
 * language's `autocomplete` data, picked up by `autocompletion()` as in `basicSetup`) and hover.
 */
export function v3Filters(config: V3FiltersConfig = {}): LanguageSupport {
  const support: Extension[] = [filterSchemaField.init(() => config.schema)];
  if (config.lint !== false) support.push(filterLinter(config.lint === true ? {} : (config.lint ?? {})));
  if (config.completion !== false) {
    support.push(filtersLanguage.data.of({ autocomplete: filterCompletionSource() }));
  }
  if (config.hover !== false) support.push(filterHover());
  if (config.highlight !== false) support.push(syntaxHighlighting(filtersHighlightStyle, { fallback: true }));
  return new LanguageSupport(filtersLanguage, support);
}

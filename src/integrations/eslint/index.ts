/**
 * `v3-filters/eslint`: an ESLint plugin (flat config, ESLint 9 and 10) that checks filter text
 * where it is written in code.
 *
 * ```js
 * // eslint.config.js
 * import v3filters from 'v3-filters/eslint';
 * export default [v3filters.configs.recommended];
 * ```
 *
 * - `v3-filters/valid-filters` (error in `recommended`) parses and validates the `filters` of a
 *   request passed to a `sailpoint-api-client` API method against that operation's whitelist,
 *   the text passed to `parse`, `v3f` tagged templates, and the targets declared in its
 *   options; each problem is reported at the characters of the literal that hold it.
 * - `v3-filters/no-unsafe-interpolation` (warn) reports `${…}` spliced into filter text, with a
 *   suggestion that rewrites the template to the `v3f` tag.
 *
 * The guide: [Tooling](../../../docs/tooling.md).
 * @module eslint
 */
import type { ESLint, Linter, Rule } from 'eslint';
import { noUnsafeInterpolation } from './no-unsafe-interpolation.js';
import type { UserTarget } from './targets.js';
import { type ValidFiltersOptions, validFilters } from './valid-filters.js';

export type { UserTarget, ValidFiltersOptions };

/** The plugin's shape: ESLint's plugin object with its two rules and the `recommended` config. */
export interface V3FiltersPlugin extends ESLint.Plugin {
  readonly meta: { readonly name: 'v3-filters'; readonly namespace: 'v3-filters' };
  readonly rules: {
    readonly 'valid-filters': Rule.RuleModule;
    readonly 'no-unsafe-interpolation': Rule.RuleModule;
  };
  readonly configs: {
    /** One flat config object: registers the plugin as `v3-filters` and turns both rules on. */
    readonly recommended: Linter.Config;
  };
}

const rules = {
  'valid-filters': validFilters,
  'no-unsafe-interpolation': noUnsafeInterpolation,
};

const recommended: Linter.Config = {
  name: 'v3-filters/recommended',
  plugins: {},
  rules: {
    'v3-filters/valid-filters': 'error',
    'v3-filters/no-unsafe-interpolation': 'warn',
  },
};

/**
 * The plugin: `rules` holds `valid-filters` and `no-unsafe-interpolation`, `configs.recommended`
 * turns them on (error and warn) with the plugin registered as `v3-filters`.
 */
const plugin: V3FiltersPlugin = {
  meta: { name: 'v3-filters', namespace: 'v3-filters' },
  rules,
  configs: { recommended },
};
// The config registers the plugin itself, so `configs.recommended` alone is a whole setup.
(recommended.plugins as Record<string, ESLint.Plugin>)['v3-filters'] = plugin;

export default plugin;

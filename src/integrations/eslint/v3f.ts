/**
 * What `v3f` will do with a template, known from its static parts alone: the tag's own renderer
 * is run with a stand-in value of the kind each position takes (a list after `in`/`ca`, a string
 * elsewhere), so the lint refuses exactly what the tag throws `FilterBuildError` for at run time
 * (a substitution where a field, an operator or a parenthesis stands).
 */

import { renderTemplate } from '../../builder/template.js';
import { afterValue, initialState, scanStatic } from '../../builder/template-scan.js';
import { FilterBuildError } from '../../builder/values.js';

/** The first substitution `v3f` would throw for (0-based) and the tag's message, or `undefined`. */
export function v3fProblem(parts: readonly string[]): { index: number; message: string } | undefined {
  const state = initialState();
  const values: unknown[] = [];
  for (let index = 0; index + 1 < parts.length; index++) {
    scanStatic(state, parts[index]!);
    const position = state.position;
    values.push(position === 'list' ? ['x'] : 'x');
    if (position !== 'string') state.position = position === 'list' ? 'after' : afterValue(position);
    try {
      renderTemplate(parts.slice(0, index + 2), values);
    } catch (error) {
      if (error instanceof FilterBuildError) return { index, message: error.message };
      throw error;
    }
  }
  return undefined;
}

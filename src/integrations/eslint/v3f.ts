/**
 * What `v3f` will do with a template, known from its static parts alone: the tag's own renderer
 * is run with a stand-in value of the kind each position takes (a list after `in`/`ca`, a string
 * elsewhere), so the lint refuses exactly what the tag throws `FilterBuildError` for at run time
 * (a substitution where a field, an operator or a parenthesis stands).
 */

import { renderTemplate } from '../../builder/template.js';
import { afterValue, initialState, scanStatic } from '../../builder/template-scan.js';
import { FilterBuildError } from '../../builder/values.js';

/** The tag's message for the template cut after substitution `count` (all its parts before), if it throws. */
function thrownFor(parts: readonly string[], values: readonly unknown[], count: number): string | undefined {
  try {
    renderTemplate(parts.slice(0, count + 1), values.slice(0, count));
    return undefined;
  } catch (error) {
    if (error instanceof FilterBuildError) return error.message;
    throw error;
  }
}

/**
 * The first substitution `v3f` would throw for (0-based) and the tag's message, or `undefined`.
 * The renderer reads left to right and throws at the first bad substitution, so a template cut
 * after substitution k throws exactly when k is at or past it: a binary search finds it in
 * O(n log n) for n substitutions.
 */
export function v3fProblem(parts: readonly string[]): { index: number; message: string } | undefined {
  const state = initialState();
  const values: unknown[] = [];
  for (let index = 0; index + 1 < parts.length; index++) {
    scanStatic(state, parts[index]!);
    const position = state.position;
    values.push(position === 'list' ? ['x'] : 'x');
    if (position !== 'string') state.position = position === 'list' ? 'after' : afterValue(position);
  }
  if (thrownFor(parts, values, values.length) === undefined) return undefined;
  let low = 1;
  let high = values.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (thrownFor(parts, values, middle) === undefined) low = middle + 1;
    else high = middle;
  }
  const message = thrownFor(parts, values, low);
  return message === undefined ? undefined : { index: low - 1, message };
}

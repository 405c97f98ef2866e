import { error, quote, warning } from '../diagnostic/index.js';
import { clearBestMatch, editDistance, listWords } from '../schema/suggest.js';
import type { ParameterDiagnostic } from '../v3-error/locate.js';
import type { CollectionSettings } from './options.js';

/**
 * What a parameter that is not one of the standard five is: a slip of a standard name (refused,
 * since ignoring it would answer as if the client had not asked: `filter=` for `filters=` would
 * return unfiltered rows), a name merely close to one (a warning), or the server's business.
 */

/** The longest name compared (longer ones are no slip of a five-to-seven-letter name). */
const MAX_NAME = 40;

/**
 * A name as a slip would leave it: lower case, without `_`, `-`, spaces or a trailing `[...]`
 * (`Filters`, `count `, `filters[]`, `sort_ers` all read as the standard name).
 */
function normalize(name: string): string {
  return withoutTrailingIndex(name)
    .toLowerCase()
    .replace(/[\s_-]+/g, '');
}

/**
 * `name` without a trailing `[...]` (the first `[` after the last inner `]`, through the final
 * `]`), found by two scans: the pattern `/\[[^\]]*\]$/` would be quadratic in the name.
 */
function withoutTrailingIndex(name: string): string {
  if (!name.endsWith(']')) return name;
  const open = name.indexOf('[', name.lastIndexOf(']', name.length - 2) + 1);
  return open >= 0 && open < name.length - 1 ? name.slice(0, open) : name;
}

/**
 * The standard name `name` is a slip of, if exactly one is within one edit (insertion, deletion,
 * substitution or swap of neighbours) of its normalized form; else undefined.
 */
export function slipOf(name: string, standard: readonly string[]): string | undefined {
  if (name.length > MAX_NAME || standard.includes(name)) return undefined;
  const plain = normalize(name);
  if (plain === '') return undefined;
  // One edit changes the length by at most one: most names are settled without a distance.
  const near = standard.filter(
    (candidate) => Math.abs(candidate.length - plain.length) <= 1 && editDistance(plain, candidate, 1) <= 1,
  );
  return near.length === 1 ? near[0] : undefined;
}

/**
 * Whether `name` could be close to a standard name at all (`clearBestMatch` allows a third of the
 * longer word's length in edits): settled by length alone for most names, since a request may
 * carry thousands of them and each distance costs microseconds.
 */
function closeEnough(name: string): boolean {
  const length = name.replace(/_/g, '').length;
  return length >= 3 && length <= 11 && name.length <= MAX_NAME;
}

/**
 * The diagnostics for the parameters a request gives that are not standard: one per name, in
 * order of first appearance. Never for a standard name or one of `otherParameters`.
 */
export function checkParameterNames(
  names: Iterable<string>,
  standard: readonly string[],
  settings: CollectionSettings,
): ParameterDiagnostic[] {
  const found: ParameterDiagnostic[] = [];
  const seen = new Set<string>();
  for (const name of names) {
    if (seen.has(name) || standard.includes(name) || settings.otherParameters.has(name)) continue;
    seen.add(name);
    const at = { start: 0, end: 0 };
    const slip = slipOf(name, standard);
    if (slip !== undefined) {
      const message = `${quote(name)} is not a collection parameter; did you mean ${quote(slip)}? Refused rather than ignored, which would answer as if ${quote(slip)} were not given`;
      found.push({ ...error('misspelled-parameter', message, at), parameter: name });
      continue;
    }
    const near = closeEnough(name) ? clearBestMatch(name, standard) : undefined;
    const hint = near === undefined ? '' : `; did you mean ${quote(near)}?`;
    if (settings.unknownParameters === 'reject') {
      const known = listWords([...standard, ...settings.otherParameters], quote);
      const message = `${quote(name)} is not a parameter of this endpoint${hint || '.'} Its parameters are ${known}`;
      found.push({ ...error('unknown-parameter', message, at), parameter: name });
    } else if (near !== undefined) {
      const message = `${quote(name)} is not a collection parameter and is ignored${hint}`;
      found.push({ ...warning('unknown-parameter', message, at), parameter: name });
    }
  }
  return found;
}

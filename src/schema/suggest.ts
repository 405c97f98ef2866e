import { quote } from '../diagnostic/text.js';

/**
 * "Did you mean" suggestions: the candidates nearest to a misspelt word by edit distance, where
 * case and underscores do not count (so `startTime` finds `start_time` and `Status` finds
 * `status`).
 */

/**
 * The optimal-string-alignment distance between `a` and `b` (insertions, deletions,
 * substitutions and swaps of two neighbours each cost 1), or `limit + 1` as soon as it is known to
 * exceed `limit`. Quadratic in the lengths, so callers keep words short.
 */
export function editDistance(a: string, b: string, limit = Number.POSITIVE_INFINITY): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let previous2: number[] = [];
  let previous: number[] = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current: number[] = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        value = Math.min(value, previous2[j - 2]! + 1);
      }
      current.push(value);
      rowMin = Math.min(rowMin, value);
    }
    if (rowMin > limit) return limit + 1;
    previous2 = previous;
    previous = current;
  }
  return Math.min(previous[b.length]!, limit + 1);
}

/** Case and underscores are not meaningful differences between two spellings of a name. */
function normalize(word: string): string {
  return word.toLowerCase().replaceAll('_', '');
}

/** The longest word compared; longer input gets no suggestion (it would cost quadratic time). */
const MAX_COMPARED_LENGTH = 200;

/**
 * The candidates nearest to `word`: those at the smallest distance, provided it is small
 * enough to be a plausible slip (at most a third of the longer word's length, and at least 1). Empty
 * when nothing is near. A candidate that differs only in case or underscores is always nearest.
 */
export function closestMatches(word: string, candidates: Iterable<string>): string[] {
  if (word.length > MAX_COMPARED_LENGTH) return [];
  const target = normalize(word);
  let best: string[] = [];
  let bestScore = Number.POSITIVE_INFINITY;
  for (const candidate of candidates) {
    if (candidate === word || candidate.length > MAX_COMPARED_LENGTH) continue;
    const limit = Math.max(1, Math.floor(Math.max(word.length, candidate.length) / 3));
    // Normalised distance first; the raw distance breaks ties (`Status` is nearer `status` than `STATUS`).
    const normalized = editDistance(target, normalize(candidate), limit);
    if (normalized > limit) continue;
    const score = normalized * 1000 + Math.min(999, editDistance(word, candidate, 999));
    if (score < bestScore) {
      bestScore = score;
      best = [candidate];
    } else if (score === bestScore) {
      best.push(candidate);
    }
  }
  return best;
}

/** The single nearest candidate, or undefined when there is none or several tie. */
export function clearBestMatch(word: string, candidates: Iterable<string>): string | undefined {
  const matches = closestMatches(word, candidates);
  return matches.length === 1 ? matches[0] : undefined;
}

/**
 * Lists words for a message: `a, b and c` (or `a, b or c`), each passed through `show` (by
 * default {@link quote}, in backquotes); past
 * `max` words the rest are counted (`a, b and 5 more`).
 */
export function listWords(
  words: readonly string[],
  show: (word: string) => string = quote,
  options?: { readonly max?: number; readonly conjunction?: 'and' | 'or' },
): string {
  const max = options?.max ?? 20;
  const conjunction = options?.conjunction ?? 'and';
  const shown = words.slice(0, max).map((word) => show(word));
  const rest = words.length - shown.length;
  if (rest > 0) return `${shown.join(', ')} and ${rest} more`;
  if (shown.length <= 1) return shown.join('');
  return `${shown.slice(0, -1).join(', ')} ${conjunction} ${shown[shown.length - 1]}`;
}

/**
 * The end of a sentence about a misspelt word: `; did you mean `a`?` (or `a` or `b`) when
 * something is near, else a full stop, so a list can follow either way.
 */
export function didYouMean(near: readonly string[], show: (word: string) => string): string {
  return near.length > 0 ? `; did you mean ${listWords(near, show, { conjunction: 'or' })}?` : '.';
}

/**
 * The end of a sentence about `word`, which is not among `candidates`: the one candidate clearly
 * nearest it, if any, then every candidate under `heading` (`; did you mean `status`? Fields:
 * `start_time` and `status``). `word` undefined (not even text) suggests nothing.
 */
export function suggestAmong(
  word: string | undefined,
  candidates: readonly string[],
  heading: string,
): string {
  const near = word === undefined ? undefined : clearBestMatch(word, candidates);
  return `${didYouMean(near ? [near] : [], quote)} ${heading}: ${listWords(candidates)}`;
}

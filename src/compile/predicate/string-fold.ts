import { type CaseFolding, foldAscii, foldUnicode } from '../case-folding.js';

/*
 * How record strings are put in the form of case-insensitive constants: the exact foldings of
 * case-folding.ts, or native `toLowerCase` wherever that provably gives the same answer.
 */

// Char-code scans rather than regexes: constants are short, and compiling runs per filter.
function hasNonAscii(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) > 0x7f) return true;
  return false;
}

/**
 * Whether `text` is all ASCII: then both foldings are its native `toLowerCase`, and both
 * native-toLowerCase paths of {@link nativeLowerCasePath} hold for the result (one scan instead
 * of the fold's regex test and the path's scan).
 */
export function isAsciiText(text: string): boolean {
  return !hasNonAscii(text);
}

function hasSigmaOrCombiningDot(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x3c2 || c === 0x3c3 || c === 0x307) return true;
  }
  return false;
}

/**
 * Which native-toLowerCase fast path, if any, decides equality with the folded `text` exactly.
 * Native `toLowerCase` is much faster than the exact folds, and differs from them only on
 * characters the tests settle cheaply (facts checked over every code point in the tests):
 * toLowerCase lengthens only U+0130 (to `i` + U+0307), maps only U+0130 and U+03A3 otherwise
 * than the simple mapping, and maps only U+212A (Kelvin sign) from non-ASCII to ASCII.
 */
export function nativeLowerCasePath(
  text: string,
  folding: 'unicode' | 'ascii',
): 'unicode' | 'ascii' | undefined {
  if (folding === 'unicode') return hasSigmaOrCombiningDot(text) ? undefined : 'unicode';
  return hasNonAscii(text) ? undefined : 'ascii';
}

/**
 * How a record string is put in the form of a leaf's string constants before `eq`, `ne`, `co`,
 * `sw` or `in` compares them: not at all (case-sensitive), by the exact folding, or by native
 * `toLowerCase` where that provably decides those tests as the exact folding would.
 *
 * Why the `LOWER_*` modes are exact for those tests: toLowerCase keeps the length of every code
 * point but U+0130, so when the lowercased string keeps the length its units line up with the
 * folded string's. The tests then only ask whether some aligned stretch equals a constant.
 * - `LOWER_UNICODE` (constants free of σ, ς and U+0307, see {@link nativeLowerCasePath}): the
 *   lowercased and folded strings differ only where the value holds U+03A3 (σ or ς against σ), and
 *   a stretch equal to such a constant covers no such place, in either string.
 * - `LOWER_ASCII` (ASCII constants): a stretch equal to an ASCII constant is ASCII; only ASCII
 *   and the Kelvin sign lowercase to ASCII, and the ASCII fold keeps everything else non-ASCII,
 *   so the stretch is the same in both strings unless a Kelvin sign became a `k`.
 *   `LOWER_ASCII_K` (some constant holds a `k`) therefore folds exactly when a Kelvin sign is there.
 * When the length changes (U+0130), every mode folds exactly.
 */
export type FoldMode = 0 | 1 | 2 | 3 | 4 | 5;
const AS_IS = 0;
const EXACT_UNICODE = 1;
const EXACT_ASCII = 2;
const LOWER_UNICODE = 3;
const LOWER_ASCII = 4;
const LOWER_ASCII_K = 5;

/** The {@link FoldMode} for testing record strings against `constants` (already folded). */
export function foldMode(constants: readonly string[], fold: CaseFolding | undefined): FoldMode {
  if (fold === undefined) return AS_IS;
  let k = false;
  for (const c of constants) {
    if (nativeLowerCasePath(c, fold) === undefined) return fold === 'unicode' ? EXACT_UNICODE : EXACT_ASCII;
    if (c.includes('k')) k = true;
  }
  if (fold === 'unicode') return LOWER_UNICODE;
  return k ? LOWER_ASCII_K : LOWER_ASCII;
}

/**
 * A record string in the form of the constants, per {@link FoldMode}. A plain module function,
 * so the compiler inlines it into the leaves that call it.
 */
export function foldAs(value: string, mode: FoldMode): string {
  if (mode === AS_IS) return value;
  if (mode >= LOWER_UNICODE) {
    const lower = value.toLowerCase();
    if (lower.length === value.length && (mode !== LOWER_ASCII_K || !value.includes('\u212a'))) {
      return lower;
    }
    return mode === LOWER_UNICODE ? foldUnicode(value) : foldAscii(value);
  }
  return mode === EXACT_UNICODE ? foldUnicode(value) : foldAscii(value);
}

/** The string operators {@link stringHolds} decides. */
export type StringOperator = 'eq' | 'ne' | 'co' | 'sw' | 'in';

/**
 * Whether a record string, already put in the constants' form by {@link foldAs}, satisfies
 * `operator` against `c` (the first constant) or `set` (all of them, for `in`).
 */
export function stringHolds(
  operator: StringOperator,
  x: string,
  c: string,
  set: ReadonlySet<string>,
): boolean {
  switch (operator) {
    case 'eq':
      return x === c;
    case 'ne':
      return x !== c;
    case 'co':
      return x.includes(c);
    case 'sw':
      return x.startsWith(c);
    default:
      return set.has(x);
  }
}

/**
 * Case folding and code-point ordering shared by the compilers. Both foldings map one code point
 * to one code point (a "simple" mapping), so folding commutes with taking substrings: `co` and
 * `sw` on folded text mean the same as on the original text, as they do for SQL's `lower()`.
 */

/**
 * What "case-insensitive" folds.
 * - `'unicode'`: the Unicode simple lowercase mapping (UnicodeData.txt), code point by code
 *   point, with no locale or context rules: `Ä`→`ä`, `Σ`→`σ` (never `ς`), `İ`→`i`, Kelvin
 *   sign `K`→`k`. This is what PostgreSQL's `lower()` does under the builtin `pg_c_utf8`
 *   collation (PostgreSQL 17+) and under a libc `*.UTF-8` ctype.
 * - `'ascii'`: only `A`-`Z`→`a`-`z`; every other character is compared as written. This is what
 *   SQLite's built-in `lower()` does and what PostgreSQL's `lower()` does under the `C` collation.
 */
export type CaseFolding = 'unicode' | 'ascii';

const NON_ASCII = /[^\0-\x7f]/;
const ASCII_UPPER_RUN = /[A-Z]+/g;

function lowerRun(run: string): string {
  return run.toLowerCase();
}

/** Folds `A`-`Z` to `a`-`z` and leaves every other character alone. */
export function foldAscii(text: string): string {
  // On pure-ASCII text the native toLowerCase is exactly the ASCII fold, and much faster.
  if (!NON_ASCII.test(text)) return text.toLowerCase();
  return text.replace(ASCII_UPPER_RUN, lowerRun);
}

// The only characters where JavaScript's toLowerCase (full, context-sensitive mappings) differs
// from the simple mapping: U+0130 (full: `i` + U+0307) and U+03A3 (final sigma rule gives `ς`).
const FULL_MAPPING_SPECIALS = /[\u0130\u03a3]/;
const DOTTED_CAPITAL_I = /\u0130/g;
const CAPITAL_SIGMA = /\u03a3/g;

/** Applies the Unicode simple lowercase mapping to every code point of `text`. */
export function foldUnicode(text: string): string {
  if (!FULL_MAPPING_SPECIALS.test(text)) return text.toLowerCase();
  return text.replace(DOTTED_CAPITAL_I, 'i').replace(CAPITAL_SIGMA, '\u03c3').toLowerCase();
}

/** The folding function for a {@link CaseFolding} setting. */
export function caseFolder(folding: CaseFolding): (text: string) => string {
  return folding === 'ascii' ? foldAscii : foldUnicode;
}

const FIRST_SURROGATE = 0xd800;

/**
 * Whether comparing `text` with JavaScript's `<` (UTF-16 code units) always gives code-point
 * order. It does unless both strings hold a unit at or above U+D800 where they first differ, so a
 * constant without such units is safe to compare natively against anything.
 */
export function hasNativeCodePointOrder(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    if (text.charCodeAt(i) >= FIRST_SURROGATE) return false;
  }
  return true;
}

/**
 * Compares by Unicode code point (the order of UTF-8 bytes, as SQLite's BINARY and PostgreSQL's
 * `C` collations compare). JavaScript's `<` compares UTF-16 units, which puts U+10000 and above
 * (surrogate pairs) before U+E000-U+FFFF; this corrects that. An unpaired surrogate is the code
 * point it names (U+D800-U+DFFF, below U+E000), not half of one above U+FFFF. Returns <0, 0 or >0.
 */
export function compareCodePoints(a: string, b: string): number {
  if (a === b) return 0;
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x === y) continue;
    if (x >= FIRST_SURROGATE && y >= FIRST_SURROGATE) return surrogateRank(a, i, x) - surrogateRank(b, i, y);
    return x - y;
  }
  return a.length - b.length;
}

const isLowSurrogate = (unit: number): boolean => unit >= 0xdc00 && unit < 0xe000;

/** A unit's place in code-point order: half of a pair stands for a code point above U+FFFF. */
function surrogateRank(text: string, i: number, unit: number): number {
  if (unit >= 0xe000) return unit;
  const paired =
    unit < 0xdc00
      ? isLowSurrogate(text.charCodeAt(i + 1))
      : i > 0 && text.charCodeAt(i - 1) >= FIRST_SURROGATE && text.charCodeAt(i - 1) < 0xdc00;
  return paired ? unit + 0x10000 : unit;
}

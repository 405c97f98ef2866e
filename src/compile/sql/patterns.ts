import type { TextOperator } from '../../language/operators.js';
/** The escape character of every LIKE pattern the compiler writes (`ESCAPE '!'`). */
export const LIKE_ESCAPE = '!';

const LIKE_SPECIAL = /[!%_]/g;

/**
 * Escapes text for a LIKE pattern with `ESCAPE '!'`: `%`, `_` and `!` itself get a `!` before
 * them, so the text matches only literally. `!` rather than `\` because a backslash means
 * different things in different engines' string and pattern syntax.
 */
export function escapeLike(text: string): string {
  return text.replace(LIKE_SPECIAL, '!$&');
}

/**
 * Where each text operator lets other text stand around the escaped text, given the pattern's
 * wildcard: keyed by the operator table's `TextOperator`, so a new one fails to compile here.
 */
const WILDCARDS: Readonly<Record<TextOperator, (escaped: string, any: string) => string>> = {
  co: (escaped, any) => `${any}${escaped}${any}`,
  sw: (escaped, any) => `${escaped}${any}`,
};

/** The LIKE pattern for `co` (contains) or `sw` (starts with) of `text`. */
export function likePattern(operator: TextOperator, text: string): string {
  return WILDCARDS[operator](escapeLike(text), '%');
}

const GLOB_SPECIAL = /[*?[]/g;

/**
 * Escapes text for a SQLite GLOB pattern, which has no ESCAPE clause: each of `*`, `?` and `[`
 * becomes a one-character set (`[*]`, `[?]`, `[[]`). A lone `]` is already literal.
 */
export function escapeGlob(text: string): string {
  return text.replace(GLOB_SPECIAL, '[$&]');
}

/** The GLOB pattern for `co` or `sw` of `text`. */
export function globPattern(operator: TextOperator, text: string): string {
  return WILDCARDS[operator](escapeGlob(text), '*');
}

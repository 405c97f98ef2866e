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

/** The LIKE pattern for `co` (contains) or `sw` (starts with) of `text`. */
export function likePattern(operator: 'co' | 'sw', text: string): string {
  const escaped = escapeLike(text);
  return operator === 'co' ? `%${escaped}%` : `${escaped}%`;
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
export function globPattern(operator: 'co' | 'sw', text: string): string {
  const escaped = escapeGlob(text);
  return operator === 'co' ? `*${escaped}*` : `${escaped}*`;
}

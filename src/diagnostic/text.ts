/**
 * Helpers that put user text into messages safely: quoted, shortened and with invisible or
 * direction-changing characters made visible, so a message can never hide or reorder what it shows.
 */

/** The longest excerpt of user text a message quotes, in characters. */
export const MAX_QUOTED_LENGTH = 40;

function escapeInvisible(char: string): string | undefined {
  const code = char.codePointAt(0)!;
  switch (char) {
    case '\n':
      return '\\n';
    case '\r':
      return '\\r';
    case '\t':
      return '\\t';
  }
  // C0 and C1 controls, DEL, bidi embeddings, overrides and isolates, zero-width and line/paragraph
  // separators, BOM: anything that is invisible or reorders the text around it.
  const invisible =
    code < 0x20 ||
    (code >= 0x7f && code <= 0x9f) ||
    code === 0x061c ||
    (code >= 0x200b && code <= 0x200f) ||
    (code >= 0x2028 && code <= 0x202e) ||
    (code >= 0x2060 && code <= 0x2069) ||
    code === 0xfeff ||
    (code >= 0xd800 && code <= 0xdfff);
  if (!invisible) return undefined;
  return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u{${code.toString(16)}}`;
}

/**
 * Characters JSON.stringify leaves raw that can hide or reorder text: DEL and C1 controls, bidi
 * marks, embeddings, overrides and isolates, zero-width characters, line and paragraph separators,
 * the BOM. (It escapes C0 controls and lone surrogates itself.)
 */
const JSON_INVISIBLE = /[\u007f-\u009f\u061c\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff]/g;

/**
 * `JSON.stringify(value, null, indent)` with every invisible or direction-changing character
 * escaped as `\uXXXX`: the same JSON value, the same JavaScript string literal, but nothing that
 * reorders or hides text in a terminal, a diff or an editor.
 */
export function stringifyVisible(value: unknown, indent?: number): string {
  const json = JSON.stringify(value, null, indent);
  return json === undefined
    ? 'undefined'
    : json.replace(JSON_INVISIBLE, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** Escapes control, bidi and other invisible characters in `text` as `\n`, `\x07`, `\u{202e}`. */
export function escapeInvisibles(text: string): string {
  let out = '';
  for (const char of text) {
    out += escapeInvisible(char) ?? char;
  }
  return out;
}

/**
 * Quotes user text for a message in backticks: at most {@link MAX_QUOTED_LENGTH} characters (longer
 * text is cut with `…`), invisible characters escaped. `quote('EQ')` is `` `EQ` ``.
 */
export function quote(text: string, maxLength: number = MAX_QUOTED_LENGTH): string {
  // Counted and cut on code points, so a surrogate pair is never split; each is escaped as taken.
  let shown = '';
  let count = 0;
  for (const char of text) {
    if (count++ === maxLength) return `\`${shown}…\``;
    shown += escapeInvisible(char) ?? char;
  }
  return `\`${shown}\``;
}

/**
 * A short, safe description of a value a caller passed (an option, say) for a message: a string,
 * number, boolean or bigint quoted, else only its kind (`null`, `a list`, `a function`...), so
 * the message never calls the value's own code (a getter, `toString`) nor shows a whole object.
 */
export function showValue(value: unknown): string {
  if (typeof value === 'string') return quote(value);
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') {
    return quote(String(value));
  }
  return value === null ? '`null`' : `a ${Array.isArray(value) ? 'list' : typeof value}`;
}

/** A 1-based line and column (columns in UTF-16 code units, as editors and LSP count them). */
export interface LineColumn {
  readonly line: number;
  readonly column: number;
}

/**
 * The line and column of `offset` in `text`. Computed only when reporting: the AST and the
 * diagnostics store offsets. A line ends at `\n`, `\r\n` or a lone `\r`.
 */
export function lineColumn(text: string, offset: number): LineColumn {
  const end = Math.max(0, Math.min(offset, text.length));
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < end; i++) {
    const code = text.charCodeAt(i);
    if (code === 10 || (code === 13 && text.charCodeAt(i + 1) !== 10)) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: end - lineStart + 1 };
}

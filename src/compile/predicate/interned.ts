/** Texts already interned, so a compile looks a text up instead of interning it again. */
const internedTexts = new Map<string, string>();
/** Most texts kept (then the map starts afresh), and the longest text interned. */
const MAX_INTERNED = 4096;
const MAX_INTERNED_LENGTH = 256;

/**
 * `text` as the engine's own copy of it: a property key is kept once (interned), so a read by it,
 * or a comparison of an interned record string with it, is a comparison of pointers. A key or
 * constant cut from a schema path or the filter's text is a new string, which every keyed read
 * would look up in the engine's string table again, and every comparison compare by content.
 */
export function interned<T>(value: T): T {
  if (typeof value !== 'string' || value === '' || value.length > MAX_INTERNED_LENGTH) return value;
  let text = internedTexts.get(value);
  if (text === undefined) {
    if (internedTexts.size >= MAX_INTERNED) internedTexts.clear();
    // A computed key makes an own property even of `__proto__`.
    text = Object.keys({ [value]: 0 })[0] ?? value;
    internedTexts.set(text, text);
  }
  return text as T;
}

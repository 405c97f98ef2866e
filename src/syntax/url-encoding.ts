/**
 * Recognises a filter that arrived still URL-encoded (`status%20eq%20%22Failed%22`,
 * `status+eq+%22Failed%22`): a common mistake when a filter is copied from a URL or encoded twice.
 */

function isHex(code: number): boolean {
  return (code >= 48 && code <= 57) || (code >= 65 && code <= 70) || (code >= 97 && code <= 102);
}

function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}

/** A `+` in a date-time's offset (`20:13:29+01:00`), which is not a URL-encoded space. */
function isOffsetPlus(text: string, i: number): boolean {
  return (
    isDigit(text.charCodeAt(i - 1)) &&
    isDigit(text.charCodeAt(i + 1)) &&
    isDigit(text.charCodeAt(i + 2)) &&
    text.charCodeAt(i + 3) === 58
  );
}

/**
 * A `+` that separates two words (`status+eq`), where a space belongs: not a date-time offset,
 * and not a sign written after a space (`n eq +1`, reported as a number problem instead).
 */
function standsForSpace(text: string, i: number): boolean {
  const before = text.charCodeAt(i - 1);
  return i > 0 && before !== 32 && before !== 9 && before !== 10 && before !== 13 && !isOffsetPlus(text, i);
}

/**
 * Whether `text` shows URL encoding outside its double-quoted strings: a `%XX` escape, or a `+`
 * where a space belongs. Inside strings both are ordinary characters.
 */
export function looksUrlEncoded(text: string): boolean {
  if (text.indexOf('%') < 0 && text.indexOf('+') < 0) return false;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (inString) {
      if (code === 92) i++;
      else if (code === 34) inString = false;
    } else if (code === 34) {
      inString = true;
    } else if (code === 37 && isHex(text.charCodeAt(i + 1)) && isHex(text.charCodeAt(i + 2))) {
      return true;
    } else if (code === 43 && standsForSpace(text, i)) {
      return true;
    }
  }
  return false;
}

/**
 * Decodes as a server decodes a query value (`+` is a space), except that a `+` in a date-time
 * offset is kept: that is what the writer meant. Undefined when the escapes are malformed.
 */
export function decodeQueryValue(text: string): string | undefined {
  let spaced = '';
  let segmentStart = 0;
  for (let i = text.indexOf('+'); i >= 0; i = text.indexOf('+', i + 1)) {
    if (isOffsetPlus(text, i)) continue;
    spaced += `${text.slice(segmentStart, i)} `;
    segmentStart = i + 1;
  }
  spaced += text.slice(segmentStart);
  try {
    return decodeURIComponent(spaced);
  } catch {
    return undefined;
  }
}

/** The offset of the first `%` not followed by two hex digits, or -1. */
export function malformedEscape(text: string): number {
  for (let i = text.indexOf('%'); i >= 0; i = text.indexOf('%', i + 1)) {
    if (!isHex(text.charCodeAt(i + 1)) || !isHex(text.charCodeAt(i + 2))) return i;
  }
  return -1;
}

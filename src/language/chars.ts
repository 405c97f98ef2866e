/** Character classes of the lexer, on UTF-16 code units (no regex: linear and stack-safe). */

/** Space, tab, CR, LF: the only whitespace the language allows. */
export function isWhitespace(code: number): boolean {
  return code === 32 || code === 9 || code === 10 || code === 13;
}

/** Unicode spaces that look like whitespace but are not allowed (NBSP, thin space, ideographic...). */
export function isForeignSpace(code: number): boolean {
  return (
    code === 0xa0 ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200a) ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000 ||
    code === 0x0b ||
    code === 0x0c
  );
}

export function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}

export function isLetter(code: number): boolean {
  return (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
}

/** A character that can start an identifier segment: `[A-Za-z_]`. */
export function isIdentifierStart(code: number): boolean {
  return isLetter(code) || code === 95;
}

/** A character inside an identifier segment: `[A-Za-z0-9_]`. */
export function isIdentifierPart(code: number): boolean {
  return isIdentifierStart(code) || isDigit(code);
}

/**
 * Ends a bare word: whitespace, parentheses, comma, double quote, or the end of the input. Bare
 * words are read this far so that `2c9180835d2e5168` or `Joe` is reported as one value.
 */
export function endsWord(code: number): boolean {
  return (
    Number.isNaN(code) ||
    isWhitespace(code) ||
    isForeignSpace(code) ||
    code === 40 ||
    code === 41 ||
    code === 44 ||
    code === 34
  );
}

/** Whether `text` is a valid field path: identifier segments joined by single dots. */
export function isFieldPath(text: string): boolean {
  let atSegmentStart = true;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (atSegmentStart) {
      if (!isIdentifierStart(code)) return false;
      atSegmentStart = false;
    } else if (code === 46) {
      atSegmentStart = true;
    } else if (!isIdentifierPart(code)) {
      return false;
    }
  }
  return text.length > 0 && !atSegmentStart;
}

/** Whether `text` is a number literal: `-?[0-9]+(\.[0-9]+)?`. */
export function isNumberLiteral(text: string): boolean {
  let i = text.charCodeAt(0) === 45 ? 1 : 0;
  const intStart = i;
  while (i < text.length && isDigit(text.charCodeAt(i))) i++;
  if (i === intStart) return false;
  if (i === text.length) return true;
  if (text.charCodeAt(i) !== 46) return false;
  i++;
  const fracStart = i;
  while (i < text.length && isDigit(text.charCodeAt(i))) i++;
  return i > fracStart && i === text.length;
}

/** Characters of the punctuation operators other languages use (`=`, `!=`, `>=`, `&&`, `~`...; see syntax/spellings.ts): read as one run so `>=` is reported whole. */
export function isOperatorSymbolChar(code: number): boolean {
  // = ! < > & | ~
  return (
    code === 61 || code === 33 || code === 60 || code === 62 || code === 38 || code === 124 || code === 126
  );
}

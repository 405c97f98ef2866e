/**
 * Where each string of a JSON array sits in its source text, character by character, so that a
 * diagnostic in a filter read from `["a eq 1", "b eq \"x\""]` points at the right column of the
 * file and a fix can be written back into the literal.
 */

/** One string literal of the array. */
export interface JsonStringLiteral {
  /** The decoded string. */
  readonly value: string;
  /** Offset of the opening quote in the source. */
  readonly start: number;
  /** Offset just after the closing quote. */
  readonly end: number;
  /**
   * `rawOffsets[i]` is where the i-th UTF-16 unit of `value` starts in the source;
   * `rawOffsets[value.length]` is the closing quote.
   */
  readonly rawOffsets: Uint32Array;
}

function isJsonSpace(code: number): boolean {
  return code === 0x20 || code === 0x09 || code === 0x0a || code === 0x0d;
}

/**
 * Scans the string literal that starts at `start` (a `"`), returning its decoded value and offset
 * map, or undefined when `text` holds no well-formed literal there.
 */
export function scanJsonString(text: string, start: number): JsonStringLiteral | undefined {
  if (text.charCodeAt(start) !== 0x22) return undefined;
  const units: string[] = [];
  const offsets: number[] = [];
  let pos = start + 1;
  while (pos < text.length) {
    const char = text[pos]!;
    if (char === '"') {
      offsets.push(pos);
      return { value: units.join(''), start, end: pos + 1, rawOffsets: Uint32Array.from(offsets) };
    }
    if (char.charCodeAt(0) < 0x20) return undefined;
    offsets.push(pos);
    if (char !== '\\') {
      units.push(char);
      pos++;
      continue;
    }
    const escaped = text[pos + 1];
    if (escaped === 'u') {
      const hex = text.slice(pos + 2, pos + 6);
      if (!/^[0-9a-fA-F]{4}$/.test(hex)) return undefined;
      units.push(String.fromCharCode(Number.parseInt(hex, 16)));
      pos += 6;
      continue;
    }
    const simple = escaped === undefined ? undefined : SIMPLE_ESCAPES.get(escaped);
    if (simple === undefined) return undefined;
    units.push(simple);
    pos += 2;
  }
  return undefined;
}

const SIMPLE_ESCAPES: ReadonlyMap<string, string> = new Map([
  ['"', '"'],
  ['\\', '\\'],
  ['/', '/'],
  ['b', '\b'],
  ['f', '\f'],
  ['n', '\n'],
  ['r', '\r'],
  ['t', '\t'],
]);

/**
 * The string literals of a top-level JSON array of strings, or undefined when `text` is anything
 * else (another JSON value, an array holding a non-string, malformed JSON).
 */
export function scanJsonStringArray(text: string): JsonStringLiteral[] | undefined {
  let pos = 0;
  const skip = () => {
    while (pos < text.length && isJsonSpace(text.charCodeAt(pos))) pos++;
  };
  skip();
  if (text[pos] !== '[') return undefined;
  pos++;
  skip();
  const literals: JsonStringLiteral[] = [];
  if (text[pos] === ']') {
    pos++;
  } else {
    for (;;) {
      skip();
      const literal = scanJsonString(text, pos);
      if (!literal) return undefined;
      literals.push(literal);
      pos = literal.end;
      skip();
      if (text[pos] === ',') {
        pos++;
        continue;
      }
      if (text[pos] === ']') {
        pos++;
        break;
      }
      return undefined;
    }
  }
  skip();
  return pos === text.length ? literals : undefined;
}

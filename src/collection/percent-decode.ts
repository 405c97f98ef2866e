/**
 * Percent-decoding that keeps what it cannot decode. A malformed escape (`%zz`, a lone `%`) or
 * escapes that spell no UTF-8 (`%FF`, an overlong form, a surrogate) stay as written, and every
 * good escape around them is decoded. So the text a diagnostic points into is the same whether a
 * runtime handed over the request target as sent (Node's `req.url`, which Express and Fastify
 * read) or re-encoded by the WHATWG URL parser first (`Request.url` in @hono/node-server, Bun,
 * Deno, which escapes `"`, `'`, `<`, `>` and non-ASCII but never touches a `%`): the same request
 * gets the same column from every adapter.
 */

/** A component decoded as far as it can be, and where the first escape that could not be is. */
export interface LenientDecoding {
  readonly text: string;
  /** The span of the first undecodable escape in `text`, or undefined when all decoded. */
  readonly bad: { readonly start: number; readonly end: number } | undefined;
}

function hexValue(code: number): number {
  if (code >= 48 && code <= 57) return code - 48;
  if (code >= 65 && code <= 70) return code - 55;
  if (code >= 97 && code <= 102) return code - 87;
  return -1;
}

/** The byte `%XX` at `i` spells, or -1 when there is no such escape there. */
function escapedByte(text: string, i: number): number {
  if (text.charCodeAt(i) !== 37) return -1;
  const high = hexValue(text.charCodeAt(i + 1));
  const low = hexValue(text.charCodeAt(i + 2));
  return high < 0 || low < 0 ? -1 : high * 16 + low;
}

/**
 * The code point of the UTF-8 sequence whose escaped lead byte `lead` is at `i`, and its length
 * in bytes, or undefined when the escapes from `i` are no well-formed UTF-8 (RFC 3629: no
 * overlong forms, no surrogates, nothing past U+10FFFF), as `decodeURIComponent` requires.
 */
function sequenceAt(text: string, i: number, lead: number): { point: number; bytes: number } | undefined {
  let bytes: number;
  let point: number;
  let low = 0x80;
  let high = 0xbf;
  if (lead >= 0xc2 && lead <= 0xdf) [bytes, point] = [2, lead & 0x1f];
  else if (lead >= 0xe0 && lead <= 0xef) {
    [bytes, point] = [3, lead & 0x0f];
    if (lead === 0xe0) low = 0xa0;
    if (lead === 0xed) high = 0x9f;
  } else if (lead >= 0xf0 && lead <= 0xf4) {
    [bytes, point] = [4, lead & 0x07];
    if (lead === 0xf0) low = 0x90;
    if (lead === 0xf4) high = 0x8f;
  } else return undefined;
  for (let k = 1; k < bytes; k++) {
    const next = escapedByte(text, i + 3 * k);
    if (next < low || next > high) return undefined;
    point = (point << 6) | (next & 0x3f);
    [low, high] = [0x80, 0xbf];
  }
  return { point, bytes };
}

/**
 * Decodes one query component (`+` already a space): `%XX` escapes as UTF-8 bytes, keeping each
 * escape that cannot be decoded as written. Equal to `decodeURIComponent` wherever that succeeds.
 */
export function decodeLeniently(text: string): LenientDecoding {
  let out = '';
  let badAt = -1;
  let i = 0;
  while (i < text.length) {
    const percent = text.indexOf('%', i);
    if (percent < 0) {
      out += text.slice(i);
      break;
    }
    out += text.slice(i, percent);
    i = percent;
    const lead = escapedByte(text, i);
    if (lead >= 0 && lead < 0x80) {
      out += String.fromCharCode(lead);
      i += 3;
      continue;
    }
    const sequence = lead < 0 ? undefined : sequenceAt(text, i, lead);
    if (sequence !== undefined) {
      out += String.fromCodePoint(sequence.point);
      i += 3 * sequence.bytes;
      continue;
    }
    if (badAt < 0) badAt = out.length;
    // A malformed `%` stays alone (what follows is read afresh); a good escape of a bad byte stays whole.
    const kept = lead < 0 ? 1 : 3;
    out += text.slice(i, i + kept);
    i += kept;
  }
  return {
    text: out,
    bad: badAt < 0 ? undefined : { start: badAt, end: Math.min(out.length, badAt + 3) },
  };
}

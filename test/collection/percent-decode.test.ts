import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseCollectionQuery } from '../../src/collection/index.js';
import { decodeLeniently } from '../../src/collection/percent-decode.js';
import { decodeQuery } from '../../src/collection/query-string.js';
import { workflowExecutionsSchema as schema } from '../../src/index.js';

/** Escapes of any byte, raw characters a request target may carry (never a space), and pieces of both. */
const byte = fc.integer({ min: 0, max: 255 }).map((b) => `%${b.toString(16).padStart(2, '0')}`);
const upperByte = fc
  .integer({ min: 0, max: 255 })
  .map((b) => `%${b.toString(16).toUpperCase().padStart(2, '0')}`);
const piece = fc.oneof(
  byte,
  upperByte,
  fc.constantFrom(
    '%',
    '%2',
    '%G1',
    '%zz',
    '%%',
    '%E2%82',
    '%F0%9F%98',
    '%ED%A0%80',
    '%C0%AF',
    '%F4%90%80%80',
  ),
  fc.constantFrom('"', "'", '<', '>', '`', '{', '}', '|', '^', '\\', '+', '=', 'a', 'Z', '0', '(', ')'),
  fc.constantFrom('é', 'ÿ', '€', '😀', '\u202e'),
);
const component = fc.array(piece, { maxLength: 12 }).map((parts) => parts.join(''));

describe('decodeLeniently', () => {
  it('is decodeURIComponent wherever that succeeds, and marks no problem there', () => {
    fc.assert(
      fc.property(component, (text) => {
        let expected: string | undefined;
        try {
          expected = decodeURIComponent(text);
        } catch {
          expected = undefined;
        }
        const got = decodeLeniently(text);
        if (expected === undefined) {
          expect(got.bad, text).toBeDefined();
          expect(got.text[got.bad!.start], text).toBe('%');
        } else {
          expect(got, text).toEqual({ text: expected, bad: undefined });
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('gives the same text and span after the WHATWG URL parser re-encodes the query (Hono, Bun, Deno)', () => {
    fc.assert(
      fc.property(component, (text) => {
        // The real WHATWG parser (Node's URL), as @hono/node-server applies it to the request target.
        const reencoded = new URL(`http://h/c?${text.replaceAll('#', '%23')}`).search.slice(1);
        expect(decodeLeniently(reencoded.replaceAll('+', ' ')), `${text} -> ${reencoded}`).toEqual(
          decodeLeniently(text.replaceAll('#', '%23').replaceAll('+', ' ')),
        );
      }),
      { numRuns: 2000 },
    );
  });

  it('keeps each undecodable escape as written and decodes the good ones around it', () => {
    expect(decodeLeniently('%22a%zz%22')).toEqual({ text: '"a%zz"', bad: { start: 2, end: 5 } });
    expect(decodeLeniently('%C3%A9%FF%C3%A9')).toEqual({ text: 'é%FFé', bad: { start: 1, end: 4 } });
    expect(decodeLeniently('%E2%82')).toEqual({ text: '%E2%82', bad: { start: 0, end: 3 } });
    expect(decodeLeniently('%ED%A0%80')).toEqual({ text: '%ED%A0%80', bad: { start: 0, end: 3 } });
    expect(decodeLeniently('%C0%AF').text).toBe('%C0%AF');
    expect(decodeLeniently('%F0%9F%98%80%')).toEqual({ text: '😀%', bad: { start: 2, end: 3 } });
  });
});

describe('a malformed escape gets one column however the URL was encoded on the way', () => {
  it('filters="a%zz and its WHATWG form filters=%22a%zz: column 3 both', () => {
    for (const query of ['filters="a%zz', 'filters=%22a%zz']) {
      const result = parseCollectionQuery(query, schema);
      expect(result.ok).toBe(false);
      expect(result.parameters.filters).toBe('"a%zz');
      expect(result.diagnostics.map((d) => [d.code, d.span])).toEqual([
        ['malformed-encoding', { start: 2, end: 5 }],
      ]);
    }
  });

  it('decodes the name of a parameter leniently too', () => {
    expect(decodeQuery('%22fil%zz=1').parameters).toEqual([{ name: '"fil%zz', value: '1' }]);
  });
});

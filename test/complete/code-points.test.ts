import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { complete } from '../../src/complete/index.js';
import { parseDateTime } from '../../src/language/date-time/rfc3339.js';
import { defineSchema, workflowExecutionsSchema } from '../../src/schema/index.js';

const schema = defineSchema({
  fields: {
    name: { type: 'string', operators: ['eq', 'sw', 'in'] },
    emoji: { type: 'string', operators: ['eq'], enum: ['😀', 'a😀b', '𝔘'] },
    start_time: { type: 'date-time', operators: ['eq', 'ge'] },
  },
});

/** A lone surrogate: half of an astral character. */
const LONE = /\p{Surrogate}/u;

/** Whether `offset` falls between the two halves of a surrogate pair in `text` (an oracle of the test's own). */
function splitsPair(text: string, offset: number): boolean {
  if (offset <= 0 || offset >= text.length) return false;
  // Code points as the engine reads them: a pair is one, so a boundary between its halves is no boundary.
  let boundary = 0;
  for (const char of text) {
    if (boundary === offset) return false;
    boundary += char.length;
    if (boundary > offset) return true;
  }
  return false;
}

/** Filter-like text with astral characters everywhere: in strings, words, enum values, lone halves too. */
const pieces = fc.constantFrom(
  'name',
  'emoji',
  ' eq ',
  ' in (',
  ', ',
  ')',
  ' and ',
  '"',
  '😀',
  '𝔘',
  'a😀b',
  '\ud83d',
  '\ude00',
  'é',
  ' ',
  'start_time ge ',
);
const texts = fc.array(pieces, { maxLength: 12 }).map((parts) => parts.join(''));

describe('complete never splits a character', () => {
  it('answers the example: a cursor between the halves of 😀 stands before it', () => {
    const text = 'name eq "😀';
    const result = complete(text, 10, { schema });
    expect([result.from, result.to]).toEqual([8, 9]);
    for (const option of result.options) expect(option.label).not.toMatch(LONE);
    expect(complete(text, 11, { schema }).options.map((o) => o.label)).toContain('"😀"');
  });

  it('at every offset of any text: from and to are character boundaries around the cursor', () => {
    fc.assert(
      fc.property(texts, (text) => {
        for (let offset = 0; offset <= text.length; offset++) {
          const result = complete(text, offset, { schema });
          const cursor = splitsPair(text, offset) ? offset - 1 : offset;
          expect(splitsPair(text, result.from), `${JSON.stringify(text)} @${offset} from`).toBe(false);
          expect(splitsPair(text, result.to), `${JSON.stringify(text)} @${offset} to`).toBe(false);
          expect(result.from).toBeLessThanOrEqual(cursor);
          expect(result.to).toBeGreaterThanOrEqual(cursor);
          expect(result.to).toBeLessThanOrEqual(text.length);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('accepting any option of well-formed text leaves well-formed text', () => {
    fc.assert(
      fc.property(texts, (text) => {
        fc.pre(!LONE.test(text));
        for (let offset = 0; offset <= text.length; offset++) {
          const result = complete(text, offset, { schema });
          for (const option of result.options) {
            const accepted =
              text.slice(0, result.from) + (option.apply ?? option.label) + text.slice(result.to);
            expect(accepted, `${JSON.stringify(text)} @${offset}: ${option.label}`).not.toMatch(LONE);
          }
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe('the date-time template', () => {
  it('is an RFC 3339 date-time for any now, clamped to the years 0000-9999 (an invalid Date reads as 1970)', () => {
    const text = 'start_time ge ';
    fc.assert(
      fc.property(fc.date({ min: new Date(-8.64e15), max: new Date(8.64e15) }), (now) => {
        const [option] = complete(text, text.length, { schema: workflowExecutionsSchema, now }).options;
        expect(option?.detail).toBe('date-time (now, UTC)');
        const label = option!.label;
        expect(parseDateTime(label), label).toBeTruthy();
        const time = Number.isNaN(now.getTime()) ? 0 : now.getTime();
        const expected = Math.min(
          Math.max(time, Date.parse('0000-01-01T00:00:00Z')),
          Date.parse('9999-12-31T23:59:59Z'),
        );
        expect(Date.parse(label)).toBe(expected - (((expected % 1000) + 1000) % 1000));
      }),
      { numRuns: 1000 },
    );
    expect(
      complete(text, text.length, { schema: workflowExecutionsSchema, now: new Date(8.64e15) }).options[0]
        ?.label,
    ).toBe('9999-12-31T23:59:59Z');
  });
});

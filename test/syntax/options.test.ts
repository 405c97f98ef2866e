import { describe, expect, it } from 'vitest';
import { MAX_LIMITS, type ParseOptions, parse } from '../../src/index.js';
import { parseWithoutFastPath } from '../../src/syntax/internal.js';

/**
 * The options of `parse` are input like the text: a bad one answers an
 * `invalid-option` diagnostic naming it, never an exception, a silent default or a clamp.
 */
const asOptions = (value: unknown) => value as ParseOptions;

const throwing = (key: string): object =>
  Object.defineProperty({}, key, {
    enumerable: true,
    get() {
      throw new Error('boom');
    },
  });

const BAD: readonly (readonly [string, unknown, RegExp])[] = [
  ['null options', null, /must be an object; got null/],
  ['a number as options', 5, /must be an object; got 5/],
  ['a string as options', 'x', /must be an object/],
  ['limits a number', { limits: 7 }, /`limits` must be an object; got 7/],
  ['limits null', { limits: null }, /`limits` must be an object; got null/],
  [
    'NaN',
    { limits: { maxDepth: Number.NaN } },
    /`limits.maxDepth` must be an integer from 1 to 256; got NaN/,
  ],
  ['negative', { limits: { maxErrors: -1 } }, /`limits.maxErrors` must be an integer from 1 to 1000; got -1/],
  ['zero', { limits: { maxLength: 0 } }, /`limits.maxLength`/],
  ['a fraction', { limits: { maxComparisons: 2.5 } }, /got 2.5/],
  ['a string', { limits: { maxListValues: '10' } }, /got "10"/],
  ['Infinity', { limits: { maxLength: Number.POSITIVE_INFINITY } }, /got Infinity/],
  ['beyond the maximum', { limits: { maxDepth: MAX_LIMITS.maxDepth + 1 } }, /from 1 to 256; got 257/],
  ['an unknown limit', { limits: { maxDepht: 3 } }, /Unknown limit "maxDepht"/],
  ['a throwing getter for limits', throwing('limits'), /Reading option `limits` failed: boom/],
  ['a throwing getter for a limit', { limits: throwing('maxDepth') }, /`limits.maxDepth` failed: boom/],
  [
    'a proxy that throws on every read',
    new Proxy(
      {},
      {
        get() {
          throw new Error('trap');
        },
      },
    ),
    /failed: trap/,
  ],
  [
    'limits whose keys cannot be listed',
    {
      limits: new Proxy(
        {},
        {
          ownKeys() {
            throw new Error('no keys');
          },
        },
      ),
    },
    /failed: no keys/,
  ],
];

describe('parse options', () => {
  it.each(BAD)('%s: one invalid-option diagnostic, on both paths', (_, options, message) => {
    for (const run of [parse, parseWithoutFastPath]) {
      let result: ReturnType<typeof parse> | undefined;
      expect(() => {
        result = run('a eq 1', asOptions(options));
      }).not.toThrow();
      expect(result!.ok).toBe(false);
      expect(result!.diagnostics).toHaveLength(1);
      expect(result!.diagnostics[0]).toMatchObject({ code: 'invalid-option', severity: 'error' });
      expect(result!.diagnostics[0]!.message).toMatch(message);
    }
  });

  it('accepts every limit at its bounds, and options without limits', () => {
    expect(parse('a eq 1', { limits: MAX_LIMITS }).ok).toBe(true);
    expect(parse('a eq 1', { limits: { maxDepth: 1, maxErrors: 1, maxComparisons: 1 } }).ok).toBe(true);
    expect(parse('a eq 1', {}).ok).toBe(true);
    expect(parse('a eq 1', { limits: {} }).ok).toBe(true);
    expect(parse('a eq 1', asOptions({ limits: undefined })).ok).toBe(true);
  });
});

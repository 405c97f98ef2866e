import { describe, it } from 'vitest';
import { MAX_LIMITS, parse } from '../../src/index.js';
import { describeRatios, expectLinear, ratiosPerDoubling } from '../support/growth.js';

/**
 * Linear time on every input at the maximum limits: for each hostile shape, parsing
 * twice the input must take about twice the time. Quadratic work shows as a ratio near 4 per
 * doubling (`'()'.repeat(n)` was: 0.54 s at 8 KB, 23.5 s at 128 KB, 3.2 then 3.8 per doubling
 * from 32 KB); the bound asserted is a mean of 3 per doubling over the range. test/support/growth.ts says how the ratios stay steady on a loaded
 * machine; the figures themselves are measured in bench/scaling.ts.
 */
const SHAPES: Readonly<Record<string, (n: number) => string>> = {
  "'()' repeated": (n) => '()'.repeat(n / 2),
  "'(' then ')' repeated": (n) => `${'('.repeat(n / 2)}${')'.repeat(n / 2)}`,
  'an error in every comparison': (n) => 'a EQ 1 and '.repeat(Math.floor(n / 11)),
  'a missing operand after every and': (n) => 'a pr and and '.repeat(Math.floor(n / 13)),
  'an error in every group': (n) => '(a eq) and '.repeat(Math.floor(n / 11)),
  'an or chain': (n) => Array.from({ length: Math.floor(n / 10) }, (_, i) => `a eq ${i % 1000}`).join(' or '),
  'an or chain with an error at its end': (n) =>
    `${Array.from({ length: Math.floor(n / 10) }, (_, i) => `a eq ${i % 1000}`).join(' or ')} or`,
  'a long list, unclosed': (n) => `a in (${'1,'.repeat(n / 2)}1`,
  'missing commas in a list': (n) => `a in (${'1 '.repeat(n / 2)}1)`,
  'an unterminated string of escapes': (n) => `a eq "${'\\"'.repeat(n / 2)}`,
  'binary garbage': (n) =>
    Array.from({ length: n }, (_, i) => String.fromCharCode((i * 7919) % 65_536)).join(''),
};

const SIZES = [16_384, 32_768, 65_536, 131_072];
/**
 * Long valid chains build a tree as large as the input: past some tens of KB, allocation and the
 * caches add a step to the time per byte (2.1, 3.0, 2.6, 2.4, 4.2 per doubling from 16 KB to 1 MB,
 * the same figures across versions of the parser), which is the machine, not the parser. They are
 * timed where the tree stays small.
 */
const CHAIN_SIZES = [4096, 8192, 16_384, 32_768];
const VALID_CHAINS = new Set(['an or chain', 'an or chain with an error at its end']);
const parseAtMaxLimits = (text: string) => parse(text, { limits: MAX_LIMITS });

describe('parse time per doubling of hostile input at MAX_LIMITS', () => {
  it.each(Object.entries(SHAPES))('%s: under 3 per doubling', (_, make) => {
    const ratios = ratiosPerDoubling(parseAtMaxLimits, make, {
      sizes: VALID_CHAINS.has(_) ? CHAIN_SIZES : SIZES,
      samples: 7,
    });
    if (process.env.V3F_SHOW_SCALING) console.log(`${_}: ${describeRatios(ratios)}`);
    expectLinear(ratios);
  });
});

/**
 * Shows that parsing is linear in the input on hostile shapes: for each shape, the time at sizes
 * n, 2n, 4n and 8n, and the ratio of each to the one before (about 2 means linear; a quadratic
 * rescan would show about 4). Run alone with `npx tsx bench/scaling.ts`.
 */

import { MAX_LIMITS, parse } from '../src/index.js';
import { runsAlone } from './root.js';

const shapes: Record<string, (n: number) => string> = {
  'unterminated "\\"\\"\\"...': (n) => `a eq "${'\\"'.repeat(n)}`,
  'closed string': (n) => `a eq "${'x'.repeat(n * 2)}"`,
  'bare word': (n) => `a eq ${'x'.repeat(n * 2)}`,
  'or chain': (n) => Array.from({ length: n / 8 }, (_, i) => `a${i} eq ${i}`).join(' or '),
  'nested ( past the limit': (n) => `${'('.repeat(n)}a eq 1${')'.repeat(n)}`,
  'not chain past the limit': (n) => `${'not '.repeat(n / 4)}a eq 1`,
  'binary garbage': (n) =>
    Array.from({ length: n }, (_, i) => String.fromCharCode((i * 7919) % 65_536)).join(''),
  'error flood': (n) => 'a EQ 1 and '.repeat(n / 11),
};

function timeOf(text: string): number {
  const runs = 5;
  let best = Number.POSITIVE_INFINITY;
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    parse(text, { limits: MAX_LIMITS });
    best = Math.min(best, performance.now() - start);
  }
  return best;
}

/** Prints the scaling table. */
export async function run(): Promise<void> {
  const base = 250_000;
  const sizes = [base, base * 2, base * 4, base * 8];
  console.log('\nParse time scaling on hostile input (best of 5; ratio to the previous size, ~2 = linear)');
  console.log(
    ['shape'.padEnd(28), ...sizes.map((s) => `${(s / 1e6).toFixed(2)}M chars`.padStart(16))].join(''),
  );
  for (const [name, make] of Object.entries(shapes)) {
    const times = sizes.map((size) => timeOf(make(size)));
    const cells = times.map((t, i) => {
      const ratio = i === 0 ? '' : ` (x${(t / times[i - 1]!).toFixed(2)})`;
      return `${t.toFixed(1)}ms${ratio}`.padStart(16);
    });
    console.log([name.padEnd(28), ...cells].join(''));
  }
}

if (runsAlone(import.meta.url)) await run();

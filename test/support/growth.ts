import { expect } from 'vitest';

/**
 * Growth of a function's time with its input: for inputs at doubling sizes, the ratio of the time
 * at 2n to the time at n. Linear work gives about 2 per doubling, quadratic about 4.
 *
 * The verdict ({@link expectLinear}) is the growth over the whole range (the geometric mean of the
 * ratios): a single doubling can cross a cache or garbage-collector step and read 3 on linear
 * work, while super-linear work is above the bound on every doubling and so on their mean.
 *
 * Robust to a loaded machine: time is the process's CPU time (not the wall clock), each sample
 * runs n and 2n back to back so that a slow spell hits both, the ratio compared is that of the
 * fastest of several samples, and a ratio over the bound is measured again (noise comes and goes,
 * super-linear work stays above the bound on every attempt).
 */

function cpuMillis(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
}

function timeOf<T>(run: (input: T) => unknown, input: T, repeats: number): number {
  const start = cpuMillis();
  for (let i = 0; i < repeats; i++) run(input);
  return (cpuMillis() - start) / repeats;
}

/**
 * A ratio this far over the bound on two measurements is no noise: measuring more samples of a
 * polynomial input could take hours.
 */
const CERTAIN_FACTOR = 4;

/** A single doubling this far over the bound fails the run whatever the others say. */
const SUPER_LINEAR_FACTOR = 1.5;

function ratioOf<T>(
  run: (input: T) => unknown,
  small: T,
  large: T,
  repeats: number,
  samples: number,
  bound: number,
): number {
  const smallTimes: number[] = [];
  const largeTimes: number[] = [];
  for (let s = 0; s < samples; s++) {
    smallTimes.push(timeOf(run, small, repeats));
    largeTimes.push(timeOf(run, large, repeats));
    const ratio = Math.min(...largeTimes) / Math.max(Math.min(...smallTimes), 0.01);
    if (ratio >= CERTAIN_FACTOR * bound) return ratio;
  }
  return Math.min(...largeTimes) / Math.max(Math.min(...smallTimes), 0.01);
}

/** How to measure: the sizes (each twice the one before) and the bound a ratio must stay under. */
export interface GrowthOptions {
  readonly sizes: readonly number[];
  /** Default 3: between linear (2) and quadratic (4). */
  readonly bound?: number;
  /** Samples per ratio (default 5; fewer for slow inputs). */
  readonly samples?: number;
  /** Measurements of a ratio at or over the bound before it counts (default 3). */
  readonly attempts?: number;
}

/**
 * The time ratio per doubling of `run` on `make(n)` for each n of `sizes`, up to the first at or
 * over the bound. Inputs are made once, before timing; `run` is repeated until the smallest takes
 * some milliseconds of CPU.
 */
export function ratiosPerDoubling<T>(
  run: (input: T) => unknown,
  make: (n: number) => T,
  options: GrowthOptions,
): number[] {
  const bound = options.bound ?? 3;
  const inputs = options.sizes.map(make);
  run(inputs[0]!); // warm up
  const once = Math.max(timeOf(run, inputs[0]!, 1), 0.05);
  const repeats = Math.min(50, Math.max(1, Math.ceil(20 / once)));
  const samples = options.samples ?? (once > 50 ? 3 : 5);
  const ratios: number[] = [];
  for (let i = 0; i + 1 < inputs.length; i++) {
    let ratio = ratioOf(run, inputs[i]!, inputs[i + 1]!, repeats, samples, bound);
    for (let attempt = 1; attempt < (options.attempts ?? 3) && ratio >= bound; attempt++) {
      // One retry always: a stall of the machine (a collection, another process on a shared core)
      // can multiply one short sample. Past that, a ratio this far over is the input's own.
      if (attempt > 1 && ratio >= CERTAIN_FACTOR * bound) break;
      ratio = Math.min(ratio, ratioOf(run, inputs[i]!, inputs[i + 1]!, repeats, samples, bound));
    }
    ratios.push(ratio);
    // Past a clearly super-linear doubling the next one only takes longer (far longer).
    if (ratio >= SUPER_LINEAR_FACTOR * bound) break;
  }
  return ratios;
}

/** The ratios as a message: `ratios per doubling: 2.01, 1.97 (mean 1.99)`. */
export function describeRatios(ratios: readonly number[]): string {
  return `ratios per doubling: ${ratios.map((r) => r.toFixed(2)).join(', ')} (mean ${meanRatio(ratios).toFixed(2)})`;
}

/** The growth per doubling over the whole range: the geometric mean of the ratios. */
export function meanRatio(ratios: readonly number[]): number {
  if (ratios.length === 0) return Number.NaN;
  return Math.exp(ratios.reduce((sum, r) => sum + Math.log(Math.max(r, 1e-9)), 0) / ratios.length);
}

/**
 * Asserts linear growth: the mean ratio per doubling under `bound` (default 3, between linear and
 * quadratic) and no single doubling at 1.5 times the bound or more.
 */
export function expectLinear(ratios: readonly number[], bound = 3): void {
  const message = describeRatios(ratios);
  expect(ratios.length, message).toBeGreaterThan(0);
  expect(meanRatio(ratios), message).toBeLessThan(bound);
  for (const ratio of ratios) expect(ratio, message).toBeLessThan(SUPER_LINEAR_FACTOR * bound);
}

/** {@link ratiosPerDoubling} for an asynchronous `run` (a whole command run in-process). */
export async function ratiosPerDoublingAsync<T>(
  run: (input: T) => Promise<unknown>,
  make: (n: number) => T,
  options: GrowthOptions,
): Promise<number[]> {
  const bound = options.bound ?? 3;
  const inputs = options.sizes.map(make);
  await run(inputs[0]!); // warm up
  const time = async (input: T) => {
    const start = cpuMillis();
    await run(input);
    return cpuMillis() - start;
  };
  const ratios: number[] = [];
  for (let i = 0; i + 1 < inputs.length; i++) {
    let best = Number.POSITIVE_INFINITY;
    for (let attempt = 0; attempt < (options.attempts ?? 3) && best >= bound; attempt++) {
      const small: number[] = [];
      const large: number[] = [];
      for (let s = 0; s < (options.samples ?? 3); s++) {
        small.push(await time(inputs[i]!));
        large.push(await time(inputs[i + 1]!));
      }
      best = Math.min(best, Math.min(...large) / Math.max(Math.min(...small), 0.01));
    }
    ratios.push(best);
    if (best >= SUPER_LINEAR_FACTOR * bound) break;
  }
  return ratios;
}

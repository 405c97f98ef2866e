/**
 * The timer of the side-by-side benchmark, the matrix and the cost curves. Time is the CPU time
 * of the thread that runs the contenders (Linux: `/proc/thread-self/schedstat`, nanoseconds on
 * the CPU; elsewhere the process's `process.cpuUsage`), not the wall clock: on a machine shared
 * with other work, a process waiting for a core would otherwise be charged for the wait, by
 * chance and by the whole batch (the runs this bench was made on had a load of 20 on 2 cores),
 * and the engine's helper threads (parallel collection, background compilation) are not charged
 * to whichever contender happens to run beside them. Warm-up is counted in that time too, so
 * each contender has done the same work, and reached the same optimised state, before its first
 * sample, however loaded the machine. Contenders are measured in interleaved rounds (each round
 * takes one sample of every contender, in a rotating order), so what is left of the noise
 * (caches, frequency) falls on all of them alike; a sample times a batch of calls long enough
 * for the timer to resolve; the figure is the lower quartile of the samples, per call: noise only
 * ever adds time, and the lower quartile is steadier than the median against it while still not
 * the luckiest sample.
 */

import { readFileSync } from 'node:fs';

const SCHEDSTAT = '/proc/thread-self/schedstat';

function threadMs(): number {
  const text = readFileSync(SCHEDSTAT, 'latin1');
  return Number(text.slice(0, text.indexOf(' '))) / 1e6;
}

function processMs(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
}

function pickClock(): () => number {
  try {
    const ms = threadMs();
    return Number.isFinite(ms) && ms > 0 ? threadMs : processMs;
  } catch {
    return processMs;
  }
}

/** CPU milliseconds of the calling thread so far (of the whole process where that is unknown). */
export const cpuMs: () => number = pickClock();

/** Whatever the contenders return ends here, so that no engine can drop the calls as dead code. */
export let sink: unknown;

/** Something to time. */
export interface Contender {
  readonly name: string;
  readonly run: () => unknown;
}

/** How long to measure. */
export interface Budget {
  /** Total CPU milliseconds for all the rounds of one comparison (the warm-up is extra). */
  readonly ms: number;
  /** Target CPU milliseconds per sample. */
  readonly sampleMs?: number;
  /** CPU milliseconds of calls before the first sample (default 40). */
  readonly warmMs?: number;
  /** Fewest rounds, whatever the budget. */
  readonly minRounds?: number;
}

// Calls in doubling batches between readings of the clock, so the reading (a few microseconds)
// does not crowd out the calls of a fast contender.
function warm(run: () => unknown, ms: number): number {
  const start = cpuMs();
  let calls = 0;
  let batch = 1;
  let now = start;
  while (now - start < ms || calls < 3) {
    for (let i = 0; i < batch; i++) sink = run();
    calls += batch;
    if (batch < 1024) batch *= 2;
    now = cpuMs();
  }
  return (now - start) / calls;
}

function lowerQuartile(values: number[]): number {
  const sorted = values.slice().sort((a, b) => a - b);
  const at = (sorted.length - 1) / 4;
  const below = Math.floor(at);
  return sorted[below]! + (sorted[Math.ceil(at)]! - sorted[below]!) * (at - below);
}

/** Milliseconds per call of each contender (lower quartile of its samples), by name. */
export function compare(contenders: readonly Contender[], budget: Budget): Map<string, number> {
  const sampleMs = budget.sampleMs ?? 4;
  const batches = contenders.map((c) => Math.max(1, Math.round(sampleMs / warm(c.run, budget.warmMs ?? 40))));
  const samples = contenders.map((): number[] => []);
  const start = cpuMs();
  for (let round = 0; round < (budget.minRounds ?? 5) || cpuMs() - start < budget.ms; round++) {
    for (let k = 0; k < contenders.length; k++) {
      const index = (k + round) % contenders.length;
      const run = contenders[index]!.run;
      const batch = batches[index]!;
      const t0 = cpuMs();
      for (let i = 0; i < batch; i++) sink = run();
      samples[index]!.push((cpuMs() - t0) / batch);
    }
    if (round > 2000) break;
  }
  return new Map(contenders.map((c, i) => [c.name, lowerQuartile(samples[i]!)]));
}

/** Milliseconds per call of one function (lower quartile of its samples). */
export function timeOne(run: () => unknown, budget: Budget): number {
  return compare([{ name: 'one', run }], budget).get('one')!;
}

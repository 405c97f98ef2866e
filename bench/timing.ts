/**
 * The timer of the side-by-side benchmark, the matrix and the cost curves. Time is the process's
 * CPU time (user + system, `process.cpuUsage`), not the wall clock: on a machine shared with
 * other work, a process waiting for a core would otherwise be charged for the wait, by chance and
 * by the whole batch (the runs this bench was made on had a load of 20 on 2 cores). It includes
 * the engine's helper threads (the collector's parallel work), so a contender that allocates is
 * charged for all of its collection, as on one core. (The kernel's per-thread figure,
 * `/proc/thread-self/schedstat`, only moves at scheduler ticks: too coarse for a sample.) Warm-up
 * is counted in CPU time too, so each contender has done the same work, and reached the same
 * optimised state, before its first sample, however loaded the machine. Contenders are measured
 * in interleaved rounds (each round takes one sample of every contender, in a rotating order), so
 * what is left of the noise (caches, frequency) falls on all of them alike; a sample times a batch
 * of calls long enough for the timer to resolve; the figure is the lower quartile of the samples,
 * per call: noise only ever adds time, and the lower quartile is steadier than the median against
 * it while still not the luckiest sample.
 */

/** CPU milliseconds this process has used. */
export function cpuMs(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
}

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

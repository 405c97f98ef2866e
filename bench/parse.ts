/**
 * Parse throughput on small (~25 characters), medium (~150) and large (~3 KB) filters, beside two
 * baselines measured in the same run: the floor (a hand-written scan that only counts tokens, see
 * token-scan.ts) and scim2-parse-filter, the fastest peer, on the same logical filters in SCIM
 * syntax (see parse-inputs.ts). Prints ops/s, µs per parse and MB/s, and the time ratios
 * ours / floor and ours / scim2 per size. Targets (issue 2): ours / scim2 < 1 at every size, and
 * ours / floor <= 10 on medium and large. Run alone with `npx tsx bench/parse.ts`.
 */
import { parse as parseScim } from 'scim2-parse-filter';
import { Bench } from 'tinybench';
import { parse } from '../src/index.js';
import { checkEquivalent, FILTERS, type FilterPair } from './parse-inputs.js';
import { countTokens } from './token-scan.js';

type Size = keyof typeof FILTERS;
type Contender = 'floor' | 'ours' | 'scim2';

/**
 * Parses per timed sample. One parse of a small filter takes well under a microsecond for the
 * floor, which is below what one timer reading resolves, so each sample times a batch.
 */
const BATCH: Readonly<Record<Size, number>> = { small: 2000, medium: 400, large: 20 };

const CONTENDERS: Readonly<Record<Contender, (f: FilterPair) => () => unknown>> = {
  floor: (f) => () => countTokens(f.v3),
  ours: (f) => () => parse(f.v3),
  scim2: (f) => () => parseScim(f.scim),
};

const utf8Bytes = (text: string): number => new TextEncoder().encode(text).length;

interface Measure {
  /** Mean time of one parse, in microseconds. */
  readonly micros: number;
  readonly bytes: number;
}

/** Whatever the parsers return ends here, so that no engine can drop the calls as dead code. */
let sink: unknown;

async function measure(): Promise<Map<string, Measure>> {
  const bench = new Bench({ time: 800, warmupTime: 300 });
  const sizes = Object.keys(FILTERS) as Size[];
  for (const size of sizes) {
    const filter = FILTERS[size];
    for (const [name, make] of Object.entries(CONTENDERS)) {
      const once = make(filter);
      const batch = BATCH[size];
      bench.add(`${size}/${name}`, () => {
        for (let i = 0; i < batch; i++) sink = once();
      });
    }
  }
  await bench.run();
  const results = new Map<string, Measure>();
  for (const task of bench.tasks) {
    const result = task.result;
    if (!('latency' in result)) throw new Error(`${task.name}: ${result.state}`);
    const [size, name] = task.name.split('/') as [Size, Contender];
    const text = name === 'scim2' ? FILTERS[size].scim : FILTERS[size].v3;
    // The median sample, per parse: steadier than the mean against GC pauses and other noise.
    results.set(task.name, { micros: (result.latency.p50 * 1000) / BATCH[size], bytes: utf8Bytes(text) });
  }
  return results;
}

const fixed = (n: number, digits: number): string => n.toFixed(digits);

/** Prints the parse benchmark table. */
export async function run(): Promise<void> {
  for (const [size, filter] of Object.entries(FILTERS)) checkEquivalent(size, filter);
  const results = await measure();
  console.log('\nParse throughput (median of timed batches; the same run for all three)');
  console.log(
    ['size', 'parser', 'bytes', 'µs/parse', 'ops/s', 'MB/s']
      .map((h, i) => (i < 2 ? h.padEnd(8) : h.padStart(11)))
      .join(''),
  );
  const ratios: string[] = [];
  for (const size of Object.keys(FILTERS) as Size[]) {
    const get = (name: Contender): Measure => results.get(`${size}/${name}`)!;
    for (const name of Object.keys(CONTENDERS) as Contender[]) {
      const m = get(name);
      const cells = [
        String(m.bytes),
        fixed(m.micros, 3),
        Math.round(1e6 / m.micros).toLocaleString('en-US'),
        fixed(m.bytes / m.micros, 1), // bytes per µs = MB/s
      ];
      console.log([size.padEnd(8), name.padEnd(8), ...cells.map((c) => c.padStart(11))].join(''));
    }
    const floor = get('ours').micros / get('floor').micros;
    const scim = get('ours').micros / get('scim2').micros;
    ratios.push(
      `${size.padEnd(8)}ours / floor ${fixed(floor, 1).padStart(6)}x    ours / scim2 ${fixed(scim, 2).padStart(5)}x` +
        `  (${scim < 1 ? `${fixed(1 / scim, 2)}x faster` : `${fixed(scim, 2)}x slower`} than scim2-parse-filter)`,
    );
  }
  console.log(
    '\nTime ratios (lower is better; targets: ours / scim2 < 1, ours / floor <= 10 on medium and large)',
  );
  for (const line of ratios) console.log(line);
  if (sink === Symbol.for('never')) console.log(sink);
}

if (import.meta.url === `file://${process.argv[1]}`) await run();

/**
 * Text to predicate in fresh processes: the side-by-side figure is one process's, and a figure
 * that held in one process and not in the next would not be a property of the library. Bundles
 * fresh-child.ts as scripts/bench.ts bundles the bench (esbuild, no tsx wrappers), starts it in
 * nine fresh `node` processes one after another, and prints per filter size the minimum, median
 * and maximum over the processes of ours / the hand closure compiler and of each peer / ours.
 * Targets, in every process: ours <= 2x the hand closure compiler, and faster than
 * scim2-parse-filter and filtrex.
 */
import { spawnSync } from 'node:child_process';
import { build } from 'esbuild';
import { addRow, printSummary, times } from './report.js';
import { inRoot, RESULTS_URL, runsAlone } from './root.js';

const PROCESSES = 9;

type Figures = Record<string, Record<string, number>>;

function spread(values: readonly number[]): { min: number; median: number; max: number } {
  const s = values.slice().sort((a, b) => a - b);
  return { min: s[0]!, median: s[Math.floor(s.length / 2)]!, max: s[s.length - 1]! };
}

const show = ({ min, median, max }: ReturnType<typeof spread>): string =>
  `${times(min)} / ${times(median)} / ${times(max)}`;

/** Runs the measurement in fresh processes and adds a row per size to the summary. */
export async function run(budgetMs = 300): Promise<void> {
  const outfile = inRoot('.bench', 'fresh-child.mjs');
  await build({
    entryPoints: [inRoot('bench', 'fresh-child.ts')],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    logLevel: 'warning',
  });
  const runs: Figures[] = [];
  for (let i = 0; i < PROCESSES; i++) {
    const child = spawnSync(process.execPath, [outfile, String(budgetMs)], {
      cwd: inRoot(),
      encoding: 'utf8',
    });
    if (child.status !== 0) throw new Error(`fresh-child failed:\n${child.stderr}`);
    runs.push(JSON.parse(child.stdout.trim().split('\n').at(-1)!) as Figures);
  }
  console.log(
    `\nText to predicate in ${PROCESSES} fresh processes (min / median / max over the processes; CPU time)`,
  );
  for (const size of Object.keys(runs[0]!)) {
    const ratio = (name: string, over: string): number[] =>
      runs.map((r) => r[size]![name]! / r[size]![over]!);
    const ours = spread(ratio('ours', 'closures'));
    const scim2 = spread(ratio('scim2', 'ours'));
    const filtrex = spread(ratio('filtrex', 'ours'));
    console.log(
      `${size.padEnd(10)} ours / closures ${show(ours)}   scim2 / ours ${show(scim2)}   filtrex / ours ${show(filtrex)}`,
    );
    addRow({
      task: `text to predicate ${size}, ${PROCESSES} fresh processes (median)`,
      ours: spread(runs.map((r) => r[size]!.ours!)).median,
      others: {
        scim2: spread(runs.map((r) => r[size]!.scim2!)).median,
        filtrex: spread(runs.map((r) => r[size]!.filtrex!)).median,
      },
      floor: { name: 'closures', ms: spread(runs.map((r) => r[size]!.closures!)).median },
      targets: [
        { text: `every process <= 2x closures (${show(ours)})`, pass: ours.max <= 2 },
        { text: `faster than scim2 in every process (worst ${times(scim2.min)})`, pass: scim2.min > 1 },
        { text: `faster than filtrex in every process (worst ${times(filtrex.min)})`, pass: filtrex.min > 1 },
      ],
    });
  }
}

if (runsAlone(import.meta.url)) {
  await run();
  printSummary(RESULTS_URL, 'fresh processes only');
}

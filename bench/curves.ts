/**
 * Cost curves: parse, text-to-predicate and compileSql time against the size of the filter (1 to
 * 4,096 comparisons, limits raised), and evaluation time against the number of records (100 to
 * 100,000), each beside its floor. Writes bench/results/<curve>.json and a log-log plot
 * bench/results/<curve>.svg, and prints the fitted log-log slope of each line (1 is linear; the
 * fit over the larger half shows the asymptote, where fixed per-call costs no longer weigh).
 * Run alone with `npx tsx bench/curves.ts`.
 */

import { mkdirSync, writeFileSync } from 'node:fs';
import { compilePredicate, compileSql, parse } from '../src/index.js';
import { logLogSlope, logLogSvg, type Series } from './curves/plot.js';
import { compileByHand } from './floors/closure-compiler.js';
import { HAND_ARROWS } from './floors/hand-arrows.js';
import { makeLoop } from './loop.js';
import { ourAst, RAISED } from './peers/agreement.js';
import { REFERENCE_FILTER, sized } from './peers/corpus.js';
import { makeRecords, SCHEMA } from './peers/data.js';
import { render } from './peers/render.js';
import { duration, writeJson } from './report.js';
import { RESULTS_URL, runsAlone } from './root.js';
import { type Contender, compare } from './timing.js';
import { countTokens } from './token-scan.js';

const SIZES = [1, 4, 16, 64, 256, 1024, 4096];
const RECORD_COUNTS = [100, 1_000, 10_000, 100_000];
const RESULTS = RESULTS_URL;

interface Curve {
  readonly name: string;
  readonly title: string;
  readonly xLabel: string;
  readonly xs: readonly number[];
  /** The contenders at one x. */
  readonly at: (x: number) => Contender[];
}

function curves(): Curve[] {
  const text = (n: number): string => render(sized(n), 'ours');
  const records = makeRecords(RECORD_COUNTS[RECORD_COUNTS.length - 1]!);
  const ours = compilePredicate(ourAst(render(REFERENCE_FILTER, 'ours')), { schema: SCHEMA });
  const arrow = HAND_ARROWS['mixed: reference filter (5)']!;
  const oursLoop = makeLoop('curves: ours');
  const arrowLoop = makeLoop('curves: arrow');
  const sizeLabel = 'comparisons in the filter';
  return [
    {
      name: 'parse-curve',
      title: 'Parse time against filter size',
      xLabel: sizeLabel,
      xs: SIZES,
      at: (n) => {
        const t = text(n);
        return [
          { name: 'ours: parse', run: () => parse(t, RAISED) },
          { name: 'floor: token scan', run: () => countTokens(t) },
        ];
      },
    },
    {
      name: 'text-to-predicate-curve',
      title: 'Text to predicate time against filter size',
      xLabel: sizeLabel,
      xs: SIZES,
      at: (n) => {
        const t = text(n);
        return [
          {
            name: 'ours: parse + compilePredicate',
            run: () => compilePredicate(ourAst(t), { schema: SCHEMA }),
          },
          { name: 'floor: hand closure compiler', run: () => compileByHand(t, SCHEMA) },
        ];
      },
    },
    {
      name: 'compile-sql-curve',
      title: 'compileSql time against filter size',
      xLabel: sizeLabel,
      xs: SIZES,
      at: (n) => {
        const ast = ourAst(text(n));
        return [
          {
            name: 'ours: compileSql (postgres)',
            run: () => compileSql(ast, { schema: SCHEMA, dialect: 'postgres' }),
          },
        ];
      },
    },
    {
      name: 'evaluation-curve',
      title: 'Evaluation time against record count (reference filter)',
      xLabel: 'records',
      xs: RECORD_COUNTS,
      at: (count) => {
        const slice = records.slice(0, count);
        return [
          { name: 'ours: compilePredicate', run: () => oursLoop(slice, ours) },
          { name: 'floor: hand-written arrow', run: () => arrowLoop(slice, arrow) },
        ];
      },
    },
  ];
}

/** A power of ten of milliseconds as a tick label: `1 µs`, `10 ms`. */
function decade(ms: number): string {
  const [scale, unit] =
    ms >= 1000 ? [1e-3, 's'] : ms >= 1 ? [1, 'ms'] : ms >= 1e-3 ? [1e3, 'µs'] : [1e6, 'ns'];
  return `${Math.round(ms * scale)} ${unit}`;
}

const slopeText = (points: readonly (readonly [number, number])[]): string => {
  const upper = points.slice(Math.floor(points.length / 2));
  return `slope ${logLogSlope(points).toFixed(2)} (all points), ${logLogSlope(upper).toFixed(2)} (x >= ${upper[0]![0]})`;
};

/** Measures every curve, writes its JSON and SVG, and prints the slopes. */
export async function run(): Promise<void> {
  console.log('\nCost curves (log-log slope: 1 = linear; written to bench/results/*.json and *.svg)');
  mkdirSync(RESULTS, { recursive: true });
  for (const curve of curves()) {
    const byName = new Map<string, [number, number][]>();
    for (const x of curve.xs) {
      for (const [name, ms] of compare(curve.at(x), { ms: 250, sampleMs: 2, minRounds: 5 })) {
        if (!byName.has(name)) byName.set(name, []);
        byName.get(name)!.push([x, ms]);
      }
    }
    const series: Series[] = [...byName].map(([name, points]) => ({ name, points }));
    writeJson(new URL(`${curve.name}.json`, RESULTS), {
      title: curve.title,
      x: curve.xLabel,
      unit: 'ms',
      series,
    });
    writeFileSync(
      new URL(`${curve.name}.svg`, RESULTS),
      logLogSvg({
        title: curve.title,
        xLabel: curve.xLabel,
        yLabel: 'time per call',
        series,
        yTick: decade,
      }),
    );
    console.log(curve.title);
    for (const s of series) {
      const last = s.points[s.points.length - 1]!;
      console.log(`  ${s.name.padEnd(34)} ${slopeText(s.points)}; ${duration(last[1])} at ${last[0]}`);
    }
    if (series.length === 2) {
      const [ours, floor] = series as [Series, Series];
      const ratios = ours.points.map(([x, t], i) => `${(t / floor.points[i]![1]).toFixed(2)}x at ${x}`);
      console.log(`  ours / floor: ${ratios.join(', ')}`);
    }
  }
}

if (runsAlone(import.meta.url)) await run();

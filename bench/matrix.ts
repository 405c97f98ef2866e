/**
 * The evaluation matrix: every leaf kind (field type x operator x case sensitivity, cells.ts) at
 * path depth 1, 2 and 3, plus a mixed five-comparison filter, over 100,000 records of each shape
 * (matrix/data.ts), each cell timed in one interleaved measurement against the arrow a user would
 * write by hand and against the semantic floor. All the cells' predicates are compiled in one
 * process, as an application with many filters has them. Prints the matrix, writes it to
 * bench/results/matrix.{json,md} and the ratio by depth to matrix-depth.svg, and adds per shape
 * the worst and median ratio to the closing summary. Targets: ours <= 2x the arrow in every cell,
 * the opt-in generated mode <= 1.2x.
 */
import { writeFileSync } from 'node:fs';
import { compilePredicate, parse } from '../src/index.js';
import { logLogSvg } from './curves/plot.js';
import * as semantics from './floors/semantics.js';
import { makeLoop } from './loop.js';
import { floorRead, LEAF_KINDS, matrixSchema, PREFIXES, userRead } from './matrix/cells.js';
import { makeMatrixRecords, SHAPES, type Shape } from './matrix/data.js';
import { addRow, printSummary, times, writeJson } from './report.js';
import { RESULTS_URL, runsAlone } from './root.js';
import { type Contender, compare } from './timing.js';

const RECORDS = 100_000;
const SCHEMA = matrixSchema();

type Test = (record: unknown) => unknown;

const T = semantics.instantOf('2022-06-01T00:00:00Z');
const T2 = semantics.instantOf('2021-03-15T12:00:00.5Z');
const own = Object.prototype.hasOwnProperty;

/**
 * A function written out from source, as a hand-written one would be compiled. `label` (the cell)
 * makes the source its own (see makeLoop); the same cell's arrow, like our predicate for it, meets
 * the records of every shape the run times, so both carry the same history in their caches.
 */
function handWritten(body: string, label: string): Test {
  return new Function('own', 'fold', 'instant', 'T', 'T2', `return (r) => { let s; ${body} } // ${label}`)(
    own,
    semantics.foldForConstant,
    semantics.compareToInstant,
    T,
    T2,
  ) as Test;
}

/** One timed cell. */
export interface Cell {
  readonly cell: string;
  readonly type: string;
  readonly depth: number;
  readonly shape: Shape;
  readonly selected: number;
  /** Whether the user's arrow selects the same records (its semantics differ on some data). */
  readonly arrowAgrees: boolean;
  readonly arrow: number;
  readonly floor: number;
  readonly ours: number;
  readonly generated: number;
}

interface Case {
  readonly cell: string;
  readonly type: string;
  readonly depth: number;
  readonly filter: string;
  readonly arrow: (sparse: boolean) => string;
  readonly floor: string;
}

function cases(): Case[] {
  const list: Case[] = [];
  for (const kind of LEAF_KINDS) {
    for (let depth = 1; depth <= 3; depth++) {
      list.push({
        cell: `${kind.type} ${kind.operator}${kind.type === 'string' || kind.type === 'collection' ? (kind.caseSensitive ? ' cs' : ' ci') : ''}`,
        type: kind.type,
        depth,
        filter: `${PREFIXES[depth - 1]}${kind.field} ${kind.rest}`,
        arrow: (sparse) =>
          `const v = ${userRead(kind.field, depth, sparse)}; return ${kind.arrow(sparse ? '?.' : '.')};`,
        floor: `${floorRead(kind.field, depth)}\nreturn ${kind.floor};`,
      });
    }
  }
  // A mixed filter at depth 1 with a dotted path: and, not, an or group.
  list.push({
    cell: 'mixed (5)',
    type: 'mixed',
    depth: 1,
    filter:
      'status eq "failed" and not (active eq true) and count gt 100 and (name co "an" or meta.name sw "al") and created ge 2021-03-15T12:00:00.5Z',
    arrow: (sparse) => {
      const q = sparse ? '?.' : '.';
      return `return r${q}status${q}toLowerCase() === 'failed' && r${q}active !== true && r${q}count > 100 && (r${q}name${q}toLowerCase().includes('an') || r${q}meta${q}name${q}toLowerCase().startsWith('al')) && r${q}created >= '2021-03-15T12:00:00.5Z';`;
    },
    floor: [
      'const g = (o, k) => (typeof o === "object" && o !== null && own.call(o, k) ? o[k] : undefined);',
      'let v = g(r, "status"); if (!(typeof v === "string" && fold(v) === "failed")) return false;',
      'if (g(r, "active") === true) return false;',
      'v = g(r, "count"); if (!(typeof v === "number" && v > 100)) return false;',
      'v = g(r, "name"); const m = g(g(r, "meta"), "name");',
      'if (!((typeof v === "string" && fold(v).includes("an")) || (typeof m === "string" && fold(m).startsWith("al")))) return false;',
      'return instant(g(r, "created"), T2) >= 0;',
    ].join('\n'),
  });
  return list;
}

function compiled(filter: string, generateCode: boolean): Test {
  const parsed = parse(filter);
  if (!parsed.ok) throw new Error(`the matrix filter ${filter} does not parse`);
  return compilePredicate(parsed.ast, { schema: SCHEMA, generateCode });
}

function timeShape(shape: Shape, budgetMs: number): Cell[] {
  const records = makeMatrixRecords(RECORDS, shape);
  const sparse = shape === 'sparse';
  const out: Cell[] = [];
  for (const c of cases()) {
    const label = `${c.cell} ${c.depth}`;
    const tests = {
      arrow: handWritten(c.arrow(sparse), label),
      floor: handWritten(c.floor, label),
      ours: compiled(c.filter, false),
      generated: compiled(c.filter, true),
    };
    const loops = Object.entries(tests).map(([name, test]) => ({
      name,
      test,
      loop: makeLoop(`${name} ${shape} ${label}`),
    }));
    const counts = new Map(loops.map(({ name, test, loop }) => [name, loop(records, test)]));
    const selected = counts.get('ours')!;
    if (counts.get('floor') !== selected || counts.get('generated') !== selected) {
      throw new Error(`${shape} ${c.filter}: ours, generated and the floor disagree (${[...counts]})`);
    }
    const contenders: Contender[] = loops.map(({ name, test, loop }) => ({
      name,
      run: () => loop(records, test),
    }));
    const ms = compare(contenders, { ms: budgetMs, sampleMs: 2, warmMs: 10, minRounds: 5 });
    out.push({
      cell: c.cell,
      type: c.type,
      depth: c.depth,
      shape,
      selected,
      arrowAgrees: counts.get('arrow') === selected,
      arrow: ms.get('arrow')!,
      floor: ms.get('floor')!,
      ours: ms.get('ours')!,
      generated: ms.get('generated')!,
    });
  }
  return out;
}

const ratio = (a: number, b: number): string => times(a / b);
const median = (values: number[]): number => {
  const s = values.slice().sort((a, b) => a - b);
  return s[Math.floor((s.length - 1) / 2)]!;
};

/** Per shape: the median and worst ratios, and the cells over 2x the arrow. */
function shapeSummary(cells: readonly Cell[]): string[] {
  const head = [
    'shape',
    'cells',
    'ours/arrow median',
    'worst',
    'over 2x',
    'ours/floor median',
    'generated/arrow median',
    'worst',
  ];
  const lines = [`| ${head.join(' | ')} |`, `| ${head.map(() => '---').join(' | ')} |`];
  for (const shape of SHAPES) {
    const own = cells.filter((c) => c.shape === shape);
    if (own.length === 0) continue;
    const ours = own.map((c) => c.ours / c.arrow);
    const generated = own.map((c) => c.generated / c.arrow);
    const over = own.filter((c) => c.ours > 2 * c.arrow).length;
    const row = [
      shape,
      String(own.length),
      times(median(ours)),
      times(Math.max(...ours)),
      String(over),
      times(median(own.map((c) => c.ours / c.floor))),
      times(median(generated)),
      times(Math.max(...generated)),
    ];
    lines.push(`| ${row.join(' | ')} |`);
  }
  return lines;
}

/** The matrix as Markdown: a row per cell and depth, per shape ours/arrow, ours/floor, generated/arrow. */
export function matrixMarkdown(cells: readonly Cell[]): string {
  const summary = shapeSummary(cells);
  const shapes = SHAPES.filter((s) => cells.some((c) => c.shape === s));
  const head = [
    'cell',
    'depth',
    ...shapes.flatMap((s) => [`${s} ours/arrow`, `${s} ours/floor`, `${s} gen/arrow`]),
  ];
  const lines = [`| ${head.join(' | ')} |`, `| ${head.map(() => '---').join(' | ')} |`];
  const keys = [...new Set(cells.map((c) => `${c.cell}\u0000${c.depth}`))];
  for (const key of keys) {
    const [cell, depth] = key.split('\u0000');
    const row = [cell!, depth!];
    for (const shape of shapes) {
      const c = cells.find((x) => x.cell === cell && String(x.depth) === depth && x.shape === shape);
      if (c === undefined) continue;
      const mark = c.arrowAgrees ? '' : '*';
      row.push(`${ratio(c.ours, c.arrow)}${mark}`, ratio(c.ours, c.floor), ratio(c.generated, c.arrow));
    }
    lines.push(`| ${row.join(' | ')} |`);
  }
  return [...summary, '', ...lines].join('\n');
}

function depthCurve(cells: readonly Cell[]): string {
  const types = [...new Set(cells.filter((c) => c.type !== 'mixed').map((c) => c.type))];
  const series = types.map((type) => ({
    name: type,
    points: [1, 2, 3].map((depth): [number, number] => {
      const rs = cells.filter((c) => c.type === type && c.depth === depth).map((c) => c.ours / c.arrow);
      return [depth, median(rs)];
    }),
  }));
  return logLogSvg({
    title: 'Predicate time over the hand-written arrow, by path depth (median over operators and shapes)',
    xLabel: 'path depth',
    yLabel: 'ours / arrow',
    series,
    yTick: (v) => `${v}x`,
  });
}

/** Runs the matrix (`shapes`: all unless given, e.g. by a profiling script). */
export async function run(budgetMs = 60, shapes: readonly Shape[] = SHAPES): Promise<void> {
  console.log(`\nEvaluation matrix over ${RECORDS.toLocaleString('en-US')} records per shape`);
  console.log('(ratios of the lower quartile of interleaved samples; * = the arrow selects other records)');
  const cells: Cell[] = [];
  for (const shape of shapes) {
    const shapeCells = timeShape(shape, budgetMs);
    cells.push(...shapeCells);
    for (const c of shapeCells) {
      console.log(
        `${shape.padEnd(7)}${c.cell.padEnd(20)}depth ${c.depth}  ours/arrow ${ratio(c.ours, c.arrow).padStart(6)}${c.arrowAgrees ? ' ' : '*'}  ours/floor ${ratio(c.ours, c.floor).padStart(6)}  generated/arrow ${ratio(c.generated, c.arrow).padStart(6)}  arrow ${c.arrow.toFixed(2)} ms  selected ${c.selected}`,
      );
    }
    const rs = shapeCells.map((c) => c.ours / c.arrow);
    const gs = shapeCells.map((c) => c.generated / c.arrow);
    const worst = shapeCells.reduce((a, b) => (b.ours / b.arrow > a.ours / a.arrow ? b : a));
    addRow({
      task: `matrix ${shape}: ${shapeCells.length} cells, median (worst: ${worst.cell} depth ${worst.depth})`,
      ours: median(shapeCells.map((c) => c.ours)),
      others: {},
      floor: { name: 'arrow', ms: median(shapeCells.map((c) => c.arrow)) },
      targets: [
        {
          text: `worst ${times(Math.max(...rs))}, median ${times(median(rs))} <= 2x arrow`,
          pass: Math.max(...rs) <= 2,
        },
        { text: `generated worst ${times(Math.max(...gs))} <= 1.2x arrow`, pass: Math.max(...gs) <= 1.2 },
      ],
    });
  }
  writeJson(new URL('matrix.json', RESULTS_URL), cells);
  writeFileSync(new URL('matrix.md', RESULTS_URL), `${matrixMarkdown(cells)}\n`);
  writeFileSync(new URL('matrix-depth.svg', RESULTS_URL), depthCurve(cells));
}

if (runsAlone(import.meta.url)) {
  await run();
  printSummary(RESULTS_URL, 'matrix only');
}

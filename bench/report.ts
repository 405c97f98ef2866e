/**
 * The closing table of `npm run bench`: each task's time for ours, each peer and the floor, the
 * ratio ours / floor, the target and whether it holds. Benchmark modules add rows as they run;
 * index.ts prints the table at the end and writes it to bench/results/summary.{json,md}.
 */

import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { inRoot } from './root.js';

/**
 * Writes `value` as JSON to `url`, laid out by the repository's formatter (Biome), so that the
 * committed results pass `biome check` as written.
 */
export function writeJson(url: URL, value: unknown): void {
  const path = fileURLToPath(url);
  writeFileSync(path, `${JSON.stringify(value, null, 2)}\n`);
  const biome = inRoot('node_modules', '.bin', 'biome');
  spawnSync(biome, ['format', '--write', path], { stdio: 'ignore' });
}

/** The columns besides ours and the floor, in order: the peers and our other modes. */
export const COLUMNS = ['scim2', 'filtrex', 'rsql', 'odata', 'closures', 'generated'] as const;
/** A column name. */
export type Column = (typeof COLUMNS)[number];

/** A target and whether this run met it. */
export interface Target {
  readonly text: string;
  readonly pass: boolean;
}

/** One line of the table; times in milliseconds per call. */
export interface Row {
  readonly task: string;
  readonly ours: number;
  readonly others: Partial<Record<Column, number | undefined>>;
  readonly floor?: { readonly name: string; readonly ms: number };
  readonly targets: readonly Target[];
  /** The unit of `ours` and `others` when they are not milliseconds. */
  readonly unit?: string;
}

const rows: Row[] = [];

/** Adds a row to the closing table. */
export function addRow(row: Row): void {
  rows.push(row);
}

/** Milliseconds written with a unit that keeps three significant digits. */
export function duration(ms: number): string {
  if (ms >= 1) return `${ms.toPrecision(3)} ms`;
  if (ms >= 1e-3) return `${(ms * 1e3).toPrecision(3)} µs`;
  return `${(ms * 1e6).toPrecision(3)} ns`;
}

/** A ratio as `2.31x`. */
export const times = (ratio: number): string => `${ratio < 10 ? ratio.toFixed(2) : ratio.toFixed(1)}x`;

function cells(row: Row): string[] {
  const show = (value: number): string =>
    row.unit === undefined ? duration(value) : `${value.toFixed(1)} ${row.unit}`;
  const other = (c: Column): string => {
    const ms = row.others[c];
    if (ms === undefined) return '-';
    return `${show(ms)} (${times(ms / row.ours)})`;
  };
  const verdict = row.targets.length === 0 ? '' : row.targets.every((t) => t.pass) ? 'pass' : 'FAIL';
  return [
    row.task,
    show(row.ours),
    ...COLUMNS.map(other),
    row.floor === undefined ? '-' : `${row.floor.name} ${duration(row.floor.ms)}`,
    row.floor === undefined ? '-' : times(row.ours / row.floor.ms),
    row.targets.map((t) => `${t.text}: ${t.pass ? 'pass' : 'FAIL'}`).join('; '),
    verdict,
  ];
}

const HEADER = ['task', 'ours', ...COLUMNS, 'floor', 'ours/floor', 'target', 'pass/fail'];

/** Prints the table, and writes it as JSON and as a Markdown table to `dir`. */
export function printSummary(dir: URL, context: string): void {
  const table = rows.map(cells);
  const widths = HEADER.map((h, i) => Math.max(h.length, ...table.map((r) => r[i]!.length)));
  const line = (r: readonly string[]): string => r.map((c, i) => c.padEnd(widths[i]!)).join(' | ');
  console.log(`\nSummary (${context}); peer cells: time (peer / ours), lower is better`);
  console.log(line(HEADER));
  console.log(widths.map((w) => '-'.repeat(w)).join('-|-'));
  for (const r of table) console.log(line(r));
  const targets = rows.flatMap((r) => r.targets);
  const rowsMet = rows.filter((r) => r.targets.length > 0 && r.targets.every((t) => t.pass)).length;
  const judged = rows.filter((r) => r.targets.length > 0).length;
  console.log(
    `Targets met: ${targets.filter((t) => t.pass).length} of ${targets.length}; rows with every target met: ${rowsMet} of ${judged}.`,
  );
  mkdirSync(dir, { recursive: true });
  writeJson(new URL('summary.json', dir), { context, rows });
  const md = [HEADER, HEADER.map(() => '---'), ...table].map((r) => `| ${r.join(' | ')} |`).join('\n');
  writeFileSync(new URL('summary.md', dir), `${context}\n\n${md}\n`);
}

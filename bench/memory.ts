/**
 * Peak memory of parsing a 1 MB filter (limits raised to MAX_LIMITS), ours against
 * scim2-parse-filter on the same logical filter, each in a fresh process (memory-child.ts) so
 * that one parse's garbage cannot hide another's peak. Prints the heap the result keeps and the
 * growth of the peak resident set during the parse, per input byte. Run alone with
 * `npx tsx bench/memory.ts`.
 */

import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sized } from './peers/corpus.js';
import { render, type Syntax } from './peers/render.js';
import { addRow } from './report.js';
import { inRoot, ROOT, runsAlone } from './root.js';

const TARGET_BYTES = 1024 * 1024;

interface Measure {
  readonly parser: string;
  readonly bytes: number;
  readonly ms: number;
  readonly retainedBytes: number;
  readonly peakRssGrowthBytes: number;
}

const CHILD = inRoot('bench', 'memory-child.ts');

function measure(parser: string, file: string): Measure {
  const child = spawnSync(process.execPath, ['--expose-gc', '--import', 'tsx', CHILD, parser, file], {
    encoding: 'utf8',
    cwd: ROOT,
  });
  if (child.status !== 0) throw new Error(`memory-child ${parser} failed:\n${child.stderr}`);
  return JSON.parse(child.stdout.trim().split('\n')[0]!) as Measure;
}

const mb = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

/** Prints the memory table. */
export async function run(): Promise<void> {
  // Grow the filter until it reaches 1 MB in our syntax; the same logical filter for both parsers.
  let n = 1024;
  while (render(sized(n), 'ours').length < TARGET_BYTES) n = Math.ceil(n * 1.25);
  const dir = mkdtempSync(join(tmpdir(), 'v3f-memory-'));
  const parsers: [string, Syntax][] = [
    ['ours', 'ours'],
    ['scim2', 'scim'],
  ];
  const results = parsers.map(([parser, syntax]) => {
    const file = join(dir, `${parser}.txt`);
    writeFileSync(file, render(sized(n), syntax));
    return measure(parser, file);
  });
  rmSync(dir, { recursive: true, force: true });
  const ours = results[0]!;
  console.log(
    `\nMemory: parsing a ${mb(ours.bytes)} filter (${n.toLocaleString('en-US')} comparisons), fresh process each`,
  );
  console.log(
    `${'parser'.padEnd(10)}${'parse'.padStart(10)}${'kept (heap)'.padStart(14)}${'peak RSS growth'.padStart(18)}${'per input byte'.padStart(16)}`,
  );
  for (const r of results) {
    console.log(
      `${r.parser.padEnd(10)}${`${r.ms.toFixed(0)} ms`.padStart(10)}${mb(r.retainedBytes).padStart(14)}` +
        `${mb(r.peakRssGrowthBytes).padStart(18)}${`${(r.peakRssGrowthBytes / r.bytes).toFixed(1)} B`.padStart(16)}`,
    );
  }
  const scim = results[1]!;
  addRow({
    task: `parse 1 MB: peak RSS growth, MB (kept ${mb(ours.retainedBytes)})`,
    ours: ours.peakRssGrowthBytes / 1024 / 1024,
    others: { scim2: scim.peakRssGrowthBytes / 1024 / 1024 },
    targets: [],
    unit: 'MB',
  });
}

if (runsAlone(import.meta.url)) await run();

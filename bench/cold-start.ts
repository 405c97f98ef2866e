/**
 * Cold start: the wall time of fresh processes, against `node -e 0` measured in the same
 * rounds (paired runs: one round runs every scenario once, in a rotating order, so that a busy
 * machine slows all of them alike). Prints the median of each and its ratio to the baseline.
 * Targets: the library scenario at most 2x the baseline, the CLI's `lint` at most 2.5x.
 *
 * - library: imports the built package (dist/), parses one valid and one invalid filter,
 *   validates and compiles SQL;
 * - CLI lint: `bin/v3-filters.js lint` of one filter against the built-in endpoint.
 *
 * Reads dist/ as `npm run build` left it (builds it first when it is missing). Run alone with
 * `npx tsx bench/cold-start.ts [rounds]`.
 */

import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ROOT, runsAlone } from './root.js';

/** The library scenario, as a module run by a fresh `node`. */
function libraryScript(): string {
  const index = pathToFileURL(join(ROOT, 'dist', 'index.js')).href;
  return `import { compileSql, parse, validate, workflowExecutionsSchema as schema } from ${JSON.stringify(index)};
const valid = parse('status eq "Failed" and start_time ge 2022-02-07T20:13:29Z');
const invalid = parse('status eq and (');
if (!valid.ok || invalid.ok) throw new Error('unexpected parse results');
if (validate(valid.ast, schema).length > 0) throw new Error('unexpected diagnostics');
compileSql(valid.ast, { schema, dialect: 'postgres' });
`;
}

interface Scenario {
  readonly name: string;
  readonly args: readonly string[];
}

function timeOnce(scenario: Scenario): number {
  const start = process.hrtime.bigint();
  const result = spawnSync(process.execPath, scenario.args, {
    cwd: ROOT,
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  const elapsed = Number(process.hrtime.bigint() - start) / 1e6;
  if (result.status !== 0) {
    throw new Error(`${scenario.name} exited with ${result.status}: ${result.stderr.toString()}`);
  }
  return elapsed;
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/** Median wall times (ms) of each scenario over `rounds` paired rounds; the first is the baseline. */
export function measure(scenarios: readonly Scenario[], rounds: number): number[] {
  const times: number[][] = scenarios.map(() => []);
  for (const scenario of scenarios) timeOnce(scenario); // warm the file cache
  for (let round = 0; round < rounds; round++) {
    for (let k = 0; k < scenarios.length; k++) {
      const i = (round + k) % scenarios.length;
      times[i]!.push(timeOnce(scenarios[i]!));
    }
  }
  return times.map(median);
}

export async function run(rounds = 21): Promise<void> {
  if (!existsSync(join(ROOT, 'dist', 'index.js')) || !existsSync(join(ROOT, 'dist', 'cli', 'main.js'))) {
    // Reached only when run alone from source (npm run bench builds first): a specifier esbuild
    // leaves alone, so the bench bundle does not carry the build script.
    const buildScript = '../scripts/build.js';
    const { buildPackage } = (await import(buildScript)) as typeof import('../scripts/build.js');
    await buildPackage({ types: false });
  }
  const dir = mkdtempSync(join(tmpdir(), 'v3f-cold-'));
  try {
    const script = join(dir, 'library.mjs');
    writeFileSync(script, libraryScript());
    const scenarios: Scenario[] = [
      { name: 'node -e 0 (baseline)', args: ['-e', '0'] },
      { name: 'library: import, 2 parses, validate, SQL', args: [script] },
      {
        name: 'CLI: lint one filter',
        args: [
          join(ROOT, 'bin', 'v3-filters.js'),
          'lint',
          'status eq "Failed"',
          '--endpoint',
          'workflow-executions',
        ],
      },
    ];
    const targets = [undefined, 2, 2.5];
    const medians = measure(scenarios, rounds);
    console.log(`\nCold start (median wall time of ${rounds} paired rounds; fresh processes on dist/)`);
    console.log(
      `${'scenario'.padEnd(44)}${'median'.padStart(10)}${'ratio'.padStart(8)}${'target'.padStart(8)}`,
    );
    scenarios.forEach((scenario, i) => {
      const ratio = medians[i]! / medians[0]!;
      const target = targets[i] === undefined ? '' : `<= ${targets[i]}`;
      console.log(
        `${scenario.name.padEnd(44)}${`${medians[i]!.toFixed(1)} ms`.padStart(10)}${ratio.toFixed(2).padStart(8)}${target.padStart(8)}`,
      );
    });
    console.log('Figures from a shared machine are noisy: only the ratios of one run compare.');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (runsAlone(import.meta.url)) {
  await run(process.argv[2] === undefined ? undefined : Number(process.argv[2]));
}

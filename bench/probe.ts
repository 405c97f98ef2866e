/**
 * One filter in a fresh process: ours (closures and generated) against the arrow a user writes,
 * over 100,000 matrix records of one shape, as an application with that one filter runs it. Not
 * part of `npm run bench`; for profiling one cell (`--trace-deopt`, `--prof` on the bundle):
 *
 *   PROBE_SHAPE=class PROBE_FILTER='count ne 55' PROBE_ARROW='r.count !== 55' npm run bench -- probe
 *
 * `PROBE_WARM` runs other filters first, `shape|filter` separated by `;`, as an application's
 * other filters fill the copied leaves' caches (leaf-copies.ts) before this one runs.
 */
import { compilePredicate, parse } from '../src/index.js';
import { makeLoop } from './loop.js';
import { matrixSchema } from './matrix/cells.js';
import { makeMatrixRecords, type Shape } from './matrix/data.js';
import { compare } from './timing.js';

function compiled(text: string, generateCode = false): (record: unknown) => boolean {
  const parsed = parse(text);
  if (!parsed.ok) throw new Error(`does not parse: ${text}`);
  return compilePredicate(parsed.ast, { schema: matrixSchema(), generateCode });
}

export async function run(): Promise<void> {
  const shape = (process.env.PROBE_SHAPE ?? 'json') as Shape;
  const filter = process.env.PROBE_FILTER ?? 'status_cs eq "Failed"';
  const arrowBody = process.env.PROBE_ARROW ?? "r.status === 'Failed'";
  for (const warm of (process.env.PROBE_WARM ?? '').split(';').filter(Boolean)) {
    const [warmShape, text] = warm.split('|') as [Shape, string];
    const records = makeMatrixRecords(10_000, warmShape);
    const test = compiled(text);
    const loop = makeLoop(`warm ${warm}`);
    for (let i = 0; i < 200; i++) loop(records, test);
  }
  const records = makeMatrixRecords(100_000, shape);
  const tests = {
    arrow: new Function(`return (r) => ${arrowBody}`)() as (r: unknown) => unknown,
    ours: compiled(filter),
    generated: compiled(filter, true),
  };
  const contenders = Object.entries(tests).map(([name, test]) => {
    const loop = makeLoop(name);
    return { name, run: () => loop(records, test) };
  });
  const counts = contenders.map((c) => `${c.name} ${String(c.run())}`).join(', ');
  const ms = compare(contenders, { ms: Number(process.env.PROBE_MS ?? 1500), sampleMs: 4, warmMs: 100 });
  const arrow = ms.get('arrow')!;
  const ratio = (name: string): string => `${(ms.get(name)! / arrow).toFixed(2)}x`;
  console.log(
    `${shape} ${filter}: arrow ${arrow.toFixed(3)} ms, ours ${ratio('ours')}, generated ${ratio('generated')} (selected: ${counts})`,
  );
}

/**
 * The matrix (matrix.ts) alone, or after the side-by-side module as the full `npm run bench` runs
 * them: the copied leaves (leaf-copies.ts) are taken first come first served, process-wide, so
 * the side-by-side filters' paths and records reach the matrix's copies first. Not part of
 * `npm run bench`; writes bench/results/matrix.* as the matrix does.
 *
 *   PROBE_SIDE=1 PROBE_SHAPES=json,class npm run bench -- probe-matrix
 */
import type { Shape } from './matrix/data.js';
import { run as matrix } from './matrix.js';
import { run as sideBySide } from './side-by-side.js';

export async function run(): Promise<void> {
  if (process.env.PROBE_SIDE === '1') await sideBySide();
  const shapes = process.env.PROBE_SHAPES?.split(',') as Shape[] | undefined;
  await matrix(60, shapes);
}

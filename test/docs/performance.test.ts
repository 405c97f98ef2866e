import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { LEAF_KINDS } from '../../bench/matrix/cells.js';
import { SHAPES } from '../../bench/matrix/data.js';
import { type Cell, matrixMarkdown } from '../../bench/matrix.js';

/*
 * docs/performance.md shows the evaluation matrix of the latest bench run: it must be the one in
 * bench/results, complete, and rendered from the figures that run recorded.
 */

const ROOT = path.resolve(import.meta.dirname, '../..');
const read = (file: string): string => readFileSync(path.join(ROOT, file), 'utf8');

describe('the evaluation matrix in docs/performance.md', () => {
  const cells = JSON.parse(read('bench/results/matrix.json')) as Cell[];

  it('bench/results holds every cell of every shape', () => {
    for (const shape of SHAPES) {
      const own = cells.filter((c) => c.shape === shape);
      // Each leaf kind at depths 1 to 3, and the mixed filter.
      expect(own.length, shape).toBe(LEAF_KINDS.length * 3 + 1);
      for (const c of own) {
        for (const figure of [c.arrow, c.floor, c.ours, c.generated]) expect(figure).toBeGreaterThan(0);
      }
    }
  });

  it('matrix.md is rendered from matrix.json', () => {
    expect(read('bench/results/matrix.md')).toBe(`${matrixMarkdown(cells)}\n`);
  });

  it('the manual shows matrix.md as it is', () => {
    const doc = read('docs/performance.md');
    const start = doc.indexOf('<!-- bench-matrix:start -->');
    const end = doc.indexOf('<!-- bench-matrix:end -->');
    expect(start).toBeGreaterThan(-1);
    expect(end).toBeGreaterThan(start);
    expect(doc.slice(start, end)).toContain(read('bench/results/matrix.md').trim());
  });
});

import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { importCycles, RANKS, readImportGraph } from './import-graph.js';

const SRC = path.resolve(import.meta.dirname, '../../src');
const graph = readImportGraph(SRC);
const relative = (file: string) => path.relative(SRC, file);

/** A file's layer: its top folder under src/, or `integrations/<name>` for an entry's integration. */
const folderOf = (file: string) => {
  const parts = relative(file).split('/');
  return parts[0] === 'integrations' ? `integrations/${parts[1]}` : parts[0]!;
};

describe('the structure of src/', () => {
  it('has no import cycles, type-only imports included', () => {
    const cycles = importCycles(graph, true).map((cycle) => cycle.map(relative));
    expect(cycles).toEqual([]);
  });

  it('keeps every folder in its layer: imports go to the same folder or a lower rank', () => {
    const folders = new Set(graph.map((m) => folderOf(m.file)));
    expect([...folders].filter((folder) => RANKS[folder] === undefined)).toEqual([]);
    const upward: string[] = [];
    for (const module of graph) {
      const from = folderOf(module.file);
      for (const { target } of module.imports) {
        const to = folderOf(target);
        if (to !== from && !(RANKS[to]! < RANKS[from]!))
          upward.push(`${relative(module.file)} -> ${relative(target)}`);
      }
    }
    expect(upward).toEqual([]);
  });

  it('keeps Node-only modules out of everything but the CLI and the Node frameworks', () => {
    const nodeOnly = graph
      .filter((m) => !['cli', 'integrations/express', 'integrations/fastify'].includes(folderOf(m.file)))
      .filter((m) => /from\s+['"]node:/.test(readFileSync(m.file, 'utf8')))
      .map((m) => relative(m.file));
    expect(nodeOnly).toEqual([]);
  });

  it('keeps every source file small (at most 300 lines)', () => {
    const long = graph
      .map((m) => ({ file: relative(m.file), lines: readFileSync(m.file, 'utf8').split('\n').length - 1 }))
      .filter(({ lines }) => lines > 300);
    expect(long).toEqual([]);
  });
});

import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { importCycles, readImportGraph } from './import-graph.js';

const SRC = path.resolve(import.meta.dirname, '../../src');
const graph = readImportGraph(SRC);
const relative = (file: string) => path.relative(SRC, file);

/**
 * The pipeline's layers, lowest first. A folder may import its own files and folders of a lower
 * rank only: nothing reaches back up the pipeline, and two folders of one rank stay apart.
 */
const RANKS: Readonly<Record<string, number>> = {
  language: 0,
  ast: 1,
  diagnostic: 2,
  syntax: 3,
  printer: 3,
  schema: 3,
  'v3-error': 3,
  validate: 4,
  compile: 4,
  openapi: 4,
  collection: 5,
  complete: 5,
  builder: 5,
  codegen: 5,
  kysely: 5,
  drizzle: 5,
  handler: 6,
  codemirror: 6,
  adapters: 7,
  cli: 7,
  'index.ts': 8,
};

const folderOf = (file: string) => relative(file).split('/')[0]!;

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

  it('keeps Node-only modules out of everything but the CLI and the adapters', () => {
    const nodeOnly = graph
      .filter((m) => !['cli', 'adapters'].includes(folderOf(m.file)))
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

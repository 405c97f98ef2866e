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
  embedded: 5,
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
  sailpoint: 5,
  handler: 6,
  'integrations/kysely': 6,
  'integrations/drizzle': 6,
  'integrations/codemirror': 7,
  'integrations/express': 7,
  'integrations/fastify': 7,
  'integrations/hono': 7,
  'integrations/eslint': 7,
  'integrations/ts-plugin': 7,
  cli: 7,
  'index.ts': 8,
};

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

import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

/** One module of src/ and the src/ modules it imports (relative specifiers only). */
export interface ModuleImports {
  readonly file: string;
  readonly imports: readonly { readonly target: string; readonly typeOnly: boolean }[];
}

/**
 * The pipeline's layers, lowest first. A folder may import its own files and folders of a lower
 * rank only: nothing reaches back up the pipeline, and two folders of one rank stay apart.
 */
export const RANKS: Readonly<Record<string, number>> = {
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
  embedded: 5,
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

const IMPORT = /^\s*(import|export)\s+(type\s+)?(?:[^'";]*?\sfrom\s+)?['"](\.{1,2}\/[^'"]+)['"]/gm;

function listSources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return listSources(full);
    return entry.name.endsWith('.ts') ? [full] : [];
  });
}

/** Reads every `.ts` file under `root` and its relative imports, resolved to file paths. */
export function readImportGraph(root: string): ModuleImports[] {
  return listSources(root).map((file) => {
    const text = readFileSync(file, 'utf8');
    const imports: { target: string; typeOnly: boolean }[] = [];
    for (const match of text.matchAll(IMPORT)) {
      const specifier = match[3]!;
      const target = path.resolve(path.dirname(file), specifier.replace(/\.js$/, '.ts'));
      imports.push({ target, typeOnly: match[2] !== undefined });
    }
    return { file, imports };
  });
}

/** The strongly connected components with more than one module (Tarjan), each a list of files. */
export function importCycles(graph: readonly ModuleImports[], includeTypeOnly: boolean): string[][] {
  const edges = new Map(
    graph.map((m) => [m.file, m.imports.filter((i) => includeTypeOnly || !i.typeOnly).map((i) => i.target)]),
  );
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const onStack = new Set<string>();
  const stack: string[] = [];
  const cycles: string[][] = [];
  let counter = 0;
  const visit = (start: string) => {
    // An explicit stack of (node, next edge) pairs: the graph is small, but recursion is avoided anyway.
    const work: [string, number][] = [[start, 0]];
    index.set(start, counter);
    low.set(start, counter++);
    stack.push(start);
    onStack.add(start);
    while (work.length > 0) {
      const frame = work[work.length - 1]!;
      const [node, next] = frame;
      const targets = edges.get(node) ?? [];
      if (next < targets.length) {
        frame[1]++;
        const target = targets[next]!;
        if (!edges.has(target)) continue;
        if (!index.has(target)) {
          index.set(target, counter);
          low.set(target, counter++);
          stack.push(target);
          onStack.add(target);
          work.push([target, 0]);
        } else if (onStack.has(target)) {
          low.set(node, Math.min(low.get(node)!, index.get(target)!));
        }
        continue;
      }
      work.pop();
      if (work.length > 0) {
        const parent = work[work.length - 1]![0];
        low.set(parent, Math.min(low.get(parent)!, low.get(node)!));
      }
      if (low.get(node) === index.get(node)) {
        const component: string[] = [];
        let member: string;
        do {
          member = stack.pop()!;
          onStack.delete(member);
          component.push(member);
        } while (member !== node);
        if (component.length > 1) cycles.push(component.sort());
      }
    }
  };
  for (const file of edges.keys()) if (!index.has(file)) visit(file);
  return cycles;
}

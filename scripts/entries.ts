/**
 * THE list of the package's entry points: `npm run build` (scripts/build.ts) bundles each one,
 * writes package.json `exports` from it, and the tests check typedoc.json and the tarball
 * against it. To add an entry, add one line here, then run `npm run build` (see
 * docs/architecture.md, "How the package is built").
 */
export interface Entry {
  /** The import specifier's subpath: `'.'` for `v3-filters`, `'./builder'` for `v3-filters/builder`. */
  readonly subpath: string;
  /** The module that defines the entry (its exports are the entry's API). */
  readonly source: string;
  /** Whether the entry may be imported in a browser: no `node:` import in its graph (the build checks). */
  readonly browser: boolean;
  /**
   * Also built as one CommonJS file, `dist/<name>.cjs`, which `require` gets, its default export
   * as `module.exports`: tsserver loads language-service plugins with `require` and calls
   * whatever `module.exports` holds.
   */
  readonly commonjs?: true;
}

export const ENTRIES: readonly Entry[] = [
  { subpath: '.', source: 'src/index.ts', browser: true },
  { subpath: './builder', source: 'src/builder/index.ts', browser: true },
  { subpath: './express', source: 'src/integrations/express/index.ts', browser: false },
  { subpath: './fastify', source: 'src/integrations/fastify/index.ts', browser: false },
  { subpath: './hono', source: 'src/integrations/hono/index.ts', browser: true },
  { subpath: './codemirror', source: 'src/integrations/codemirror/index.ts', browser: true },
  { subpath: './kysely', source: 'src/integrations/kysely/index.ts', browser: true },
  { subpath: './drizzle', source: 'src/integrations/drizzle/index.ts', browser: true },
  { subpath: './sailpoint', source: 'src/sailpoint/index.ts', browser: true },
  { subpath: './eslint', source: 'src/integrations/eslint/index.ts', browser: true },
  { subpath: './ts-plugin', source: 'src/integrations/ts-plugin/index.ts', browser: true, commonjs: true },
];

/** The command line: bundled like an entry, but run through `bin/`, not exported. */
export const CLI = { source: 'src/cli/main.ts', out: 'cli/main' } as const;

/** The bundle's name under dist/ for an entry: `index` for `'.'`, else the subpath (`builder`). */
export function outName(entry: Entry): string {
  return entry.subpath === '.' ? 'index' : entry.subpath.slice(2);
}

/** Where tsc writes the entry's declarations: dist/types/ mirrors src/. */
export function typesPath(entry: Entry): string {
  return `./dist/types/${entry.source.slice('src/'.length).replace(/\.ts$/, '.d.ts')}`;
}

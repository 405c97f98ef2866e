/**
 * `npm run build`: dist/ from src/, in one place.
 *
 * 1. esbuild bundles every entry of scripts/entries.ts (and the CLI) as ESM, one file per entry
 *    plus shared chunks, so that importing the package loads a handful of files instead of one
 *    per module. What package.json lists as `dependencies` or `peerDependencies` stays an import
 *    (the consumer installs it); everything else is bundled, Chevrotain from its own single-file
 *    build (`lib/chevrotain.mjs`: its package entry loads lodash-es module by module) and yaml
 *    from its ESM build, both minified as they are read (minifyDependencies says why). No source
 *    maps: the package's own code is not minified, so a stack trace already reads as the code,
 *    and no map points at a file the package does not ship.
 * 2. tsc writes the declarations into dist/types/ (mirroring src/, the CLI left out).
 * 3. package.json `exports` and `typesVersions` are rewritten from the entry list when they differ.
 * 4. dist/THIRD-PARTY-NOTICES.txt gathers the licences of the bundled packages.
 *
 * Run `npx tsx scripts/build.ts` (or `npm run build`); `--no-types` skips step 2 (the tests that
 * only need the bundles).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type BuildOptions, build, type Metafile, type Plugin, transform } from 'esbuild';
import { CLI, ENTRIES, type Entry, outName, typesPath } from './entries.js';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const DIST = join(ROOT, 'dist');

interface PackageJson {
  dependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
  exports?: unknown;
  [key: string]: unknown;
}

function readPackage(): PackageJson {
  return JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as PackageJson;
}

/** Chevrotain's package entry is its tsc output (lib/src, with lodash-es); take its bundle instead. */
const chevrotainBundle: Plugin = {
  name: 'chevrotain-bundle',
  setup(builder) {
    builder.onResolve({ filter: /^chevrotain$/ }, () => ({
      path: join(ROOT, 'node_modules', 'chevrotain', 'lib', 'chevrotain.mjs'),
    }));
  },
};

/**
 * Modules that the bundle loads on first use instead of at import. Each has one shape: a namespace
 * import and one function returning it. The plugin below rewrites the function to `require()` the
 * module, which makes esbuild wrap it (and what only it reaches) in a lazily run closure: the
 * code is in the bundle, but runs on the first call, synchronously, so no public API turns async.
 */
export const LAZY_BOUNDARIES: readonly string[] = [
  'src/syntax/full-path-loader.ts',
  'src/openapi/yaml-loader.ts',
];

/**
 * Bundled dependencies (Chevrotain, yaml) are minified as they are read, the package's own code
 * not: most of a cold start is V8 compiling the bundle's text, and these are two thirds of it.
 * Our code stays as written (readable stack traces without source maps); the dependencies are
 * not ours to debug, and Chevrotain ships a minified build of itself for the same reason.
 */
const minifyDependencies: Plugin = {
  name: 'minify-dependencies',
  setup(builder) {
    builder.onLoad({ filter: /[\\/]node_modules[\\/].*\.m?js$/ }, async (args) => {
      const result = await transform(readFileSync(args.path, 'utf8'), {
        minify: true,
        format: 'esm',
        loader: 'js',
        legalComments: 'none',
      });
      return { contents: result.code, loader: 'js' };
    });
  },
};

const lazyBoundaries: Plugin = {
  name: 'lazy-boundaries',
  setup(builder) {
    const paths = new Set(LAZY_BOUNDARIES.map((path) => join(ROOT, path)));
    builder.onLoad({ filter: /\.ts$/ }, (args) => {
      if (!paths.has(args.path)) return undefined;
      const text = readFileSync(args.path, 'utf8');
      const imports = [...text.matchAll(/^import \* as (\w+) from '([^']+)';$/gm)];
      if (imports.length !== 1) throw new Error(`${args.path}: a lazy boundary has one namespace import`);
      const [line, name, specifier] = imports[0]!;
      const body = `return ${name};`;
      if (text.split(body).length !== 2) throw new Error(`${args.path}: a lazy boundary has one \`${body}\``);
      const contents = text.replace(line, '').replace(body, `return require(${JSON.stringify(specifier)});`);
      return { contents, loader: 'ts' };
    });
  },
};

/** The esbuild options of the package build (bench/ reuses them to bundle an entry for a browser). */
export function bundleOptions(): BuildOptions {
  const pkg = readPackage();
  const external = [...Object.keys(pkg.dependencies ?? {}), ...Object.keys(pkg.peerDependencies ?? {})];
  return {
    absWorkingDir: ROOT,
    entryPoints: [
      ...ENTRIES.map((entry) => ({ in: entry.source, out: outName(entry) })),
      { in: CLI.source, out: CLI.out },
    ],
    outdir: DIST,
    bundle: true,
    splitting: true,
    format: 'esm',
    // Neutral: the library runs in browsers too; node: imports (the CLI's) stay imports.
    platform: 'neutral',
    mainFields: ['module', 'main'],
    target: 'es2022',
    external: [...external, ...external.map((name) => `${name}/*`), 'node:*'],
    chunkNames: 'chunks/[name]-[hash]',
    plugins: [chevrotainBundle, lazyBoundaries, minifyDependencies],
    legalComments: 'none',
    metafile: true,
    logLevel: 'warning',
  };
}

/** The bundled packages (from the metafile's inputs), for the notices file. */
function bundledPackages(metafile: Metafile): string[] {
  const dirs = new Set<string>();
  for (const input of Object.keys(metafile.inputs)) {
    const match = /^(.*node_modules\/(?:@[^/]+\/)?[^/]+)\//.exec(input);
    if (match) dirs.add(match[1]!);
  }
  return [...dirs].sort();
}

function writeNotices(metafile: Metafile): void {
  const parts = ['v3-filters bundles the following packages into dist/. Their licences follow.', ''];
  for (const dir of bundledPackages(metafile)) {
    const pkg = JSON.parse(readFileSync(join(ROOT, dir, 'package.json'), 'utf8')) as {
      name: string;
      version: string;
      license?: string;
    };
    const file = readdirSync(join(ROOT, dir)).find((name) => /^(licen[sc]e|copying)/i.test(name));
    if (file === undefined) throw new Error(`${pkg.name} has no licence file to reproduce`);
    parts.push(
      '='.repeat(78),
      `${pkg.name} ${pkg.version} (${pkg.license ?? 'see below'})`,
      '='.repeat(78),
      readFileSync(join(ROOT, dir, file), 'utf8').trim(),
      '',
    );
  }
  // Data made from documents under their own licence: SailPoint's API schemas (src/sailpoint/generated/).
  const generated = 'src/sailpoint/generated';
  if (Object.keys(metafile.inputs).some((input) => input.startsWith(`${generated}/`))) {
    parts.push(
      '='.repeat(78),
      "SailPoint's published OpenAPI documents (sailpoint-oss/api-specs; the filter schemas of v3-filters/sailpoint are generated from them)",
      '='.repeat(78),
      readFileSync(join(ROOT, generated, 'LICENSE'), 'utf8').trim(),
      '',
    );
  }
  writeFileSync(join(DIST, 'THIRD-PARTY-NOTICES.txt'), `${parts.join('\n')}\n`);
}

/** An entry marked browser-safe must not reach a node: module (or a dependency of the CLI). */
function checkBrowserEntries(metafile: Metafile): void {
  for (const entry of ENTRIES.filter((e) => e.browser)) {
    const output = Object.entries(metafile.outputs).find(([, o]) => o.entryPoint === entry.source);
    if (!output) throw new Error(`no output for ${entry.source}`);
    const seen = new Set<string>();
    const pending = [output[0]];
    while (pending.length > 0) {
      const file = pending.pop()!;
      if (seen.has(file)) continue;
      seen.add(file);
      for (const imported of metafile.outputs[file]!.imports) {
        if (imported.external) {
          if (imported.path.startsWith('node:') || imported.path === 'commander') {
            throw new Error(`${entry.subpath} reaches ${imported.path}, which a browser lacks`);
          }
        } else if (imported.kind === 'import-statement') pending.push(imported.path);
      }
    }
  }
}

/** package.json `exports`, as the entry list defines it. */
export function exportsFromEntries(entries: readonly Entry[] = ENTRIES): Record<string, unknown> {
  const exports: Record<string, unknown> = {};
  for (const entry of entries) {
    const js = `./dist/${outName(entry)}.js`;
    // `require` points at the ESM bundle: Node 20.19+ loads it with require(esm) (no top-level await);
    // an entry built as CommonJS too (for tsserver) gives `require` its .cjs file.
    const required = entry.commonjs ? `./dist/${outName(entry)}.cjs` : js;
    exports[entry.subpath] = { types: typesPath(entry), import: js, require: required, default: js };
  }
  exports['./package.json'] = './package.json';
  return exports;
}

/**
 * package.json `typesVersions`, as the entry list defines it: TypeScript under the legacy
 * `moduleResolution: "node"` ignores `exports`, and finds `v3-filters/builder`'s declarations
 * through this map instead (`types` serves the root entry).
 */
export function typesVersionsFromEntries(entries: readonly Entry[] = ENTRIES): Record<string, unknown> {
  const paths: Record<string, string[]> = {};
  for (const entry of entries) {
    if (entry.subpath !== '.') paths[entry.subpath.slice(2)] = [typesPath(entry)];
  }
  return { '*': paths };
}

function syncExports(): void {
  const pkg = readPackage();
  const exports = exportsFromEntries();
  const typesVersions = typesVersionsFromEntries();
  const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
  if (same(pkg.exports, exports) && same(pkg.typesVersions, typesVersions)) return;
  pkg.exports = exports;
  pkg.typesVersions = typesVersions;
  writeFileSync(join(ROOT, 'package.json'), `${JSON.stringify(pkg, null, 2)}\n`);
  console.log('build: package.json `exports` and `typesVersions` rewritten from scripts/entries.ts');
}

function emitDeclarations(): void {
  const tsc = join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc');
  execFileSync(process.execPath, [tsc, '-p', 'tsconfig.build.json'], { cwd: ROOT, stdio: 'inherit' });
  for (const entry of ENTRIES) {
    const path = join(ROOT, typesPath(entry));
    if (!existsSync(path)) throw new Error(`tsc wrote no ${relative(ROOT, path)}`);
  }
}

/**
 * The CommonJS builds of the entries that need one: each a single file (no chunks), whose
 * `module.exports` is the entry's default export, its named exports as properties of it.
 */
async function buildCommonJs(): Promise<void> {
  const shared = bundleOptions();
  for (const entry of ENTRIES.filter((e) => e.commonjs)) {
    await build({
      ...shared,
      entryPoints: [{ in: entry.source, out: outName(entry) }],
      format: 'cjs',
      splitting: false,
      platform: 'node',
      outExtension: { '.js': '.cjs' },
      footer: { js: 'module.exports = Object.assign(module.exports.default, module.exports);' },
      metafile: false,
    });
  }
}

/** Builds dist/. */
export async function buildPackage(options: { types?: boolean } = {}): Promise<void> {
  // Without declarations, the ones already in dist/types/ stay (the CLI tests rebuild this way).
  mkdirSync(DIST, { recursive: true });
  for (const name of readdirSync(DIST)) {
    if (name !== 'types' || options.types !== false)
      rmSync(join(DIST, name), { recursive: true, force: true });
  }
  const result = await build(bundleOptions());
  await buildCommonJs();
  checkBrowserEntries(result.metafile!);
  writeNotices(result.metafile!);
  syncExports();
  if (options.types !== false) emitDeclarations();
}

if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1]) {
  await buildPackage({ types: !process.argv.includes('--no-types') });
}

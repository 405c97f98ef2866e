/**
 * The API report: for every entry point of scripts/entries.ts, each exported name with its
 * declaration as the package's `.d.ts` files state it (comments left out), values and types
 * apart, in `etc/<entry>.api.md`. A change of the public surface then shows as a change of these
 * files in review; `test/package/api-report.test.ts` fails while they differ from the code.
 *
 * The declarations are emitted in memory with tsconfig.build.json (what `npm run build` writes to
 * dist/types/), so the report never reads a stale build. Run `npm run api:update` (or
 * `npx tsx scripts/api-report.ts`) after changing an export, or after adding an entry.
 */
import { readdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import ts from 'typescript';
import { ENTRIES, type Entry, outName } from './entries.js';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
/** Where the reports live, one file per entry. */
export const REPORT_DIR = join(ROOT, 'etc');

/** One exported name of an entry. */
export interface ApiExport {
  /** The name importers use. */
  readonly name: string;
  /** Whether it exists at run time (a function, class, constant): an export of the module itself. */
  readonly value: boolean;
  /** Its declarations, printed without comments (several for overloads or merged declarations). */
  readonly declarations: readonly string[];
  /** The declaration's identity: the same for two entries that export the same thing. */
  readonly identity: string;
}

/** An entry point's public surface. */
export interface EntryApi {
  readonly entry: Entry;
  /** The import specifier: `v3-filters`, `v3-filters/builder`... */
  readonly specifier: string;
  readonly exports: readonly ApiExport[];
  /** Types the declarations name that no entry exports (a reader cannot name them). */
  readonly unexported: readonly string[];
}

function emitDeclarations(): Map<string, string> {
  const configPath = join(ROOT, 'tsconfig.build.json');
  const config = ts.getParsedCommandLineOfConfigFile(
    configPath,
    {},
    {
      ...ts.sys,
      onUnRecoverableConfigFileDiagnostic: (d) => {
        throw new Error(ts.flattenDiagnosticMessageText(d.messageText, '\n'));
      },
    },
  );
  if (config === undefined) throw new Error('tsconfig.build.json cannot be read');
  const program = ts.createProgram({ rootNames: config.fileNames, options: config.options });
  const files = new Map<string, string>();
  const emitted = program.emit(undefined, (file, text) => files.set(resolve(file), text), undefined, true);
  const problems = [...ts.getPreEmitDiagnostics(program), ...emitted.diagnostics];
  if (problems.length > 0)
    throw new Error(
      ts.formatDiagnostics(problems, {
        getCanonicalFileName: (f) => f,
        getCurrentDirectory: () => ROOT,
        getNewLine: () => '\n',
      }),
    );
  return files;
}

/** A program over the emitted declarations, read from memory. */
function declarationProgram(files: Map<string, string>): ts.Program {
  const options: ts.CompilerOptions = {
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
    target: ts.ScriptTarget.ES2022,
    strict: true,
    skipLibCheck: true,
    noEmit: true,
    types: ['node'],
  };
  const host = ts.createCompilerHost(options);
  const { fileExists, readFile, getSourceFile } = host;
  host.fileExists = (file) => files.has(resolve(file)) || fileExists.call(host, file);
  host.readFile = (file) => files.get(resolve(file)) ?? readFile.call(host, file);
  host.getSourceFile = (file, language, onError, create) => {
    const text = files.get(resolve(file));
    return text === undefined
      ? getSourceFile.call(host, file, language, onError, create)
      : ts.createSourceFile(file, text, language, true);
  };
  host.directoryExists = (dir) =>
    [...files.keys()].some((file) => file.startsWith(`${resolve(dir)}/`)) || ts.sys.directoryExists(dir);
  return ts.createProgram({ rootNames: ENTRIES.map((e) => declarationPath(e)), options, host });
}

function declarationPath(entry: Entry): string {
  return resolve(ROOT, 'dist', 'types', entry.source.slice('src/'.length).replace(/\.ts$/, '.d.ts'));
}

const printer = ts.createPrinter({ removeComments: true, newLine: ts.NewLineKind.LineFeed });

/** A declaration as a reader sees it: without `export`, `declare` and `default`. */
function printDeclaration(node: ts.Node): string {
  const file = node.getSourceFile();
  if (ts.isVariableDeclaration(node)) {
    const list = node.parent;
    const keyword = list.flags & ts.NodeFlags.Const ? 'const' : list.flags & ts.NodeFlags.Let ? 'let' : 'var';
    return `${keyword} ${printer.printNode(ts.EmitHint.Unspecified, node, file)};`;
  }
  const text = printer.printNode(ts.EmitHint.Unspecified, node, file);
  return text.replace(/^(?:export |declare |default )+/, '');
}

function entrySpecifier(entry: Entry): string {
  return entry.subpath === '.' ? 'v3-filters' : `v3-filters/${entry.subpath.slice(2)}`;
}

function identityOf(symbol: ts.Symbol): string {
  return (symbol.declarations ?? [])
    .map((d) => `${d.getSourceFile().fileName.slice(ROOT.length)}:${d.pos}`)
    .join(',');
}

/**
 * Every entry's public surface, from the declarations of the current sources. Which names are
 * values is read from the entry modules themselves (imported here): a value's declaration
 * re-exported with `export type` is a type only, and so is reported.
 */
export async function readApi(): Promise<EntryApi[]> {
  const runtime = new Map<Entry, Set<string>>();
  for (const entry of ENTRIES) {
    const module = (await import(pathToFileURL(join(ROOT, entry.source)).href)) as object;
    runtime.set(entry, new Set(Object.keys(module)));
  }
  const program = declarationProgram(emitDeclarations());
  const checker = program.getTypeChecker();
  const resolveAlias = (s: ts.Symbol) => (s.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(s) : s);
  const modules = ENTRIES.map((entry) => {
    const file = program.getSourceFile(declarationPath(entry));
    const symbol = file && checker.getSymbolAtLocation(file);
    if (symbol === undefined) throw new Error(`no declarations for ${entry.source}`);
    return { entry, symbols: checker.getExportsOfModule(symbol) };
  });
  const exported = new Set(modules.flatMap((m) => m.symbols.map(resolveAlias)));
  const typesDir = `${resolve(ROOT, 'dist', 'types')}/`;

  return modules.map(({ entry, symbols }) => {
    const unexported = new Set<string>();
    const exports = symbols
      .map((symbol): ApiExport => {
        const target = resolveAlias(symbol);
        const declarations = target.declarations ?? [];
        const visit = (node: ts.Node): void => {
          // Types only: a `typeof` of an internal constant still reads as its type.
          const name = ts.isTypeReferenceNode(node)
            ? node.typeName
            : ts.isExpressionWithTypeArguments(node)
              ? node.expression
              : undefined;
          const referenced = name && checker.getSymbolAtLocation(name);
          if (referenced && !(referenced.flags & ts.SymbolFlags.TypeParameter)) {
            const real = resolveAlias(referenced);
            const home = real.declarations?.[0]?.getSourceFile().fileName ?? '';
            if (resolve(home).startsWith(typesDir) && !exported.has(real))
              unexported.add(`${real.name} (${resolve(home).slice(typesDir.length)})`);
          }
          ts.forEachChild(node, visit);
        };
        declarations.forEach(visit);
        const printed = declarations.map(printDeclaration);
        const renamed = target.name !== symbol.name && target.name !== 'default';
        return {
          name: symbol.name,
          value: runtime.get(entry)!.has(symbol.name),
          declarations: renamed ? [`export { ${target.name} as ${symbol.name} };`, ...printed] : printed,
          identity: identityOf(target),
        };
      })
      .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    return { entry, specifier: entrySpecifier(entry), exports, unexported: [...unexported].sort() };
  });
}

/** The report file's name for an entry: `etc/index.api.md`, `etc/builder.api.md`... */
export function reportFile(entry: Entry): string {
  return join(REPORT_DIR, `${outName(entry).replace(/\//g, '-')}.api.md`);
}

/** The report of one entry, as written to its file. */
export function renderReport(api: EntryApi): string {
  const values = api.exports.filter((e) => e.value);
  const types = api.exports.filter((e) => !e.value);
  const block = (list: readonly ApiExport[]) => list.flatMap((e) => e.declarations).join('\n\n');
  const lines = [
    `# API report: \`${api.specifier}\``,
    '',
    'Generated by `npm run api:update` (scripts/api-report.ts) from the declarations the package ships;',
    'do not edit by hand. `npm test` fails while this file differs from the code.',
    '',
    `${values.length} values, ${types.length} types.`,
    '',
    '## Values',
    '',
    '```ts',
    block(values),
    '```',
    '',
    '## Types',
    '',
    '```ts',
    block(types),
    '```',
  ];
  if (api.unexported.length > 0) {
    lines.push('', '## Named by the declarations above, exported by no entry', '');
    lines.push(...api.unexported.map((name) => `- ${name}`));
  }
  return `${lines.join('\n')}\n`;
}

/** Every report file, by path. */
export function renderReports(apis: readonly EntryApi[]): Map<string, string> {
  return new Map(apis.map((api) => [reportFile(api.entry), renderReport(api)]));
}

if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1]) {
  const reports = renderReports(await readApi());
  for (const name of readdirSync(REPORT_DIR)) {
    if (name.endsWith('.api.md') && !reports.has(join(REPORT_DIR, name))) rmSync(join(REPORT_DIR, name));
  }
  for (const [file, text] of reports) writeFileSync(file, text);
  console.log(`api report: ${reports.size} files in ${dirname(reportFile(ENTRIES[0]!)).slice(ROOT.length)}/`);
}

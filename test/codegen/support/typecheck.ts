import { fileURLToPath } from 'node:url';
import ts from 'typescript';

/** The repository root, and the library's source entry that `v3-filters` is mapped to. */
export const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const ENTRY = `${ROOT}src/index.ts`;
/** Where the in-memory files live (inside the repository, so they resolve its node_modules). */
const VIRTUAL = `${ROOT}test/codegen/__virtual__/`;

/** One compiler diagnostic, located. */
export interface Problem {
  readonly code: number;
  /** 1-based line in its file. */
  readonly line: number;
  readonly message: string;
}

/**
 * Type-checks in-memory TypeScript files (name → text) in ONE program, as a user's strict
 * project would, with `v3-filters` mapped to src/index.ts. Returns each file's diagnostics.
 */
export function typeCheck(files: Readonly<Record<string, string>>): Map<string, Problem[]> {
  const options: ts.CompilerOptions = {
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    strict: true,
    exactOptionalPropertyTypes: true,
    noUncheckedIndexedAccess: true,
    skipLibCheck: true,
    noEmit: true,
    lib: ['lib.es2022.d.ts'],
    types: [],
    paths: { 'v3-filters': [ENTRY] },
  };
  const virtual = new Map(Object.entries(files).map(([name, text]) => [VIRTUAL + name, text]));
  const host = ts.createCompilerHost(options);
  const getSourceFile = host.getSourceFile.bind(host);
  host.getSourceFile = (fileName, language, onError, shouldCreate) => {
    const text = virtual.get(fileName);
    return text !== undefined
      ? ts.createSourceFile(fileName, text, language)
      : getSourceFile(fileName, language, onError, shouldCreate);
  };
  const fileExists = host.fileExists.bind(host);
  host.fileExists = (fileName) => virtual.has(fileName) || fileExists(fileName);
  const directoryExists = host.directoryExists?.bind(host);
  host.directoryExists = (name) =>
    `${name}/` === VIRTUAL || name === VIRTUAL || (directoryExists?.(name) ?? true);
  const readFile = host.readFile.bind(host);
  host.readFile = (fileName) => virtual.get(fileName) ?? readFile(fileName);
  const program = ts.createProgram([...virtual.keys()], options, host);
  const result = new Map<string, Problem[]>();
  for (const name of Object.keys(files)) {
    const source = program.getSourceFile(VIRTUAL + name)!;
    const diagnostics = [
      ...program.getSyntacticDiagnostics(source),
      ...program.getSemanticDiagnostics(source),
    ];
    result.set(
      name,
      diagnostics.map((d) => ({
        code: d.code,
        line: d.start === undefined ? 0 : source.getLineAndCharacterOfPosition(d.start).line + 1,
        message: ts.flattenDiagnosticMessageText(d.messageText, '\n'),
      })),
    );
  }
  return result;
}

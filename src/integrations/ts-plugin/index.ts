/**
 * `v3-filters/ts-plugin`: a TypeScript language-service plugin that checks filter text inside
 * the strings of your code, in any editor that runs tsserver (VS Code, WebStorm, Neovim, …):
 * the library's diagnostics at the offending token, its fixes as quick fixes, and `complete()`'s
 * completions inside the string. The targets are the ESLint rule's: SailPoint SDK calls,
 * `parse`, `v3f` templates, and targets declared in the configuration.
 *
 * ```jsonc
 * // tsconfig.json
 * { "compilerOptions": { "plugins": [{ "name": "v3-filters/ts-plugin" }] } }
 * ```
 *
 * tsserver loads the plugin with `require` and calls the function `module.exports` holds; the
 * package builds this entry as CommonJS too for that reason. (Editors use the workspace's
 * TypeScript for plugins: in VS Code, "TypeScript: Select TypeScript Version".)
 *
 * The guide: [Tooling](../../../docs/tooling.md).
 * @module ts-plugin
 */
import type * as ts from 'typescript';
import { complete } from '../../complete/complete.js';
import type { CompletionKind } from '../../complete/types.js';
import { checkEmbedded, type EmbeddedProblem, escapeForLiteral } from '../../embedded/check.js';
import { cookedOffset, sourceSpan } from '../../embedded/cook.js';
import { loadSchema } from '../../schema/load.js';
import { type ConfiguredTarget, type FoundLiteral, TargetFinder } from './targets.js';

/** The code of the plugin's diagnostics in tsserver (its quick fixes answer this code). */
export const V3_FILTERS_DIAGNOSTIC_CODE = 99_301;

/** The plugin's configuration: its `plugins` entry in tsconfig.json. */
export interface TsPluginConfig {
  readonly name?: string;
  /** Targets for your own APIs, as the ESLint rule's `targets` option; `schema` is a schema object. */
  readonly targets?: readonly { callee: string; argument?: number; property?: string; schema?: unknown }[];
}

const EMPTY_SCHEMA = { fields: {} } as const;

/** The declared targets whose schema loads (the others are skipped, and logged). */
function configuredTargets(
  config: TsPluginConfig | undefined,
  log: (message: string) => void,
): ConfiguredTarget[] {
  const out: ConfiguredTarget[] = [];
  for (const target of Array.isArray(config?.targets) ? config!.targets : []) {
    if (typeof target?.callee !== 'string' || target.callee === '') continue;
    const loaded = target.schema === undefined ? undefined : loadSchema(target.schema);
    if (loaded && !loaded.ok) {
      log(`v3-filters: the schema of the target \`${target.callee}\` is not valid; the target is skipped`);
      continue;
    }
    out.push({
      callee: target.callee,
      ...(typeof target.argument === 'number' ? { argument: target.argument } : {}),
      ...(typeof target.property === 'string' ? { property: target.property } : {}),
      ...(loaded?.ok ? { schema: loaded.schema } : {}),
    });
  }
  return out;
}

const ELEMENT_KINDS: Readonly<Record<CompletionKind, keyof typeof ts.ScriptElementKind>> = {
  field: 'memberVariableElement',
  operator: 'keyword',
  value: 'string',
  keyword: 'keyword',
  punctuation: 'unknown',
};

function create(
  t: typeof ts,
  info: ts.server.PluginCreateInfo,
  targetsNow: (log: (message: string) => void) => readonly ConfiguredTarget[],
): ts.LanguageService {
  const service = info.languageService;
  const log = (message: string) => info.project.projectService.logger.info(message);

  const literalsOf = (fileName: string): { file: ts.SourceFile; found: FoundLiteral[] } | undefined => {
    const program = service.getProgram();
    const file = program?.getSourceFile(fileName);
    if (!program || !file) return undefined;
    return { file, found: new TargetFinder(t, program.getTypeChecker(), targetsNow(log)).find(file) };
  };
  const problemsOf = (fileName: string): { file: ts.SourceFile; problems: EmbeddedProblem[] } | undefined => {
    const literals = literalsOf(fileName);
    if (!literals) return undefined;
    const problems = literals.found.flatMap((found) => checkEmbedded(found.literal, found.schema).problems);
    return { file: literals.file, problems };
  };

  const proxy: ts.LanguageService = Object.create(null);
  for (const key of Object.keys(service) as (keyof ts.LanguageService)[]) {
    const method = service[key] as unknown;
    if (typeof method === 'function')
      (proxy as unknown as Record<string, unknown>)[key] = method.bind(service);
  }

  proxy.getSemanticDiagnostics = (fileName) => {
    const prior = service.getSemanticDiagnostics(fileName);
    const found = problemsOf(fileName);
    if (!found) return prior;
    const own: ts.Diagnostic[] = found.problems.map((problem) => ({
      file: found.file,
      start: problem.span.start,
      length: problem.span.end - problem.span.start,
      messageText: problem.message,
      category: problem.severity === 'error' ? t.DiagnosticCategory.Error : t.DiagnosticCategory.Warning,
      code: V3_FILTERS_DIAGNOSTIC_CODE,
      source: 'v3-filters',
    }));
    return [...prior, ...own];
  };

  proxy.getCodeFixesAtPosition = (fileName, start, end, errorCodes, formatOptions, preferences) => {
    const prior = errorCodes.some((code) => code !== V3_FILTERS_DIAGNOSTIC_CODE)
      ? service.getCodeFixesAtPosition(
          fileName,
          start,
          end,
          errorCodes.filter((code) => code !== V3_FILTERS_DIAGNOSTIC_CODE),
          formatOptions,
          preferences,
        )
      : [];
    if (!errorCodes.includes(V3_FILTERS_DIAGNOSTIC_CODE)) return prior;
    const found = problemsOf(fileName);
    const own: ts.CodeFixAction[] = [];
    for (const problem of found?.problems ?? []) {
      if (problem.span.end < start || problem.span.start > end) continue;
      for (const fix of problem.fixes) {
        own.push({
          fixName: 'v3-filters',
          description: fix.message,
          changes: [
            {
              fileName,
              textChanges: fix.edits.map((edit) => ({
                span: { start: edit.span.start, length: edit.span.end - edit.span.start },
                newText: edit.text,
              })),
            },
          ],
        });
      }
    }
    return [...prior, ...own];
  };

  proxy.getCompletionsAtPosition = (fileName, position, options, formatting) => {
    const literals = literalsOf(fileName);
    for (const found of literals?.found ?? []) {
      const cooked = checkEmbedded(found.literal).cooked;
      const first = found.literal.pieces[0]!;
      const last = found.literal.pieces[found.literal.pieces.length - 1]!;
      if (!cooked || position < first.start || position > last.end) continue;
      // Inside a substitution, the code is TypeScript's again.
      if (cooked.holeSources.some((hole) => position > hole.start && position < hole.end)) break;
      const offset = cookedOffset(cooked, position);
      if (offset === undefined) continue;
      const result = complete(cooked.text, offset, { schema: found.schema ?? EMPTY_SCHEMA });
      const replacement = sourceSpan(cooked, { start: result.from, end: result.to });
      return {
        isGlobalCompletion: false,
        isMemberCompletion: false,
        isNewIdentifierLocation: false,
        entries: result.options.map((option, index) => ({
          name: option.label,
          kind: t.ScriptElementKind[ELEMENT_KINDS[option.kind]],
          kindModifiers: '',
          sortText: String(index).padStart(4, '0'),
          insertText: escapeForLiteral(option.apply ?? option.label, found.literal.kind, found.literal.quote),
          replacementSpan: { start: replacement.start, length: replacement.end - replacement.start },
          ...(option.detail === undefined ? {} : { labelDetails: { description: option.detail } }),
        })),
      };
    }
    return service.getCompletionsAtPosition(fileName, position, options, formatting);
  };

  return proxy;
}

/**
 * The plugin's factory, as tsserver calls it: given TypeScript's module, the object whose
 * `create` wraps a project's language service.
 */
function v3FiltersTsPlugin(modules: { typescript: typeof ts }): ts.server.PluginModule {
  const t = modules.typescript;
  let config: TsPluginConfig | undefined;
  let targets: readonly ConfiguredTarget[] | undefined;
  const targetsNow = (log: (message: string) => void) => {
    targets ??= configuredTargets(config, log);
    return targets;
  };
  return {
    create(info) {
      config = info.config as TsPluginConfig;
      targets = undefined;
      return create(t, info, targetsNow);
    },
    onConfigurationChanged(changed: TsPluginConfig) {
      config = changed;
      targets = undefined;
    },
  };
}

export default v3FiltersTsPlugin;

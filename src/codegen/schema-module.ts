import { quote, stringifyVisible } from '../diagnostic/text.js';
import { own, readDocument } from '../openapi/document.js';
import { type ImportedEndpoint, importOpenApi, type OpenApiImportOptions } from '../openapi/import.js';
import { isRecord } from '../schema/check-field.js';
import { type DocumentDiagnostic, documentError, documentWarning } from '../schema/document-diagnostic.js';
import { commentLine } from './comments.js';
import { exportNameFor, IMPORTED_NAME, NameRegistry } from './identifiers.js';
import { schemaLiteral } from './literal.js';

/** Options of {@link generateSchemaModule}. */
export interface SchemaModuleOptions {
  /**
   * Only these endpoints, each an operationId, `METHOD /path` or a path (`{id}` and `:id` alike);
   * default: every operation that takes `filters`. One that matches nothing is an error
   * (`endpoint-not-found`); one that matches several operations takes them all.
   */
  readonly endpoints?: readonly string[];
  /** The module specifier the generated code imports `defineSchema` from; default `v3-filters`. */
  readonly importFrom?: string;
  /** Where the document came from, for the header comment (a file name). */
  readonly source?: string;
  /** Passed on to {@link importOpenApi}. */
  readonly import?: OpenApiImportOptions;
}

/** One export of a generated module. */
export interface GeneratedSchemaExport {
  /** The exported constant, e.g. `getWorkflowExecutionsSchema`. */
  readonly name: string;
  readonly method: string;
  readonly path: string;
  readonly operationId?: string;
}

/** The result of {@link generateSchemaModule}. */
export interface SchemaModule {
  /** The TypeScript module; empty when the document could not be read. */
  readonly text: string;
  /** One entry per export, in the module's order. */
  readonly exports: readonly GeneratedSchemaExport[];
  /** The importer's diagnostics, then codegen's own (`endpoint-not-found`, `renamed-export`). */
  readonly diagnostics: readonly DocumentDiagnostic[];
}

// The catalogue lives below every stage, in src/diagnostic/codes/ (see there).
export { CODEGEN_CODES } from '../diagnostic/codes/codegen.js';

function pathShape(path: string): string {
  return path
    .split('/')
    .map((segment) => (/^\{[^}]*\}$|^:/.test(segment) ? '{}' : segment))
    .join('/');
}

function selects(endpoint: ImportedEndpoint, wanted: string): boolean {
  const query = wanted.trim();
  if (endpoint.operationId === query) return true;
  const match = /^([A-Za-z]+)\s*(\/.*)$/.exec(query);
  const method = match?.[1]?.toUpperCase();
  const path = match ? match[2]! : query;
  if (method !== undefined && method !== endpoint.method) return false;
  return pathShape(endpoint.path) === pathShape(path.trim());
}

/** Follows a JSON Pointer from the document root, own properties only. */
function atPointer(root: unknown, pointer: string): unknown {
  let node = root;
  for (const raw of pointer.split('/').slice(1)) {
    if (!isRecord(node)) return undefined;
    node = own(node, raw.replaceAll('~1', '/').replaceAll('~0', '~'));
  }
  return node;
}

function docComment(endpoint: ImportedEndpoint, operation: unknown): string {
  const summary = isRecord(operation) ? own(operation, 'summary') : undefined;
  const deprecated = isRecord(operation) && own(operation, 'deprecated') === true;
  const head = `${endpoint.method} ${endpoint.path}${typeof summary === 'string' && summary.trim() !== '' ? `: ${summary.trim()}` : ''}`;
  const lines = [commentLine(head)];
  const facts: string[] = [];
  if (endpoint.operationId !== undefined) facts.push(`operationId ${endpoint.operationId}`);
  if (endpoint.example !== undefined) facts.push(`example filter: ${endpoint.example}`);
  if (facts.length > 0) lines.push('', commentLine(`${facts.join('; ')}.`));
  if (deprecated) lines.push('@deprecated The operation is deprecated in the document.');
  return ['/**', ...lines.map((line) => (line === '' ? ' *' : ` * ${line}`)), ' */'].join('\n');
}

/**
 * Generates a TypeScript module with one `export const <name> = defineSchema({...})` per
 * operation of an OpenAPI document that takes `filters` (read by {@link importOpenApi}), so a
 * client's typed builder (`createFilterBuilder`) rejects at compile time the fields, operators
 * and enum values the endpoint rejects. Each export has the method, path, summary, operationId
 * and example filter in its doc comment.
 *
 * Names: the operationId in camelCase plus `Schema` (`getWorkflowExecutions` gives
 * `getWorkflowExecutionsSchema`); characters other than ASCII letters and digits break words
 * (`list-accounts` gives `listAccountsSchema`); without an operationId, the method and path
 * (`getWorkflowsIdExecutionsSchema`); a leading digit gets `_`. A name already taken (or
 * `defineSchema`) gets `2`, `3`... appended, with a `renamed-export` warning. Text from the
 * document is escaped in comments (`*\/`, controls, bidi characters) and written as JSON strings
 * in code, bidi, zero-width and line-separator characters as `\u` escapes: no character of the
 * module is hidden or reorders the code around it. Never throws.
 *
 * @example
 * const { text, diagnostics } = generateSchemaModule(openApiText, { endpoints: ['getWorkflowExecutions'] });
 */
export function generateSchemaModule(document: unknown, options: SchemaModuleOptions = {}): SchemaModule {
  const diagnostics: DocumentDiagnostic[] = [];
  const root = readDocument(document, (d) => diagnostics.push(d));
  if (!root) return { text: '', exports: [], diagnostics };
  const imported = importOpenApi(root, options.import);
  diagnostics.push(...imported.diagnostics);
  if (imported.diagnostics.some((d) => d.code === 'invalid-document' || d.code === 'unreadable-document')) {
    return { text: '', exports: [], diagnostics };
  }
  let endpoints = imported.endpoints;
  if (options.endpoints !== undefined) {
    const wanted = options.endpoints;
    for (const query of wanted) {
      if (!endpoints.some((e) => selects(e, query))) {
        diagnostics.push(
          documentError(
            'endpoint-not-found',
            `No operation ${quote(query, 80)} takes \`filters\` in the document`,
            '/paths',
          ),
        );
      }
    }
    endpoints = endpoints.filter((e) => wanted.some((query) => selects(e, query)));
  }
  const names = new NameRegistry();
  const exports: GeneratedSchemaExport[] = [];
  const blocks: string[] = [];
  for (const endpoint of endpoints) {
    const wanted = exportNameFor(endpoint.operationId, endpoint.method, endpoint.path);
    const name = names.claim(wanted);
    if (name !== wanted) {
      diagnostics.push(
        documentWarning(
          'renamed-export',
          `${endpoint.method} ${endpoint.path}: \`${wanted}\` is taken; exported as \`${name}\``,
          endpoint.pointer,
        ),
      );
    }
    exports.push({
      name,
      method: endpoint.method,
      path: endpoint.path,
      ...(endpoint.operationId !== undefined ? { operationId: endpoint.operationId } : {}),
    });
    const operation = atPointer(root, endpoint.pointer);
    blocks.push(
      `${docComment(endpoint, operation)}\nexport const ${name} = ${IMPORTED_NAME}(${schemaLiteral(endpoint.schema)});\n`,
    );
  }
  const from = options.source === undefined ? 'an OpenAPI document' : commentLine(options.source);
  const header = [
    `// Generated by \`v3-filters codegen\` from ${from}: ${exports.length} endpoint${exports.length === 1 ? ' that takes' : 's that take'} \`filters\`.`,
    '// Do not edit: regenerate instead.',
    `import { ${IMPORTED_NAME} } from ${stringifyVisible(options.importFrom ?? 'v3-filters')};`,
  ].join('\n');
  return { text: `${header}\n\n${blocks.join('\n')}`, exports, diagnostics };
}

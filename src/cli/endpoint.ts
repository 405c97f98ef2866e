import { escapeInvisibles, quote } from '../diagnostic/text.js';
import { readDocument } from '../openapi/document.js';
import { type ImportedEndpoint, importOpenApi, type OpenApiImport } from '../openapi/index.js';
import { BUILTIN_ENDPOINTS, builtinSchemaNames, loadSchema } from '../schema/index.js';
import { closestMatches } from '../schema/suggest.js';
import type { Schema } from '../schema/types.js';
import { CliError } from './errors.js';
import type { ByteSource } from './io.js';
import { MAX_DOCUMENT_BYTES, readTextFile } from './read.js';

/** The schema options shared by `lint`, `explain` and `sql`. */
export interface SchemaOptions {
  readonly schema?: string;
  readonly openapi?: string;
  readonly endpoint?: string;
}

/** A schema and how to name it in reports. */
export interface ResolvedSchema {
  readonly schema: Schema;
  /** `workflow-executions (built-in)`, `GET /workflows/{id}/executions in spec.json`, `schema.json`. */
  readonly name: string;
}

/** An OpenAPI document as read: its text (for locating examples) and what the importer found. */
export interface LoadedDocument {
  readonly path: string;
  readonly text: string;
  readonly imported: OpenApiImport;
}

/**
 * A message of several lines (a YAML parser's frames the offending line with a caret) for the
 * terminal: each line's invisible characters escaped, line breaks kept, later lines indented.
 */
export function messageLines(message: string): string {
  return message
    .split(/\r\n|\r|\n/)
    .map((line) => escapeInvisibles(line))
    .join('\n  ')
    .trimEnd();
}

/** Reads and imports an OpenAPI document; a document that cannot be read at all is exit 2. */
export async function loadOpenApi(path: string, stdin: ByteSource): Promise<LoadedDocument> {
  const text = await readTextFile(path, stdin, MAX_DOCUMENT_BYTES);
  // Read here rather than by importOpenApi, whose messages are one line: a YAML parser's message
  // frames the offending line with a caret, shown on lines of their own.
  let unreadable: string | undefined;
  const root = readDocument(text, (d) => {
    unreadable ??= d.message;
  });
  if (root === undefined) throw new CliError(`${escapeInvisibles(path)}: ${messageLines(unreadable ?? '')}`);
  const imported = importOpenApi(root);
  const fatal = imported.diagnostics.find(
    (d) => d.code === 'invalid-document' || d.code === 'unreadable-document',
  );
  if (fatal !== undefined) throw new CliError(`${escapeInvisibles(path)}: ${messageLines(fatal.message)}`);
  return { path, text, imported };
}

/** `/workflows/{id}/executions` and `/workflows/:id/executions` alike: parameters become `{}`. */
function pathShape(path: string): string {
  return path
    .split('/')
    .map((segment) => (/^\{[^}]*\}$|^:/.test(segment) ? '{}' : segment))
    .join('/');
}

interface EndpointKey {
  readonly method: string;
  readonly path: string;
}

/** Splits `GET /path` (or `GET/path`, as the published docs write it) into method and path. */
function splitEndpoint(query: string): { method?: string; path: string } {
  const match = /^([A-Za-z]+)\s*(\/.*)$/.exec(query.trim());
  return match ? { method: match[1]!.toUpperCase(), path: match[2]!.trim() } : { path: query.trim() };
}

function matches(endpoint: EndpointKey, query: { method?: string; path: string }): boolean {
  if (query.method !== undefined && endpoint.method !== query.method) return false;
  return pathShape(endpoint.path) === pathShape(query.path);
}

function findEndpoint(endpoints: readonly ImportedEndpoint[], query: string): ImportedEndpoint {
  const byId = endpoints.filter((e) => e.operationId === query.trim());
  const wanted = splitEndpoint(query);
  const found = byId.length > 0 ? byId : endpoints.filter((e) => matches(e, wanted));
  if (found.length === 1) return found[0]!;
  const names = endpoints.map((e) => `${e.method} ${e.path}`);
  if (found.length > 1) {
    const which = found.map((e) => quote(`${e.method} ${e.path}`)).join(', ');
    throw new CliError(
      `--endpoint ${quote(query)} matches more than one operation: ${which}; give the method too`,
    );
  }
  const near = closestMatches(
    wanted.path,
    endpoints.map((e) => e.path),
  ).slice(0, 3);
  const hint =
    near.length > 0
      ? `; did you mean ${near.map((p) => quote(names[endpoints.findIndex((e) => e.path === p)]!, 80)).join(' or ')}?`
      : '';
  throw new CliError(
    `no operation ${quote(query, 80)} with a \`filters\` parameter in the document${hint} (${endpoints.length === 1 ? '1 operation takes' : `${endpoints.length} operations take`} filters; \`v3-filters endpoints --openapi F\` lists them)`,
  );
}

function builtinEndpoint(query: string): ResolvedSchema {
  const trimmed = query.trim();
  if (Object.hasOwn(BUILTIN_ENDPOINTS, trimmed)) {
    const name = trimmed as keyof typeof BUILTIN_ENDPOINTS;
    return { schema: BUILTIN_ENDPOINTS[name].schema, name: `${name} (built-in)` };
  }
  const wanted = splitEndpoint(trimmed);
  for (const name of builtinSchemaNames()) {
    const endpoint = BUILTIN_ENDPOINTS[name];
    if (matches(endpoint, wanted)) return { schema: endpoint.schema, name: `${name} (built-in)` };
  }
  const names = builtinSchemaNames()
    .map((n) => `${quote(n)} (${BUILTIN_ENDPOINTS[n].method} ${BUILTIN_ENDPOINTS[n].path})`)
    .join(', ');
  throw new CliError(
    `no built-in endpoint ${quote(query, 80)}; built-in: ${names}. For another endpoint add --openapi SPEC, or give --schema F`,
  );
}

async function schemaFile(path: string, stdin: ByteSource, warn: (line: string) => void) {
  const text = await readTextFile(path, stdin);
  const shown = escapeInvisibles(path);
  const loaded = loadSchema(text);
  const lines = loaded.diagnostics.map(
    (d) =>
      `${shown}: ${d.severity} ${d.code}${d.pointer ? ` at ${escapeInvisibles(d.pointer)}` : ''}: ${messageLines(d.message)}`,
  );
  if (!loaded.ok) throw new CliError(`${shown} is not a usable schema:\n  ${lines.join('\n  ')}`);
  for (const line of lines) warn(line);
  return { schema: loaded.schema, name: shown };
}

/**
 * The schema that `--schema`, `--endpoint` (a built-in name or `METHOD /path`) or `--openapi` with
 * `--endpoint` name, or undefined when none was given. Throws {@link CliError} on a conflict, a
 * missing or unusable file, or an unknown endpoint.
 */
export async function resolveSchema(
  options: SchemaOptions,
  stdin: ByteSource,
  warn: (line: string) => void,
): Promise<ResolvedSchema | undefined> {
  if (options.schema !== undefined && (options.openapi !== undefined || options.endpoint !== undefined)) {
    throw new CliError('give either --schema or --endpoint (with or without --openapi), not both');
  }
  if (options.schema !== undefined) return schemaFile(options.schema, stdin, warn);
  if (options.openapi !== undefined) {
    if (options.endpoint === undefined) {
      throw new CliError(
        '--openapi needs --endpoint "METHOD /path" (to check the document\'s own examples, use `v3-filters lint-openapi`)',
      );
    }
    const document = await loadOpenApi(options.openapi, stdin);
    const endpoint = findEndpoint(document.imported.endpoints, options.endpoint);
    return {
      schema: endpoint.schema,
      name: `${endpoint.method} ${escapeInvisibles(endpoint.path)} in ${escapeInvisibles(options.openapi)}`,
    };
  }
  if (options.endpoint !== undefined) return builtinEndpoint(options.endpoint);
  return undefined;
}

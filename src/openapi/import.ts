import {
  COMPOSITE_OPERATORS,
  type CompositeOperator,
  PRIMITIVE_OPERATORS,
  type PrimitiveOperator,
} from '../ast/index.js';
import { escapeInvisibles, quote } from '../diagnostic/index.js';
import { operatorEntry } from '../language/operators.js';
import { isRecord } from '../schema/check-field.js';
import {
  childPointer,
  type DocumentDiagnostic,
  documentError,
  documentWarning,
} from '../schema/document-diagnostic.js';
import { loadSchema } from '../schema/load.js';
import { listWords } from '../schema/suggest.js';
import type { FieldSchema, Schema } from '../schema/types.js';
import { type DeclaredField, readFilterDeclaration, readSortableFields } from './description.js';
import { own, RefResolver, type Report, readDocument } from './document.js';
import { exampleOf, type Parameter, parametersOf, responseItemSchema } from './operation.js';
import { SchemaReader } from './response-types.js';

/** One operation of the document that takes a `filters` query parameter. */
export interface ImportedEndpoint {
  /** Upper-case HTTP method, e.g. `GET`. */
  readonly method: string;
  /** The path template, e.g. `/workflows/{id}/executions`. */
  readonly path: string;
  readonly operationId?: string;
  /** The whitelist the `filters` description declares, typed from the 200 response. */
  readonly schema: Schema;
  /** The `filters` parameter's example, when it has one. */
  readonly example?: string;
  /**
   * JSON Pointer to the example's string in the document (after `$ref`s: a shared parameter's
   * example is under `/components`), so a tool can point at it.
   */
  readonly examplePointer?: string;
  /** JSON Pointer to the operation in the document. */
  readonly pointer: string;
}

/** The result of {@link importOpenApi}. */
export interface OpenApiImport {
  readonly endpoints: readonly ImportedEndpoint[];
  /** Declarations that could not be read, unresolved references, untyped fields... */
  readonly diagnostics: readonly DocumentDiagnostic[];
}

/** Options of {@link importOpenApi}. */
export interface OpenApiImportOptions {
  /**
   * Whether a string field takes the `enum` of its response property when the description
   * declares no "Possible Values". Default true.
   */
  readonly responseEnums?: boolean;
}

const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;
const PRIMITIVES: ReadonlySet<string> = new Set(PRIMITIVE_OPERATORS);
const COMPOSITES: ReadonlySet<string> = new Set(COMPOSITE_OPERATORS);

interface EndpointContext {
  readonly pointer: string;
  readonly label: string;
  readonly report: Report;
}

function buildField(
  declared: DeclaredField,
  itemSchema: unknown,
  reader: SchemaReader,
  options: OpenApiImportOptions | undefined,
  context: EndpointContext,
): FieldSchema {
  const operators: PrimitiveOperator[] = [];
  const unknown: string[] = [];
  for (const word of declared.operators) {
    if (PRIMITIVES.has(word)) {
      if (!operators.includes(word as PrimitiveOperator)) operators.push(word as PrimitiveOperator);
    } else {
      unknown.push(word);
    }
  }
  if (unknown.length > 0) {
    context.report(
      documentWarning(
        'unknown-operator',
        `${context.label}: field ${quote(declared.name)} declares ${listWords(unknown, quote)}, which ${unknown.length === 1 ? 'is not an operator' : 'are not operators'}; ignored`,
        context.pointer,
      ),
    );
  }
  const found =
    itemSchema === undefined ? undefined : reader.find(itemSchema, declared.name, context.pointer);
  if (!found || found.type === 'unknown') {
    context.report(
      documentWarning(
        'untyped-field',
        `${context.label}: no type found for ${quote(declared.name)} in the 200 response; only its name and operators are checked`,
        context.pointer,
      ),
    );
  }
  const foundType = found?.type ?? 'unknown';
  let values = declared.values ?? (options?.responseEnums === false ? undefined : found?.enum);
  if (values && foundType !== 'string' && foundType !== 'unknown') {
    context.report(
      documentWarning(
        'enum-on-non-string',
        `${context.label}: ${quote(declared.name)} lists possible values, but the response types it ${foundType}; the values are ignored`,
        context.pointer,
      ),
    );
    values = undefined;
  }
  // Declared values make a field of unknown type a string field: its values are text.
  const type = values && values.length > 0 ? 'string' : foundType;
  // An operator that applies to collections only (`ca`) says the field is one.
  const collection =
    operators.some((word) => operatorEntry(word)?.collectionOnly === true) || found?.collection === true;
  return {
    type,
    operators,
    ...(values && values.length > 0 ? { enum: values } : {}),
    ...(collection ? { collection: true } : {}),
    ...(found && found.path !== declared.name ? { path: found.path } : {}),
    ...(found?.description !== undefined ? { description: found.description } : {}),
  };
}

function buildSchema(
  parameter: Parameter,
  sorters: Parameter | undefined,
  itemSchema: unknown,
  reader: SchemaReader,
  options: OpenApiImportOptions | undefined,
  context: EndpointContext,
): Schema | undefined {
  const description = own(parameter.value, 'description');
  const declaration = readFilterDeclaration(typeof description === 'string' ? description : '');
  const at = { ...context, pointer: childPointer(parameter.pointer, 'description') };
  if (!declaration.found || declaration.fields.length === 0) {
    context.report(
      documentWarning(
        'no-filter-declaration',
        `${context.label}: the \`filters\` description declares no fields; the endpoint accepts no filter`,
        at.pointer,
      ),
    );
  }
  const entries: [string, FieldSchema][] = [];
  const byName = new Map<string, [string, FieldSchema]>();
  for (const declared of declaration.fields) {
    const previous = byName.get(declared.name);
    const field = buildField(declared, itemSchema, reader, options, at);
    if (previous) {
      context.report(
        documentWarning(
          'duplicate-field',
          `${context.label}: ${quote(declared.name)} is declared twice; the operators are merged`,
          at.pointer,
        ),
      );
      const merged = [
        ...previous[1].operators,
        ...field.operators.filter((o) => !previous[1].operators.includes(o)),
      ];
      previous[1] = { ...previous[1], operators: merged };
    } else {
      const entry: [string, FieldSchema] = [declared.name, field];
      entries.push(entry);
      byName.set(declared.name, entry);
    }
  }
  const composite = declaration.composite?.filter((w): w is CompositeOperator => COMPOSITES.has(w));
  const sortDescription = sorters ? own(sorters.value, 'description') : undefined;
  const sortable = typeof sortDescription === 'string' ? readSortableFields(sortDescription) : undefined;
  const schema = {
    fields: Object.fromEntries(entries),
    ...(composite ? { composite } : {}),
    ...(declaration.caseSensitive !== undefined ? { caseSensitive: declaration.caseSensitive } : {}),
    ...(sortable ? { sorters: sortable } : {}),
  };
  const loaded = loadSchema(schema);
  for (const problem of loaded.diagnostics) {
    context.report({
      ...problem,
      message: `${context.label}: ${problem.message} (schema ${problem.pointer})`,
      pointer: at.pointer,
    });
  }
  return loaded.ok ? loaded.schema : undefined;
}

/**
 * Imports the filter whitelists of an OpenAPI 3 document (an object, or JSON or YAML text): one
 * endpoint for every operation with a `filters` query parameter, its schema read from the
 * parameter's description (fields, operators, composite operators, case sensitivity, "Possible
 * Values") and typed from the 200 response's item schema, plus the sortable fields of its
 * `sorters` parameter. Internal `$ref`s are resolved. Never throws: what cannot be read is
 * reported in `diagnostics`.
 *
 * @example
 * const { endpoints } = importOpenApi(readFileSync('sailpoint-api.v3.json', 'utf8'));
 * const executions = endpoints.find((e) => e.path === '/workflows/{id}/executions');
 */
export function importOpenApi(document: unknown, options?: OpenApiImportOptions): OpenApiImport {
  const diagnostics: DocumentDiagnostic[] = [];
  // Every message passes here: whatever document text it carries (a path, a YAML error's excerpt),
  // control and bidi characters come out escaped.
  const report: Report = (d) => diagnostics.push({ ...d, message: escapeInvisibles(d.message) });
  const endpoints: ImportedEndpoint[] = [];
  try {
    const root = readDocument(document, report);
    if (!root) return { endpoints, diagnostics };
    const refs = new RefResolver(root, report);
    const reader = new SchemaReader(refs);
    const paths = own(root, 'paths');
    if (!isRecord(paths)) {
      report(documentError('invalid-document', 'The document has no `paths` object', '/paths'));
      return { endpoints, diagnostics };
    }
    for (const [path, rawItem] of Object.entries(paths)) {
      const itemPointer = childPointer('/paths', path);
      const item = refs.object(rawItem, itemPointer);
      if (!item) continue;
      for (const method of METHODS) {
        const operationPointer = childPointer(itemPointer, method);
        const operation = refs.object(own(item.value, method), operationPointer);
        if (!operation) continue;
        const parameters = parametersOf(item.value, itemPointer, operation.value, operationPointer, refs);
        const filters = parameters.get('query:filters');
        if (!filters) continue;
        const operationId = own(operation.value, 'operationId');
        const label = `${method.toUpperCase()} ${path}`;
        const context = { pointer: operationPointer, label, report };
        const itemSchema = responseItemSchema(operation.value, operationPointer, refs);
        const schema = buildSchema(
          filters,
          parameters.get('query:sorters'),
          itemSchema,
          reader,
          options,
          context,
        );
        if (!schema) continue;
        const example = exampleOf(filters, refs);
        endpoints.push({
          method: method.toUpperCase(),
          path,
          ...(typeof operationId === 'string' ? { operationId } : {}),
          schema,
          ...(example !== undefined ? { example: example.value, examplePointer: example.pointer } : {}),
          pointer: operationPointer,
        });
      }
    }
  } catch (cause) {
    // Only a hostile object (a throwing getter, a proxy) gets here; parsed JSON or YAML never does.
    const why = cause instanceof Error ? cause.message : String(cause);
    report(documentError('unreadable-document', `The document could not be read: ${why}`, ''));
  }
  return { endpoints, diagnostics };
}

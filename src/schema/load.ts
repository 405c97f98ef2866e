import { COMPOSITE_OPERATORS, type CompositeOperator } from '../ast/index.js';
import { type DiagnosticAcceptor, quote } from '../diagnostic/index.js';
import { isFieldPath } from '../language/chars.js';
import { checkKeys, isRecord, readField } from './check-field.js';
import { childPointer, type DocumentDiagnostic, documentError } from './document-diagnostic.js';
import { readUniqueWords, shown } from './read-list.js';
import { listWords } from './suggest.js';
import type { FieldSchema, Schema } from './types.js';

/** A schema that loaded: a clean copy of it, and warnings (never errors). */
export interface SchemaLoadSuccess {
  readonly ok: true;
  readonly schema: Schema;
  readonly diagnostics: readonly DocumentDiagnostic[];
}

/** A schema that did not load: at least one error, each pointing into the document. */
export interface SchemaLoadFailure {
  readonly ok: false;
  readonly diagnostics: readonly DocumentDiagnostic[];
}

/** The result of {@link loadSchema}. */
export type SchemaLoadResult = SchemaLoadSuccess | SchemaLoadFailure;

const ROOT_KEYS = ['fields', 'composite', 'caseSensitive', 'sorters'] as const;

function readComposite(
  root: Record<string, unknown>,
  report: DiagnosticAcceptor<DocumentDiagnostic>,
): CompositeOperator[] | undefined {
  if (!Object.hasOwn(root, 'composite') || root.composite === undefined) return undefined;
  const list = root.composite;
  if (!Array.isArray(list)) {
    report(
      documentError(
        'invalid-composite',
        `${quote('composite')} must be a list such as ["and", "or"]`,
        '/composite',
      ),
    );
    return undefined;
  }
  const isComposite = (item: unknown): item is CompositeOperator =>
    (COMPOSITE_OPERATORS as readonly unknown[]).includes(item);
  return readUniqueWords(
    list,
    '/composite',
    isComposite,
    (item) => [
      'unknown-composite-operator',
      `Unknown composite operator ${shown(item)}. Composite operators: ${listWords(COMPOSITE_OPERATORS, quote)}`,
    ],
    ['duplicate-operator', 'Composite operator'],
    report,
  ).words;
}

function readSorters(
  root: Record<string, unknown>,
  report: DiagnosticAcceptor<DocumentDiagnostic>,
): string[] | undefined {
  if (!Object.hasOwn(root, 'sorters') || root.sorters === undefined) return undefined;
  const list = root.sorters;
  if (!Array.isArray(list)) {
    report(documentError('invalid-sorters', `${quote('sorters')} must be a list of field names`, '/sorters'));
    return undefined;
  }
  const isSorter = (item: unknown): item is string => typeof item === 'string' && isFieldPath(item);
  return readUniqueWords(
    list,
    '/sorters',
    isSorter,
    (item) => ['invalid-sorters', `Sortable field ${shown(item)} is not a dotted field path`],
    ['duplicate-sorter', 'Sortable field'],
    report,
  ).words;
}

function readFields(
  root: Record<string, unknown>,
  caseSensitive: boolean,
  report: DiagnosticAcceptor<DocumentDiagnostic>,
): Record<string, FieldSchema> | undefined {
  if (!Object.hasOwn(root, 'fields') || !isRecord(root.fields)) {
    report(
      documentError(
        'invalid-fields',
        `A schema needs ${quote('fields')}: an object of field declarations`,
        '/fields',
      ),
    );
    return undefined;
  }
  const entries: [string, FieldSchema][] = [];
  let complete = true;
  for (const [name, declaration] of Object.entries(root.fields)) {
    const field = readField(name, declaration, caseSensitive, childPointer('/fields', name), report);
    if (field) entries.push([name, field]);
    else complete = false;
  }
  // fromEntries defines own properties, so even a field named `__proto__` stays plain data.
  return complete ? Object.fromEntries(entries) : undefined;
}

function readSchema(input: unknown, report: DiagnosticAcceptor<DocumentDiagnostic>): Schema | undefined {
  if (!isRecord(input)) {
    report(documentError('invalid-schema', 'A schema must be a JSON object with a `fields` object', ''));
    return undefined;
  }
  checkKeys(input, ROOT_KEYS, '', report);
  let caseSensitive: boolean | undefined;
  if (Object.hasOwn(input, 'caseSensitive') && input.caseSensitive !== undefined) {
    if (typeof input.caseSensitive === 'boolean') caseSensitive = input.caseSensitive;
    else
      report(
        documentError(
          'invalid-property',
          `${quote('caseSensitive')} must be true or false`,
          '/caseSensitive',
        ),
      );
  }
  const fields = readFields(input, caseSensitive ?? false, report);
  const composite = readComposite(input, report);
  const sorters = readSorters(input, report);
  if (!fields) return undefined;
  return {
    fields,
    ...(composite ? { composite } : {}),
    ...(caseSensitive !== undefined ? { caseSensitive } : {}),
    ...(sorters ? { sorters } : {}),
  };
}

/**
 * Checks a schema and returns every problem found, each with a JSON Pointer. Errors make a schema
 * unusable; warnings (a duplicate operator, `co` on a number field...) do not.
 */
export function checkSchema(input: unknown): DocumentDiagnostic[] {
  const problems: DocumentDiagnostic[] = [];
  try {
    readSchema(input, (p) => problems.push(p));
  } catch (cause) {
    problems.push(unreadable(cause));
  }
  return problems;
}

function unreadable(cause: unknown): DocumentDiagnostic {
  // Only a hostile object (a throwing getter, a revoked proxy) gets here; JSON data never does.
  const why = cause instanceof Error ? `: ${cause.message}` : '';
  return documentError('unreadable-schema', `The schema could not be read${why}`, '');
}

/**
 * Loads a schema from untrusted data: a parsed JSON value or JSON text. Never throws. On success
 * the schema is a fresh, frozen copy holding only the known properties.
 *
 * @example
 * const loaded = loadSchema('{"fields": {"status": {"type": "string", "operators": ["eq"]}}}');
 * if (!loaded.ok) console.log(loaded.diagnostics.map((d) => `${d.pointer}: ${d.message}`));
 */
export function loadSchema(input: unknown): SchemaLoadResult {
  let value = input;
  if (typeof input === 'string') {
    try {
      value = JSON.parse(input);
    } catch (cause) {
      const why = cause instanceof Error ? cause.message : 'unknown error';
      return {
        ok: false,
        diagnostics: [documentError('invalid-json', `The schema is not valid JSON: ${why}`, '')],
      };
    }
  }
  const problems: DocumentDiagnostic[] = [];
  let schema: Schema | undefined;
  try {
    schema = readSchema(value, (p) => problems.push(p));
  } catch (cause) {
    problems.push(unreadable(cause));
  }
  if (!schema || problems.some((p) => p.severity === 'error')) return { ok: false, diagnostics: problems };
  return { ok: true, schema: deepFreeze(schema), diagnostics: problems };
}

/** Freezes plain data all the way down (objects and arrays only). */
export function deepFreeze<T>(value: T): T {
  const stack: unknown[] = [value];
  while (stack.length > 0) {
    const item = stack.pop();
    if (typeof item !== 'object' || item === null || Object.isFrozen(item)) continue;
    Object.freeze(item);
    for (const child of Object.values(item)) stack.push(child);
  }
  return value;
}

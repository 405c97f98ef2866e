import { COMPOSITE_OPERATORS, type CompositeOperator } from '../ast/index.js';
import { type DiagnosticAcceptor, type DocumentCode, quote } from '../diagnostic/index.js';
import { isFieldPath } from '../language/chars.js';
import {
  checkKeys,
  definedOnly,
  isRecord,
  notBoolean,
  ownValue,
  readField,
  readProperty,
} from './check-field.js';
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

/**
 * Reads the optional list `key` of the root (a list of unique words): the words, or undefined
 * when it is absent or no list (reported as `notList`).
 */
function readWordList<T extends string>(
  root: Record<string, unknown>,
  key: string,
  notList: readonly [code: DocumentCode, message: string],
  isValid: (item: unknown) => item is T,
  invalid: (item: unknown) => readonly [code: DocumentCode, message: string],
  duplicate: readonly [code: DocumentCode, noun: string],
  report: DiagnosticAcceptor<DocumentDiagnostic>,
): T[] | undefined {
  const list = ownValue(root, key);
  const at = `/${key}`;
  if (list === undefined) return undefined;
  if (!Array.isArray(list)) {
    report(documentError(notList[0], `${quote(key)} ${notList[1]}`, at));
    return undefined;
  }
  return readUniqueWords(list, at, isValid, invalid, duplicate, report).words;
}

function readFields(
  root: Record<string, unknown>,
  caseSensitive: boolean,
  report: DiagnosticAcceptor<DocumentDiagnostic>,
): Record<string, FieldSchema> | undefined {
  const fields = ownValue(root, 'fields');
  if (!isRecord(fields)) {
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
  for (const [name, declaration] of Object.entries(fields)) {
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
  const caseSensitive = readProperty<boolean>(input, 'caseSensitive', '', report, notBoolean);
  const fields = readFields(input, caseSensitive ?? false, report);
  const composite = readWordList(
    input,
    'composite',
    ['invalid-composite', 'must be a list such as ["and", "or"]'],
    (item): item is CompositeOperator => (COMPOSITE_OPERATORS as readonly unknown[]).includes(item),
    (item) => [
      'unknown-composite-operator',
      `Unknown composite operator ${shown(item)}. Composite operators: ${listWords(COMPOSITE_OPERATORS)}`,
    ],
    ['duplicate-operator', 'Composite operator'],
    report,
  );
  const sorters = readWordList(
    input,
    'sorters',
    ['invalid-sorters', 'must be a list of field names'],
    (item): item is string => typeof item === 'string' && isFieldPath(item),
    (item) => ['invalid-sorters', `Sortable field ${shown(item)} is not a dotted field path`],
    ['duplicate-sorter', 'Sortable field'],
    report,
  );
  if (!fields) return undefined;
  return definedOnly<Schema>({ fields, composite, caseSensitive, sorters });
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

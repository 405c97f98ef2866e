import { type DiagnosticAcceptor, quote } from '../diagnostic/index.js';
import { isFieldPath } from '../language/chars.js';
import { isKeyword } from '../language/operators.js';
import { checkOperatorTypes, readOperators } from './check-operators.js';
import {
  childPointer,
  type DocumentDiagnostic,
  documentError,
  documentWarning,
} from './document-diagnostic.js';
import { shown } from './read-list.js';
import { clearBestMatch, didYouMean, listWords } from './suggest.js';
import type { DateTimeStorage, FieldSchema, FieldType } from './types.js';

/** The field types a schema may declare. */
export const FIELD_TYPES: readonly FieldType[] = [
  'string',
  'number',
  'integer',
  'boolean',
  'date-time',
  'unknown',
];

/** The properties a field schema may have (the schema format's, and what schemas are read by). */
export const FIELD_KEYS = [
  'type',
  'operators',
  'enum',
  'closed',
  'collection',
  'caseSensitive',
  'path',
  'column',
  'storage',
  'description',
] as const;

/** The values of a date-time field's `storage`. */
export const DATE_TIME_STORAGES: readonly DateTimeStorage[] = ['text', 'timestamp'];

/** Whether `value` is a plain data object (not null, not an array). */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Keys that are not part of the format are errors (a misspelt `operatorz` silently ignored would
 * widen a whitelist), except `$`-prefixed and `x-` keys, which are left for tools and comments.
 */
export function checkKeys(
  record: Record<string, unknown>,
  known: readonly string[],
  pointer: string,
  report: DiagnosticAcceptor<DocumentDiagnostic>,
): void {
  for (const key of Object.keys(record)) {
    if (known.includes(key) || key.startsWith('$') || key.startsWith('x-')) continue;
    const near = clearBestMatch(key, known);
    report(
      documentError(
        'unknown-property',
        `Unknown property ${quote(key)}${didYouMean(near ? [near] : [], quote)} Known properties: ${listWords(known, quote)}`,
        childPointer(pointer, key),
      ),
    );
  }
}

/** Whether `name` can be a field of a schema: a field path the parser accepts, not a keyword. */
function isValidFieldName(name: string): boolean {
  return isFieldPath(name) && !isKeyword(name);
}

function readBoolean(
  field: Record<string, unknown>,
  key: string,
  pointer: string,
  report: DiagnosticAcceptor<DocumentDiagnostic>,
): boolean | undefined {
  if (!Object.hasOwn(field, key) || field[key] === undefined) return undefined;
  const value = field[key];
  if (typeof value === 'boolean') return value;
  report(
    documentError('invalid-property', `${quote(key)} must be true or false`, childPointer(pointer, key)),
  );
  return undefined;
}

function readText(
  field: Record<string, unknown>,
  key: string,
  pointer: string,
  report: DiagnosticAcceptor<DocumentDiagnostic>,
  check?: (text: string) => string | undefined,
): string | undefined {
  if (!Object.hasOwn(field, key) || field[key] === undefined) return undefined;
  const value = field[key];
  const problem = typeof value !== 'string' ? 'must be a string' : check?.(value);
  if (problem === undefined) return value as string;
  report(documentError('invalid-property', `${quote(key)} ${problem}`, childPointer(pointer, key)));
  return undefined;
}

function readType(
  field: Record<string, unknown>,
  pointer: string,
  report: DiagnosticAcceptor<DocumentDiagnostic>,
): FieldType | undefined {
  const at = childPointer(pointer, 'type');
  if (!Object.hasOwn(field, 'type')) {
    report(documentError('missing-type', `The field has no ${quote('type')}`, pointer));
    return undefined;
  }
  const type = field.type;
  if (typeof type === 'string' && (FIELD_TYPES as readonly string[]).includes(type)) return type as FieldType;
  const near = typeof type === 'string' ? clearBestMatch(type, FIELD_TYPES) : undefined;
  report(
    documentError(
      'unknown-type',
      `Unknown type ${shown(type)}${didYouMean(near ? [near] : [], quote)} Types: ${listWords(FIELD_TYPES, quote)}`,
      at,
    ),
  );
  return undefined;
}

function readEnum(
  field: Record<string, unknown>,
  type: FieldType | undefined,
  caseSensitive: boolean,
  pointer: string,
  report: DiagnosticAcceptor<DocumentDiagnostic>,
): string[] | undefined {
  if (!Object.hasOwn(field, 'enum') || field.enum === undefined) return undefined;
  const at = childPointer(pointer, 'enum');
  const list = field.enum;
  if (!Array.isArray(list) || list.length === 0 || list.some((v) => typeof v !== 'string')) {
    report(documentError('invalid-enum', `${quote('enum')} must be a non-empty list of strings`, at));
    return undefined;
  }
  if (type !== undefined && type !== 'string') {
    report(documentError('enum-requires-string', `${quote('enum')} applies to string fields only`, at));
    return undefined;
  }
  const seen = new Set<string>();
  const values: string[] = [];
  (list as string[]).forEach((value, index) => {
    const key = caseSensitive ? value : value.toLowerCase();
    if (seen.has(key)) {
      const how = caseSensitive ? '' : ' (values are compared ignoring case)';
      report(
        documentWarning(
          'duplicate-enum-value',
          `Value ${quote(value)} is listed twice${how}`,
          childPointer(at, index),
        ),
      );
      return;
    }
    seen.add(key);
    values.push(value);
  });
  return values;
}

function readStorage(
  field: Record<string, unknown>,
  type: FieldType | undefined,
  collection: boolean,
  pointer: string,
  report: DiagnosticAcceptor<DocumentDiagnostic>,
): DateTimeStorage | undefined {
  if (!Object.hasOwn(field, 'storage') || field.storage === undefined) return undefined;
  const at = childPointer(pointer, 'storage');
  const value = field.storage;
  if (!(DATE_TIME_STORAGES as readonly unknown[]).includes(value)) {
    const message = `${quote('storage')} must be ${listWords(DATE_TIME_STORAGES, quote, { conjunction: 'or' })}; it is ${shown(value)}`;
    report(documentError('invalid-property', message, at));
    return undefined;
  }
  if ((type !== undefined && type !== 'date-time') || collection) {
    const what = collection ? 'a collection' : `a ${quote(String(type))} field`;
    const message = `${quote('storage')} applies to single date-time fields only; this is ${what}`;
    report(documentError('storage-requires-date-time', message, at));
    return undefined;
  }
  return value as DateTimeStorage;
}

/**
 * Reads and checks one field declaration, reporting every problem. Returns the field as plain
 * data (known keys only) when it has no errors.
 */
export function readField(
  name: string,
  value: unknown,
  schemaCaseSensitive: boolean,
  pointer: string,
  report: DiagnosticAcceptor<DocumentDiagnostic>,
): FieldSchema | undefined {
  let failed = false;
  const sink: DiagnosticAcceptor<DocumentDiagnostic> = (problem) => {
    if (problem.severity === 'error') failed = true;
    report(problem);
  };
  if (!isValidFieldName(name)) {
    const why = isKeyword(name)
      ? 'is a reserved word'
      : 'is not a field path (letters, digits and _ joined by dots)';
    sink(documentError('invalid-field-name', `Field name ${quote(name)} ${why}`, pointer));
  }
  if (!isRecord(value)) {
    sink(documentError('invalid-field', `Field ${quote(name)} must be an object`, pointer));
    return undefined;
  }
  checkKeys(value, FIELD_KEYS, pointer, sink);
  const type = readType(value, pointer, sink);
  const operators = readOperators(value, pointer, sink);
  const collection = readBoolean(value, 'collection', pointer, sink);
  const caseSensitive = readBoolean(value, 'caseSensitive', pointer, sink);
  const values = readEnum(value, type, caseSensitive ?? schemaCaseSensitive, pointer, sink);
  const path = readText(value, 'path', pointer, sink, (t) =>
    isFieldPath(t) ? undefined : 'must be a dotted path',
  );
  const column = readText(value, 'column', pointer, sink, (t) =>
    t.length > 0 && !t.includes('\u0000') ? undefined : 'must be a non-empty name',
  );
  const closed = readBoolean(value, 'closed', pointer, sink);
  // A malformed `enum` is reported as such; `closed` is wrong only without one, or on a collection.
  const noEnum = !Object.hasOwn(value, 'enum') || value.enum === undefined;
  if (closed === true && (noEnum || collection === true)) {
    const what = collection === true ? 'a collection' : `a field without ${quote('enum')}`;
    const message = `${quote('closed')} applies to single string fields with an ${quote('enum')}; this is ${what}`;
    sink(documentError('closed-requires-enum', message, childPointer(pointer, 'closed')));
  }
  const storage = readStorage(value, type, collection === true, pointer, sink);
  const description = readText(value, 'description', pointer, sink);
  if (operators) checkOperatorTypes(operators, type, collection === true, pointer, sink);
  if (failed || !type || !operators) return undefined;
  return {
    type,
    operators: operators.words,
    ...(values ? { enum: values } : {}),
    ...(closed !== undefined ? { closed } : {}),
    ...(collection !== undefined ? { collection } : {}),
    ...(caseSensitive !== undefined ? { caseSensitive } : {}),
    ...(path !== undefined ? { path } : {}),
    ...(column !== undefined ? { column } : {}),
    ...(storage !== undefined ? { storage } : {}),
    ...(description !== undefined ? { description } : {}),
  };
}

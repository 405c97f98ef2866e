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
import { listWords, suggestAmong } from './suggest.js';
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

/**
 * The properties a field schema may have (the schema format's, and what schemas are read by), in
 * the order a loaded field holds them.
 */
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

/** `record[key]` when it is an own property, else undefined: a schema is read by its own properties only. */
export function ownValue(record: Record<string, unknown>, key: string): unknown {
  return Object.hasOwn(record, key) ? record[key] : undefined;
}

/** `record` without its undefined properties, in its order: what was read holds only what was written. */
export function definedOnly<T extends object>(record: { readonly [K in keyof T]-?: T[K] | undefined }): T {
  return Object.fromEntries(Object.entries(record).filter(([, value]) => value !== undefined)) as T;
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
    report(
      documentError(
        'unknown-property',
        `Unknown property ${quote(key)}${suggestAmong(key, known, 'Known properties')}`,
        childPointer(pointer, key),
      ),
    );
  }
}

/**
 * The optional property `key` of `record` (at `pointer`): its value, or undefined when it is
 * absent or `problem` finds one (`must be true or false`), reported as an `invalid-property` error.
 */
export function readProperty<T>(
  record: Record<string, unknown>,
  key: string,
  pointer: string,
  report: DiagnosticAcceptor<DocumentDiagnostic>,
  problem: (value: unknown) => string | undefined,
): T | undefined {
  const value = ownValue(record, key);
  if (value === undefined) return undefined;
  const why = problem(value);
  if (why === undefined) return value as T;
  report(documentError('invalid-property', `${quote(key)} ${why}`, childPointer(pointer, key)));
  return undefined;
}

/** The problem of a value that should be a boolean. */
export function notBoolean(value: unknown): string | undefined {
  return typeof value === 'boolean' ? undefined : 'must be true or false';
}

/** The problem of a value that should be text `check` accepts (any text without one). */
function notText(check?: (text: string) => boolean, what?: string): (value: unknown) => string | undefined {
  return (value) =>
    typeof value !== 'string' ? 'must be a string' : check?.(value) === false ? what : undefined;
}

function readType(
  field: Record<string, unknown>,
  pointer: string,
  report: DiagnosticAcceptor<DocumentDiagnostic>,
): FieldType | undefined {
  if (!Object.hasOwn(field, 'type')) {
    report(documentError('missing-type', `The field has no ${quote('type')}`, pointer));
    return undefined;
  }
  const type = field.type;
  if ((FIELD_TYPES as readonly unknown[]).includes(type)) return type as FieldType;
  report(
    documentError(
      'unknown-type',
      `Unknown type ${shown(type)}${suggestAmong(typeof type === 'string' ? type : undefined, FIELD_TYPES, 'Types')}`,
      childPointer(pointer, 'type'),
    ),
  );
  return undefined;
}

function readEnum(
  list: unknown,
  type: FieldType | undefined,
  caseSensitive: boolean,
  at: string,
  report: DiagnosticAcceptor<DocumentDiagnostic>,
): string[] | undefined {
  if (list === undefined) return undefined;
  if (!Array.isArray(list) || list.length === 0 || list.some((v) => typeof v !== 'string')) {
    report(documentError('invalid-enum', `${quote('enum')} must be a non-empty list of strings`, at));
    return undefined;
  }
  if (type !== undefined && type !== 'string') {
    report(documentError('enum-requires-string', `${quote('enum')} applies to string fields only`, at));
    return undefined;
  }
  const seen = new Set<string>();
  const how = caseSensitive ? '' : ' (values are compared ignoring case)';
  return (list as string[]).filter((value, index) => {
    const key = caseSensitive ? value : value.toLowerCase();
    if (!seen.has(key)) {
      seen.add(key);
      return true;
    }
    report(
      documentWarning(
        'duplicate-enum-value',
        `Value ${quote(value)} is listed twice${how}`,
        childPointer(at, index),
      ),
    );
    return false;
  });
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
  const fail = (code: Parameters<typeof documentError>[0], message: string, key?: string): undefined => {
    sink(documentError(code, message, key === undefined ? pointer : childPointer(pointer, key)));
  };
  if (!isFieldPath(name) || isKeyword(name)) {
    const why = isKeyword(name)
      ? 'is a reserved word'
      : 'is not a field path (letters, digits and _ joined by dots)';
    fail('invalid-field-name', `Field name ${quote(name)} ${why}`);
  }
  if (!isRecord(value)) return fail('invalid-field', `Field ${quote(name)} must be an object`);
  const read = <T>(key: string, problem: (value: unknown) => string | undefined): T | undefined =>
    readProperty<T>(value, key, pointer, sink, problem);
  checkKeys(value, FIELD_KEYS, pointer, sink);
  const type = readType(value, pointer, sink);
  const operators = readOperators(value, pointer, sink);
  const collection = read<boolean>('collection', notBoolean);
  const caseSensitive = read<boolean>('caseSensitive', notBoolean);
  const enumList = ownValue(value, 'enum');
  const values = readEnum(
    enumList,
    type,
    caseSensitive ?? schemaCaseSensitive,
    childPointer(pointer, 'enum'),
    sink,
  );
  const path = read<string>('path', notText(isFieldPath, 'must be a dotted path'));
  const column = read<string>(
    'column',
    notText((t) => t.length > 0 && !t.includes('\u0000'), 'must be a non-empty name'),
  );
  const closed = read<boolean>('closed', notBoolean);
  // A malformed `enum` is reported as such; `closed` is wrong only without one, or on a collection.
  if (closed === true && (enumList === undefined || collection === true)) {
    const what = collection === true ? 'a collection' : `a field without ${quote('enum')}`;
    const message = `${quote('closed')} applies to single string fields with an ${quote('enum')}; this is ${what}`;
    fail('closed-requires-enum', message, 'closed');
  }
  const storage = read<DateTimeStorage>('storage', (given) =>
    (DATE_TIME_STORAGES as readonly unknown[]).includes(given)
      ? undefined
      : `must be ${listWords(DATE_TIME_STORAGES, quote, { conjunction: 'or' })}; it is ${shown(given)}`,
  );
  if (storage !== undefined && ((type !== undefined && type !== 'date-time') || collection === true)) {
    const what = collection === true ? 'a collection' : `a ${quote(String(type))} field`;
    const message = `${quote('storage')} applies to single date-time fields only; this is ${what}`;
    fail('storage-requires-date-time', message, 'storage');
  }
  const description = read<string>('description', notText());
  if (operators) checkOperatorTypes(operators, type, collection === true, pointer, sink);
  // Any error leaves the field out, so a value refused above never reaches it.
  if (failed || !type || !operators) return undefined;
  return definedOnly<FieldSchema>({
    type,
    operators: operators.words,
    enum: values,
    closed,
    collection,
    caseSensitive,
    path,
    column,
    storage,
    description,
  });
}

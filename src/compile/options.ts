import type { Diagnostic } from '../diagnostic/diagnostic.js';
import { quote, showValue } from '../diagnostic/text.js';
import { orList } from '../language/operator-text.js';
import { ownSchema } from '../schema/own.js';
import type { DateTimeStorage, Schema } from '../schema/types.js';
import type { CaseFolding } from './case-folding.js';
import { compileDiagnostic } from './compile-error.js';
import { sqlDialectNames } from './sql/dialects.js';
import type { SqlDialectName } from './sql/types.js';

/**
 * The options validator of both compilers: every option is read as an own property (a getter
 * that throws, or a polluted prototype, cannot slip a value in) and checked before anything is
 * compiled, so a bad option is a typed `compile-invalid-option` diagnostic, never broken SQL
 * (`COLLATE undefined`, `$Infinity`).
 */

const NO_SPAN = { start: 0, end: 0 };
const FOLDINGS: readonly unknown[] = ['unicode', 'ascii'];

/** The checked options of `compilePredicate`. */
export type PredicateSettings =
  | {
      readonly ok: true;
      readonly schema: Schema;
      readonly folding: CaseFolding;
      readonly generateCode: boolean;
    }
  | { readonly ok: false; readonly diagnostics: readonly Diagnostic[] };

/** The checked options of `compileSql`. */
export type SqlSettings =
  | {
      readonly ok: true;
      readonly schema: Schema;
      readonly dialect: SqlDialectName;
      readonly folding: CaseFolding | undefined;
      readonly offset: number;
      readonly table: string | undefined;
      /** The `storage` option: per field name, overriding the field's own. */
      readonly storage: ReadonlyMap<string, DateTimeStorage>;
    }
  | { readonly ok: false; readonly diagnostics: readonly Diagnostic[] };

class OptionReader {
  readonly diagnostics: Diagnostic[] = [];

  constructor(private readonly options: unknown) {
    if (typeof options !== 'object' || options === null) {
      this.bad('options', options, 'an object with at least `schema`');
    }
  }

  bad(name: string, value: unknown, must: string): void {
    const message = `The option ${quote(name)} must be ${must}; it is ${showValue(value)}.`;
    this.diagnostics.push(compileDiagnostic('compile-invalid-option', message, NO_SPAN));
  }

  read(name: string): unknown {
    const options = this.options;
    if (typeof options !== 'object' || options === null) return undefined;
    try {
      return Object.hasOwn(options, name) ? (options as Record<string, unknown>)[name] : undefined;
    } catch {
      this.bad(name, undefined, 'readable (its getter threw)');
      return undefined;
    }
  }

  schema(): Schema {
    const schema = this.read('schema');
    const fields = typeof schema === 'object' && schema !== null && Object.hasOwn(schema, 'fields');
    if (!fields || typeof (schema as { fields: unknown }).fields !== 'object') {
      if (this.diagnostics.length === 0) this.bad('schema', schema, 'a schema object with `fields`');
      return { fields: {} };
    }
    return ownSchema(schema as Schema);
  }

  folding(): CaseFolding | undefined {
    const folding = this.read('caseFolding');
    if (folding === undefined || FOLDINGS.includes(folding)) return folding as CaseFolding | undefined;
    this.bad('caseFolding', folding, "`'unicode'`, `'ascii'` or left out");
    return undefined;
  }
}

const own = Object.prototype.hasOwnProperty;

// The settings of the last well-formed call, and the schema object they came from: compiles come
// in runs against one schema, and this saves ownSchema's WeakMap lookup and the settings object
// per compile. Only the last schema is held (settings are never mutated).
let lastGiven: object | undefined;
let lastSettings: PredicateSettings & { ok: true } = {
  ok: true,
  schema: { fields: {} },
  folding: 'unicode',
  generateCode: false,
};

function settingsOf(schema: object, folding: CaseFolding, generateCode: boolean): PredicateSettings {
  const last = lastSettings;
  if (schema === lastGiven) {
    if (last.folding === folding && last.generateCode === generateCode) return last;
    lastSettings = { ok: true, schema: last.schema, folding, generateCode };
    return lastSettings;
  }
  const snapshot = ownSchema(schema as Schema);
  lastGiven = schema;
  lastSettings = { ok: true, schema: snapshot, folding, generateCode };
  return lastSettings;
}

/**
 * The usual call, `{ schema }` with well-formed options, checked without building a reader, or
 * undefined for anything else (a getter that throws included), which the reader then checks
 * and reports: same reads, same answers, no diagnostics array per compile.
 */
function wellFormedPredicateOptions(options: unknown): PredicateSettings | undefined {
  if (typeof options !== 'object' || options === null) return undefined;
  try {
    const o = options as Record<string, unknown>;
    const schema = own.call(o, 'schema') ? o.schema : undefined;
    if (typeof schema !== 'object' || schema === null || !own.call(schema, 'fields')) return undefined;
    const fields = (schema as { fields: unknown }).fields;
    if (typeof fields !== 'object') return undefined;
    const folding = own.call(o, 'caseFolding') ? o.caseFolding : undefined;
    if (folding !== undefined && folding !== 'unicode' && folding !== 'ascii') return undefined;
    const generateCode = own.call(o, 'generateCode') ? o.generateCode : undefined;
    if (generateCode !== undefined && typeof generateCode !== 'boolean') return undefined;
    return settingsOf(schema, folding ?? 'unicode', generateCode === true);
  } catch {
    return undefined;
  }
}

/** Checks the options of `compilePredicate`. */
export function checkPredicateOptions(options: unknown): PredicateSettings {
  const fast = wellFormedPredicateOptions(options);
  if (fast !== undefined) return fast;
  const reader = new OptionReader(options);
  const schema = reader.schema();
  const folding = reader.folding() ?? 'unicode';
  const generateCode = reader.read('generateCode');
  if (generateCode !== undefined && typeof generateCode !== 'boolean') {
    reader.bad('generateCode', generateCode, '`true`, `false` or left out');
  }
  if (reader.diagnostics.length > 0) return { ok: false, diagnostics: reader.diagnostics };
  return { ok: true, schema, folding, generateCode: generateCode === true };
}

/**
 * Checks the options of `compileSql`. `maxParameters` gives the bind limit of a dialect, which
 * bounds `parameterOffset`, or undefined for a value that names no dialect; `dialectNames` are
 * the dialects a message lists (default: the dialect table's).
 */
export function checkSqlOptions(
  options: unknown,
  maxParameters: (dialect: unknown) => number | undefined,
  dialectNames: readonly string[] = sqlDialectNames(),
): SqlSettings {
  const reader = new OptionReader(options);
  if (reader.diagnostics.length > 0) return { ok: false, diagnostics: reader.diagnostics };
  const schema = reader.schema();
  const dialect = reader.read('dialect');
  const limit = maxParameters(dialect);
  if (limit === undefined) reader.bad('dialect', dialect, orList(dialectNames.map((name) => `\`${name}\``)));
  const folding = reader.folding();
  const offset = reader.read('parameterOffset');
  const max = limit ?? 65_535;
  if (
    offset !== undefined &&
    !(typeof offset === 'number' && Number.isInteger(offset) && offset >= 0 && offset <= max)
  ) {
    reader.bad('parameterOffset', offset, `a whole number from 0 to ${max}`);
  }
  const table = reader.read('table');
  if (table !== undefined && typeof table !== 'string') reader.bad('table', table, 'a string');
  const storage = readStorage(reader, schema);
  if (reader.diagnostics.length > 0) return { ok: false, diagnostics: reader.diagnostics };
  return {
    ok: true,
    schema,
    dialect: dialect as SqlDialectName,
    folding,
    offset: (offset as number | undefined) ?? 0,
    table: table as string | undefined,
    storage,
  };
}

const NO_STORAGE: ReadonlyMap<string, DateTimeStorage> = new Map();

/**
 * The `storage` option: an object mapping single date-time fields of the schema to `'text'` or
 * `'timestamp'`, read by own properties (an inherited key is never seen).
 */
function readStorage(reader: OptionReader, schema: Schema): ReadonlyMap<string, DateTimeStorage> {
  const given = reader.read('storage');
  if (given === undefined) return NO_STORAGE;
  if (typeof given !== 'object' || given === null || Array.isArray(given)) {
    reader.bad('storage', given, "an object mapping date-time fields to `'text'` or `'timestamp'`");
    return NO_STORAGE;
  }
  const storage = new Map<string, DateTimeStorage>();
  try {
    for (const name of Object.keys(given)) {
      const value = (given as Record<string, unknown>)[name];
      const field = Object.hasOwn(schema.fields, name) ? schema.fields[name] : undefined;
      if (field === undefined || field.type !== 'date-time' || field.collection === true) {
        reader.bad(`storage.${name}`, value, 'set for a single date-time field of the schema only');
      } else if (value !== 'text' && value !== 'timestamp') {
        reader.bad(`storage.${name}`, value, "`'text'` or `'timestamp'`");
      } else storage.set(name, value);
    }
  } catch {
    reader.bad('storage', undefined, 'readable (a getter threw)');
  }
  return storage;
}

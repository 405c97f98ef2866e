import type { Diagnostic } from '../../diagnostic/diagnostic.js';
import { quote } from '../../diagnostic/text.js';
import { refusedSchemaOption } from '../../schema/checked.js';
import type { DateTimeStorage, FieldSchema, Schema } from '../../schema/types.js';
import { checkSqlOptions } from '../options.js';
import type { ColumnCatalog, ColumnKind, StoredType, TableColumn } from './dialect.js';
import { sqlDialect } from './dialects.js';
import type { SqlDialectName } from './types.js';

/**
 * One column as the engine's catalog gives it: a row of `information_schema.columns`
 * (PostgreSQL: `column_name`, `data_type`, `udt_name`, `collation_name`, and `deterministic`
 * from `pg_collation.collisdeterministic` if you have it; MySQL: `COLUMN_NAME`, `DATA_TYPE`,
 * `CHARACTER_SET_NAME`, `COLLATION_NAME`; keys in either case) or of SQLite's
 * `PRAGMA table_info` (`name`, `type`).
 */
export type TableColumnRow = Readonly<Record<string, unknown>>;

/** Options of {@link checkTable}. */
export interface CheckTableOptions {
  /** The engine the table lives in. */
  readonly dialect: SqlDialectName;
  /** The table's columns, as catalog rows. */
  readonly columns: readonly TableColumnRow[];
  /** The `storage` option `compileSql` is called with, if any (per field, over the schema's). */
  readonly storage?: Readonly<Record<string, DateTimeStorage>>;
  /**
   * MySQL: the time zone sessions run the fragment at (`@@time_zone`, `SYSTEM` resolved to
   * `@@system_time_zone`), to check `TIMESTAMP` columns; left out, it is not checked.
   */
  readonly timeZone?: string;
}

/** What {@link checkTable} reports: codes, each about one field and its column. */
export type TableProblemCode =
  | 'table-invalid-input'
  | 'table-missing-column'
  | 'table-column-type'
  | 'table-column-text'
  | 'table-column-session';

/** One mismatch between a schema and a table. */
export interface TableProblem {
  readonly code: TableProblemCode;
  /** The schema field, or undefined for a problem with the input itself. */
  readonly field: string | undefined;
  /** The column the field compiles to. */
  readonly column: string | undefined;
  /** One line: the field, the column, what it is and what the compiler needs. */
  readonly message: string;
}

function text(row: TableColumnRow, ...keys: string[]): string | undefined {
  for (const key of keys) {
    for (const name of [key, key.toUpperCase()]) {
      if (!Object.hasOwn(row, name)) continue;
      const value = row[name];
      if (typeof value === 'string') return value;
    }
  }
  return undefined;
}

function readColumn(row: unknown): TableColumn | undefined {
  if (typeof row !== 'object' || row === null) return undefined;
  const r = row as TableColumnRow;
  const name = text(r, 'column_name', 'name');
  const type = text(r, 'data_type', 'type');
  if (name === undefined || type === undefined) return undefined;
  const deterministic = Object.hasOwn(r, 'deterministic') ? r.deterministic : undefined;
  return {
    name,
    type,
    udtName: text(r, 'udt_name'),
    collation: text(r, 'collation_name', 'collation'),
    characterSet: text(r, 'character_set_name'),
    deterministic: typeof deterministic === 'boolean' ? deterministic : undefined,
  };
}

function invalid(message: string): TableProblem {
  return { code: 'table-invalid-input', field: undefined, column: undefined, message };
}

const fromDiagnostic = (d: Diagnostic) => invalid(d.message);

/** The kind of column `field` needs, or undefined for an `unknown` field (any column will do). */
function kindOf(field: FieldSchema, storage: DateTimeStorage | undefined): ColumnKind | undefined {
  if (field.type === 'unknown') return undefined;
  if (field.type === 'date-time' && (storage ?? field.storage) === 'timestamp') return 'timestamp';
  return field.type;
}

/** What a field needs, in words: `a date-time field in storage 'timestamp'`, `a collection of string values`. */
function needs(field: FieldSchema, kind: ColumnKind): string {
  if (field.collection === true) return `a collection of ${field.type} values`;
  if (field.type === 'date-time')
    return `a date-time field in storage '${kind === 'timestamp' ? 'timestamp' : 'text'}'`;
  return `a ${field.type} field`;
}

function fieldProblems(
  name: string,
  field: FieldSchema,
  storage: DateTimeStorage | undefined,
  byName: ReadonlyMap<string, TableColumn>,
  catalog: ColumnCatalog,
  timeZone: string | undefined,
): TableProblem[] {
  const columnName = field.column ?? name;
  const column = byName.get(catalog.namesFoldCase ? columnName.toLowerCase() : columnName);
  const at = `${quote(name)} (column ${quote(columnName)})`;
  const problem = (code: TableProblemCode, message: string): TableProblem => ({
    code,
    field: name,
    column: columnName,
    message: `${at}: ${message}`,
  });
  if (column === undefined) return [problem('table-missing-column', 'the table has no such column.')];
  const kind = kindOf(field, storage);
  if (kind === undefined) return [];
  const collection = field.collection === true;
  const type = catalog.typeName(column);
  const holds = collection ? catalog.collectionHolds(kind as StoredType) : catalog.holds[kind];
  if (!holds.includes(type)) {
    const native = !collection && kind === 'date-time' && catalog.holds.timestamp.includes(type);
    const hint = native ? " It is a native timestamp column: declare the field `storage: 'timestamp'`." : '';
    const list = holds.map((t) => quote(t)).join(', ');
    const message = `the column is ${quote(type)}; ${needs(field, kind)} needs one of ${list}.${hint}`;
    return [problem('table-column-type', message)];
  }
  const problems: TableProblem[] = [];
  if (kind === 'string') {
    const textProblem = catalog.textProblem(column);
    if (textProblem !== undefined) problems.push(problem('table-column-text', `${textProblem}.`));
  }
  if (kind === 'timestamp') {
    const session = catalog.sessionProblem(type, timeZone);
    if (session !== undefined) problems.push(problem('table-column-session', `${session}.`));
  }
  return problems;
}

/**
 * Checks an existing table against a schema, for the SQL `compileSql` writes for `dialect`:
 * every field whose column is missing, whose type does not hold the field's values as the
 * compiler expects (a date-time field on a `varchar` declared `storage: 'timestamp'`, or on a
 * `timestamptz` left as text), whose character set or collation breaks its comparisons (a
 * nondeterministic collation on PostgreSQL, NOCASE on SQLite, a character set other than utf8mb4
 * on MySQL; a case-insensitive MySQL collation is fine), or (MySQL) a `TIMESTAMP` column read by
 * sessions in another time zone than UTC. Nullability never matters: NULL is a missing value
 * everywhere. One problem per field, one line each; an empty list when the table fits. Never throws.
 *
 * @example
 * const { rows } = await client.query(
 *   'SELECT column_name, data_type, udt_name, collation_name FROM information_schema.columns WHERE table_name = $1',
 *   ['executions'],
 * );
 * for (const p of checkTable(schema, { dialect: 'postgres', columns: rows })) console.error(p.message);
 */
export function checkTable(schema: Schema, options: CheckTableOptions): TableProblem[] {
  try {
    const refused = refusedSchemaOption({ schema });
    if (refused !== undefined) return refused.diagnostics.map(fromDiagnostic);
    const given = options as Partial<CheckTableOptions> | null | undefined;
    const settings = checkSqlOptions(
      {
        schema,
        dialect: given?.dialect,
        ...(given?.storage !== undefined ? { storage: given.storage } : {}),
      },
      (name) => sqlDialect(name)?.maxParameters,
    );
    if (!settings.ok) return settings.diagnostics.map(fromDiagnostic);
    const rows = given?.columns;
    if (!Array.isArray(rows)) return [invalid('The option `columns` must be a list of catalog rows.')];
    const catalog = sqlDialect(settings.dialect)!.storage.catalog;
    const byName = new Map<string, TableColumn>();
    for (const row of rows as unknown[]) {
      const column = readColumn(row);
      if (column === undefined) {
        return [
          invalid(
            'Each row of `columns` needs a column name and a type (`column_name` and `data_type`, or `name` and `type`).',
          ),
        ];
      }
      byName.set(catalog.namesFoldCase ? column.name.toLowerCase() : column.name, column);
    }
    const timeZone = typeof given?.timeZone === 'string' ? given.timeZone : undefined;
    const problems: TableProblem[] = [];
    for (const name of Object.keys(settings.schema.fields)) {
      const field = settings.schema.fields[name]!;
      problems.push(...fieldProblems(name, field, settings.storage.get(name), byName, catalog, timeZone));
    }
    return problems;
  } catch {
    return [invalid('The schema or the options could not be read.')];
  }
}

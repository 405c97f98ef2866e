import { COLLECTION_OPTION_NAMES, ownList, readOptions } from '../collection/options.js';
import type { Sorter } from '../collection/sorters.js';
import type { CaseFolding } from '../compile/case-folding.js';
import { InvalidCollectionOptionsError } from '../compile/compile-error.js';
import { checkSqlOptions } from '../compile/options.js';
import { identifierProblem } from '../compile/sql/dialect.js';
import { foldingProblem, sqlDialect, sqlDialectNames } from '../compile/sql/dialects.js';
import { sortKeyColumn } from '../compile/sql/order-by.js';
import type { SqlDialectName } from '../compile/sql/types.js';
import { quote, showValue } from '../diagnostic/index.js';
import { ownSchema, schemaErrors } from '../schema/own.js';
import type { Schema } from '../schema/types.js';
import type { CollectionHandlerOptions } from './options.js';
import { ownEntries, type Problems, readOwnOptions } from './read-options.js';

/**
 * The collection handler's option check, run once when the handler is made. Each option has one
 * rule, shared with the entry that owns it: the collection parameters' with `parseCollectionQuery`
 * (`readOptions`, whose parser limits are `parse`'s own rule), `dialect`, `caseFolding`,
 * `parameterOffset` and `table` with `compileSql` (`checkSqlOptions`), the schema with
 * `loadSchema`. Whatever passes here cannot fail a request.
 */

/** Every option `createCollectionHandler` takes. */
const HANDLER_OPTION_NAMES: readonly string[] = [
  ...COLLECTION_OPTION_NAMES,
  'columns',
  'tiebreaker',
  'table',
  'dialect',
  'parameterOffset',
  'caseFolding',
  'storage',
  'defaultSorters',
  'trackingId',
  'maxMessages',
];

function fail(problems: readonly string[]): never {
  throw new InvalidCollectionOptionsError(problems.join('\n'));
}

/**
 * The smallest bind limit of the dialects: `parameterOffset`'s bound when no dialect is named,
 * so that `where` for any dialect can take it.
 */
function everyDialectMaxParameters(): number {
  return Math.min(...sqlDialectNames().map((name) => sqlDialect(name)!.maxParameters));
}

/** The options `compileSql` takes, checked by its own rule, and the table as an identifier. */
interface TargetOptions {
  readonly parameterOffset?: unknown;
  readonly caseFolding?: unknown;
  readonly table?: unknown;
}

/** An own property of `options`: a key left out is never read off a polluted prototype. */
function ownOption(options: TargetOptions, key: keyof TargetOptions): unknown {
  return Object.hasOwn(options, key) ? options[key] : undefined;
}

function targetProblems(dialect: unknown, given: TargetOptions, problems: Problems): void {
  const named = dialect !== undefined;
  const options: TargetOptions = {
    parameterOffset: ownOption(given, 'parameterOffset'),
    caseFolding: ownOption(given, 'caseFolding'),
    table: ownOption(given, 'table'),
  };
  const checked = checkSqlOptions(
    {
      schema: { fields: {} },
      ...(named ? { dialect } : {}),
      ...(options.parameterOffset !== undefined ? { parameterOffset: options.parameterOffset } : {}),
      ...(options.caseFolding !== undefined ? { caseFolding: options.caseFolding } : {}),
      ...(options.table !== undefined ? { table: options.table } : {}),
    },
    (name) => (named ? sqlDialect(name)?.maxParameters : everyDialectMaxParameters()),
  );
  const refused = checked.ok ? [] : checked.diagnostics.map((d) => d.message);
  for (const message of refused) {
    const everyDialect = !named && message.includes('`parameterOffset`');
    problems.push(everyDialect ? `${message} Without \`dialect\`, it must suit every dialect.` : message);
  }
  const table = options.table;
  if (typeof table === 'string' && identifierProblem(table) !== undefined) {
    problems.push(`The option \`table\`, ${showValue(table)}, ${identifierProblem(table)}.`);
  }
  const unread = (name: string) => refused.some((message) => message.includes(`\`${name}\``));
  if (named && options.caseFolding !== undefined && !unread('dialect') && !unread('caseFolding')) {
    const folding = foldingProblem(dialect as SqlDialectName, options.caseFolding as CaseFolding);
    if (folding !== undefined) problems.push(`The option \`caseFolding\` cannot be pinned: ${folding}`);
  }
}

/**
 * Checks that SQL can be written for `dialect` with these options: a known dialect, a usable
 * table name, a `parameterOffset` the dialect can bind, a case folding it can pin. Throws
 * {@link InvalidCollectionOptionsError}.
 */
export function checkSqlTarget(dialect: unknown, options: TargetOptions): void {
  const problems: Problems = [];
  targetProblems(dialect, options, problems);
  if (problems.length > 0) fail(problems);
}

function checkIdentifiers(option: string, names: readonly unknown[], problems: Problems): void {
  for (const name of names) {
    const problem = identifierProblem(name);
    if (problem !== undefined)
      problems.push(`The option ${quote(option)} names a column, ${showValue(name)}, that ${problem}.`);
  }
}

function readColumns(value: unknown, problems: Problems): Readonly<Record<string, string>> | undefined {
  if (value === undefined) return undefined;
  const entries = ownEntries(value);
  if (entries === undefined) {
    problems.push(
      `The option \`columns\` must be an object of column names by sort key; it is ${showValue(value)}.`,
    );
    return undefined;
  }
  const columns: Record<string, string> = Object.create(null);
  for (const [name, column] of entries) {
    const problem = identifierProblem(column);
    if (problem !== undefined) {
      problems.push(
        `The option \`columns\` gives sort key ${quote(name)} a column, ${showValue(column)}, that ${problem}.`,
      );
    } else columns[name] = column as string;
  }
  return Object.freeze(columns);
}

function readTiebreaker(value: unknown, problems: Problems): readonly string[] | undefined {
  if (value === undefined) return undefined;
  const list = ownList(value);
  if (list === undefined) {
    problems.push(
      `The option \`tiebreaker\` must be a list of column names (\`['id']\`); it is ${showValue(value)}.`,
    );
    return undefined;
  }
  checkIdentifiers('tiebreaker', list, problems);
  return Object.freeze(list as string[]);
}

function readDefaultSorters(value: unknown, problems: Problems): readonly Sorter[] | undefined {
  if (value === undefined) return undefined;
  const list = ownList(value);
  const must = "a list of `{ field, direction: 'asc' | 'desc' }`";
  if (list === undefined) {
    problems.push(`The option \`defaultSorters\` must be ${must}; it is ${showValue(value)}.`);
    return undefined;
  }
  const sorters: Sorter[] = [];
  for (const item of list) {
    const entries = new Map(ownEntries(item) ?? []);
    const field = entries.get('field');
    const direction = entries.get('direction');
    if (typeof field !== 'string' || (direction !== 'asc' && direction !== 'desc')) {
      problems.push(
        `The option \`defaultSorters\` must be ${must}; one item has field ${showValue(field)} and direction ${showValue(direction)}.`,
      );
    } else sorters.push(Object.freeze({ field, direction }));
  }
  return Object.freeze(sorters);
}

/**
 * Checks a collection handler's schema and options, once, when the handler is made, and returns
 * them as a frozen copy of plain data: the handler reads only that copy, so nothing done to the
 * caller's object afterwards (nor a getter that answers differently later) reaches a request.
 * Throws {@link InvalidCollectionOptionsError} listing every problem, each naming its option.
 */
export function checkHandlerOptions(schema: Schema, given: unknown): CollectionHandlerOptions {
  const errors = schemaErrors(schema);
  if (errors.length > 0) {
    fail(['The schema is not valid:', ...errors.map((d) => `${d.pointer || '/'}: ${d.message}`)]);
  }
  const problems: Problems = [];
  const raw = readOwnOptions(given, HANDLER_OPTION_NAMES, problems);
  const collection = readOptionsInto(raw, problems);
  const columns = readColumns(raw.columns, problems);
  const tiebreaker = readTiebreaker(raw.tiebreaker, problems);
  const defaultSorters = readDefaultSorters(raw.defaultSorters, problems);
  targetProblems(raw.dialect, raw, problems);
  const storage = readStorage(schema, raw.storage, problems);
  if (raw.trackingId !== undefined && typeof raw.trackingId !== 'function') {
    problems.push(
      `The option \`trackingId\` must be a function returning the id; it is ${showValue(raw.trackingId)}.`,
    );
  }
  const max = raw.maxMessages;
  if (max !== undefined && !(typeof max === 'number' && Number.isInteger(max) && max >= 1)) {
    problems.push(
      `The option \`maxMessages\` must be a whole number of at least 1; it is ${showValue(max)}.`,
    );
  }

  const own = ownSchema(schema);
  for (const [name, field] of Object.entries(own.fields)) {
    const problem = identifierProblem(field.column ?? name);
    if (problem !== undefined) problems.push(`The column of field ${quote(name)} ${problem}.`);
  }
  const sortColumn = (where: string, name: string) => {
    const found = sortKeyColumn(name, own, columns);
    if (!found.ok) problems.push(`${where}: ${found.message}`);
  };
  const sortable = collection.sorters ?? own.sorters ?? [];
  const where = collection.sorters ? 'The option `sorters`' : "The schema's `sorters`";
  for (const name of sortable) sortColumn(where, name);
  for (const sorter of defaultSorters ?? []) sortColumn('The option `defaultSorters`', sorter.field);
  if (problems.length > 0) fail(problems);

  // No prototype: an option left out reads as undefined even if Object.prototype is polluted.
  const options: Record<string, unknown> = Object.assign(Object.create(null), {
    ...raw,
    maxLimit: collection.maxLimit,
    defaultLimit: collection.defaultLimit,
    unknownParameters: collection.unknownParameters,
    otherParameters: Object.freeze([...collection.otherParameters]),
    ...(collection.sorters !== undefined ? { sorters: collection.sorters } : {}),
    ...(collection.limits !== undefined ? { limits: collection.limits } : {}),
    ...(columns !== undefined ? { columns } : {}),
    ...(tiebreaker !== undefined ? { tiebreaker } : {}),
    ...(defaultSorters !== undefined ? { defaultSorters } : {}),
    ...(storage !== undefined ? { storage } : {}),
  });
  return Object.freeze(options) as CollectionHandlerOptions;
}

/** The `storage` option, checked by `compileSql`'s own rule against the schema; a frozen copy. */
function readStorage(schema: Schema, storage: unknown, problems: Problems) {
  if (storage === undefined) return undefined;
  const checked = checkSqlOptions(
    { schema, dialect: sqlDialectNames()[0], storage },
    (name) => sqlDialect(name)?.maxParameters,
  );
  if (!checked.ok) {
    for (const d of checked.diagnostics) problems.push(d.message);
    return undefined;
  }
  return Object.freeze(Object.fromEntries(checked.storage));
}

/** The collection options, checked by `parseCollectionQuery`'s own rule; problems as sentences. */
function readOptionsInto(raw: Record<string, unknown>, problems: Problems) {
  const diagnostics: Parameters<typeof readOptions>[1] = [];
  const settings = readOptions(raw, diagnostics);
  for (const d of diagnostics) problems.push(/[.?!]$/.test(d.message) ? d.message : `${d.message}.`);
  return settings;
}

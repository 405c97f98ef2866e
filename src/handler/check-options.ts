import type { Sorter } from '../collection/sorters.js';
import type { CaseFolding } from '../compile/case-folding.js';
import { sqlDialect, sqlDialectNames, tryCompileSql } from '../compile/sql/compile-sql.js';
import { identifierProblem } from '../compile/sql/dialect.js';
import type { SqlDialectName } from '../compile/sql/types.js';
import { quote } from '../diagnostic/index.js';
import type { Schema } from '../schema/types.js';
import { parse } from '../syntax/parse.js';
import { InvalidCollectionOptionsError } from './errors.js';
import { DEFAULT_TIEBREAKER, type OrderByOptions, sorterColumn } from './order-by.js';

/** The options {@link checkSqlTarget} and {@link checkHandlerOptions} look at. */
interface TargetOptions {
  readonly caseFolding?: CaseFolding;
  readonly table?: string;
}

function fail(message: string): never {
  throw new InvalidCollectionOptionsError(message);
}

// A one-comparison filter on a string field: compiling it asks the compiler itself whether the
// dialect can pin the case folding, rather than repeating its rules here.
const PROBE = parse('f eq "a"');
const PROBE_SCHEMA: Schema = { fields: { f: { type: 'string', operators: ['eq'] } } };

/**
 * Checks that SQL can be written for `dialect` with these options: a known dialect, a usable
 * table name, a case folding the dialect can pin. Throws {@link InvalidCollectionOptionsError}.
 */
export function checkSqlTarget(dialect: unknown, options: TargetOptions): void {
  if (sqlDialect(dialect) === undefined) {
    fail(`Unknown SQL dialect ${quote(String(dialect))}; use one of ${sqlDialectNames().join(', ')}.`);
  }
  const table = options.table;
  const tableProblem = table === undefined ? undefined : identifierProblem(table);
  if (tableProblem !== undefined) fail(`The table name ${quote(String(table))} ${tableProblem}.`);
  if (options.caseFolding !== undefined && PROBE.ok) {
    const probe = tryCompileSql(PROBE.ast, {
      schema: PROBE_SCHEMA,
      dialect: dialect as SqlDialectName,
      caseFolding: options.caseFolding,
    });
    const problem = probe.diagnostics.find((d) => d.code === 'sql-case-folding-unsupported');
    if (problem !== undefined) fail(problem.message);
  }
}

/**
 * Checks a collection handler's options against its schema, once, when the handler is made:
 * every column the SQL can name (the schema's fields, the sort keys, the tiebreaker, the table)
 * must be usable, and the dialect (when given) known and able to pin the case folding.
 */
export function checkHandlerOptions(
  schema: Schema,
  options: OrderByOptions &
    TargetOptions & {
      readonly dialect?: unknown;
      readonly sorters?: readonly string[];
      readonly defaultSorters?: readonly Sorter[];
    },
): void {
  if (schema === null || typeof schema !== 'object' || typeof schema.fields !== 'object') {
    fail('The schema must be an object with `fields` (see defineSchema).');
  }
  for (const [name, field] of Object.entries(schema.fields)) {
    const problem = identifierProblem(field?.column ?? name);
    if (problem !== undefined) fail(`The column of field ${quote(name)} ${problem}.`);
  }
  for (const [name, column] of Object.entries(options.columns ?? {})) {
    const problem = identifierProblem(column);
    if (problem !== undefined)
      fail(`The column of sort key ${quote(name)}, ${quote(String(column))}, ${problem}.`);
  }
  for (const name of options.sorters ?? schema.sorters ?? []) sorterColumn(name, schema, options.columns);
  for (const sorter of options.defaultSorters ?? []) {
    if (sorter?.direction !== 'asc' && sorter?.direction !== 'desc') {
      fail(
        `A default sort key's direction must be \`asc\` or \`desc\`; it is ${quote(String(sorter?.direction))}.`,
      );
    }
    sorterColumn(String(sorter.field), schema, options.columns);
  }
  for (const name of options.tiebreaker ?? DEFAULT_TIEBREAKER) {
    const problem = identifierProblem(name);
    if (problem !== undefined) fail(`The tiebreaker column ${quote(String(name))} ${problem}.`);
  }
  if (options.dialect !== undefined) checkSqlTarget(options.dialect, options);
  else if (options.table !== undefined && identifierProblem(options.table) !== undefined) {
    fail(`The table name ${quote(String(options.table))} ${identifierProblem(options.table)}.`);
  }
}

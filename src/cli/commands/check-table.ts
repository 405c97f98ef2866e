import type { SqlDialectName } from '../../compile/index.js';
import { checkTable, type TableColumnRow } from '../../compile/sql/check-table.js';
import type { DateTimeStorage } from '../../schema/types.js';
import type { CommandContext } from '../context.js';
import { resolveSchema, type SchemaOptions } from '../endpoint.js';
import { CliError, EXIT } from '../errors.js';
import { toJson } from '../output/json.js';
import { readTextFile } from '../read.js';
import { readTableCatalog, type TableCatalog } from '../table-catalog.js';

/** The options of `v3-filters check-table`. */
export interface CheckTableCommandOptions extends SchemaOptions {
  readonly format: 'text' | 'json';
  readonly dialect: SqlDialectName;
  readonly table: string;
  /** A connection URL (PostgreSQL, MySQL) or a database file (SQLite). */
  readonly url?: string;
  /** A JSON file of catalog rows (`-`: stdin), instead of a connection. */
  readonly columns?: string;
  /** `field=timestamp` choices, as `compileSql`'s `storage` option. */
  readonly storage: readonly string[];
  /** MySQL: the time zone the application's sessions run at. */
  readonly timeZone?: string;
}

function storageOption(pairs: readonly string[]): Record<string, DateTimeStorage> {
  const storage: Record<string, DateTimeStorage> = {};
  for (const pair of pairs) {
    const [field, value] = pair.split('=');
    if (field === undefined || field === '' || (value !== 'text' && value !== 'timestamp')) {
      throw new CliError(`--storage ${pair}: write field=timestamp or field=text`);
    }
    storage[field] = value;
  }
  return storage;
}

async function catalogOf(options: CheckTableCommandOptions, context: CommandContext): Promise<TableCatalog> {
  if ((options.url === undefined) === (options.columns === undefined)) {
    throw new CliError(
      'check-table needs exactly one of --url (a live database) and --columns (a JSON file of catalog rows)',
    );
  }
  if (options.url !== undefined) return readTableCatalog(options.dialect, options.url, options.table);
  let rows: unknown;
  try {
    rows = JSON.parse(await readTextFile(options.columns!, context.io.stdin));
  } catch (cause) {
    if (cause instanceof CliError) throw cause;
    throw new CliError(`--columns ${options.columns}: not JSON`);
  }
  if (!Array.isArray(rows))
    throw new CliError(`--columns ${options.columns}: must be a JSON list of catalog rows`);
  return { columns: rows as TableColumnRow[], timeZone: undefined };
}

/**
 * `v3-filters check-table`: checks an existing table against a schema (`checkTable`), its
 * columns read from a live database or given as catalog rows. One line per problem on stdout
 * (or a JSON list), exit 1 when there is any, so a CI step catches a mismatch before users see
 * wrong rows.
 */
export async function checkTableCommand(
  options: CheckTableCommandOptions,
  context: CommandContext,
): Promise<number> {
  const resolved = await resolveSchema(options, context.io.stdin, context.note);
  if (!resolved) {
    throw new CliError(
      'check-table needs a schema: --schema F, or --endpoint (a built-in, or one of --openapi SPEC)',
    );
  }
  const storage = storageOption(options.storage);
  const catalog = await catalogOf(options, context);
  const timeZone = options.timeZone ?? catalog.timeZone;
  const problems = checkTable(resolved.schema, {
    dialect: options.dialect,
    columns: catalog.columns,
    ...(Object.keys(storage).length > 0 ? { storage } : {}),
    ...(timeZone !== undefined ? { timeZone } : {}),
  });
  if (options.format === 'json') context.io.stdout.write(toJson(problems));
  else {
    const lines = problems.map((p) => `${options.table}: ${p.message} [${p.code}]\n`);
    if (problems.length === 0) lines.push(`${options.table}: fits ${resolved.name} for ${options.dialect}\n`);
    context.io.stdout.write(lines.join(''));
  }
  return problems.length > 0 ? EXIT.problems : EXIT.clean;
}

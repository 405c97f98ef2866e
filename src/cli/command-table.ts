import type { CaseFolding, SqlDialectName } from '../compile/index.js';
import { sqlDialectNames } from '../compile/sql/dialects.js';
import { checkTableCommand } from './commands/check-table.js';
import { codegenCommand } from './commands/codegen.js';
import { endpointsCommand } from './commands/endpoints.js';
import { explainCommand } from './commands/explain.js';
import { fmtCommand } from './commands/fmt.js';
import { lintCommand } from './commands/lint.js';
import { lintOpenApiCommand } from './commands/lint-openapi.js';
import { sqlCommand } from './commands/sql.js';
import type { CommandContext } from './context.js';
import { limitsFrom, nonNegativeInteger, schemaOptionsFrom } from './options.js';

/** The options commander parsed for one command, camel-cased. */
export type ParsedOptions = Readonly<Record<string, unknown>>;

/** One option a command declares beyond the shared ones. */
export interface OptionSpec {
  /** Commander's flag syntax, e.g. `--dialect <dialect>`. */
  readonly flags: string;
  readonly description: string;
  readonly choices?: readonly string[];
  readonly defaultValue?: string;
  /** Converts the option's text; throws commander's InvalidArgumentError on a bad value. */
  readonly parse?: (value: string) => unknown;
  readonly required?: boolean;
}

/** One command of the `v3-filters` program, as data: `buildProgram` turns each into commander's. */
export interface CommandSpec {
  readonly name: string;
  readonly description: string;
  /** The positional argument, e.g. `[filters...]`, and what it means. */
  readonly argument?: { readonly syntax: string; readonly description: string };
  /** Takes `--file` (filters from a file or stdin). */
  readonly file?: boolean;
  /** Takes `--schema`, `--endpoint` and `--openapi`. */
  readonly schema?: boolean;
  /** Its command-specific options, in help order (after `--file` and the schema options). */
  readonly options?: readonly OptionSpec[];
  /** The `--format` choices, the first the default; none for a command without `--format`. */
  readonly formats?: readonly string[];
  /** Takes the parser limits (`--max-length`...). */
  readonly limits?: boolean;
  /** Runs the command with its positional argument (if any) and options; resolves to the exit status. */
  run(argument: unknown, options: ParsedOptions, context: CommandContext): Promise<number>;
}

/** `--dialect`, from the dialect table's names: a new dialect is a choice here without an edit. */
const DIALECT_OPTION = {
  flags: '--dialect <dialect>',
  description: 'SQL dialect',
  choices: sqlDialectNames(),
  defaultValue: 'postgres',
};

const FILTERS_ARGUMENT = (what: string) => ({
  syntax: '[filters...]',
  description: `filters to ${what} (default: --file, or stdin)`,
});

const text = (options: ParsedOptions, key: string): string | undefined =>
  typeof options[key] === 'string' ? (options[key] as string) : undefined;
const flag = (options: ParsedOptions, key: string): boolean => options[key] === true;
/** `{ [key]: value }` when the value is given, else nothing: options stay exact (no `undefined`). */
const given = <K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } =>
  (value === undefined ? {} : { [key]: value }) as { [P in K]?: V };
const filtersOf = (argument: unknown): string[] => (Array.isArray(argument) ? (argument as string[]) : []);

/** Every command, in the order `--help` lists them. */
export const COMMANDS: readonly CommandSpec[] = [
  {
    name: 'lint',
    description: "check filters: syntax, and with a schema the endpoint's whitelist",
    argument: FILTERS_ARGUMENT('check'),
    file: true,
    schema: true,
    formats: ['text', 'json', 'sarif'],
    options: [
      {
        flags: '--fix',
        description: 'apply the certain fixes; print the result, or rewrite --file in place',
      },
      {
        flags: '--unsafe-fixes',
        description: 'with --fix, also apply the schema\'s suggestions ("did you mean")',
      },
    ],
    limits: true,
    run: (argument, options, context) =>
      lintCommand(
        filtersOf(argument),
        {
          ...schemaOptionsFrom(options),
          ...given('file', text(options, 'file')),
          format: options.format as 'text' | 'json' | 'sarif',
          fix: flag(options, 'fix'),
          unsafeFixes: flag(options, 'unsafeFixes'),
          limits: limitsFrom(options),
        },
        context,
      ),
  },
  {
    name: 'lint-openapi',
    description: "check every `filters` example of an OpenAPI document against its own endpoint's whitelist",
    argument: { syntax: '<spec>', description: 'the OpenAPI document, JSON or YAML (- for stdin)' },
    options: [
      {
        flags: '--verbose',
        description: 'also list what reading the whitelists noted (untyped fields, unresolved $refs...)',
      },
    ],
    formats: ['text', 'json', 'sarif'],
    limits: true,
    run: (argument, options, context) =>
      lintOpenApiCommand(
        argument as string,
        {
          format: options.format as 'text' | 'json' | 'sarif',
          verbose: flag(options, 'verbose'),
          limits: limitsFrom(options),
        },
        context,
      ),
  },
  {
    name: 'fmt',
    description: 'print filters in canonical form',
    argument: FILTERS_ARGUMENT('format'),
    file: true,
    formats: ['text', 'json'],
    options: [
      {
        flags: '--check',
        description: 'print nothing but the filters not in canonical form; exit 1 if there are any',
      },
      { flags: '--write', description: 'rewrite --file in place' },
      { flags: '--prefix-pr', description: 'write `pr field` rather than `field pr`' },
    ],
    limits: true,
    run: (argument, options, context) =>
      fmtCommand(
        filtersOf(argument),
        {
          ...given('file', text(options, 'file')),
          format: options.format as 'text' | 'json',
          check: flag(options, 'check'),
          write: flag(options, 'write'),
          prefixPr: flag(options, 'prefixPr'),
          limits: limitsFrom(options),
        },
        context,
      ),
  },
  {
    name: 'explain',
    description: 'show the tree of each filter, with spans',
    argument: FILTERS_ARGUMENT('explain'),
    file: true,
    schema: true,
    formats: ['text', 'json'],
    limits: true,
    run: (argument, options, context) =>
      explainCommand(
        filtersOf(argument),
        {
          ...schemaOptionsFrom(options),
          ...given('file', text(options, 'file')),
          format: options.format as 'text' | 'json',
          limits: limitsFrom(options),
        },
        context,
      ),
  },
  {
    name: 'sql',
    description: 'compile filters to a parameterized SQL WHERE fragment',
    argument: FILTERS_ARGUMENT('compile'),
    file: true,
    schema: true,
    formats: ['text', 'json'],
    options: [
      DIALECT_OPTION,
      { flags: '--table <name>', description: 'qualify every column with this table name or alias' },
      {
        flags: '--case-folding <folding>',
        description: 'pin what case-insensitive comparisons fold',
        choices: ['ascii', 'unicode'] satisfies readonly CaseFolding[],
      },
      {
        flags: '--parameter-offset <n>',
        description: 'placeholders already bound before this fragment',
        parse: nonNegativeInteger,
      },
    ],
    limits: true,
    run: (argument, options, context) =>
      sqlCommand(
        filtersOf(argument),
        {
          ...schemaOptionsFrom(options),
          ...given('file', text(options, 'file')),
          format: options.format as 'text' | 'json',
          dialect: options.dialect as SqlDialectName,
          ...given('table', text(options, 'table')),
          ...given('caseFolding', text(options, 'caseFolding') as CaseFolding | undefined),
          ...given(
            'parameterOffset',
            typeof options.parameterOffset === 'number' ? options.parameterOffset : undefined,
          ),
          limits: limitsFrom(options),
        },
        context,
      ),
  },
  {
    name: 'check-table',
    description: "check an existing table's columns against a schema, for the SQL the compiler writes",
    schema: true,
    formats: ['text', 'json'],
    options: [
      DIALECT_OPTION,
      { flags: '--table <name>', description: 'the table (or schema.table)', required: true },
      { flags: '--url <url>', description: 'read the columns from this database (SQLite: a file)' },
      { flags: '--columns <file>', description: 'read them from a JSON list of catalog rows' },
      { flags: '--storage <field=storage...>', description: 'date-time storage per field' },
      { flags: '--time-zone <zone>', description: "MySQL: the sessions' time zone" },
    ],
    run: (_argument, options, context) =>
      checkTableCommand(
        {
          ...schemaOptionsFrom(options),
          format: options.format as 'text' | 'json',
          dialect: options.dialect as SqlDialectName,
          table: String(options.table),
          ...given('url', text(options, 'url')),
          ...given('columns', text(options, 'columns')),
          storage: Array.isArray(options.storage) ? (options.storage as string[]) : [],
          ...given('timeZone', text(options, 'timeZone')),
        },
        context,
      ),
  },
  {
    name: 'endpoints',
    description: 'list the built-in endpoints, or the operations of --openapi that take filters',
    options: [{ flags: '--openapi <spec>', description: 'OpenAPI document (JSON or YAML)' }],
    formats: ['text', 'json'],
    run: (_argument, options, context) =>
      endpointsCommand(
        { ...given('openapi', text(options, 'openapi')), format: options.format as 'text' | 'json' },
        context,
      ),
  },
  {
    name: 'codegen',
    description:
      'write a TypeScript module of typed schemas (defineSchema) for the endpoints of an OpenAPI document',
    options: [
      {
        flags: '--openapi <spec>',
        description: 'the OpenAPI document, JSON or YAML (- for stdin)',
        required: true,
      },
      {
        flags: '--endpoint <endpoint...>',
        description: 'only these endpoints: operationId, "METHOD /path" or path (repeatable)',
      },
      { flags: '--out <file>', description: 'write the module to this file (default: stdout)' },
      {
        flags: '--import-from <specifier>',
        description: 'the module the generated code imports defineSchema from',
        defaultValue: 'v3-filters',
      },
    ],
    run: (_argument, options, context) =>
      codegenCommand(
        {
          openapi: options.openapi as string,
          ...given('endpoints', Array.isArray(options.endpoint) ? (options.endpoint as string[]) : undefined),
          ...given('out', text(options, 'out')),
          importFrom: options.importFrom as string,
        },
        context,
      ),
  },
];

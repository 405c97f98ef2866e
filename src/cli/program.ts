import { Command, Option } from 'commander';
import type { CaseFolding, SqlDialectName } from '../compile/index.js';
import { codegenCommand } from './commands/codegen.js';
import { endpointsCommand } from './commands/endpoints.js';
import { explainCommand } from './commands/explain.js';
import { fmtCommand } from './commands/fmt.js';
import { lintCommand } from './commands/lint.js';
import { lintOpenApiCommand } from './commands/lint-openapi.js';
import { sqlCommand } from './commands/sql.js';
import type { CommandContext } from './context.js';
import type { CliIo } from './io.js';
import {
  addFileOption,
  addFormatOption,
  addLimitOptions,
  addSchemaOptions,
  limitsFrom,
  nonNegativeInteger,
  schemaOptionsFrom,
} from './options.js';

type Options = Readonly<Record<string, unknown>>;

const EXAMPLES = `
Examples:
  $ v3-filters lint 'status eq "Failed"' --endpoint workflow-executions
  $ v3-filters lint --fix --file filters.txt
  $ v3-filters lint-openapi sailpoint-api.v3.json --format sarif > filters.sarif
  $ v3-filters sql 'status eq "Failed"' --endpoint workflow-executions --dialect sqlite
  $ v3-filters codegen --openapi sailpoint-api.v3.json --out src/filter-schemas.ts

Exit status: 0 clean, 1 problems found, 2 usage or I/O error.
Colours only on a terminal, never with NO_COLOR; FORCE_COLOR forces them.`;

/**
 * The `v3-filters` program: its commands and options. `onExit` receives each command's exit
 * status; commander itself is told not to exit (see main.ts).
 */
export function buildProgram(io: CliIo, context: CommandContext, onExit: (code: number) => void): Command {
  const program = new Command('v3-filters');
  program
    .description('Lint, fix, format, explain and compile V3 `filters` expressions.')
    .version(context.version, '-V, --version')
    .option('--color', 'colour the output even when it is not a terminal (NO_COLOR still wins)')
    .option('--no-color', 'never colour the output')
    .exitOverride()
    .configureOutput({
      writeOut: (text) => io.stdout.write(text),
      writeErr: (text) => io.stderr.write(text),
    })
    .showHelpAfterError('(add --help for usage)')
    .addHelpText('after', EXAMPLES);

  const lint = program
    .command('lint')
    .description("check filters: syntax, and with a schema the endpoint's whitelist")
    .argument('[filters...]', 'filters to check (default: --file, or stdin)');
  addFileOption(lint);
  addSchemaOptions(lint);
  addFormatOption(lint, ['text', 'json', 'sarif']);
  lint
    .option('--fix', 'apply the certain fixes; print the result, or rewrite --file in place')
    .option('--unsafe-fixes', 'with --fix, also apply the schema\'s suggestions ("did you mean")');
  addLimitOptions(lint).action(async (filters: string[], options: Options) => {
    onExit(
      await lintCommand(
        filters,
        {
          ...schemaOptionsFrom(options),
          ...(typeof options.file === 'string' ? { file: options.file } : {}),
          format: options.format as 'text' | 'json' | 'sarif',
          fix: options.fix === true,
          unsafeFixes: options.unsafeFixes === true,
          limits: limitsFrom(options),
        },
        context,
      ),
    );
  });

  const lintOpenApi = program
    .command('lint-openapi')
    .description("check every `filters` example of an OpenAPI document against its own endpoint's whitelist")
    .argument('<spec>', 'the OpenAPI document, JSON or YAML (- for stdin)')
    .option('--verbose', 'also list what reading the whitelists noted (untyped fields, unresolved $refs...)');
  addFormatOption(lintOpenApi, ['text', 'json', 'sarif']);
  addLimitOptions(lintOpenApi).action(async (spec: string, options: Options) => {
    onExit(
      await lintOpenApiCommand(
        spec,
        {
          format: options.format as 'text' | 'json' | 'sarif',
          verbose: options.verbose === true,
          limits: limitsFrom(options),
        },
        context,
      ),
    );
  });

  const fmt = program
    .command('fmt')
    .description('print filters in canonical form')
    .argument('[filters...]', 'filters to format (default: --file, or stdin)');
  addFileOption(fmt);
  addFormatOption(fmt, ['text', 'json']);
  fmt
    .option('--check', 'print nothing but the filters not in canonical form; exit 1 if there are any')
    .option('--write', 'rewrite --file in place')
    .option('--prefix-pr', 'write `pr field` rather than `field pr`');
  addLimitOptions(fmt).action(async (filters: string[], options: Options) => {
    onExit(
      await fmtCommand(
        filters,
        {
          ...(typeof options.file === 'string' ? { file: options.file } : {}),
          format: options.format as 'text' | 'json',
          check: options.check === true,
          write: options.write === true,
          prefixPr: options.prefixPr === true,
          limits: limitsFrom(options),
        },
        context,
      ),
    );
  });

  const explain = program
    .command('explain')
    .description('show the tree of each filter, with spans')
    .argument('[filters...]', 'filters to explain (default: --file, or stdin)');
  addFileOption(explain);
  addSchemaOptions(explain);
  addFormatOption(explain, ['text', 'json']);
  addLimitOptions(explain).action(async (filters: string[], options: Options) => {
    onExit(
      await explainCommand(
        filters,
        {
          ...schemaOptionsFrom(options),
          ...(typeof options.file === 'string' ? { file: options.file } : {}),
          format: options.format as 'text' | 'json',
          limits: limitsFrom(options),
        },
        context,
      ),
    );
  });

  const sql = program
    .command('sql')
    .description('compile filters to a parameterized SQL WHERE fragment')
    .argument('[filters...]', 'filters to compile (default: --file, or stdin)');
  addFileOption(sql);
  addSchemaOptions(sql);
  addFormatOption(sql, ['text', 'json']);
  sql
    .addOption(
      new Option('--dialect <dialect>', 'SQL dialect')
        .choices(['postgres', 'sqlite', 'mysql'])
        .default('postgres'),
    )
    .option('--table <name>', 'qualify every column with this table name or alias')
    .addOption(
      new Option('--case-folding <folding>', 'pin what case-insensitive comparisons fold').choices([
        'ascii',
        'unicode',
      ]),
    )
    .addOption(
      new Option('--parameter-offset <n>', 'placeholders already bound before this fragment').argParser(
        nonNegativeInteger,
      ),
    );
  addLimitOptions(sql).action(async (filters: string[], options: Options) => {
    onExit(
      await sqlCommand(
        filters,
        {
          ...schemaOptionsFrom(options),
          ...(typeof options.file === 'string' ? { file: options.file } : {}),
          format: options.format as 'text' | 'json',
          dialect: options.dialect as SqlDialectName,
          ...(typeof options.table === 'string' ? { table: options.table } : {}),
          ...(typeof options.caseFolding === 'string'
            ? { caseFolding: options.caseFolding as CaseFolding }
            : {}),
          ...(typeof options.parameterOffset === 'number'
            ? { parameterOffset: options.parameterOffset }
            : {}),
          limits: limitsFrom(options),
        },
        context,
      ),
    );
  });

  const endpoints = program
    .command('endpoints')
    .description('list the built-in endpoints, or the operations of --openapi that take filters')
    .option('--openapi <spec>', 'OpenAPI document (JSON or YAML)');
  addFormatOption(endpoints, ['text', 'json']).action(async (options: Options) => {
    onExit(
      await endpointsCommand(
        {
          ...(typeof options.openapi === 'string' ? { openapi: options.openapi } : {}),
          format: options.format as 'text' | 'json',
        },
        context,
      ),
    );
  });

  program
    .command('codegen')
    .description(
      'write a TypeScript module of typed schemas (defineSchema) for the endpoints of an OpenAPI document',
    )
    .requiredOption('--openapi <spec>', 'the OpenAPI document, JSON or YAML (- for stdin)')
    .option(
      '--endpoint <endpoint...>',
      'only these endpoints: operationId, "METHOD /path" or path (repeatable)',
    )
    .option('--out <file>', 'write the module to this file (default: stdout)')
    .option(
      '--import-from <specifier>',
      'the module the generated code imports defineSchema from',
      'v3-filters',
    )
    .action(async (options: Options) => {
      onExit(
        await codegenCommand(
          {
            openapi: options.openapi as string,
            ...(Array.isArray(options.endpoint) ? { endpoints: options.endpoint as string[] } : {}),
            ...(typeof options.out === 'string' ? { out: options.out } : {}),
            importFrom: options.importFrom as string,
          },
          context,
        ),
      );
    });

  return program;
}

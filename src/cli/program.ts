import { Command, Option } from 'commander';
import { COMMANDS, type CommandSpec, type OptionSpec, type ParsedOptions } from './command-table.js';
import type { CommandContext } from './context.js';
import type { CliIo } from './io.js';
import { addFileOption, addFormatOption, addLimitOptions, addSchemaOptions } from './options.js';

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

  for (const spec of COMMANDS) addCommand(program, spec, context, onExit);
  return program;
}

function toOption(spec: OptionSpec): Option {
  const option = new Option(spec.flags, spec.description);
  if (spec.choices) option.choices(spec.choices);
  if (spec.defaultValue !== undefined) option.default(spec.defaultValue);
  if (spec.parse) option.argParser(spec.parse);
  if (spec.required) option.makeOptionMandatory();
  return option;
}

/** Declares one command from its spec: shared options in one order, then its own, then the limits. */
function addCommand(
  program: Command,
  spec: CommandSpec,
  context: CommandContext,
  onExit: (code: number) => void,
): void {
  const command = program.command(spec.name).description(spec.description);
  if (spec.argument) command.argument(spec.argument.syntax, spec.argument.description);
  if (spec.file) addFileOption(command);
  if (spec.schema) addSchemaOptions(command);
  if (spec.formats) addFormatOption(command, spec.formats);
  for (const option of spec.options ?? []) command.addOption(toOption(option));
  if (spec.limits) addLimitOptions(command);
  command.action(async (...args: unknown[]) => {
    // Commander passes the positional argument (when declared) first, then the options.
    const options = (spec.argument ? args[1] : args[0]) as ParsedOptions;
    onExit(await spec.run(spec.argument ? args[0] : undefined, options, context));
  });
}

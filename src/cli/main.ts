/**
 * The `v3-filters` command line. `bin/v3-filters.js` calls {@link runCli}; so can a test or
 * another program, with its own {@link CliIo}.
 * @module
 */
import { CommanderError } from 'commander';
import { createContext, packageVersion } from './context.js';
import { CliError, EXIT, messageOf } from './errors.js';
import { type CliIo, processIo } from './io.js';
import { buildProgram } from './program.js';

/**
 * Runs the CLI on `argv` (the arguments after the program name) and returns the exit status:
 * 0 clean, 1 problems found, 2 usage or I/O error. Never throws and never prints a stack trace:
 * whatever goes wrong ends as one line on stderr.
 */
export async function runCli(argv: readonly string[], io: CliIo = processIo()): Promise<number> {
  let exitCode: number = EXIT.clean;
  let color: boolean | undefined;
  const context = createContext(io, () => color, packageVersion());
  const program = buildProgram(context.io, context, (code) => {
    exitCode = code;
  });
  program.hook('preAction', (_root, command) => {
    const given = command.optsWithGlobals().color;
    // commander sets `color` to true by default because of `--no-color`; only an explicit flag counts.
    const source = program.getOptionValueSource('color');
    color = source === 'cli' ? given === true : undefined;
  });
  try {
    await program.parseAsync([...argv], { from: 'user' });
    return exitCode;
  } catch (cause) {
    if (cause instanceof CommanderError) {
      // Help and version end with 0; every other commander error is a usage error.
      return cause.exitCode === 0 ? EXIT.clean : EXIT.usage;
    }
    if (cause instanceof CliError) {
      context.io.stderr.write(`v3-filters: ${cause.message}\n`);
      return EXIT.usage;
    }
    context.io.stderr.write(`v3-filters: internal error: ${messageOf(cause)}\n`);
    return EXIT.usage;
  }
}

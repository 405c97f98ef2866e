import { runCli as runMain } from '../../../src/cli/main.js';
import { memoryIo } from './memory-io.js';
import type { CliRun } from './run-cli.js';

/** How to run in-process: stdin content, environment, terminal streams. */
export interface InProcessOptions {
  readonly stdin?: string | Uint8Array;
  readonly env?: Readonly<Record<string, string | undefined>>;
  readonly tty?: boolean;
}

/**
 * Runs the CLI's own code (`runCli` of src/cli/main.ts) in this process, with buffers for the
 * streams: the same commands, options and outputs as the binary, without a child process's
 * start-up (most of which is loading the parser library). Tests that are about the binary
 * itself (the shim, real pipes, environment variables, exit statuses) spawn it instead.
 */
export async function runInProcess(args: readonly string[], options: InProcessOptions = {}): Promise<CliRun> {
  const io = memoryIo({
    stdin: options.stdin ?? '',
    ...(options.env ? { env: options.env } : {}),
    ...(options.tty !== undefined ? { tty: options.tty } : {}),
  });
  const code = await runMain(args, io);
  const stdout = io.out();
  return { code, stdout, stderr: io.err(), stdoutBytes: Buffer.from(stdout, 'utf8') };
}

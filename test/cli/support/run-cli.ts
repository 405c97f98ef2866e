import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { ROOT } from './build.js';

/** The bin shim, run exactly as npm would run it. */
export const BIN = join(ROOT, 'bin', 'v3-filters.js');

/** What a run of the real binary produced. */
export interface CliRun {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
  readonly stdoutBytes: Buffer;
}

/** How to run it: stdin content (none: an empty pipe), extra environment, working directory. */
export interface RunOptions {
  readonly stdin?: string | Buffer;
  readonly env?: Readonly<Record<string, string | undefined>>;
  readonly cwd?: string;
}

/**
 * Spawns `node bin/v3-filters.js ...args` as a child process. The colour variables of the test
 * runner's own environment are removed, so output is plain unless a test asks otherwise.
 */
export function runCli(args: readonly string[], options: RunOptions = {}): Promise<CliRun> {
  const env: Record<string, string> = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (value !== undefined && key !== 'NO_COLOR' && key !== 'FORCE_COLOR' && key !== 'NODE_OPTIONS')
      env[key] = value;
  }
  for (const [key, value] of Object.entries(options.env ?? {})) {
    if (value === undefined) delete env[key];
    else env[key] = value;
  }
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd: options.cwd ?? ROOT, env });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => out.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => err.push(chunk));
    child.on('error', reject);
    // The CLI may stop reading early (an I/O error); that is its right, not a test failure.
    child.stdin.on('error', () => {});
    child.on('close', (code) => {
      const stdoutBytes = Buffer.concat(out);
      resolve({
        code,
        stdout: stdoutBytes.toString('utf8'),
        stderr: Buffer.concat(err).toString('utf8'),
        stdoutBytes,
      });
    });
    child.stdin.end(options.stdin ?? '');
  });
}

/** A Node stack trace line: what the CLI must never print. */
export const STACK_TRACE = /^\s+at .+\(?.*:\d+:\d+\)?$/m;

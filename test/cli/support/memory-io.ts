import type { CliIo } from '../../../src/cli/io.js';

/** A CliIo over buffers, for running the CLI in-process (fast enough for property tests). */
export interface MemoryIo extends CliIo {
  readonly out: () => string;
  readonly err: () => string;
  /** Both streams as a terminal shows them: in the order they were written. */
  readonly all: () => string;
}

/** Options: stdin bytes, whether each stream claims to be a terminal, environment. */
export interface MemoryIoOptions {
  readonly stdin?: string | Uint8Array;
  readonly tty?: boolean;
  readonly env?: Readonly<Record<string, string | undefined>>;
}

/** Builds an in-memory CliIo. */
export function memoryIo(options: MemoryIoOptions = {}): MemoryIo {
  let out = '';
  let err = '';
  let all = '';
  const input = options.stdin ?? '';
  const bytes = typeof input === 'string' ? new TextEncoder().encode(input) : input;
  const tty = options.tty === true;
  return {
    stdout: {
      write: (text) => {
        out += text;
        all += text;
      },
      isTTY: tty,
    },
    stderr: {
      write: (text) => {
        err += text;
        all += text;
      },
      isTTY: tty,
    },
    stdin: {
      isTTY: tty && options.stdin === undefined,
      async *[Symbol.asyncIterator]() {
        // In chunks, as a pipe delivers them.
        for (let i = 0; i < bytes.length; i += 65_536) yield bytes.subarray(i, i + 65_536);
      },
    },
    env: options.env ?? {},
    out: () => out,
    err: () => err,
    all: () => all,
  };
}

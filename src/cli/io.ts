/**
 * Where the CLI reads and writes. Commands never touch `process` directly, so a test (or an
 * embedding program) can run them against buffers.
 */

/** A text sink: stdout or stderr. */
export interface Writer {
  write(text: string): void;
  /** Whether the sink is a terminal (colours are allowed only there). */
  readonly isTTY: boolean;
}

/** A byte source: stdin. */
export interface ByteSource {
  readonly isTTY: boolean;
  [Symbol.asyncIterator](): AsyncIterator<Uint8Array | string>;
}

/** The process surroundings a command may use. */
export interface CliIo {
  readonly stdout: Writer;
  readonly stderr: Writer;
  readonly stdin: ByteSource;
  /** Environment variables (NO_COLOR, FORCE_COLOR). */
  readonly env: Readonly<Record<string, string | undefined>>;
}

/** The real process: stdout, stderr and stdin of Node. */
export function processIo(): CliIo {
  return {
    stdout: {
      write: (text) => {
        process.stdout.write(text);
      },
      isTTY: process.stdout.isTTY === true,
    },
    stderr: {
      write: (text) => {
        process.stderr.write(text);
      },
      isTTY: process.stderr.isTTY === true,
    },
    // Read lazily: touching process.stdin opens it, which a command without stdin input never needs.
    stdin: {
      get isTTY() {
        return process.stdin.isTTY === true;
      },
      [Symbol.asyncIterator]: () => process.stdin[Symbol.asyncIterator](),
    },
    env: process.env,
  };
}
